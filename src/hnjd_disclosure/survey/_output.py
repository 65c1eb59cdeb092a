"""A survey's outputs: CSV and JSON for tools, an ``.xlsx`` workbook for the offices that live in
spreadsheets, one self-contained HTML page, a pandas DataFrame and a notebook table.

Pure: a :class:`~hnjd_disclosure.survey.Survey` in, ``str`` or ``bytes`` out; the CLI writes
the files. Every writer takes its columns from :meth:`SurveyRow.record
<hnjd_disclosure.survey.SurveyRow.record>`, the one list of columns: a column added there
appears in every output. Tools get the English keys (``score``, ``items_disclosed``); people
(the workbook, the page) get Chinese headings, with the key in the page's ``title`` attribute.
"""

from __future__ import annotations

import base64
import csv
import datetime
import hashlib
import html
import io
import json
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import cache
from json.encoder import encode_basestring  # json's own string writer, ensure_ascii=False
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs

from .._table import pandas_module
from ..checklist import checklist_2014
from ..errors import MissingExtraError
from ._rules import survey_rules
from ._score import Weights

if TYPE_CHECKING:
    import pandas


class _Row(Protocol):
    """What the writers read of a :class:`~hnjd_disclosure.survey.SurveyRow`."""

    @property
    def items(self) -> tuple[Any, ...]: ...

    def record(self) -> dict[str, Any]: ...


class _Survey(Protocol):
    """What the writers read of a :class:`~hnjd_disclosure.survey.Survey` (a protocol, so
    that this module need not import the survey's, which calls these writers)."""

    @property
    def rows(self) -> Sequence[_Row]: ...

    @property
    def weights(self) -> Weights: ...

    def records(self) -> list[dict[str, Any]]: ...

    def missing_items(self) -> Counter[int]: ...


__all__ = ["notebook_html", "to_csv", "to_dataframe", "to_html", "to_json", "to_xlsx"]

#: One record: a row's flat columns (str, int, Decimal, date or None).
Record = Mapping[str, Any]

# -- columns, headings, labels ----------------------------------------------------------------

#: The Chinese heading of each column of :meth:`SurveyRow.record`, for people. A column missing
#: here is headed by its key (and a test keeps this table complete).
_HEADINGS: Final[Mapping[str, str]] = {
    "rank": "排名",
    "score": "得分",
    "institution": "学校",
    "year": "年度",
    "academic_year": "学年",
    "period_start": "统计起始日",
    "period_end": "统计截止日",
    "period_days": "统计天数",
    "kind": "办学类型",
    "format": "报告格式",
    "parts_announced": "所述部分数",
    "parts_found": "具备部分数",
    "parts_missing": "缺少的部分",
    "parts_merged": "合并的部分",
    "items_disclosed": "已公开事项",
    "items_mentioned": "仅提及事项",
    "items_applicable": "适用事项",
    "assessment": "评议",
    "citations_known": "引用文件（文号正确）",
    "citations_unknown": "引用文件（未收录）",
    "citation_slips": "文号笔误",
    "citation_slip_notes": "文号笔误说明",
    "checks_verified": "核验通过",
    "checks_unverifiable": "无法核验",
    "checks_failed": "核验不符",
    "dated": "落款日期",
    "points_won": "得分点",
    "points_possible": "可得分点",
    "reused_from": "对照的上年报告",
    "sentences_carried_share": "沿用句子比例",
    "figures_repeated": "重复数字",
    "source": "文件",
    "error": "读取错误",
}

#: Chinese words for the enumerated values, by column (``figure_*`` columns share one).
_LABELS: Final[Mapping[str, Mapping[str, str]]] = {
    "format": {"ministry": "教育部年报格式", "government": "政府年报格式", "other": "其他"},
    "assessment": {"public": "含公众评议", "internal": "仅自评", "none": "未报告"},
    "figure": {"given": "已给出", "not_given": "未给出"},
    "item": {
        "disclosed": "已公开",
        "mentioned": "仅提及",
        "not_found": "未找到",
        "not_applicable": "称不适用",
    },
}

#: The columns of the notebook's compact table (those of them a record has).
_BRIEF: Final = (
    "rank",
    "score",
    "institution",
    "year",
    "kind",
    "format",
    "parts_found",
    "items_disclosed",
    "items_applicable",
    "error",
)
_NOTEBOOK_ROWS: Final = 20
_FIGURE: Final = "figure_"


@cache
def _figure_headings() -> Mapping[str, str]:
    return {f"{_FIGURE}{rule.key}": rule.name for rule in survey_rules().figures}


def _heading(key: str) -> str:
    """The Chinese heading of column ``key`` (the key itself for a column it does not know).

    >>> _heading("score"), _heading("figure_requests"), _heading("new_column")
    ('得分', '依申请公开的申请数', 'new_column')
    """
    return _HEADINGS.get(key) or _figure_headings().get(key) or key


def _label(key: str, value: object) -> object:
    """``value`` of column ``key`` in Chinese words if it is an enumerated value, else as is.

    >>> _label("format", "ministry"), _label("figure_fees", "given"), _label("year", 2022)
    ('教育部年报格式', '已给出', 2022)
    """
    labels = _LABELS.get("figure" if key.startswith(_FIGURE) else key)
    if labels is not None and isinstance(value, str):
        return labels.get(value, value)
    return value


def _columns(records: Sequence[Record]) -> list[str]:
    """Every column of ``records`` in record order (a row that could not be read has fewer:
    the widest record gives the order, the others add what it lacks)."""
    widest = max(records, key=len, default={})
    return list(dict.fromkeys([*widest, *(key for r in records for key in r)]))


def _decimal(value: Decimal) -> str:
    """A Decimal's digits, exactly, never in exponent form (``Decimal("1E+1")`` is ``10``)."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return format(value, "f")


def _text(value: object) -> str:
    """A value as text: dates ISO, Decimals exactly, ``None`` empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# -- CSV and JSON -----------------------------------------------------------------------------

#: The first characters by which a spreadsheet takes a cell for a formula (OWASP, CSV injection).
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def to_csv(survey: _Survey) -> str:
    """The survey as CSV: a header of the record's keys, then one line per report, ranked.

    The text starts with a byte-order mark (U+FEFF) so that Excel opens it as UTF-8 and shows
    the Chinese right (write it with ``encoding="utf-8"``; Python's ``utf-8-sig`` codec and
    pandas read it back without the mark). Lines end ``\\r\\n`` (RFC 4180); dates are ISO
    (``2022-08-31``), Decimals exact (``87.5``), ``None`` an empty field. A text that a
    spreadsheet would run as a formula (one starting ``=``, ``+``, ``-``, ``@``) is written
    with a ``'`` before it: the file is opened in Excel, and a report's text is not trusted.

    >>> from hnjd_disclosure.survey import survey_text, Survey, SurveyRow, Weights
    >>> row = SurveyRow.of(survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n"), ())
    >>> text = to_csv(Survey(rows=(row,), weights=Weights.default()))
    >>> text[0] == "\\ufeff", text[1:].splitlines()[1].split(",")[2:4]
    (True, ['某某大学', '2022'])
    """
    records = survey.records()
    columns = _columns(records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if columns:
        writer.writerow(columns)
    writer.writerows([_csv_field(r.get(key)) for key in columns] for r in records)
    return "\ufeff" + out.getvalue()


def _csv_field(value: object) -> str:
    text = _text(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_json(survey: _Survey) -> str:
    """The survey as one JSON object: ``{"weights": {...}, "rows": [...]}``, a row per line.

    ``rows`` are the records, ranked; ``weights`` those the scores were computed with. Decimals
    are JSON numbers with their exact digits (``87.5``, ``0.8125``): read them back exactly
    with ``json.loads(text, parse_float=decimal.Decimal)``. Dates are ISO strings, ``None``
    is ``null``, and text is written as is (not ``\\u`` escaped).

    >>> import decimal
    >>> from hnjd_disclosure.survey import survey_text, Survey, SurveyRow, Weights
    >>> row = SurveyRow.of(survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n"), ())
    >>> data = json.loads(to_json(Survey(rows=(row,), weights=Weights.default())),
    ...                   parse_float=decimal.Decimal)
    >>> data["weights"]["merged"], data["rows"][0]["institution"]
    (Decimal('0.5'), '某某大学')
    """
    lines = [f"  {_json(row.record())}" for row in survey.rows]
    rows = "[\n" + ",\n".join(lines) + "\n ]" if lines else "[]"
    return f'{{"weights": {_json(_weights(survey.weights))},\n "rows": {rows}}}\n'


def _weights(weights: Weights) -> dict[str, Any]:
    return attrs.asdict(weights)


def _json(value: object) -> str:
    """JSON text of a record or of the weights: as json writes it, but a Decimal digit for
    digit (json would write it as a float, if at all)."""
    writer = _JSON_SCALARS.get(type(value))
    if writer is not None:
        return writer(value)
    if isinstance(value, Mapping):
        pairs = (f"{encode_basestring(str(k))}: {_json(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    if isinstance(value, datetime.date):
        return encode_basestring(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


#: The writers of the scalars a record holds, by exact type (a survey writes millions).
_JSON_SCALARS: Final[Mapping[type, Callable[[Any], str]]] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: lambda v: "true" if v else "false",
    type(None): lambda _: "null",
    Decimal: _decimal,
    datetime.date: lambda v: encode_basestring(v.isoformat()),
}


# -- xlsx -------------------------------------------------------------------------------------

#: Excel's limit on the characters of a cell.
_CELL_MAX: Final = 32_767
_WIDEST: Final = 60
_ITEM_WIDTH: Final = 12
#: The items' heading row: four lines of wrapped text (the full text is in the cell).
_ITEM_HEADING_HEIGHT: Final = 64
_STATUS_FILLS: Final = {
    "disclosed": "E2F0D9",
    "mentioned": "FFF2CC",
    "not_found": "F8CBAD",
    "not_applicable": "EDEDED",
}


def to_xlsx(survey: _Survey) -> bytes:
    """The survey as an Excel workbook (``.xlsx``), for the offices that live in spreadsheets.

    Sheet 排名: the ranked table under Chinese headings, numbers as numbers, dates as dates, a
    frozen header row, an autofilter, and columns wide enough for their Chinese text. Sheet
    清单事项: each report's status for each of the 50 checklist items, coloured. Sheet 权重: the
    weights. A text is always a text (a report's ``=...`` never becomes a formula). Written in
    openpyxl's streaming mode, so a large survey does not hold the workbook's cells twice.

    Needs the optional extra: ``pip install "hnjd-disclosure[xlsx]"``.

    >>> import io, openpyxl
    >>> from hnjd_disclosure.survey import survey_text, Survey, SurveyRow, Weights
    >>> row = SurveyRow.of(survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n"), ())
    >>> book = openpyxl.load_workbook(io.BytesIO(to_xlsx(Survey(rows=(row,),
    ...                                                          weights=Weights.default()))))
    >>> book.sheetnames, book["排名"]["C1"].value, book["排名"]["C2"].value
    (['排名', '清单事项', '权重'], '学校', '某某大学')

    Raises:
        MissingExtraError: if openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("xlsx", "openpyxl") from None
    book = Workbook(write_only=True)
    records = survey.records()
    _ranked_sheet(book, records)
    _items_sheet(book, survey, records)
    _weights_sheet(book, survey.weights)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character two, others one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@cache
def _illegal() -> re.Pattern[str]:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE


def _xlsx_value(key: str, value: object) -> object:
    """A record's value for a cell: enumerated values in Chinese, texts without the control
    characters the file format forbids (shown as U+FFFD) and within Excel's length."""
    shown = _label(key, value)
    if isinstance(shown, str):
        return _illegal().sub("\ufffd", shown)[:_CELL_MAX]
    return shown


def _appended(sheet: Any, values: Iterable[object]) -> None:
    """Append a row whose texts stay texts (openpyxl takes a text starting ``=`` for a
    formula: a report's ``=HYPERLINK(...)`` must not become one)."""
    from openpyxl.cell import WriteOnlyCell

    row: list[object] = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)


def _header(sheet: Any, headings: Sequence[str], *, wrap: bool = False) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    cells = []
    for text in headings:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=wrap, vertical="top")
        cells.append(cell)
    return cells


def _fit(sheet: Any, rows: Sequence[Sequence[object]]) -> None:
    """Column widths that fit the widest cell of each column (to a limit)."""
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(zip(*rows, strict=True), 1):
        widest = max(_width(_text(v)) for v in column)
        sheet.column_dimensions[get_column_letter(i)].width = min(widest, _WIDEST) + 2


def _finish(sheet: Any, columns: int, rows: int, *, frozen: str = "A2") -> None:
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = frozen
    if columns and rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def _ranked_sheet(book: Any, records: Sequence[Record]) -> None:
    sheet = book.create_sheet("排名")
    columns = _columns(records)
    headings = [_heading(key) for key in columns]
    values = [[_xlsx_value(key, r.get(key)) for key in columns] for r in records]
    if columns:
        _fit(sheet, [headings, *values])
    _finish(sheet, len(columns), len(values))
    sheet.append(_header(sheet, headings))
    for row in values:
        _appended(sheet, row)


def _items_sheet(book: Any, survey: _Survey, records: Sequence[Record]) -> None:
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import PatternFill
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet("清单事项")
    standard = checklist_2014()
    who = ("rank", "institution", "year", "source")
    headings = [_heading(k) for k in who] + [f"{i.number}. {i.text}" for i in standard.items]
    firsts = [[_xlsx_value(k, r.get(k)) for k in who] for r in records]
    _fit(sheet, [headings[: len(who)], *firsts])
    for i in range(len(who) + 1, len(headings) + 1):
        sheet.column_dimensions[get_column_letter(i)].width = _ITEM_WIDTH
    first_item = get_column_letter(len(who) + 1)
    _finish(sheet, len(headings), len(records), frozen=f"{first_item}2")
    # colours by rule, not per cell: a style on each of millions of cells is slow to write
    area = f"{first_item}2:{get_column_letter(len(headings))}{len(records) + 1}"
    for status, colour in _STATUS_FILLS.items():
        fill = PatternFill("solid", start_color=colour, end_color=colour)
        shown = _label("item", status)
        style = DifferentialStyle(fill=fill)
        sheet.conditional_formatting.add(
            area, Rule(type="cellIs", operator="equal", formula=[f'"{shown}"'], dxf=style)
        )
    sheet.row_dimensions[1].height = _ITEM_HEADING_HEIGHT
    sheet.append(_header(sheet, headings, wrap=True))
    for first, row in zip(firsts, survey.rows, strict=True):
        _appended(sheet, [*first, *(_label("item", s.value) for s in row.items)])


def _weights_sheet(book: Any, weights: Weights) -> None:
    sheet = book.create_sheet("权重")
    rows = [
        [key, "、".join(value) if isinstance(value, tuple) else value]
        for key, value in _weights(weights).items()
    ]
    headings = ["权重", "值"]
    _fit(sheet, [headings, *rows])
    _finish(sheet, 2, len(rows))
    sheet.append(_header(sheet, headings))
    for row in rows:
        _appended(sheet, row)


# -- HTML -------------------------------------------------------------------------------------

_TITLE: Final = "信息公开年度报告评估"

_STYLE: Final = """
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --focus: #0969da;
  --bar: #4e79a7; --miss: #e15759; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; font: 15px/1.6 system-ui, -apple-system,
  "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
  "Source Han Sans SC", sans-serif; }
header, main, footer { max-width: 1280px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 1.5rem; margin: 1.2rem 0 .2rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
.summary, footer { color: var(--muted); }
.charts { display: grid; gap: 16px; align-items: start;
  grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); }
figure { margin: 0; padding: 12px; border: 1px solid var(--line); border-radius: 6px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure svg { display: block; width: 100%; max-width: 480px; height: auto; }
svg text { fill: var(--fg); font-size: 13px; }
svg .tick { fill: var(--muted); font-size: 12px; }
svg .bar { fill: var(--bar); }
svg .miss { fill: var(--miss); }
svg .grid { stroke: var(--line); }
svg .axis { stroke: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; margin: 0 0 8px; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.filters input, .filters select { font: inherit; color: var(--fg); min-height: 36px;
  padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.filters input { min-width: 16em; }
.filters output { font-size: .9rem; padding-bottom: 6px; }
.scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: separate; border-spacing: 0; font-size: .875rem; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); white-space: nowrap;
  text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; z-index: 1; background: var(--head); }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:hover { background: var(--head); }
tr.unread td { color: var(--muted); }
details { margin: 1.2rem 0; }
details table { margin-top: 6px; }
footer { margin-top: 2rem; padding-bottom: 2rem; font-size: .85rem; }
@media (max-width: 600px) { body { font-size: 14px; } .filters input { min-width: 0; width: 100%; }
  .filters label { flex: 1 1 100%; } }
"""

# Static: the data it works on is the JSON block, never text spliced into the script.
_SCRIPT: Final = """
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("survey-data").textContent);
  const table = document.getElementById("survey-table");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const form = document.getElementById("filters");
  const text = document.getElementById("filter-text");
  const selects = Array.from(form.querySelectorAll("select[data-key]"));
  const shown = document.getElementById("shown");
  const haystack = rows.map((tr) => tr.textContent.toLowerCase());
  const value = (i, key) => (data.rows[i][key] === undefined ? null : data.rows[i][key]);
  const filter = () => {
    const needle = text.value.trim().toLowerCase();
    let count = 0;
    rows.forEach((tr, i) => {
      const keep = (!needle || haystack[i].includes(needle)) && selects.every(
        (s) => s.value === "" || String(value(i, s.dataset.key) ?? "-") === s.value);
      tr.hidden = !keep;
      count += keep ? 1 : 0;
    });
    shown.textContent = `显示 ${count} / ${rows.length} 份报告`;
  };
  const compare = (a, b) => (typeof a === "number" && typeof b === "number"
    ? a - b : String(a).localeCompare(String(b), "zh-CN", { numeric: true }));
  const sort = (button) => {
    const th = button.closest("th");
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    table.tHead.querySelectorAll("th[aria-sort]").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const key = button.dataset.key;
    const order = rows.map((_, i) => i).sort((i, j) => {
      const a = value(i, key);
      const b = value(j, key);
      if (a === null || b === null) return (a === null) - (b === null) || i - j;
      return (ascending ? compare(a, b) : compare(b, a)) || i - j;
    });
    const sorted = document.createDocumentFragment();
    order.forEach((i) => sorted.appendChild(rows[i]));
    body.appendChild(sorted);
  };
  table.tHead.querySelectorAll("button[data-key]").forEach(
    (b) => b.addEventListener("click", () => sort(b)));
  form.addEventListener("input", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  filter();
})();
"""


def _source_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


#: Nothing loads from anywhere, and only the page's own style and script run: a text that
#: escaped escaping would still do nothing.
_CSP: Final = (
    f"default-src 'none'; style-src {_source_hash(_STYLE)}; "
    f"script-src {_source_hash(_SCRIPT)}; base-uri 'none'; form-action 'none'"
)


def _e(value: object) -> str:
    return html.escape(_text(value), quote=True)


def to_html(survey: _Survey) -> str:
    """The survey as one self-contained HTML page (zh-CN) to open in a browser or send.

    The page has the ranked table under Chinese headings (each with its English key as its
    ``title``), with filters (a text, the format, the kind) and sorting by a click on a
    column's heading (buttons, so the keyboard works too); a histogram of the scores; and a bar
    chart of the checklist items most often not shown disclosed. The charts are SVG written
    here with the standard library (no dependency, the same page with or without matplotlib).

    It loads nothing: no remote script, style, font or image, and no link out of the page.
    A report's text is inert: every text is escaped, the rows reach the small inline script
    as a JSON data block (``<``, ``>`` and ``&`` written as ``\\u`` escapes), and the page's
    Content-Security-Policy lets only its own style and script run. Without JavaScript the
    table and the charts still show; the filters stay hidden.

    >>> from hnjd_disclosure.survey import survey_text, Survey, SurveyRow, Weights
    >>> row = SurveyRow.of(survey_text("<b>大学2022年信息公开年度报告\\n一、概述\\n"), ())
    >>> page = to_html(Survey(rows=(row,), weights=Weights.default()))
    >>> page.startswith("<!DOCTYPE html>"), page.count("<svg"), "<b>" in page
    (True, 2, False)
    """
    records = survey.records()
    columns = _columns(records)
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{_TITLE}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<header>\n<h1>{_TITLE}</h1>\n{_summary(records)}</header>\n<main>\n",
        '<h2 id="charts">得分分布与常缺事项</h2>\n<div class="charts">\n',
        _histogram(records),
        _missing(survey, records),
        "</div>\n",
        '<h2 id="table">排名</h2>\n',
        _filters(records),
        '<div class="scroll">\n',
        _table(columns, records, sortable=True, table_id="survey-table"),
        "</div>\n",
        _weights_html(survey.weights),
        "</main>\n<footer>由 hnjd-disclosure 生成。</footer>\n",
        '<script type="application/json" id="survey-data">',
        _script_json({"columns": columns, "rows": records}),
        "</script>\n",
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _script_json(value: object) -> str:
    """JSON that cannot end its ``<script>`` element: ``<``, ``>`` and ``&`` only occur in its
    strings, where ``\\u`` escapes mean the same characters."""
    text = _json(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_TENTH: Final = Decimal("0.1")


def _summary(records: Sequence[Record]) -> str:
    from decimal import ROUND_HALF_UP

    scores = [r["score"] for r in records if r.get("score") is not None]
    unread = sum(r.get("error") is not None for r in records)
    line = f"共 {len(records)} 份报告"
    if unread:
        line += f"，其中 {unread} 份无法读取"
    if scores:
        median = Decimal(statistics.median(scores)).quantize(_TENTH, rounding=ROUND_HALF_UP)
        line += (
            f"；得分（满分 100）中位数 {_e(median)}，最高 {_e(max(scores))}，最低 {_e(min(scores))}"
        )
    return f'<p class="summary">{line}。</p>\n'


def _numeric(records: Sequence[Record], key: str) -> bool:
    values = [r.get(key) for r in records if r.get(key) is not None]
    return bool(values) and all(
        isinstance(v, int | Decimal) and not isinstance(v, bool) for v in values
    )


def _table(
    columns: Sequence[str], records: Sequence[Record], *, sortable: bool, table_id: str = ""
) -> str:
    """A table of ``records`` under Chinese headings, every text escaped."""
    numeric = {key for key in columns if _numeric(records, key)}
    cls = {key: ' class="num"' if key in numeric else "" for key in columns}
    head = []
    for key in columns:
        name = _e(_heading(key))
        inner = f'<button type="button" data-key="{_e(key)}">{name}</button>' if sortable else name
        sort = ' aria-sort="ascending"' if sortable and key == "rank" else ""
        head.append(f'<th scope="col" title="{_e(key)}"{cls[key]}{sort}>{inner}</th>')
    body = []
    for r in records:
        unread = ' class="unread"' if r.get("error") is not None else ""
        cells = "".join(f"<td{cls[key]}>{_e(_label(key, r.get(key)))}</td>" for key in columns)
        body.append(f"<tr{unread}>{cells}</tr>\n")
    ident = f' id="{table_id}"' if table_id else ""
    return (
        f"<table{ident}>\n<thead><tr>{''.join(head)}</tr></thead>\n"
        f"<tbody>\n{''.join(body)}</tbody>\n</table>\n"
    )


def _filters(records: Sequence[Record]) -> str:
    selects = "".join(_select(records, key) for key in ("format", "kind"))
    return (
        '<form id="filters" class="filters" role="search" hidden>\n'
        '<label for="filter-text">查找（学校、文件、任何文字）'
        '<input id="filter-text" type="search" autocomplete="off"></label>\n'
        f'{selects}<output id="shown" aria-live="polite"></output>\n</form>\n'
    )


def _select(records: Sequence[Record], key: str) -> str:
    values = sorted({"-" if r.get(key) is None else str(r[key]) for r in records if key in r})
    options = "".join(
        f'<option value="{_e(v)}">{_e("未识别" if v == "-" else _label(key, v))}</option>'
        for v in values
    )
    return (
        f'<label for="filter-{key}">{_e(_heading(key))}'
        f'<select id="filter-{key}" data-key="{key}"><option value="">全部</option>'
        f"{options}</select></label>\n"
    )


def _weights_html(weights: Weights) -> str:
    rows = "".join(
        f'<tr><th scope="row">{_e(key)}</th><td>'
        f"{_e('、'.join(value) if isinstance(value, tuple) else value)}</td></tr>"
        for key, value in _weights(weights).items()
    )
    return (
        "<details>\n<summary>评分权重（得分为得分点占可得分点的百分比）</summary>\n"
        f"<table><tbody>{rows}</tbody></table>\n</details>\n"
    )


# -- charts -----------------------------------------------------------------------------------

_WIDTH: Final = 400
_BINS: Final = 10
_MOST_MISSING: Final = 15
_ITEM_LABEL: Final = 22


def _step(top: int) -> int:
    """A round step (1, 2, 5, 10, 20 …) giving at most five grid lines up to ``top``."""
    scale = 1
    while True:
        for m in (1, 2, 5):
            if top <= m * scale * 5:
                return m * scale
        scale *= 10


def _svg(name: str, height: int, title: str, desc: str, body: Iterable[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'role="img" aria-labelledby="{name}-title {name}-desc">'
        f'<title id="{name}-title">{_e(title)}</title><desc id="{name}-desc">{_e(desc)}</desc>'
        + "".join(body)
        + "</svg>\n"
    )


def _histogram(records: Sequence[Record]) -> str:
    """An SVG histogram of the scores in ten bands of ten points (100 in the last)."""
    counts = [0] * _BINS
    for r in records:
        if r.get("score") is not None:
            counts[min(int(r["score"] // _BINS), _BINS - 1)] += 1
    left, right, top, bottom, height = 32, 16, 16, 44, 240
    plot_w, plot_h = _WIDTH - left - right, height - top - bottom
    step = _step(max(counts) or 1)
    ceiling = max(step, math.ceil((max(counts) or 1) / step) * step)
    band = plot_w / _BINS
    body: list[str] = []
    for tick in range(0, ceiling + 1, step):
        y = top + plot_h - plot_h * tick / ceiling
        body.append(
            f'<line class="grid" x1="{left}" x2="{_WIDTH - right}" y1="{y:.1f}" '
            f'y2="{y:.1f}"/><text class="tick" x="{left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{tick}</text>'
        )
    for i, count in enumerate(counts):
        x, h = left + i * band, plot_h * count / ceiling
        lo, hi = i * _BINS, (i + 1) * _BINS
        span = f"{lo}至{hi}" if i < _BINS - 1 else f"{lo}至{hi}（含）"
        body.append(
            f'<rect class="bar" x="{x + 2:.1f}" y="{top + plot_h - h:.1f}" '
            f'width="{band - 4:.1f}" height="{h:.1f}"><title>{span} 分：{count} 份'
            "</title></rect>"
        )
        if count:
            body.append(
                f'<text x="{x + band / 2:.1f}" y="{top + plot_h - h - 4:.1f}" '
                f'text-anchor="middle">{count}</text>'
            )
    for i in range(_BINS + 1):
        x = left + i * band
        body.append(
            f'<text class="tick" x="{x:.1f}" y="{top + plot_h + 16}" '
            f'text-anchor="middle">{i * _BINS}</text>'
        )
    body.append(
        f'<line class="axis" x1="{left}" x2="{_WIDTH - right}" y1="{top + plot_h}" '
        f'y2="{top + plot_h}"/>'
    )
    body.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">'
        "得分（满分 100）</text>"
    )
    scored = sum(counts)
    desc = "；".join(f"{i * _BINS}至{(i + 1) * _BINS}分 {c} 份" for i, c in enumerate(counts))
    svg = _svg("scores", height, f"{scored} 份报告的得分分布", desc, body)
    return f"<figure>\n<figcaption>得分分布（每 10 分一档）</figcaption>\n{svg}</figure>\n"


def _missing(survey: _Survey, records: Sequence[Record]) -> str:
    """An SVG bar chart of the checklist items most often not shown disclosed."""
    from decimal import ROUND_HALF_UP

    readable = sum(r.get("error") is None for r in records)
    counts = sorted(survey.missing_items().items(), key=lambda p: (-p[1], p[0]))
    shown = [(n, c) for n, c in counts if c][:_MOST_MISSING]
    standard = checklist_2014()
    row_h, top, label_w = 36, 8, 96
    height = top + row_h * max(len(shown), 1) + 8
    bar_w = _WIDTH - label_w - 8
    body: list[str] = []
    if not shown:
        body.append(f'<text x="0" y="{top + 20}">没有缺少的事项</text>')
    for i, (number, count) in enumerate(shown):
        y = top + i * row_h
        text = standard.item(number).text
        short = text if len(text) <= _ITEM_LABEL else text[: _ITEM_LABEL - 1] + "…"
        share = (Decimal(100 * count) / readable).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        w = bar_w * count / readable
        body.append(f'<text x="0" y="{y + 13}">{number}. {_e(short)}</text>')
        body.append(
            f'<rect class="miss" x="0" y="{y + 18}" width="{w:.1f}" height="12">'
            f"<title>{number}. {_e(text)}：{count} 份（{share}%）</title></rect>"
        )
        body.append(f'<text class="tick" x="{w + 6:.1f}" y="{y + 29}">{count} 份 · {share}%</text>')
    desc = "；".join(f"第 {n} 项 {c} 份" for n, c in shown)
    title = f"{readable} 份可读报告中最常未见公开的清单事项"
    svg = _svg("missing", height, title, desc, body)
    caption = f"最常未见公开的清单事项（前 {len(shown)} 项，共 {readable} 份可读报告）"
    return f"<figure>\n<figcaption>{caption}</figcaption>\n{svg}</figure>\n"


# -- pandas, notebooks ------------------------------------------------------------------------


def to_dataframe(survey: _Survey) -> pandas.DataFrame:
    """The survey's records as a pandas DataFrame, one row per report, ranked.

    Columns are the record's keys. A column of whole numbers is ``Int64`` (pandas' integer
    that can be missing: ``rank`` of an unreadable report); a column holding Decimals
    (``score``, the shares) is ``float64``, through ``pandas.to_numeric`` (the exact digits are
    in the CSV and JSON); a column of dates is ``datetime64``; text stays text.

    Needs the optional extra: ``pip install "hnjd-disclosure[pandas]"``.

    >>> from hnjd_disclosure.survey import survey_text, Survey, SurveyRow, Weights
    >>> row = SurveyRow.of(survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n"), ())
    >>> frame = to_dataframe(Survey(rows=(row,), weights=Weights.default()))
    >>> str(frame["year"].dtype), frame.loc[0, "institution"]
    ('Int64', '某某大学')

    Raises:
        ImportError: if pandas is not installed, saying how to install it.
    """
    pd = pandas_module("Survey.to_dataframe")
    records = survey.records()
    columns = _columns(records)
    frame = pd.DataFrame.from_records(
        [[r.get(key) for key in columns] for r in records], columns=columns
    )
    for key in columns:
        kinds = {type(r[key]) for r in records if r.get(key) is not None}
        if kinds == {int}:
            frame[key] = frame[key].astype("Int64")
        elif kinds and kinds <= {int, Decimal}:
            frame[key] = pd.to_numeric(frame[key].map(_float))
        elif kinds == {datetime.date}:
            frame[key] = pd.to_datetime(frame[key])
    return frame


def _float(value: object) -> float:
    return math.nan if value is None else float(value)  # type: ignore[arg-type]


def notebook_html(survey: _Survey) -> str:
    """A compact HTML table of the survey's first 20 rows, for Jupyter (``Survey._repr_html_``).

    >>> from hnjd_disclosure.survey import survey_text, Survey, SurveyRow, Weights
    >>> row = SurveyRow.of(survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n"), ())
    >>> "<td>某某大学</td>" in notebook_html(Survey(rows=(row,), weights=Weights.default()))
    True
    """
    records = [row.record() for row in survey.rows[:_NOTEBOOK_ROWS]]
    columns = [key for key in _BRIEF if key in _columns(records)]
    shown = len(records)
    more = f"，前 {shown} 份" if len(survey.rows) > shown else ""
    caption = f"<p>信息公开年度报告评估：共 {len(survey.rows)} 份报告{more}。</p>"
    return caption + _table(columns, records, sortable=False)
