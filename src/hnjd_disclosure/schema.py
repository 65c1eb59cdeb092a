"""The JSON Schema of the data format, derived from the model classes.

The schema is generated from the attrs classes and their field metadata, so it cannot drift
from what the converter accepts. Dates are ISO strings in JSON (TOML writes them natively).

Each field helper of :mod:`hnjd_disclosure.model._fields` records, beside its validator, the
JSON Schema keywords that say the same (one-line and non-blank text as patterns, integer
bounds, non-empty lists); the fields a checklist entry needs per status come from the tables
its validation reads; the rules of the template sentences (:class:`~.model._fields.Refuses`:
no ``《`` in a document's title, no ``、`` in a province) give their own patterns. What the
schema cannot say is checked by the loader only: relations between fields (a part not larger
than its whole, the period's start before its end, an item listed once) and between the parts
of one template sentence (a list's lead ends with its first 包括, the procurement count is the
one the reader takes), whose messages say what the field "would be read back" as.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from functools import cache
from typing import Any, Final

import attrs

from .model import AnnualReport, ChecklistEntry
from .model._fields import KIND, LABEL, SCHEMA
from .model.checklist import FIELDS_BY_STATUS, ONE_OF_BY_STATUS, STATUS_FIELDS
from .quantities import (
    PERCENT_PATTERN,
    RANKING_PATTERN,
    WAN_PATTERN,
    Count,
    Ranking,
    StatedPercent,
    WanFigure,
)

__all__ = ["LONE_SURROGATE", "SCHEMA_ID", "json_schema"]

SCHEMA_ID: Final = "https://hnjd-disclosure.invalid/schema/annual-report.json"


#: The end of the text in ECMA-262 and Python alike (``$`` lets a final line break through
#: in Python, whose ``re`` the ``jsonschema`` package uses).
_END: Final = r"(?![\s\S])"
#: A lone surrogate (the loader refuses them: no UTF-8 file can hold one), found alike by
#: Python and by ECMA-262 with or without the ``u`` flag (without it, a pair is two halves).
LONE_SURROGATE: Final = r"[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]"


def _leaf(tp: Any, field: attrs.Attribute[Any]) -> dict[str, Any] | None:
    kind = field.metadata.get(KIND)
    if tp is Count or kind == "count":
        unit = field.metadata["unit"]
        return {"type": "integer", "minimum": 0, "description": f"count in {unit}"}
    if tp is StatedPercent:
        return {
            "type": "string",
            "pattern": f"^{PERCENT_PATTERN.pattern}{_END}",
            "examples": ["99.90%"],
        }
    if tp is WanFigure:
        return {"type": "string", "pattern": f"^{WAN_PATTERN.pattern}{_END}", "examples": ["1.9万"]}
    if tp is Ranking:
        return {
            "type": "string",
            "pattern": f"^{RANKING_PATTERN.pattern}{_END}",
            "examples": ["前50名"],
        }
    if tp is str:
        return {"type": "string", "not": {"pattern": LONE_SURROGATE}}
    if tp is int:
        return {"type": "integer"}
    if tp is datetime.date:
        # the pattern for validators without format checking (the loader reads only this form)
        return {
            "type": "string",
            "format": "date",
            "pattern": f"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{_END}",
        }
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    return None


def _type_schema(tp: Any, field: attrs.Attribute[Any], defs: dict[str, Any]) -> dict[str, Any]:
    leaf = _leaf(tp, field)
    if leaf is not None:
        return leaf
    origin = typing.get_origin(tp)
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], field, defs)}
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        # an optional section: null (as the loader reads it) or the section
        return {"anyOf": [_type_schema(inner[0], field, defs), {"type": "null"}]}
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{_class_schema(tp, defs)}"}
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover - every model type is covered


def _class_schema(cl: type, defs: dict[str, Any]) -> str:
    name = cl.__name__
    if name in defs:
        return name
    defs[name] = {}  # reserve the name against recursion
    hints = typing.get_type_hints(cl)
    props: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cl):
        prop = _with_keywords(_type_schema(hints[a.name], a, defs), a.metadata.get(SCHEMA, {}))
        if a.metadata.get(LABEL):
            prop = {"title": a.metadata[LABEL], **prop}
        props[a.name] = prop
        if a.default is attrs.NOTHING:
            required.append(a.name)
    doc = (cl.__doc__ or "").strip().splitlines()
    defs[name] = {
        "type": "object",
        "description": doc[0] if doc else name,
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }
    if cl is ChecklistEntry:
        defs[name]["allOf"] = _status_rules()
    return name


def _with_keywords(prop: dict[str, Any], keywords: dict[str, Any]) -> dict[str, Any]:
    """``prop`` with a field's own keywords added (those for an array's items, to its items;
    two ``not`` refuse what either refuses)."""
    out = dict(prop)
    for key, value in keywords.items():
        if key == "items":
            out[key] = _with_keywords(out[key], value)
        elif key == "not" and key in out:
            out[key] = {"anyOf": [out[key], value]}
        else:
            out[key] = value
    return out


def _status_rules() -> list[dict[str, Any]]:
    """Per status of a checklist entry, the fields it requires (not blank), those it forbids
    (empty) and those of which it needs one, as ``if``/``then``: the entry's own tables."""
    hints = typing.get_type_hints(ChecklistEntry)

    def given(name: str) -> dict[str, Any]:
        # one-line text is never blank unless empty: it neither starts nor ends with a space
        return {"minItems": 1} if typing.get_origin(hints[name]) is tuple else {"minLength": 1}

    def empty(name: str) -> dict[str, Any]:
        return {"maxItems": 0} if typing.get_origin(hints[name]) is tuple else {"maxLength": 0}

    rules = []
    for status, (needed, allowed) in FIELDS_BY_STATUS.items():
        props = {n: given(n) for n in needed}
        props |= {n: empty(n) for n in STATUS_FIELDS if n not in needed + allowed}
        then: dict[str, Any] = {"required": list(needed), "properties": props}
        one_of = ONE_OF_BY_STATUS.get(status, ())
        if one_of:
            then["anyOf"] = [{"required": [n], "properties": {n: given(n)}} for n in one_of]
        condition = {"required": ["status"], "properties": {"status": {"const": status.value}}}
        rules.append({"if": condition, "then": then})
    return rules


@cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _class_schema(AnnualReport, defs)
    body = defs.pop(root)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "高校信息公开年度报告 (annual information-disclosure report)",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report document in JSON.

    >>> schema = json_schema()
    >>> schema["required"][:3]
    ['institution', 'year', 'title']
    >>> schema["$defs"]["Admissions"]["properties"]["planned"]["type"]
    'integer'
    """
    import copy

    return copy.deepcopy(_schema())
