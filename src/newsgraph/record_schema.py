"""The output record's JSON Schema and TypedDicts, written from the classes of document.py.

The dataclasses of `newsgraph.document` are the one description of the record: their fields,
in declaration order, are its keys (`Document.to_record`), their type annotations its types,
their metadata which keys may be left out (`OMIT_IF_NONE`, `OMIT_IF_EMPTY`), which are not
part of it (`INTERNAL`) and which values a key takes (`one_of`). From them this module writes

- `record_schema()`: a JSON Schema (draft 2020-12), shipped as newsgraph/record.schema.json
  and printed by `newsgraph schema`;
- `typed_dicts_source()`: the source of newsgraph/types.py, the TypedDicts of the record that
  `newsgraph.analyze` returns.

Both shipped files are generated: `python scripts/update_record_schema.py` rewrites them, and
a test fails when they differ from what the code gives.
"""
from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Any, Union

from . import document
from .document import Document

SCHEMA_PATH = Path(__file__).with_name("record.schema.json")
TYPES_PATH = Path(__file__).with_name("types.py")

# record type names: the dataclass's own name for the parts, "Record" for the whole
RECORD_NAME = "Record"


def _is_record_class(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """(the type inside Optional[...], True) or (tp, False)."""
    if typing.get_origin(tp) is Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0], True
    return tp, False


def record_classes(root: type = Document) -> list[type]:
    """Every dataclass reachable from `root` through its record fields, each after the
    classes it holds (so `root` is last)."""
    seen: list[type] = []

    def visit(cls: type) -> None:
        if cls in seen:
            return
        for f in _fields(cls):
            for inner in _inner_classes(f.type):
                visit(inner)
        seen.append(cls)

    visit(root)
    return seen


@dataclasses.dataclass(frozen=True)
class RecordField:
    """A record field of a class: its key, its annotation resolved to a type, its metadata."""

    name: str
    type: Any
    metadata: Any


def _fields(cls: type) -> list[RecordField]:
    """The record fields of `cls` (not the INTERNAL ones), in record order."""
    hints = typing.get_type_hints(cls, vars(document))
    return [RecordField(f.name, hints[f.name], f.metadata) for f in dataclasses.fields(cls)
            if not f.metadata.get("internal")]


def _inner_classes(tp: Any) -> list[type]:
    tp, _ = _unwrap_optional(tp)
    if typing.get_origin(tp) is list:
        return _inner_classes(typing.get_args(tp)[0])
    return [tp] if _is_record_class(tp) else []


def _present_type(f: RecordField) -> Any:
    """The type of the key when the record has it: a key left out when None is never null."""
    return _unwrap_optional(f.type)[0] if f.metadata.get("omit") else f.type


def _def_name(cls: type) -> str:
    return RECORD_NAME if cls is Document else cls.__name__


# --- JSON Schema ----------------------------------------------------------------------------

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type_schema(tp: Any) -> dict:
    """The JSON Schema of one annotation."""
    inner, optional = _unwrap_optional(tp)
    if inner is Any:
        return {}
    if inner in _SCALARS:
        name = _SCALARS[inner]
        return {"type": [name, "null"] if optional else name}
    if typing.get_origin(inner) is list:
        out = {"type": "array", "items": _type_schema(typing.get_args(inner)[0])}
    elif _is_record_class(inner):
        out = {"$ref": f"#/$defs/{_def_name(inner)}"}
    else:
        raise TypeError(f"no JSON Schema for the annotation {tp!r}")
    return {"anyOf": [out, {"type": "null"}]} if optional else out


def _object_schema(cls: type) -> dict:
    properties, required = {}, []
    for f in _fields(cls):
        prop = _type_schema(_present_type(f))
        extra = dict(f.metadata.get("schema", {}))
        if "enum" in extra and prop.get("type") == "string":
            prop = {"enum": extra.pop("enum")}
        prop.update(extra)
        properties[f.name] = prop
        if not f.metadata.get("omit"):
            required.append(f.name)
    doc = " ".join((cls.__doc__ or "").split("\n\n")[0].split())
    return {"type": "object", "description": doc, "properties": properties, "required": required,
            "additionalProperties": False}


def record_schema() -> dict:
    """The JSON Schema (draft 2020-12) of the output record, from the classes of document.py."""
    from . import __version__

    classes = record_classes()
    root = _object_schema(Document)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsgraph output record",
        "description": ("One article's record, as `newsgraph extract` writes it and "
                        "`newsgraph.analyze` returns it (CONTRACT.md, docs/record.md). "
                        f"Generated from newsgraph.document ({__version__}); a key that is "
                        "not required is left out when it has nothing to say."),
        **{k: v for k, v in root.items() if k != "description"},
        "$defs": {_def_name(c): _object_schema(c) for c in classes if c is not Document},
    }


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"


def load_schema() -> dict:
    """The shipped schema (newsgraph/record.schema.json)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# --- TypedDicts -----------------------------------------------------------------------------

def _type_source(tp: Any) -> str:
    inner, optional = _unwrap_optional(tp)
    if inner is Any:
        text = "Any"
    elif inner in _SCALARS:
        text = inner.__name__
    elif typing.get_origin(inner) is list:
        text = f"list[{_type_source(typing.get_args(inner)[0])}]"
    elif _is_record_class(inner):
        text = _typed_dict_name(inner)
    else:
        raise TypeError(f"no TypedDict type for the annotation {tp!r}")
    return f"{text} | None" if optional else text


def _typed_dict_name(cls: type) -> str:
    return RECORD_NAME if cls is Document else f"{cls.__name__}Record"


def typed_dicts_source() -> str:
    """The source of newsgraph/types.py."""
    lines = ['"""TypedDicts of the output record (`newsgraph.analyze` returns a `Record`).',
             "",
             "Generated from newsgraph/document.py by newsgraph.record_schema: do not edit; run",
             "`python scripts/update_record_schema.py` after changing the record's classes.",
             '"""',
             # no `from __future__ import annotations`: TypedDict reads NotRequired[...] from
             # evaluated annotations (classes come after the classes they hold)
             "from typing import Any, NotRequired, TypedDict",
             ""]
    names = []
    for cls in record_classes():  # parts before the classes that hold them
        name = _typed_dict_name(cls)
        names.append(name)
        doc = " ".join((cls.__doc__ or "").split("\n\n")[0].split())
        lines += ["", f"class {name}(TypedDict):", f'    """{doc}"""', ""]
        for f in _fields(cls):
            annotation = _type_source(_present_type(f))
            if f.metadata.get("omit"):
                annotation = f"NotRequired[{annotation}]"
            lines.append(f"    {f.name}: {annotation}")
        lines.append("")
    lines += ["", "__all__ = ["] + [f'    "{name}",' for name in sorted(names)] + ["]", ""]
    return "\n".join(lines)


def write_files() -> list[Path]:
    """Rewrite record.schema.json and types.py from the code; return the files written."""
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    TYPES_PATH.write_text(typed_dicts_source(), encoding="utf-8")
    return [SCHEMA_PATH, TYPES_PATH]
