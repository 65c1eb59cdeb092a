"""The audit's arithmetic applied to the figures of a text (any institution, any layout).

:func:`audit_text` returns the audit's :class:`~hnjd_disclosure.audit.Findings`, each with
``span`` (the character offsets of the figure) and ``path`` ``""``, or the model's field path
for a rate the text names as the model does (``录取率``). The checks:

* ``rate-matches-counts``: a percentage whose part and whole the text gives is recomputed,
  rounded half-up (四舍五入) at the printed digits; a difference is classified by its cause
  (``truncated``, ``half-even``, ``last-digit``, ``wrong``);
* ``parts-sum-to-whole``: counts after 「其中」 (up to ``；`` or the end of the sentence) must
  not add up to more than the count before it; in a table written as text rows, the rows
  must add up to the row named 合计/总计;
* ``stated-cardinality``: the announced number of parts (「共8个部分」) against the parts
  listed, and a count written after a list (「湖南、安徽…10个省」) against the list;
* ``points-as-percent``: a change of a rate or share written with % (「就业率较上年提高2%」)
  is ambiguous: percentage points or per cent of the old rate?
* ``shares-exceed-whole``: shares of one whole adding to more than 100%.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

from ..audit import _CAUSES, Finding, Findings, Severity
from ..records import field_label
from ..stats import RATES, Rounding, round_fraction
from .figures import Figure, FigureKind, extract_figures, qizhong_groups
from .header import Header, read_header

__all__ = ["audit_text", "percent_cause", "text_findings"]


def percent_cause(
    part: int | Decimal, whole: int | Decimal, stated: Decimal
) -> tuple[str, str | None]:
    """The percentage computed from the counts (at the stated digits) and why they differ.

    Returns ``(computed, cause)``; ``cause`` is ``None`` when the stated value is right, else
    the audit's cause: ``half-even``, ``truncated``, ``last-digit`` or ``wrong``.

    >>> percent_cause(5295, 5300, Decimal("99.90"))
    ('99.91%', 'truncated')
    >>> percent_cause(416, 4846, Decimal("8.58"))
    ('8.58%', None)
    """
    exponent = stated.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    exact = Fraction(part) / Fraction(whole) * 100
    computed = round_fraction(exact, decimals)
    shown = f"{computed}%"
    if computed == stated:
        return shown, None
    # the same order of causes as the audit's
    if round_fraction(exact, decimals, Rounding.HALF_EVEN) == stated:
        return shown, "half-even"
    if round_fraction(exact, decimals, Rounding.TRUNCATE) == stated:
        return shown, "truncated"
    if abs(stated - computed) == Decimal(1).scaleb(-decimals):
        return shown, "last-digit"
    return shown, "wrong"


def audit_text(text: str) -> Findings:
    """The audit's checks applied to the figures of any report's text.

    Findings have ``span``, the character offsets of the figure, and ``path`` ``""``, or
    the model's field path where a rate's name is that field's (``录取率``).

    >>> findings = audit_text("计划招生5300人，实际录取5295人，录取率为99.90%。")
    >>> [(f.rule, f.published, f.computed, f.cause) for f in findings]
    [('rate-matches-counts', '99.90%', '99.91%', 'truncated')]

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    return Findings(text_findings(text))


def text_findings(text: str) -> Iterator[Finding]:
    """Every finding of the checks on ``text``, in the order of the text.

    >>> [f.rule for f in text_findings("全文包括概述、其他等三个部分。")]
    ['stated-cardinality']

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    figures = extract_figures(text)
    header = read_header(text)
    found = [
        *_rates(figures),
        *_sums(figures, text),
        *_cardinality(figures, header, text),
        *_points(figures),
        *_shares(figures),
    ]
    found.sort(key=lambda issue: issue.span or (0, 0))
    yield from found


def _rates(figures: Sequence[Figure]) -> Iterator[Finding]:
    for fig in figures:
        if fig.part is None or fig.whole is None or not fig.whole.value:
            continue
        computed, cause = percent_cause(fig.part.value, fig.whole.value, fig.value)
        if cause is None:
            continue
        name = fig.label or "百分比"
        zh, en = _CAUSES[cause]
        yield Finding(
            path=_model_path(fig),
            rule="rate-matches-counts",
            severity=Severity.ERROR if cause == "wrong" else Severity.WARNING,
            published=fig.text,
            computed=computed,
            cause=cause,
            message_zh=(
                f"{name}公布为{fig.text}，按{fig.part.label}{fig.part.value}÷"
                f"{fig.whole.label}{fig.whole.value}四舍五入应为{computed}，{zh}。"
            ),
            message_en=(
                f"{name} published as {fig.text}, but {fig.part.value} / {fig.whole.value} "
                f"rounds half-up to {computed}: {en}."
            ),
            span=fig.span,
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


_TOTAL_ROW: Final = ("合计", "总计", "共计", "总数", "小计")


def _sums(figures: Sequence[Figure], text: str) -> Iterator[Finding]:
    yield from _sums_after_qizhong(figures, text)
    yield from _table_totals(figures)


def _sums_after_qizhong(figures: Sequence[Figure], text: str) -> Iterator[Finding]:
    """``共3000人，其中升学1500人，就业1600人``: the parts must not exceed the total.

    A part that a percentage makes the part of another part (``其中专任教师1100人，高级职称
    450人、占专任教师的40.9%``: 450 is a part of 1100) is not added to the total's parts.
    """
    # count span -> the span of the whole a percentage gives it
    whole_of = {
        fig.part.span: fig.whole.span
        for fig in figures
        if fig.kind is FigureKind.PERCENT and fig.part is not None and fig.whole is not None
    }
    for head_index, indices in qizhong_groups(figures, text):
        total = figures[head_index]
        members = {figures[j].span for j in indices}
        parts = [
            figures[j]
            for j in indices
            if whole_of.get(figures[j].span) not in members - {figures[j].span}
        ]
        added = sum((p.value for p in parts), Decimal(0))
        if parts and added > total.value:
            listed = "+".join(str(p.value) for p in parts)
            yield Finding(
                path="",
                rule="parts-sum-to-whole",
                severity=Severity.ERROR,
                published=total.text,
                computed=f"{added}{total.unit}",
                cause=None,
                message_zh=f"其中各项之和{listed}={added}{total.unit}，超过总数{total.text}",
                message_en=(
                    f"the parts after 其中 add up to {added}, more than the total {total.text}"
                ),
                span=(total.span[0], parts[-1].span[1]),
            )


def _table_totals(figures: Sequence[Figure]) -> Iterator[Finding]:
    """In a table, the rows since the last total row must add up to a 合计/总计 row."""
    running: dict[tuple[int, int | None], tuple[Decimal, int]] = {}
    for fig in figures:
        if fig.table is None or fig.kind is not FigureKind.COUNT:
            continue
        key = (fig.table, fig.column)
        added, rows = running.get(key, (Decimal(0), 0))
        if not any(word in fig.label for word in _TOTAL_ROW):
            running[key] = (added + fig.value, rows + 1)
            continue
        running[key] = (Decimal(0), 0)
        if rows >= 2 and added != fig.value:
            yield Finding(
                path="",
                rule="parts-sum-to-whole",
                severity=Severity.ERROR,
                published=fig.text,
                computed=str(added) + fig.unit,
                cause=None,
                message_zh=f"表中各行之和为{added}，与{fig.label}{fig.text}不符",
                message_en=f"the rows add up to {added}, not the stated {fig.label} {fig.text}",
                span=fig.span,
            )


_LISTED_THINGS: Final = (
    "省", "部分", "自治区", "地区", "国家", "城市", "市", "专业", "学院", "方面", "渠道", "栏目",
    "类", "门类", "校区", "平台",
)  # fmt: skip


def _cardinality(figures: Sequence[Figure], header: Header, text: str) -> Iterator[Finding]:
    if header.stated_part_count is not None and header.part_names:
        listed = len(header.part_names)
        if listed != header.stated_part_count:
            yield Finding(
                path="",
                rule="stated-cardinality",
                severity=Severity.WARNING,
                published=str(header.stated_part_count),
                computed=str(listed),
                cause=None,
                message_zh=f"所述{header.stated_part_count}个部分，实际列出{listed}个",
                message_en=f"{header.stated_part_count} parts announced, {listed} listed",
                span=header.part_count_span,
            )
    for fig in figures:
        if fig.kind is not FigureKind.COUNT or fig.unit != "个" or fig.table is not None:
            continue
        after = text[fig.span[1] : fig.span[1] + 4]
        if not after.startswith(_LISTED_THINGS):
            continue
        label = fig.label.rstrip(" \u3000")
        loose = label.endswith("等")
        items = [item for item in label.removesuffix("等").split("、") if item.strip()]
        if len(items) < 2:
            continue
        count = len(items)
        if count == fig.value or (loose and count < fig.value):
            continue
        yield Finding(
            path="",
            rule="stated-cardinality",
            severity=Severity.WARNING,
            published=fig.text,
            computed=f"{count}{fig.unit}",
            cause=None,
            message_zh=f"所述{fig.text}，列出{count}{fig.unit}",
            message_en=f"{fig.text} stated, {count} listed",
            span=fig.span,
        )


_RATE_WORDS: Final = ("率", "比例", "占比", "比重", "百分比")


def _points(figures: Sequence[Figure]) -> Iterator[Finding]:
    """A change of a rate written with %: 「就业率较上年提高2%」, and 「就业率为95.5%，较上年
    提高2%」 (the change names nothing: it is the change of the percentage before it in its
    sentence)."""
    previous: tuple[tuple[int, int], str] | None = None  # sentence and label of the last rate
    for fig in figures:
        if fig.kind is not FigureKind.PERCENT:
            continue
        if not fig.change:
            previous = (fig.sentence_span, fig.label)
            continue
        label = fig.label
        if not label and previous is not None and previous[0] == fig.sentence_span:
            label = previous[1]
        if not any(word in label for word in _RATE_WORDS):
            continue
        yield Finding(
            path="",
            rule="points-as-percent",
            severity=Severity.WARNING,
            published=fig.text,
            computed=None,
            cause=None,
            message_zh=f"{label}{fig.change}{fig.text}：比率的变化应写作“个百分点”，写作%含义不明",
            message_en=(
                f"{label} {fig.change} {fig.text}: a change of a rate written with % is "
                "ambiguous (percentage points, or per cent of the old rate?)"
            ),
            span=fig.span,
        )


def _shares(figures: Sequence[Figure]) -> Iterator[Finding]:
    # shares of one whole: linked to the same whole, or (unlinked) 占比 in one sentence
    groups: dict[tuple[str, int, int], list[Figure]] = {}
    for fig in figures:
        if not fig.is_share or fig.change:
            continue
        if fig.whole is not None:
            groups.setdefault(("whole", *fig.whole.span), []).append(fig)
        elif fig.part is None:
            groups.setdefault(("sentence", *fig.sentence_span), []).append(fig)
    for shares in groups.values():
        if len(shares) < 2:
            continue
        total = sum((s.value for s in shares), Decimal(0))
        slack = sum((_half_unit(s.value) for s in shares), Decimal(0))
        if total > 100 + slack:
            yield Finding(
                path="",
                rule="shares-exceed-whole",
                severity=Severity.ERROR,
                published="+".join(s.text for s in shares),
                computed=f"{total}%",
                cause=None,
                message_zh=f"同一总数的各项占比之和为{total}%，超过100%",
                message_en=f"shares of one whole add up to {total}%, more than 100%",
                span=(shares[0].span[0], shares[-1].span[1]),
            )


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return Decimal(5).scaleb(-decimals - 1)
