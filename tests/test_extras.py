"""Optional extras: PostgreSQL, Dask, WARC support and the explorer say which extra to install when missing.

A missing package is made missing for real here: `sys.modules[name] = None` makes Python's
import of it fail, exactly as in an install without the extra.
"""
from __future__ import annotations

import sys
import tomllib

import pytest
from conftest import ROOT

from newsgraph.extras import MissingExtra, require


def hide(monkeypatch, *modules: str) -> None:
    for name in modules:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)


def test_a_missing_module_names_its_extra():
    with pytest.raises(MissingExtra, match=r"pip install 'newsgraph\[warc\]'") as info:
        require("newsgraph_no_such_module.sub", "warc", "WARC input")
    assert isinstance(info.value, ImportError)
    assert str(info.value).startswith("WARC input needs newsgraph_no_such_module")


def test_the_extras_are_declared_and_the_core_does_without_them():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert {"postgres", "dask", "warc", "web", "test"} <= set(extras)
    core = " ".join(project["dependencies"])
    for package in ("psycopg", "dask", "distributed", "warcio", "starlette", "uvicorn", "jinja2",
                    "vl-convert"):
        assert package not in core, package


def test_postgres_without_psycopg_says_what_to_install(monkeypatch, capsys):
    from newsgraph.cli import main

    hide(monkeypatch, "psycopg")
    assert main(["sql", "SELECT 1", "--db", "postgresql://nobody@127.0.0.1:9/none"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'newsgraph[postgres]'" in err


def test_ingest_into_postgres_without_psycopg_says_what_to_install(monkeypatch, capsys, tmp_path):
    from newsgraph.cli import main

    hide(monkeypatch, "psycopg")
    (tmp_path / "a.txt").write_text("LIMA - Peru's congress voted on Thursday.", encoding="utf-8")
    code = main(["ingest", str(tmp_path), "--db", "postgresql://nobody@127.0.0.1:9/none", "--quiet"])
    assert code == 2
    assert "pip install 'newsgraph[postgres]'" in capsys.readouterr().err


def test_dask_engine_without_distributed_says_what_to_install(monkeypatch, tmp_path):
    from newsgraph.corpus.ingest import ingest

    hide(monkeypatch, "distributed", "dask")
    (tmp_path / "a.txt").write_text("LIMA - Peru's congress voted on Thursday.", encoding="utf-8")
    with pytest.raises(MissingExtra, match=r"pip install 'newsgraph\[dask\]'"):
        ingest([str(tmp_path)], str(tmp_path / "c.duckdb"), workers=1, engine="dask")


def test_warc_input_without_warcio_says_what_to_install(monkeypatch, tmp_path):
    from newsgraph.corpus.sources import iter_items

    hide(monkeypatch, "warcio")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"")
    with pytest.raises(MissingExtra, match=r"pip install 'newsgraph\[warc\]'"):
        list(iter_items([str(path)]))


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch, capsys, tmp_path):
    from newsgraph.cli import main

    hide(monkeypatch, "starlette")
    assert main(["serve", "--db", str(tmp_path / "c.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'newsgraph[web]'" in err
