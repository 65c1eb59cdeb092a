"""Sphinx configuration: MyST pages (guides in Chinese), furo, API reference from docstrings.

The JSON Schema and the field tables of the data-format page are generated at build time from
``hnjd_disclosure.schema.json_schema()``, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import jieba
from sphinx.application import Sphinx

import hnjd_disclosure
from hnjd_disclosure.schema import json_schema

project = "hnjd_disclosure"
author = "hnjd_disclosure developers"
copyright = "hnjd_disclosure developers"
release = version = "0.1.0"
language = "zh_CN"
# The search index splits Chinese text into words with jieba (without it, no Chinese word is
# indexed); its start-up messages are not the build's.
jieba.setLogLevel(logging.WARNING)

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_generated", "conftest.py"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"hnjd_disclosure {release}"

_GENERATED = Path(__file__).parent / "_generated"


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#schema-{name.lower()})"
    if prop.get("type") == "array":
        return f"{_type_of(prop['items'])} 的数组"
    kind = prop.get("type", "")
    if prop.get("format") == "date":
        return "日期"
    if "examples" in prop:
        return f'字符串，如 `"{prop["examples"][0]}"`'
    unit = prop.get("description", "").removeprefix("count in ")
    if kind == "integer" and "description" in prop:
        return f"整数（{unit}）"
    return {"string": "字符串", "integer": "整数"}.get(kind, kind)


def _field_tables(schema: dict[str, Any]) -> str:
    """One table per object of the schema: field, Chinese name, type, required."""
    out = []
    objects = [("AnnualReport", schema), *schema["$defs"].items()]
    for name, body in objects:
        out.append(f"({'schema-' + name.lower()})=\n### `{name}`\n\n{body['description']}\n")
        out.append("| 字段 | 中文名 | 类型 | 必填 |\n| --- | --- | --- | --- |")
        for field, prop in body["properties"].items():
            required = "是" if field in body["required"] else "否"
            title = prop.get("title", "")
            out.append(f"| `{field}` | {title} | {_type_of(prop)} | {required} |")
        out.append("")
    return "\n".join(out)


def _generate(_: Sphinx) -> None:
    schema = json_schema()
    _GENERATED.mkdir(exist_ok=True)
    (_GENERATED / "schema.json").write_text(
        json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (_GENERATED / "fields.md").write_text(_field_tables(schema), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "version": hnjd_disclosure.__name__}
