"""Rewrite the record's JSON Schema and TypedDicts from the classes of newsgraph/document.py.

    .venv/bin/python scripts/update_record_schema.py

Writes src/newsgraph/record.schema.json and src/newsgraph/types.py (newsgraph.record_schema
says how); tests/test_record_schema.py fails until they match the code.
"""
from newsgraph.record_schema import write_files

if __name__ == "__main__":
    for path in write_files():
        print(f"wrote {path}")
