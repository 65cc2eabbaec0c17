// The article view: click marked text to see the fields of the record behind it. Everything
// is written with textContent: record values are never parsed as markup.
(function () {
  "use strict";
  var facts = JSON.parse(document.getElementById("facts-data").textContent);
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var text = document.getElementById("text");

  function value(v) {
    if (v === null || v === undefined) return "null";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  function select(indexes) {
    text.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    text.querySelectorAll("[data-facts]").forEach(function (el) {
      var own = el.dataset.facts.split(" ");
      if (indexes.some(function (i) { return own.indexOf(String(i)) >= 0; })) el.classList.add("selected");
    });
  }

  function show(indexes) {
    body.replaceChildren();
    indexes.forEach(function (i) {
      var fact = facts[i];
      var box = document.createElement("section");
      var head = document.createElement("h3");
      head.textContent = fact.id + " · " + fact.label;
      box.appendChild(head);
      var table = document.createElement("table");
      Object.keys(fact.fields).forEach(function (key) {
        var row = table.insertRow();
        var k = row.insertCell(); k.textContent = key; k.className = "key";
        row.insertCell().textContent = value(fact.fields[key]);
      });
      box.appendChild(table);
      body.appendChild(box);
    });
    panel.hidden = indexes.length === 0;
    select(indexes);
  }

  text.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-facts]");
    if (!el || !el.dataset.facts) return;
    show(el.dataset.facts.split(" ").filter(Boolean).map(Number));
  });
  document.getElementById("panel-close").addEventListener("click", function () { show([]); });
})();
