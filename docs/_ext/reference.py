"""The generated reference pages: fields, rate formulas, command line, error classes.

Each page is written into ``docs/_generated/`` when the build starts, from the code itself:
the model's attrs fields (with their metadata and the JSON Schema derived from them), the
audit's ``stats.RATES``, the CLI's argparse parser and ``errors.__all__``. Nothing here is a
hand-kept copy: a field, an option or an error added to the code appears on the next build.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

from hnjd_disclosure import errors, stats
from hnjd_disclosure.checklist import checklist_2014
from hnjd_disclosure.cli import PROG, build_parser
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.model._fields import KIND, LABEL, ONE_LINE_NOT_BLANK, UNIT
from hnjd_disclosure.records import field_label
from hnjd_disclosure.schema import json_schema

GENERATED = Path(__file__).parent.parent / "_generated"

#: What the fields that recur in many objects hold (the others say it in a ``#:`` comment).
_RECURRING = {
    "heading": "本部分（或本节）的标题，照原文写，不写序号：排版时按公文格式加上",
    "paragraphs": "段落，每段一行，照原文写；排版时各占一段",
    "lead": "列举之前的文字，照原文写",
    "items": "列举的各个事项，原文以顿号「、」分隔",
    "tail": "列举之后的文字（通常以「等」开头），照原文写",
    "title": "标题，照原文写",
    "body": "标题之后的正文",
}

_FIGURES = {
    "count": "计数：整数{unit}",
    "percent": '百分数：字符串，如 `"99.90%"`，保留公布的位数',
    "wan": '万数：字符串，如 `"1.9万"`（近似值）',
    "ranking": '名次：字符串，如 `"前50名"`',
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _classes(cl: type) -> Iterator[type]:
    """``cl`` and the attrs classes of its fields, depth first: the order of the report."""
    seen: list[type] = []

    def walk(c: type) -> None:
        if c in seen:
            return
        seen.append(c)
        hints = typing.get_type_hints(c)
        for a in attrs.fields(c):
            for tp in (hints[a.name], *typing.get_args(hints[a.name])):
                if attrs.has(tp) and tp.__module__.startswith("hnjd_disclosure.model"):
                    walk(tp)

    walk(cl)
    yield from seen


def _inner(tp: Any) -> tuple[Any, str]:
    """The type inside ``tuple[...]`` / ``X | None``, and how the outside reads in Chinese."""
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0], "的数组"
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if args and len(args) < len(typing.get_args(tp)):
        return args[0], "（可省略）"
    return tp, ""


def _type(a: attrs.Attribute[Any], tp: Any) -> str:
    kind = a.metadata.get(KIND)
    if kind in _FIGURES:
        unit = a.metadata.get(UNIT, "")
        return _FIGURES[kind].format(unit=f"（{unit}）" if unit else "")
    inner, outside = _inner(tp)
    if attrs.has(inner):
        name = inner.__name__
        return f"[{name}](#fields-{name.lower()}){outside}"
    names = {str: "文字（一行）", int: "整数", bool: "布尔值"}
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        base = "字符串（可选值见右）"
    else:
        base = names.get(inner, "日期（TOML 日期，JSON 中为 ISO 字符串）")
    return base + outside


def _allowed(a: attrs.Attribute[Any], prop: dict[str, Any]) -> str:
    out = []
    if "enum" in prop:
        out.append("、".join(f'`"{v}"`' for v in prop["enum"]))
    items = prop.get("items", {})
    if "minimum" in prop:
        high = prop.get("maximum")
        out.append(f"{prop['minimum']} 至 {high}" if high is not None else f"≥ {prop['minimum']}")
    if prop.get("minItems"):
        out.append(f"至少 {prop['minItems']} 项")
    pattern = prop.get("pattern", items.get("pattern", ""))
    if pattern and a.metadata.get(KIND) is None:
        each = "每项" if items else ""
        out.append(each + ("不能为空" if pattern == ONE_LINE_NOT_BLANK else "可以为空"))
    if "、" in pattern and "[^" in pattern:
        out.append("不含顿号「、」")
    return "；".join(out)


def _default(a: attrs.Attribute[Any]) -> str:
    if a.default is attrs.NOTHING:
        return "必填"
    value = a.default
    if value is None:
        return "无（可省略整节）"
    if isinstance(value, enum.Enum):
        return f'`"{value.value}"`'
    if value in ("", ()):
        return "空"
    return f"`{value!r}`"


def _comments(cl: type) -> dict[str, str]:
    """The ``#:`` comments above the fields of ``cl`` (what autodoc shows for attributes)."""
    docs = ModuleAnalyzer.for_module(cl.__module__).find_attr_docs()
    return {
        name: " ".join(lines).strip()
        for (owner, name), lines in docs.items()
        if owner == cl.__qualname__
    }


def _describe(a: attrs.Attribute[Any], tp: Any, comment: str) -> str:
    """The field's ``#:`` comment; else what its kind of field holds; else its object's summary."""
    if comment:
        return comment
    if a.metadata.get(KIND) in _FIGURES:
        return "报告公布的数字，按公布的样子写"
    if a.name in _RECURRING:
        return _RECURRING[a.name]
    inner, _ = _inner(tp)
    if attrs.has(inner):
        return (inner.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return ""


def field_reference() -> str:
    """Every field of every object of a report, in report order, one table per object."""
    schema = json_schema()
    objects = {"AnnualReport": schema, **schema["$defs"]}
    out = []
    for cl in _classes(AnnualReport):
        body = objects[cl.__name__]
        hints = typing.get_type_hints(cl)
        comments = _comments(cl)
        out.append(
            f"(fields-{cl.__name__.lower()})=\n## `{cl.__name__}`\n\n{body['description']}\n"
        )
        out.append("| 字段 | 中文名 | 类型 | 取值 | 默认值 | 说明 |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for a in attrs.fields(cl):
            prop = body["properties"][a.name]
            row = (
                f"`{a.name}`",
                a.metadata.get(LABEL, ""),
                _type(a, hints[a.name]),
                _allowed(a, prop),
                _default(a),
                _describe(a, hints[a.name], comments.get(a.name, "")),
            )
            out.append("| " + " | ".join(_cell(c) for c in row) + " |")
        out.append("")
    return "\n".join(out)


def rate_reference() -> str:
    """The audit's rates: each published percentage and the counts it is computed from."""
    out = ["| 比率 | 字段 | 计算方法 | 可以超过 100% |", "| --- | --- | --- | --- |"]
    for spec in stats.RATES:
        formula = f"{field_label(spec.part_path)} ÷ {field_label(spec.whole_path)}"
        paths = f"`{spec.part_path.rpartition('.')[2]}` ÷ `{spec.whole_path.rpartition('.')[2]}`"
        exceed = "是" if spec.may_exceed_whole else "否"
        out.append(
            f"| {field_label(spec.path)} | `{spec.path}` | {formula}（{paths}） | {exceed} |"
        )
    return "\n".join(out) + "\n"


def _options(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = ", ".join(action.option_strings) or (action.metavar or action.dest)
        if action.option_strings and action.nargs != 0:
            name += f" {action.metavar or action.dest.upper()}"
        choices = "、".join(f"`{c}`" for c in action.choices) if action.choices else ""
        required = "是" if action.required else "否"
        default = "" if action.default in (None, False) else f"`{action.default}`"
        cells = (f"`{_cell(name)}`", _cell(action.help or ""), choices, default, required)
        yield "| " + " | ".join(cells) + " |"


def cli_reference() -> str:
    """Every sub-command of the CLI with its options, from the argparse parser itself."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    out = []
    for name, command in sub.choices.items():
        out.append(f"(cli-{name})=\n## `{PROG} {name}`\n\n{helps.get(name, '')}\n")
        if command.description:
            out.append(f"{command.description}\n")
        out.append(f"```text\n{command.format_usage().strip()}\n```\n")
        out.append("| 参数 | 说明 | 可选值 | 默认值 | 必填 |\n| --- | --- | --- | --- | --- |")
        out.extend(_options(command))
        out.append("")
    return "\n".join(out)


def _example(cls: type) -> str:
    """The first message an example of the class's docstring prints."""
    lines = (cls.__doc__ or "").splitlines()
    for i, line in enumerate(lines):
        if ">>> print(" in line and i + 1 < len(lines):
            return lines[i + 1].strip()
    return ""


def error_classes() -> str:
    """The exception classes of errors.py: base classes, summary and an example message."""
    out = ["| 异常 | 基类 | 说明（英文，取自文档字符串） | 例子 |", "| --- | --- | --- | --- |"]
    for name in errors.__all__:
        cls = getattr(errors, name)
        if not inspect.isclass(cls) or not issubclass(cls, Exception):
            continue
        bases = "、".join(f"`{b.__name__}`" for b in cls.__bases__)
        summary = " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())
        example = _example(cls)
        cells = (
            f"[`{name}`](#error-{name.lower()})",
            bases,
            _cell(summary),
            _cell(f"`{example}`" if example else ""),
        )
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def checklist_items() -> str:
    """The Ministry's 50 items by category, and which kind of institution each does not fit."""
    standard = checklist_2014()
    out = []
    for number, category in standard.categories():
        out.append(f"## {number}. {category}\n")
        out.append("| 序号 | 事项 | 不适用于 |\n| --- | --- | --- |")
        for item in (i for i in standard.items if i.category_no == number):
            kinds = [
                f"{na.kind.value}院校：{na.reason}"
                for na in standard.not_applicable
                if na.number == item.number
            ]
            out.append(f"| {item.number} | {_cell(item.text)} | {_cell('；'.join(kinds))} |")
        out.append("")
    return "\n".join(out)


def generate(_: Sphinx | None = None) -> None:
    """Write the generated pages (run when the build starts)."""
    GENERATED.mkdir(exist_ok=True)
    pages = {
        "fields.md": field_reference(),
        "rates.md": rate_reference(),
        "cli.md": cli_reference(),
        "errors.md": error_classes(),
        "checklist.md": checklist_items(),
    }
    for name, text in pages.items():
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


class ModuleSummary(SphinxDirective):
    """``.. module-summary:: hnjd_disclosure.io``: an autosummary table of the module's ``__all__``.

    The table lists what the module exports, read from the module: no hand-kept list.
    """

    required_arguments = 1

    def run(self) -> list[Any]:
        module = importlib.import_module(self.arguments[0])
        names = [n for n in module.__all__ if not n.isupper()]  # constants: in the text below
        lines = [".. autosummary::", ""] + [f"   ~{module.__name__}.{n}" for n in names]
        content = StringList(lines, source=self.get_source_info()[0])
        container = nodes.container()
        self.state.nested_parse(content, self.content_offset, container)
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("module-summary", ModuleSummary)
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True}
