"""Drafting next year's report from this year's: plain data with every figure still to fill in.

A draft is the plain data of a report (what TOML holds, before the strict converter), with
the identity advanced to the new year, the legal basis and the prose kept as a starting draft,
and every figure (count, percentage, 万 figure, ranking) replaced by :data:`PLACEHOLDER`, so
that nothing from last year is published again by mistake. Part 8 lists every item of the
checklist: those that apply to the institution with the status :data:`PLACEHOLDER` (to decide
again each year), the others ``not_applicable``. :func:`missing_figures` and
:func:`undecided_items` list what is still to fill in; the loader refuses a document that has
any (see :mod:`hnjd_disclosure.io`).

This module is pure: it turns data into data and text, and reads no file.

>>> import hnjd_disclosure as hd
>>> data = draft_from(hd.builtin_report(2022), 2023)
>>> data["title"], str(data["period"]["start"]), str(data["period"]["end"])
('2023年信息公开年度报告', '2022-09-01', '2023-08-31')
>>> data["proactive"]["admissions"]["planned"]
'待填写'
>>> missing_figures(data)[:2]
('overview.media.news_articles', 'overview.media.external_reports')
>>> len(undecided_items(data)), data["checklist"]["entries"][10]["status"]
(38, 'not_applicable')
"""

from __future__ import annotations

import copy
import datetime
import re
import tomllib
import typing
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Final

import attrs
import tomli_w

from ._data import package_text
from ._layout import YEAR_PHRASE
from .checklist import checklist_2014
from .convert import TOML, figure_problem, unstructure
from .errors import PLACEHOLDER, Issue, ModelError
from .model import AnnualReport, DisclosureStatus, InstitutionKind
from .model._fields import KIND, LABEL, UNIT
from .model.report import MAX_YEAR, MIN_YEAR

__all__ = [
    "PLACEHOLDER",
    "FigureField",
    "checklist_entries",
    "decide",
    "draft_from",
    "dumps_draft_toml",
    "figure_fields",
    "fill_in",
    "first_draft",
    "invalid_figures",
    "missing_figures",
    "undecided_items",
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
    #: The field's rule (its validator), which says what a value must be.
    rule: object = attrs.field(eq=False, repr=False)

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
                path=path,
                label=a.metadata.get(LABEL, ""),
                kind=kind,
                unit=a.metadata.get(UNIT, ""),
                rule=a.validator,
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
    Part 8 is :func:`checklist_entries` of the institution's kind: last year's statuses do not
    carry over (its evidence is a sentence of last year's text, often with its figures), so the
    draft claims no disclosure, and each applicable item is decided again.

    >>> import hnjd_disclosure as hd
    >>> d = draft_from(hd.builtin_report(2022), 2023)
    >>> d["year"], d["legal_basis"][0]["title"]
    (2023, '高等学校信息公开办法')
    >>> d["overview"]["media"]["weibo_followers"], d["overview"]["media"]["weibo_award"]
    ('待填写', '官微荣获全国百强')
    >>> d["checklist"]["entries"][0]
    {'item': 1, 'status': '待填写'}

    Raises:
        ModelError: at ``year`` if ``year`` is not later than the report's year, or is later
            than a report's year can be (9999, as the model accepts), or the period would be.
    """
    if type(year) is not int or not report.year < year <= MAX_YEAR:
        expected = f"a year after {report.year} and at most {MAX_YEAR}"
        raise ModelError("year", f"expected {expected}, got {year!r}")
    years = year - report.year
    data: dict[str, Any] = copy.deepcopy(unstructure(report, data_format=TOML))
    data["year"] = year
    data["title"] = report.title.replace(f"{report.year}年", f"{year}年")
    data["period"] = {
        "start": _shift_year(report.period.start, years),
        "end": _shift_year(report.period.end, years),
    }
    for path in _figure_fields():
        _clear(data, path)
    heading = report.checklist.heading if report.checklist is not None else _CHECKLIST_HEADING
    data["checklist"] = {
        "heading": heading,
        "entries": checklist_entries(report.institution_kind),
    }
    return data


@cache
def _first_report() -> dict[str, Any]:
    return tomllib.loads(package_text("data/first-report.toml"))


def first_draft(institution: str, kind: InstitutionKind, year: int) -> dict[str, Any]:
    """The plain data of an institution's first report: every part, every figure to fill in.

    For a school without last year's data (:func:`draft_from` needs a report): the identity
    is the one given, the period runs from 1 September of the year before to 31 August, the
    legal basis is the Ministry's two documents, the prose of every part a model to rewrite,
    every figure :data:`PLACEHOLDER`, and part 8 :func:`checklist_entries` of ``kind``.

    >>> data = first_draft("潇湘大学", InstitutionKind.UNDERGRADUATE, 2024)
    >>> data["institution"], data["title"], str(data["period"]["start"])
    ('潇湘大学', '2024年信息公开年度报告', '2023-09-01')
    >>> len(missing_figures(data)), len(undecided_items(data))
    (38, 50)

    Raises:
        ModelError: at ``institution`` if it is blank or not one line, at ``year`` if the
            year is not one a report can have.
    """
    if not isinstance(institution, str) or not institution.strip() or "\n" in institution:
        raise ModelError("institution", f"expected the institution's name, got {institution!r}")
    if type(year) is not int or not MIN_YEAR < year <= MAX_YEAR:
        raise ModelError("year", f"expected a year from {MIN_YEAR + 1} to {MAX_YEAR}, got {year!r}")
    given: dict[str, Any] = {
        "institution": institution.strip(),
        "year": year,
        "title": f"{year}年信息公开年度报告",
        "institution_kind": InstitutionKind(kind).value,
        "period": {"start": datetime.date(year - 1, 9, 1), "end": datetime.date(year, 8, 31)},
        "checklist": {"heading": _CHECKLIST_HEADING, "entries": checklist_entries(kind)},
    }
    template = copy.deepcopy(_first_report())
    names = [a.name for a in attrs.fields(AnnualReport)]
    return {name: given[name] if name in given else template[name] for name in names}


#: The heading of part 8 in a draft whose source has none.
_CHECKLIST_HEADING: Final = "清单事项公开情况表"


def checklist_entries(kind: InstitutionKind) -> list[dict[str, Any]]:
    """Part 8 of a draft: every item of the checklist, in order, as plain data.

    An item that applies to ``kind`` has the status :data:`PLACEHOLDER`, to decide; one that
    does not is ``not_applicable`` with the reason of the checklist's applicability data.

    >>> entries = checklist_entries(InstitutionKind.VOCATIONAL)
    >>> len(entries), entries[0], entries[10]["reason"]
    (50, {'item': 1, 'status': '待填写'}, '高职院校不招收研究生，无研究生招生信息')
    >>> sum(e["status"] == "待填写" for e in checklist_entries(InstitutionKind.UNDERGRADUATE))
    50
    """
    standard = checklist_2014()
    entries: list[dict[str, Any]] = []
    for item in standard.items:
        reason = standard.not_applicable_reason(item.number, kind)
        if reason is None:
            entries.append({"item": item.number, "status": PLACEHOLDER})
        else:
            status = DisclosureStatus.NOT_APPLICABLE.value
            entries.append({"item": item.number, "status": status, "reason": reason})
    return entries


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


def _entries(data: object) -> list[Any]:
    present, entries = _value_at(data, "checklist.entries")
    return entries if present and type(entries) is list else []


def undecided_items(data: object) -> tuple[int, ...]:
    """The checklist items of ``data`` whose status is still :data:`PLACEHOLDER`, in order.

    >>> undecided_items({"checklist": {"entries": [{"item": 6, "status": "待填写"}]}})
    (6,)
    >>> undecided_items({"checklist": {"entries": [{"item": 6, "status": "not_stated"}]}})
    ()
    """
    return tuple(
        entry["item"]
        for entry in _entries(data)
        if type(entry) is dict
        and type(entry.get("item")) is int
        and _is_placeholder(entry.get("status"))
    )


def decide(
    data: Mapping[str, Any],
    entries: Mapping[int, Mapping[str, Any]],
    *,
    rest: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A copy of ``data`` with the checklist items numbered as the keys of ``entries`` set.

    Each value is the entry's fields without ``item`` (``status`` and what the status needs);
    ``rest``, if given, sets every item still undecided after that (such as
    ``{"status": "not_stated"}``). The strict converter checks the fields when the data is
    loaded.

    >>> d = {"checklist": {"entries": [{"item": 1, "status": "待填写"},
    ...                                {"item": 2, "status": "待填写"}]}}
    >>> decide(d, {1: {"status": "not_disclosed", "reason": "涉密"}}, rest={"status": "not_stated"})
    {'checklist': {'entries': [{'item': 1, 'status': 'not_disclosed', 'reason': '涉密'}, \
{'item': 2, 'status': 'not_stated'}]}}

    Raises:
        ModelError: at ``checklist.entries`` for an item the draft does not list.
    """
    out: dict[str, Any] = copy.deepcopy(dict(data))
    position = {entry.get("item"): i for i, entry in enumerate(_entries(out))}
    for item, fields in entries.items():
        if item not in position:
            raise ModelError("checklist.entries", f"no item {item} in the draft")
        out["checklist"]["entries"][position[item]] = {"item": item, **fields}
    if rest is not None:
        for item in undecided_items(out):
            out["checklist"]["entries"][position[item]] = {"item": item, **rest}
    return out


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
        problem = figure_problem(value, spec.rule)
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

    Part 8 is written as one ``[[checklist.entries]]`` table per item, the item's name as a
    comment: an entry can be completed in place, and one pasted from the documentation added.

    >>> import hnjd_disclosure as hd
    >>> text = dumps_draft_toml(draft_from(hd.builtin_report(2022), 2023))
    >>> print([line for line in text.splitlines() if line.startswith("planned")][0])
    planned = "待填写"  # 计划招生：整数（人）
    >>> print(text[text.index("[[checklist.entries]]\\nitem = 6"):].split("\\n\\n")[0])
    [[checklist.entries]]
    item = 6  # 信息公开年度报告
    status = "待填写"  # 公开情况：disclosed、not_disclosed 或 not_stated
    """
    fields = _figure_fields()
    body = {key: value for key, value in data.items() if key != "checklist"}
    table = ""
    lines = []
    for line in tomli_w.dumps(body).splitlines():
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
    checklist = data.get("checklist")
    if isinstance(checklist, Mapping):
        lines.extend(_checklist_lines(checklist))
    marked = any(_YEAR_MARK in line for line in lines)
    return _draft_head(data, marked) + "\n" + "\n".join(lines) + "\n"


def _checklist_lines(checklist: Mapping[str, Any]) -> Iterator[str]:
    """Part 8 of a draft, ``[[checklist.entries]]`` tables with each item's name in a comment."""
    standard = checklist_2014()
    names = {item.number: item.text for item in standard.items}
    yield ""
    yield '# 八、清单事项公开情况表：逐项把适用事项的 "待填写" 改为公开情况（见「数据格式」）'
    yield "[checklist]"
    yield from tomli_w.dumps({k: v for k, v in checklist.items() if k != "entries"}).splitlines()
    for entry in checklist.get("entries", ()):
        yield ""
        yield "[[checklist.entries]]"
        for line in tomli_w.dumps(entry).splitlines():
            if line.startswith("item = ") and entry.get("item") in names:
                line = f"{line}  # {names[entry['item']]}"
            elif line == f'status = "{PLACEHOLDER}"':
                line = f"{line}  # {_STATUS_HINT}"
            yield line


_STATUS_HINT: Final = "公开情况：disclosed、not_disclosed 或 not_stated"


def _draft_head(data: Mapping[str, Any], year_marks: bool = False) -> str:
    """The comment lines that open a draft: what is still to fill in, and how to list it."""
    name = f"# {data.get('institution', '')} {data.get('title', '')}"
    missing, undecided = len(missing_figures(data)), len(undecided_items(data))
    if not (missing or undecided):
        return name + "\n"
    todo = []
    if missing:
        todo.append(f'{missing} 个数字标为 "{PLACEHOLDER}"')
    if undecided:
        todo.append(f'{undecided} 个清单事项的公开情况标为 "{PLACEHOLDER}"')
    texts = _placeholder_texts(data, "")
    year_note = (
        f"# 含有年份的文字，上一行标有「{_YEAR_MARK}」，请逐一核对（check 提示疑似沿用的年份）。\n"
    )
    note = f'# 文字中还有 "{PLACEHOLDER}"，请改为本校的情况：{"、".join(texts)}\n' if texts else ""
    return (
        f"{name}（草稿）\n"
        f"# 还有 {'，'.join(todo)}：逐个填写后才能排版（render）。\n"
        "# `hnjd-disclosure check 本文件` 列出尚未填写的数字和事项；文字部分请逐段修改。\n"
        + (year_note if year_marks else "")
        + note
    )


def _placeholder_texts(node: object, path: str) -> list[str]:
    """The paths of the texts (not figures, not statuses) that read exactly :data:`PLACEHOLDER`.

    ``check`` does not list them (a text may say anything); the draft's head names them.
    """
    if isinstance(node, Mapping):
        found = []
        for key, value in node.items():
            if key != "checklist":
                found += _placeholder_texts(value, f"{path}.{key}" if path else str(key))
        return found
    if isinstance(node, list):
        return [p for i, item in enumerate(node) for p in _placeholder_texts(item, f"{path}[{i}]")]
    return [path] if _is_placeholder(node) and path not in _figure_fields() else []


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
