"""The audit's arithmetic applied to the figures of a text (any institution, any layout).

:func:`check_text` runs every check on a text and says of each whether it was verified, failed,
or could not be verified; :func:`audit_text` returns only the failures, as the audit's
:class:`~hnjd_disclosure.audit.Findings` (each with ``span``, the figure's offsets, and
``path`` ``""``, or the model's field path for a rate the text names as the model does).

A finding accuses a published report, so it must rest on evidence the text shows:

* ``rate-matches-counts``: a percentage (or ratio) linked to its part and whole with an
  explicit basis (the clause names the whole, the rate's name says what it divides, a table's
  total row or the total stated before the table, a list written pairwise) is recomputed and
  rounded half-up (四舍五入) at the printed digits; a difference is classified by its cause
  (``truncated``, ``half-even``, ``last-digit``, ``wrong``). A link found only by arithmetic
  (:attr:`~.figures.Basis.FIT`) is verified by construction; a percentage without a link is
  not verifiable;
* ``parts-sum-to-whole``: a table's rows above its total row (合计、总计; 小计 rows taken
  into account) must add up to it; counts listed after 「其中」 and joined by 、 (``其中A人、
  B人``) must not add up to more than the count before it. Rows of a table below its total row,
  and 其中 counts written in separate clauses, may be breakdowns of their own: not verifiable;
* ``shares-exceed-whole``: a table's percentages above its total row must not add up to more
  than the total row's percentage (beyond the rounding of each);
* ``stated-cardinality``: the announced number of parts against the parts listed, and a
  stated count of listed things (``湖南、江西等4个省``, ``前5个地区分别为：…``) against the list
  it introduces; a count with no list of its own (``分布在全国31个省``) is not verifiable;
* ``points-as-percent``: a change of a rate written with % (「就业率较上年提高2%」) is
  ambiguous: percentage points or per cent of the old rate? (The growth of a count in %,
  「增加45人，增长1.68%」, is not.)
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

from attrs import frozen

from ..audit import Findings
from ..finding import (
    Cause,
    Finding,
    PartCount,
    PointsAsPercent,
    QizhongSum,
    Rule,
    Severity,
    TableRowsSum,
    TableSharesSum,
    TextCount,
    TextRate,
)
from ..records import field_label
from ..stats import RATES, round_fraction, rounding_cause
from ._figure import Basis, Figure, FigureKind
from .document import Cell, CellKind, Document, Row, Table, read_document
from .figures import extract_from, qizhong_groups
from .header import Header, read_header

__all__ = [
    "Check",
    "TextAudit",
    "Verdict",
    "audit_text",
    "check_document",
    "check_text",
    "percent_cause",
]


class Verdict(enum.Enum):
    """What a check of a text concluded.

    >>> [v.value for v in Verdict]
    ['verified', 'failed', 'unverifiable']
    """

    VERIFIED = "verified"
    FAILED = "failed"
    UNVERIFIABLE = "unverifiable"


@frozen(kw_only=True)
class Check:
    """One check of a text: its rule, the figure it is about, and its verdict.

    ``basis`` is the link's basis for ``rate-matches-counts``; ``reason`` says why a check
    could not be verified.

    >>> [(c.rule.value, c.verdict.value, c.published) for c in check_text("满意度为96.5%。").checks]
    [('rate-matches-counts', 'unverifiable', '96.5%')]
    """

    rule: Rule
    verdict: Verdict
    published: str
    span: tuple[int, int] | None
    basis: Basis | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping.

        >>> check_text("满意度为96.5%。").checks[0].to_dict()["reason"]
        'no part and whole in the text'
        """
        return {
            "rule": self.rule.value,
            "verdict": self.verdict.value,
            "published": self.published,
            "span": None if self.span is None else list(self.span),
            "basis": None if self.basis is None else self.basis.value,
            "reason": self.reason,
        }


@frozen(kw_only=True)
class TextAudit:
    """Every check of a text, and the findings of the failed ones.

    >>> result = check_text("计划招生5300人，实际录取5295人，录取率为99.90%。满意度为96.5%。")
    >>> result.verified, len(result.unverifiable), len(result.findings)
    (1, 1, 1)
    >>> print(result.summary())
    核对了 1 项，无法核对 1 项。
    1 verified, 1 not verifiable.
    """

    checks: tuple[Check, ...]
    findings: Findings

    @property
    def verified(self) -> int:
        """How many checks could be carried out (passed or failed).

        >>> check_text("共有毕业生100人，其中男生60人，占毕业生总数的60%。").verified
        1
        """
        return sum(1 for c in self.checks if c.verdict is not Verdict.UNVERIFIABLE)

    @property
    def unverifiable(self) -> tuple[Check, ...]:
        """The checks the text gives no evidence for.

        >>> [c.published for c in check_text("分布在全国31个省。").unverifiable]
        ['31个']
        """
        return tuple(c for c in self.checks if c.verdict is Verdict.UNVERIFIABLE)

    def summary(self) -> str:
        """The closing line of ``check``, in Chinese and English.

        >>> print(check_text("").summary())
        核对了 0 项，无法核对 0 项。
        0 verified, 0 not verifiable.
        """
        n, m = self.verified, len(self.unverifiable)
        return f"核对了 {n} 项，无法核对 {m} 项。\n{n} verified, {m} not verifiable."


def percent_cause(
    part: int | Decimal, whole: int | Decimal, stated: Decimal, unit: str = "%"
) -> tuple[str, Cause | None]:
    """The figure computed from the counts (at the stated digits) and why they differ.

    Returns ``(computed, cause)``; ``cause`` is ``None`` when the stated value is right, else
    the audit's cause (:func:`hnjd_disclosure.stats.rounding_cause`): ``half-even``,
    ``truncated``, ``last-digit`` or ``wrong``. ``unit`` is ``%`` for a percentage, ``:1`` for
    a ratio ``x:1`` and ``1:`` for ``1:x``.

    >>> percent_cause(5295, 5300, Decimal("99.90"))
    ('99.91%', <Cause.TRUNCATED: 'truncated'>)
    >>> percent_cause(416, 4846, Decimal("8.58"))
    ('8.58%', None)
    >>> percent_cause(35, 2, Decimal("17.4"), ":1")
    ('17.5:1', <Cause.LAST_DIGIT: 'last-digit'>)
    """
    exponent = stated.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    if unit == "1:":
        part, whole = whole, part
    exact = Fraction(part) / Fraction(whole) * (100 if unit == "%" else 1)
    computed = round_fraction(exact, decimals)
    shown = (
        f"{computed}%" if unit == "%" else (f"1:{computed}" if unit == "1:" else f"{computed}:1")
    )
    return shown, rounding_cause(exact, stated)


def audit_text(text: str) -> Findings:
    """The audit's checks applied to the figures of any report's text: the failures.

    >>> findings = audit_text("计划招生5300人，实际录取5295人，录取率为99.90%。")
    >>> [(f.rule.value, f.published, f.computed, f.cause.value) for f in findings]
    [('rate-matches-counts', '99.90%', '99.91%', 'truncated')]

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    return check_text(text).findings


def check_text(text: str) -> TextAudit:
    """Every check of ``text``, verified, failed or not verifiable, with the findings.

    >>> result = check_text("毕业生100人，其中升学20人、就业90人。")
    >>> [(c.rule.value, c.verdict.value) for c in result.checks]
    [('parts-sum-to-whole', 'failed')]

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    return check_document(text, read_document(text), read_header(text))


def check_document(text: str, document: Document, header: Header) -> TextAudit:
    """:func:`check_text` for a caller that has read ``text``'s document and header already
    (the survey reads them once for all its checks).

    >>> text = "毕业生100人，其中升学20人、就业90人。"
    >>> check_document(text, read_document(text), read_header(text)) == check_text(text)
    True
    """
    figures = extract_from(text, document)
    found: list[tuple[Check, Finding | None]] = [
        *_rates(figures, text),
        *_table_sums(figures, document),
        *_qizhong_sums(figures, text),
        *_cardinality(figures, header, text),
        *_points(figures),
    ]
    found.sort(key=lambda pair: pair[0].span or (0, 0))
    return TextAudit(
        checks=tuple(c for c, _ in found),
        findings=Findings(f for _, f in found if f is not None),
    )


_Result = tuple[Check, Finding | None]


def _printed(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def _rates(figures: Sequence[Figure], text: str) -> Iterator[_Result]:
    for fig in figures:
        if fig.kind not in (FigureKind.PERCENT, FigureKind.RATIO) or fig.change:
            continue
        if fig.part is None or fig.whole is None or fig.basis is None or not fig.whole.value:
            yield (
                _unverifiable(Rule.RATE_MATCHES_COUNTS, fig, "no part and whole in the text"),
                None,
            )
            continue
        unit = "%" if fig.kind is FigureKind.PERCENT else fig.unit
        computed, cause = percent_cause(fig.part.value, fig.whole.value, fig.value, unit)
        check = Check(
            rule=Rule.RATE_MATCHES_COUNTS,
            verdict=Verdict.VERIFIED if cause is None else Verdict.FAILED,
            published=fig.text,
            span=fig.span,
            basis=fig.basis,
        )
        if cause is None or not fig.basis.explicit:
            yield check, None
            continue
        name = fig.label or ("比例" if fig.kind is FigureKind.RATIO else "百分比")
        if name.startswith("占"):  # 「专升本416人，占毕业生总数的8.58%」: 专升本占毕业生总数
            name = fig.part.label + name.removesuffix("的")
            name += "比" if name.endswith("占") else ""
        detail = TextRate(
            name=name,
            part_label=fig.part.label,
            part=_printed(text, fig.part.span),
            whole_label=fig.whole.label,
            whole=_printed(text, fig.whole.span),
            part_value=fig.part.value,
            whole_value=fig.whole.value,
            basis=fig.basis.value,
        )
        yield (
            check,
            Finding(
                path=_model_path(fig),
                rule=Rule.RATE_MATCHES_COUNTS,
                severity=Severity.ERROR if cause is Cause.WRONG else Severity.WARNING,
                published=fig.text,
                computed=computed,
                cause=cause,
                detail=detail,
                span=fig.span,
            ),
        )


def _unverifiable(rule: Rule, fig: Figure, reason: str) -> Check:
    return Check(
        rule=rule, verdict=Verdict.UNVERIFIABLE, published=fig.text, span=fig.span, reason=reason
    )


@functools.cache
def _rate_paths() -> dict[str, str]:
    """The model's rates and shares by their Chinese names (录取率 → its field path)."""
    return {field_label(spec.path): spec.path for spec in RATES}


def _model_path(fig: Figure) -> str:
    """The model field a percentage of the text is, when its name is that field's name.

    ``录取率`` is ``proactive.admissions.admission_rate``; a share ``占比`` after ``专升本416人``
    is ``…upgraded_share``. Any other percentage has the path ``""``.
    """
    paths = _rate_paths()
    if fig.label in paths:
        return paths[fig.label]
    if fig.part is not None:
        return paths.get(fig.part.label.removeprefix("其中") + fig.label, "")
    return ""


# -- sums -------------------------------------------------------------------------------------

_SUB_ROW: Final = ("其中", "含", "包括", "内含")


def _table_sums(figures: Sequence[Figure], document: Document) -> Iterator[_Result]:
    by_span = {f.span: f for f in figures}
    for table in document.tables:
        for column in range(table.columns):
            yield from _column_sums(table, column, by_span)


def _is_leaf(row: Row) -> bool:
    label = "".join(row.label.split())
    return not (row.total or row.subtotal or label.startswith(_SUB_ROW))


def _column_sums(
    table: Table, column: int, by_span: dict[tuple[int, int], Figure]
) -> Iterator[_Result]:
    body = table.body
    kinds = {r.cells[column].kind for r in body if column < len(r.cells)}
    if not kinds & {CellKind.COUNT, CellKind.PERCENT}:
        return
    if body and body[0].total:
        yield from _top_totals(table, column, by_span)
        return
    last = -1  # the body index after which the current section starts
    for t, row in enumerate(body):
        if not row.total or column >= len(row.cells):
            continue
        total = row.cells[column]
        if total.kind not in (CellKind.COUNT, CellKind.PERCENT) or total.value is None:
            last = t
            continue
        above = body[last + 1 : t]
        below = [] if last >= 0 or t + 1 >= len(body) else body[t + 1 :]
        last = t
        result = _section_sum(above, below, total, column, by_span)
        if result is not None:
            yield result


def _top_totals(
    table: Table, column: int, by_span: dict[tuple[int, int], Figure]
) -> Iterator[_Result]:
    """Totals that head their blocks (``专任教师 | 总计 | 1237`` over its rows, then ``外聘教师
    | 总计 | 241``): the rows of a block may be attributes that overlap (具有硕士学位, 双师型),
    so a block that adds up is verified and one that does not is not accused."""
    body = table.body
    heads = [t for t, r in enumerate(body) if r.total]
    for n, t in enumerate(heads):
        cell = body[t].cells[column] if column < len(body[t].cells) else None
        if cell is None or cell.kind is not CellKind.COUNT or cell.value is None:
            continue
        fig = by_span.get(cell.span)
        block = body[t + 1 : heads[n + 1] if n + 1 < len(heads) else len(body)]
        values = _values([r for r in block if _is_leaf(r)], column, CellKind.COUNT)
        if fig is None or len(values) < 2:
            continue
        if sum(values) == cell.value:
            yield _sum_check(fig, Verdict.VERIFIED), None
        else:
            yield (
                _unverifiable(Rule.PARTS_SUM_TO_WHOLE, fig, "rows under a total may overlap"),
                None,
            )


def _values(rows: Sequence[Row], column: int, kind: CellKind) -> list[Decimal]:
    return [
        r.cells[column].value or Decimal(0)
        for r in rows
        if column < len(r.cells) and r.cells[column].kind is kind
    ]


def _section_sum(
    above: Sequence[Row],
    below: Sequence[Row],
    total: Cell,
    column: int,
    by_span: dict[tuple[int, int], Figure],
) -> _Result | None:
    assert total.value is not None  # the caller passes a count or percentage cell
    fig = by_span.get(total.span)
    if fig is None:
        return None
    kind = total.kind
    leaves = [r for r in above if _is_leaf(r)]
    values = _values(leaves, column, kind)
    subtotals = _values([r for r in above if r.subtotal], column, kind)
    if len(values) < 2:
        under = _values([r for r in below if _is_leaf(r)], column, kind)
        if len(under) >= 2 and kind is CellKind.COUNT:
            # a total above its rows: the rows may be several breakdowns of it
            if sum(under) == total.value:
                return _sum_check(fig, Verdict.VERIFIED), None
            return _unverifiable(
                Rule.PARTS_SUM_TO_WHOLE, fig, "total above rows of several kinds"
            ), None
        return None
    added = sum(values, Decimal(0))
    if kind is CellKind.PERCENT:
        linked = [by_span.get(r.cells[column].span) for r in leaves if column < len(r.cells)]
        if not all(
            f is None or f.basis in (Basis.TABLE_TOTAL, Basis.TABLE_CAPTION) for f in linked
        ):
            return None  # not shares of the column's total (a rate of each row)
        slack = sum((_half_unit(v) for v in values), Decimal(0))
        if added <= total.value + slack:
            return Check(
                rule=Rule.SHARES_EXCEED_WHOLE,
                verdict=Verdict.VERIFIED,
                published=fig.text,
                span=fig.span,
            ), None
        return _shares_finding(fig, added)
    if added == total.value or (subtotals and sum(subtotals) == total.value):
        return _sum_check(fig, Verdict.VERIFIED), None
    running = Decimal(0)
    for v in values[:-1]:
        running += v
        if running == total.value:  # several breakdowns of one total, one after another
            return _unverifiable(Rule.PARTS_SUM_TO_WHOLE, fig, "rows of several breakdowns"), None
    return _sum_check(fig, Verdict.FAILED), Finding(
        path="",
        rule=Rule.PARTS_SUM_TO_WHOLE,
        severity=Severity.ERROR,
        published=fig.text,
        computed=str(added),
        cause=None,
        detail=TableRowsSum(label=fig.label, rows=tuple(values), total=added),
        span=fig.span,
    )


def _sum_check(fig: Figure, verdict: Verdict) -> Check:
    return Check(rule=Rule.PARTS_SUM_TO_WHOLE, verdict=verdict, published=fig.text, span=fig.span)


def _shares_finding(fig: Figure, added: Decimal) -> _Result:
    return Check(
        rule=Rule.SHARES_EXCEED_WHOLE, verdict=Verdict.FAILED, published=fig.text, span=fig.span
    ), Finding(
        path="",
        rule=Rule.SHARES_EXCEED_WHOLE,
        severity=Severity.ERROR,
        published=fig.text,
        computed=f"{added}%",
        cause=None,
        detail=TableSharesSum(total=added),
        span=fig.span,
    )


def _qizhong_sums(figures: Sequence[Figure], text: str) -> Iterator[_Result]:
    """``共3000人，其中升学1500人、就业1600人``: parts joined by 、 must not exceed the total.

    A part that a percentage makes the part of another part (``其中专任教师1100人、高级职称
    450人、占专任教师的40.9%``: 450 is a part of 1100) is not added to the total's parts.
    """
    prose = [f for f in figures if f.table is None]
    whole_of = {
        fig.part.span: fig.whole.span
        for fig in prose
        if fig.kind is FigureKind.PERCENT and fig.part is not None and fig.whole is not None
    }
    for head_index, indices in qizhong_groups(prose, text):
        total = prose[head_index]
        members = {prose[j].span for j in indices}
        parts = [
            prose[j]
            for j in indices
            if whole_of.get(prose[j].span) not in members - {prose[j].span}
        ]
        if len(parts) < 2 or not (_joined(text, parts) or _one_family(parts)):
            yield _unverifiable(Rule.PARTS_SUM_TO_WHOLE, total, "其中 parts may overlap"), None
            continue
        added = sum((p.value for p in parts), Decimal(0))
        check = _sum_check(total, Verdict.VERIFIED if added <= total.value else Verdict.FAILED)
        if added <= total.value:
            yield check, None
            continue
        listed = tuple(_printed(text, p.span) for p in parts)
        yield (
            check,
            Finding(
                path="",
                rule=Rule.PARTS_SUM_TO_WHOLE,
                severity=Severity.ERROR,
                published=total.text,
                computed=f"{added}{total.unit}",
                cause=None,
                detail=QizhongSum(parts=listed, total=added, unit=total.unit),
                span=(total.span[0], parts[-1].span[1]),
            ),
        )


_JOIN_BREAKS: Final = frozenset("，,；;。：:（(")

#: Categories that exclude each other by what they are (an application is answered one way,
#: a graduate has one destination): counts after 其中 whose labels all name categories of one
#: family are disjoint even when written in separate clauses. 党员 and 女教师 are no family.
DISJOINT_FAMILIES: Final = (
    # 依申请公开: how each application was answered
    ("予以公开", "同意公开", "部分公开", "不予公开", "信息不存在", "不属于", "非本校", "不予受理",
     "申请内容不明确", "重复申请", "正在办理", "转办", "撤回", "其他"),
    # a graduate's destination
    ("已就业", "就业", "签约", "灵活就业", "升学", "专升本", "考研", "出国", "留学", "应征入伍",
     "参军", "自主创业", "创业", "待就业", "未就业", "暂不就业", "其他"),
    ("男", "女"),
    ("本科", "专科", "高职", "研究生", "硕士", "博士"),
    ("省内", "省外", "湖南省内", "湖南省外"),
    ("专任教师", "外聘教师", "行政人员", "教辅人员", "工勤人员"),
)  # fmt: skip


def _family_of(label: str) -> set[int]:
    label = label.removeprefix("其中").strip(" \u3000，、")
    return {
        k
        for k, family in enumerate(DISJOINT_FAMILIES)
        if any(label.endswith(word) or label.startswith(word) for word in family)
    }


def _one_family(parts: Sequence[Figure]) -> bool:
    """Whether every part's label names a category of one disjoint family."""
    common: set[int] | None = None
    for part in parts:
        found = _family_of(part.label)
        common = found if common is None else common & found
        if not common:
            return False
    return bool(common)


def _joined(text: str, parts: Sequence[Figure]) -> bool:
    """Whether the parts are one list: each after the previous with a 、 and no clause break."""
    for a, b in itertools.pairwise(parts):
        between = text[a.span[1] : b.span[0]]
        if "、" not in between or any(ch in _JOIN_BREAKS for ch in between):
            return False
    return True


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return Decimal(5).scaleb(-decimals - 1)


# -- stated counts ----------------------------------------------------------------------------

_LISTED_THINGS: Final = (
    "省", "部分", "自治区", "地区", "国家", "城市", "市", "专业", "学院", "方面", "渠道", "栏目",
    "类", "门类", "校区", "平台", "区域", "专栏", "版块", "板块",
)  # fmt: skip
# after the things counted, a few words and a verb or a colon: 「个地区分别为：」, 「个省份：」
_LIST_AFTER: Final = re.compile(
    r"[^，。；、（(\n：:]{0,8}?(?:分别为|分别是|依次为|包括|[：:])[：:]?"
)
_PAREN: Final = re.compile(r"[（(][^（）()]{0,40}[)）]")
_LIST_END: Final = re.compile("[。；;\n]")
_ITEM_MAX: Final = 16


def _cardinality(figures: Sequence[Figure], header: Header, text: str) -> Iterator[_Result]:
    if header.stated_part_count is not None and header.part_count_span is not None:
        yield from _part_count(header, text)
    for fig in figures:
        if fig.kind is not FigureKind.COUNT or fig.unit != "个" or fig.table is not None:
            continue
        after = text[fig.span[1] : fig.span[1] + 12].replace(" ", "").replace("\u3000", "")
        if not after.startswith(_LISTED_THINGS) or _within(fig.span, header.part_count_span):
            continue
        found = _list_before(fig) or _list_after(text, fig)
        if found is None:
            yield _unverifiable(Rule.STATED_CARDINALITY, fig, "no list of its own"), None
            continue
        count, loose = found
        if loose and count < fig.value:
            yield _unverifiable(Rule.STATED_CARDINALITY, fig, "the list names only some (等)"), None
            continue
        ok = count == fig.value
        check = Check(
            rule=Rule.STATED_CARDINALITY,
            verdict=Verdict.VERIFIED if ok else Verdict.FAILED,
            published=fig.text,
            span=fig.span,
        )
        if ok:
            yield check, None
            continue
        yield (
            check,
            Finding(
                path="",
                rule=Rule.STATED_CARDINALITY,
                severity=Severity.WARNING,
                published=fig.text,
                computed=f"{count}{fig.unit}",
                cause=None,
                detail=TextCount(stated=fig.value, listed=count, unit=fig.unit),
                span=fig.span,
            ),
        )


def _within(span: tuple[int, int], outer: tuple[int, int] | None) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _part_count(header: Header, text: str) -> Iterator[_Result]:
    """The announced number of parts against the parts listed. Part names hold 、 of their
    own (「受到举报、复议、诉讼的情况」): the list is read with 、 as a separator and without;
    a count that no reading gives is a finding only when every reading gives the same."""
    assert header.stated_part_count is not None
    stated = header.stated_part_count
    published = f"{stated}个部分"
    if not header.part_names or header.part_names_span is None:
        yield (
            Check(
                rule=Rule.STATED_CARDINALITY,
                verdict=Verdict.UNVERIFIABLE,
                published=published,
                span=header.part_count_span,
                reason="no list of its own",
            ),
            None,
        )
        return
    listed = text[header.part_names_span[0] : header.part_names_span[1]]
    if len(re.findall("[，,；;]", listed)) >= 2:  # names separated by commas
        readings = {len([p for p in re.split("[，,；;]", listed) if p.strip()])}
    else:
        readings = {
            len(header.part_names),
            len(header.part_names) - 2 * len(_COMPLAINTS.findall(listed)),
        }
    if stated in readings or len(readings) > 1:
        verdict = Verdict.VERIFIED if stated in readings else Verdict.UNVERIFIABLE
        reason = "" if stated in readings else "the list can be read in several ways"
        yield (
            Check(
                rule=Rule.STATED_CARDINALITY,
                verdict=verdict,
                published=published,
                span=header.part_count_span,
                reason=reason,
            ),
            None,
        )
        return
    count = readings.pop()
    yield (
        Check(
            rule=Rule.STATED_CARDINALITY,
            verdict=Verdict.FAILED,
            published=published,
            span=header.part_count_span,
        ),
        Finding(
            path="",
            rule=Rule.STATED_CARDINALITY,
            severity=Severity.WARNING,
            published=str(stated),
            computed=str(count),
            cause=None,
            detail=PartCount(stated=stated, listed=count),
            span=header.part_count_span,
        ),
    )


_COMPLAINTS: Final = re.compile("[举舉]报、[复復][议議]、[诉訴][讼訟]")


def _items(listed: str) -> list[str] | None:
    """The items of a list joined by 、: the first may carry the words that lead into the
    list (「在官网设置…中的资助资讯」), the others must be short names."""
    items = [item.strip(" \u3000") for item in listed.split("、")]
    if len(items) < 2 or not items[0] or len(items[0]) > 4 * _ITEM_MAX:
        return None
    if any(not item or len(item) > _ITEM_MAX for item in items[1:]):
        return None
    return items


def _list_before(fig: Figure) -> tuple[int, bool] | None:
    """``面向湖南、江西、广东4个省``: the items written just before the count."""
    label = fig.label.rstrip(" \u3000")
    for word in ("共计", "合计", "总计", "共", "这", "计"):
        label = label.removesuffix(word)
    items = _items(_PAREN.sub("", label.removesuffix("等")))
    if items is None:
        return None
    # 「湖南、广东等全国31个省」: a list with 等 names some of what it counts
    loose = label.endswith("等") or any("等" in item for item in items)
    return len(items), loose


def _list_after(text: str, fig: Figure) -> tuple[int, bool] | None:
    """``前5个地区分别为：四川省（44.05%）、…``: the items written just after the count."""
    start = fig.span[1]
    lead = _LIST_AFTER.match(text, start, start + 24)
    if lead is None:
        return None
    end = _LIST_END.search(text, lead.end(), lead.end() + 600)
    stop = end.start() if end is not None else min(len(text), lead.end() + 600)
    listed = _PAREN.sub("", text[lead.end() : stop]).rstrip("，, \u3000")
    if "，" in listed or "," in listed:
        listed = listed.split("，")[0].split(",")[0]
    loose = listed.endswith("等")
    items = _items(listed.removesuffix("等"))
    return None if items is None else (len(items), loose)


# -- points -----------------------------------------------------------------------------------

_RATE_WORDS: Final = ("率", "比例", "占比", "比重", "百分比")


def _points(figures: Sequence[Figure]) -> Iterator[_Result]:
    """A change of a rate written with %: 「就业率较上年提高2%」, and 「就业率为95.5%，较上年
    提高2%」 (the change names nothing: it is the change of the percentage before it in its
    sentence) — but not 「增加45人，增长1.68%」, the growth of a count."""
    previous: Figure | None = None
    rate_label: tuple[tuple[int, int], str] | None = None
    for fig in figures:
        if fig.kind is FigureKind.PERCENT and not fig.change:
            rate_label = (fig.sentence_span, fig.label)
        elif fig.kind is FigureKind.PERCENT and fig.table is None:
            label = fig.label
            count_change = (
                previous is not None
                and previous.kind in (FigureKind.COUNT, FigureKind.WAN)
                and previous.change
                and previous.sentence_span == fig.sentence_span
            )
            if not label and not count_change and rate_label and rate_label[0] == fig.sentence_span:
                label = rate_label[1]
            if not count_change and any(word in label for word in _RATE_WORDS):
                yield (
                    Check(
                        rule=Rule.POINTS_AS_PERCENT,
                        verdict=Verdict.FAILED,
                        published=fig.text,
                        span=fig.span,
                    ),
                    Finding(
                        path="",
                        rule=Rule.POINTS_AS_PERCENT,
                        severity=Severity.WARNING,
                        published=fig.text,
                        computed=None,
                        cause=None,
                        detail=PointsAsPercent(label=label, change=fig.change),
                        span=fig.span,
                    ),
                )
        previous = fig
