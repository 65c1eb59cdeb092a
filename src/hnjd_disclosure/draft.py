"""Drafting next year's report from this year's: plain data with every figure still to fill in.

A draft is the plain data of a report (what TOML holds, before the strict converter), with
the identity advanced to the new year, the legal basis and the prose kept as a starting draft,
and every figure (count, percentage, 万 figure, ranking) replaced by :data:`PLACEHOLDER`, so
that nothing from last year is published again by mistake. :func:`missing_figures` lists what
is still to fill in; the loader refuses a document that has any (see :mod:`hnjd_disclosure.io`).

This module is pure: it turns data into data and text, and reads no file.

>>> import hnjd_disclosure as hd
>>> data = draft_from(hd.builtin_report(2022), 2023)
>>> data["title"], str(data["period"]["start"]), str(data["period"]["end"])
('2023年信息公开年度报告', '2022-09-01', '2023-08-31')
>>> data["proactive"]["admissions"]["planned"]
'待填写'
>>> missing_figures(data)[:2]
('overview.media.news_articles', 'overview.media.external_reports')
"""

from __future__ import annotations

import copy
import datetime
import re
import typing
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Final

import attrs
import tomli_w

from ._layout import YEAR_PHRASE
from .convert import figure_problem, unstructure
from .errors import PLACEHOLDER, Issue, ModelError
from .model import AnnualReport
from .model._fields import KIND, LABEL, UNIT
from .model.report import MAX_YEAR

__all__ = [
    "PLACEHOLDER",
    "FigureField",
    "draft_from",
    "dumps_draft_toml",
    "figure_fields",
    "fill_in",
    "invalid_figures",
    "missing_figures",
]


_HINTS: Final = {
    "count": "整数",
    "percent": '百分数，如 "99.90%"',
    "wan": '万数，如 "1.9万"',
    "ranking": '名次，如 "前50名"',
}


@attrs.frozen(kw_only=True)
class FigureField:
    """A figure of the report that a draft leaves to fill in, with how to write it.

    >>> f = figure_fields()["proactive.admissions.admission_rate"]
    >>> f.label, f.kind, f.hint
    ('录取率', 'percent', '录取率：百分数，如 "99.90%"')
    """

    path: str
    label: str
    kind: str
    unit: str

    @property
    def hint(self) -> str:
        """A one-line note in Chinese on what to write here.

        >>> figure_fields()["proactive.admissions.planned"].hint
        '计划招生：整数（人）'
        """
        unit = f"（{self.unit}）" if self.kind == "count" and self.unit else ""
        return f"{self.label}：{_HINTS[self.kind]}{unit}"


def _walk(cl: type, prefix: str) -> Iterator[FigureField]:
    hints = typing.get_type_hints(cl)
    for a in attrs.fields(cl):
        path = f"{prefix}{a.name}"
        kind = a.metadata.get(KIND)
        if kind in _HINTS:
            yield FigureField(
                path=path, label=a.metadata.get(LABEL, ""), kind=kind, unit=a.metadata.get(UNIT, "")
            )
            continue
        # Sections (also optional ones) hold figures; tuples of sections are drafted as prose.
        for tp in (hints[a.name], *typing.get_args(hints[a.name])):
            if attrs.has(tp):
                yield from _walk(tp, f"{path}.")
                break


@cache
def _figure_fields() -> dict[str, FigureField]:
    return {f.path: f for f in _walk(AnnualReport, "")}


def figure_fields() -> Mapping[str, FigureField]:
    """Every figure field of a report by its dotted path, in document order.

    >>> fields = figure_fields()
    >>> fields["proactive.admissions.planned"].label
    '计划招生'
    >>> "title" in fields
    False
    """
    return dict(_figure_fields())


def _shift_year(day: datetime.date, years: int) -> datetime.date:
    year = day.year + years
    if year > MAX_YEAR:
        raise ModelError("year", f"the period would end in {year}, after {MAX_YEAR}")
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February into a common year
        return day.replace(year=year, day=28)


def _clear(data: dict[str, Any], path: str) -> None:
    *parents, leaf = path.split(".")
    node: Any = data
    for key in parents:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict) and leaf in node:
        node[leaf] = PLACEHOLDER


def draft_from(report: AnnualReport, year: int) -> dict[str, Any]:
    """The plain data of the ``year`` report drafted from ``report``.

    The year, the title (``2022年`` becomes ``2023年``) and the period (moved by the same
    number of years) are advanced; the legal basis and all prose are kept as a starting draft;
    every figure is :data:`PLACEHOLDER`. Dates stay :class:`datetime.date` (as TOML holds them).
    In part 8, every ``disclosed`` item becomes ``not_stated``: last year's evidence is a
    sentence of last year's text (often with its figures), not of the new report, so the draft
    claims no disclosure until one is cited again; the other statuses are kept.

    >>> import hnjd_disclosure as hd
    >>> d = draft_from(hd.builtin_report(2022), 2023)
    >>> d["year"], d["legal_basis"][0]["title"]
    (2023, '高等学校信息公开办法')
    >>> d["overview"]["media"]["weibo_followers"], d["overview"]["media"]["weibo_award"]
    ('待填写', '官微荣获全国百强')

    Raises:
        ModelError: at ``year`` if ``year`` is not later than the report's year, or is later
            than a report's year can be (9999, as the model accepts), or the period would be.
    """
    if type(year) is not int or not report.year < year <= MAX_YEAR:
        expected = f"a year after {report.year} and at most {MAX_YEAR}"
        raise ModelError("year", f"expected {expected}, got {year!r}")
    years = year - report.year
    data: dict[str, Any] = copy.deepcopy(unstructure(report, native_dates=True))
    data["year"] = year
    data["title"] = report.title.replace(f"{report.year}年", f"{year}年")
    data["period"] = {
        "start": _shift_year(report.period.start, years),
        "end": _shift_year(report.period.end, years),
    }
    for path in _figure_fields():
        _clear(data, path)
    if data.get("checklist") is not None:
        data["checklist"]["entries"] = [
            {"item": entry["item"], "status": "not_stated"}
            if entry["status"] == "disclosed"
            else entry
            for entry in data["checklist"]["entries"]
        ]
    return data


def _is_placeholder(value: object) -> bool:
    """Whether ``value`` is :data:`PLACEHOLDER` (a string, not merely equal to one)."""
    return type(value) is str and value == PLACEHOLDER


def missing_figures(data: object) -> tuple[str, ...]:
    """The dotted paths of the figures in ``data`` still marked :data:`PLACEHOLDER`.

    Only figure fields (:func:`figure_fields`) count: a text that reads ``待填写`` is text.

    >>> missing_figures({"year": 2023, "proactive": {"admissions": {"planned": "待填写"}}})
    ('proactive.admissions.planned',)
    >>> missing_figures({"institution": "待填写", "overview": {"paragraphs": ["待填写"]}})
    ()
    """
    return tuple(path for path in _figure_fields() if _is_placeholder(_value_at(data, path)[1]))


def invalid_figures(data: object) -> tuple[Issue, ...]:
    """The figures of a draft already filled in whose values are not valid, each with why.

    Loading a draft stops at its missing figures (:class:`MissingFiguresError`); this checks
    the figures written so far one by one, so a slip shows up before everything is filled
    in. Rules between figures (a part larger than its whole) wait for the complete report.

    >>> draft = {"proactive": {"admissions": {"planned": "abc", "admitted": "待填写"}}}
    >>> [str(issue) for issue in invalid_figures(draft)]
    ['proactive.admissions.planned: expected an integer >= 0, got "abc"']
    """
    found = []
    for path, spec in _figure_fields().items():
        present, value = _value_at(data, path)
        if not present or _is_placeholder(value):
            continue
        problem = figure_problem(value, spec.kind, spec.unit)
        if problem is not None:
            found.append(Issue(path, problem))
    return tuple(found)


def _value_at(data: object, path: str) -> tuple[bool, object]:
    """Whether ``data`` has a value at the dotted ``path``, and that value."""
    node = data
    for key in path.split("."):
        if type(node) is not dict or key not in node:
            return False, None
        node = node[key]
    return True, node


def fill_in(data: Mapping[str, Any], values: Mapping[str, object]) -> dict[str, Any]:
    """A copy of ``data`` with the figures at the given dotted paths set.

    Only values still marked :data:`PLACEHOLDER` or already filled figures can be set; the
    strict converter checks the values themselves when the data is loaded.

    >>> d = fill_in({"a": {"b": "待填写", "c": "x"}}, {"a.b": 5300})
    >>> d, missing_figures(d)
    ({'a': {'b': 5300, 'c': 'x'}}, ())

    Raises:
        ModelError: at a path that does not name a value in ``data``.
    """
    out: dict[str, Any] = copy.deepcopy(dict(data))
    for path, value in values.items():
        *parents, leaf = path.split(".")
        node: Any = out
        for key in parents:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, dict) or leaf not in node:
            raise ModelError(path, "no such field in the draft")
        node[leaf] = value
    return out


_TABLE: Final = re.compile(r"^\[{1,2}([^\[\]]+)\]{1,2}\s*$")
_PLACEHOLDER_LINE: Final = re.compile(rf'^(\w+) = "{PLACEHOLDER}"$')


def dumps_draft_toml(data: Mapping[str, Any]) -> str:
    """A draft as TOML, each placeholder commented with what to write in its place.

    >>> import hnjd_disclosure as hd
    >>> text = dumps_draft_toml(draft_from(hd.builtin_report(2022), 2023))
    >>> print([line for line in text.splitlines() if line.startswith("planned")][0])
    planned = "待填写"  # 计划招生：整数（人）
    """
    fields = _figure_fields()
    table = ""
    lines = []
    for line in tomli_w.dumps(data).splitlines():
        header = _TABLE.match(line)
        if header:
            table = header.group(1).strip()
        figure = _PLACEHOLDER_LINE.match(line)
        if figure:
            field = fields.get(f"{table}.{figure.group(1)}" if table else figure.group(1))
            if field is not None:
                line = f"{line}  # {field.hint}"
        lines += _year_marks(line)
        lines.append(line)
    missing = len(missing_figures(data))
    head = f"# {data.get('institution', '')} {data.get('title', '')}\n"
    if missing:
        head = (
            f"# {data.get('institution', '')} {data.get('title', '')}（草稿）\n"
            f'# 还有 {missing} 个数字标为 "{PLACEHOLDER}"：逐个填写后才能排版（render）。\n'
            "# `hnjd-disclosure check 本文件` 列出尚未填写的数字；文字部分沿用上年，请逐段修改。\n"
            f"# 含有年份的文字，上一行标有「{_YEAR_MARK}」，请逐一核对"
            "（check 提示疑似沿用的年份）。\n"
        )
    return head + "\n" + "\n".join(lines) + "\n"


#: What marks, in a TOML draft, a line of text that names a year: kept from last year's report,
#: it is often last year's (``2021-2022学年``), and ``check`` warns only of the likely ones.
_YEAR_MARK: Final = "核对年份"
_NOT_PROSE: Final = re.compile(r"^(?:title|year|start|end) = ")


def _year_marks(line: str) -> list[str]:
    """A comment to put before ``line`` naming its year-bearing phrases, if it is a line of
    text that has any (the title, advanced to the new year, is not text kept from last year)."""
    if '"' not in line or _NOT_PROSE.match(line):
        return []
    phrases = [m.group() for m in YEAR_PHRASE.finditer(line)]
    if not phrases:
        return []
    indent = line[: len(line) - len(line.lstrip())]
    return [f"{indent}# {_YEAR_MARK}：" + "".join(f"「{p}」" for p in phrases)]
