"""`newsgraph.__version__` changes when the output changes.

tests/data/output_fingerprint.json keeps, for one version, a hash of the demo articles'
records, of the knowledge tables and of the record's schema (scripts/output_fingerprint.py).
A change that moves any of them without a new version fails here; so does a new version whose
fingerprint was not recorded. The version itself is written once, in newsgraph/__init__.py.
"""
from __future__ import annotations

import tomllib

from conftest import ROOT, load_script

import newsgraph

fingerprint = load_script("output_fingerprint")


def test_the_output_fingerprint_belongs_to_the_current_version(nlp_pipeline):
    kept = fingerprint.stored()
    current = fingerprint.fingerprint(nlp_pipeline)
    changed = fingerprint.changed_parts(current, kept)
    how = "run .venv/bin/python scripts/output_fingerprint.py to record the new fingerprint"
    if kept["version"] != newsgraph.__version__:
        assert False, (f"newsgraph.__version__ is {newsgraph.__version__} but the kept fingerprint "
                       f"is of {kept['version']}: {how}")
    assert not changed, (f"output changed ({', '.join(changed)}): bump newsgraph.__version__ "
                         f"(still {newsgraph.__version__}) and {how}")


def test_the_fingerprint_sees_a_changed_or_reordered_record(demo_records):
    records = list(demo_records.values())
    edited = [dict(r) for r in records]
    edited[0]["title"] = (edited[0]["title"] or "") + "!"
    assert fingerprint.records_digest(edited) != fingerprint.records_digest(records)
    assert fingerprint.records_digest(records[::-1]) != fingerprint.records_digest(records)


def test_the_version_is_written_once():
    """pyproject.toml reads the version from the package; nothing else spells it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newsgraph.__version__"}
