// Draw every chart of the page: its spec is a JSON block the browser does not run.
(function () {
  "use strict";
  document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    var options = {actions: false, renderer: "svg", mode: el.dataset.mode || "vega-lite",
                   tooltip: {theme: "light"}};
    vegaEmbed(el, spec, options).then(function () {
      el.dataset.rendered = "yes";
    }).catch(function (err) {
      el.dataset.rendered = "error";
      el.textContent = "The chart could not be drawn: " + err;
    });
  });
})();
