"""The consistency audit: every published figure checked against the counts it derives from.

:func:`audit` runs a sequence of rules over a report and returns :class:`Findings`. Each rule
is a plain function ``AnnualReport -> Iterable[Finding]``; append one to :data:`DEFAULT_RULES`
to add it. The rules read which percentage derives from which counts from
:data:`hnjd_disclosure.stats.RATES` and :data:`~hnjd_disclosure.stats.PARTITIONS`.

Severity: a discrepancy in the last printed digit (truncated instead of rounded, rounded
half-even instead of half-up, or off by one) is a :attr:`Severity.WARNING`; anything larger,
or an impossible figure, is a :attr:`Severity.ERROR`.

>>> from hnjd_disclosure import builtin_report
>>> findings = audit(builtin_report(2022))
>>> [(f.path, f.published, f.computed, f.cause, f.severity.value) for f in findings]
[('proactive.admissions.admission_rate', '99.90%', '99.91%', 'truncated', 'warning')]
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cache
from typing import Any, Final

import attrs
from attrs import frozen

from ._layout import YEAR_PHRASE, years_in
from ._table import html_table, markdown_table
from .checklist import checklist_2014
from .errors import ZeroWholeError
from .model import AnnualReport, DisclosureStatus, InstitutionKind
from .quantities import Count, StatedPercent
from .records import field_label
from .stats import (
    PARTITIONS,
    RATES,
    PartitionSpec,
    RateSpec,
    Rounding,
    computed_rate,
    figure,
)
from .stats import rate as rate_of_counts

__all__ = [
    "CARDINALITIES",
    "CAUSES",
    "CHECK_RULES",
    "DEFAULT_RULES",
    "Finding",
    "Findings",
    "Rule",
    "Severity",
    "audit",
    "check_bounds",
    "check_cardinalities",
    "check_checklist_applicability",
    "check_checklist_coverage",
    "check_checklist_evidence",
    "check_parts_sum",
    "check_rates",
    "check_shares_sum",
    "check_stale_years",
]


class Severity(enum.Enum):
    """How serious a finding is: a last-digit slip, or a figure that cannot be right.

    >>> Severity("warning") is Severity.WARNING
    True
    """

    WARNING = "warning"
    ERROR = "error"


_SEVERITY_ZH: Final = {Severity.WARNING: "警告", Severity.ERROR: "错误"}


@frozen(kw_only=True)
class Finding:
    """One problem the audit found, with its place, its rule and a message in two languages.

    >>> f = Finding(path="a.b", rule="bounds", severity=Severity.ERROR, published="101%",
    ...             computed=None, cause=None, message_zh="超过100%。", message_en="above 100%.")
    >>> print(f)
    错误 ERROR a.b [bounds]
      超过100%。
      above 100%.
    """

    path: str
    rule: str
    severity: Severity
    published: str | None
    computed: str | None
    cause: str | None
    message_zh: str
    message_en: str
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (the severity as its value, the span as a list or null).

        >>> from hnjd_disclosure import builtin_report
        >>> d = audit(builtin_report(2022))[0].to_dict()
        >>> d["severity"], d["computed"], d["span"]
        ('warning', '99.91%', None)
        """
        out = attrs.asdict(self, recurse=False)
        out["severity"] = self.severity.value
        out["span"] = list(self.span) if self.span is not None else None
        return out

    def __str__(self) -> str:
        head = f"{_SEVERITY_ZH[self.severity]} {self.severity.name} {self.path} [{self.rule}]"
        return f"{head}\n  {self.message_zh}\n  {self.message_en}"


class Findings(tuple[Finding, ...]):
    """The findings of an audit: a tuple, with helpers and a table for notebooks.

    >>> Findings().errors, bool(Findings())
    (Findings(()), False)
    """

    __slots__ = ()

    def __new__(cls, findings: Iterable[Finding] = ()) -> Findings:
        return super().__new__(cls, tuple(findings))

    @property
    def errors(self) -> Findings:
        """The findings of severity :attr:`Severity.ERROR`.

        >>> from hnjd_disclosure import builtin_report
        >>> audit(builtin_report(2022)).errors
        Findings(())
        """
        return Findings(f for f in self if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> Findings:
        """The findings of severity :attr:`Severity.WARNING`.

        >>> from hnjd_disclosure import builtin_report
        >>> [f.path for f in audit(builtin_report(2022)).warnings]
        ['proactive.admissions.admission_rate']
        """
        return Findings(f for f in self if f.severity is Severity.WARNING)

    def at(self, path: str) -> Findings:
        """The findings at ``path``.

        >>> from hnjd_disclosure import builtin_report
        >>> len(audit(builtin_report(2022)).at("proactive.admissions.admission_rate"))
        1
        """
        return Findings(f for f in self if f.path == path)

    def to_text(self) -> str:
        """Readable text, one block per finding (Chinese, then English).

        >>> print(Findings().to_text(), end="")
        未发现问题。
        No findings.
        """
        if not self:
            return "未发现问题。\nNo findings.\n"
        return "".join(f"{f}\n" for f in self)

    def _rows(self) -> list[list[str]]:
        return [
            [
                f.severity.value,
                f.path,
                f.rule,
                f.published or "",
                f.computed or "",
                f.cause or "",
                f.message_zh,
                f.message_en,
            ]
            for f in self
        ]

    _HEADERS: Final = ("严重程度", "字段", "规则", "公布值", "计算值", "原因", "说明", "message")

    def _repr_html_(self) -> str:
        return html_table(self._HEADERS, self._rows(), caption=f"审核结果：{len(self)}项")

    def _repr_markdown_(self) -> str:
        return markdown_table(self._HEADERS, self._rows())

    def __repr__(self) -> str:
        return f"Findings({tuple.__repr__(self)})"


Rule = Callable[[AnnualReport], Iterable[Finding]]

#: The causes of a mismatch between a published and a computed rate, in Chinese and English.
CAUSES: Final = {
    "truncated": ("疑为直接截断而非四舍五入", "likely truncated instead of rounded"),
    "half-even": (
        "疑为四舍六入五成双而非四舍五入",
        "likely rounded half-even instead of half-up",
    ),
    "last-digit": ("末位相差1", "off by one in the last digit"),
    "wrong": ("与计数不符", "does not match the counts"),
}


def _en(path: str) -> str:
    return path.rpartition(".")[2].replace("_", " ")


def _percent(value: Decimal) -> str:
    return f"{value}%"


def _count(report: AnnualReport, path: str) -> Count:
    value = figure(report, path)
    assert isinstance(value, Count)
    return value


def _stated(report: AnnualReport, path: str) -> StatedPercent:
    value = figure(report, path)
    assert isinstance(value, StatedPercent)
    return value


def _impossible(report: AnnualReport, spec: RateSpec) -> bool:
    return not spec.may_exceed_whole and _stated(report, spec.path).value > 100


def _cause(report: AnnualReport, spec: RateSpec, published: StatedPercent, half_up: Decimal) -> str:
    d = published.decimals
    if computed_rate(report, spec, d, Rounding.HALF_EVEN) == published.value:
        return "half-even"
    if computed_rate(report, spec, d, Rounding.TRUNCATE) == published.value:
        return "truncated"
    if abs(published.value - half_up) == Decimal(1).scaleb(-d):
        return "last-digit"
    return "wrong"


def _error(
    *,
    path: str,
    rule: str,
    published: str | None,
    computed: str | None,
    message_zh: str,
    message_en: str,
    cause: str | None = None,
) -> Finding:
    """A finding of severity error (every rule but the last-digit rate checks)."""
    return Finding(
        path=path,
        rule=rule,
        severity=Severity.ERROR,
        published=published,
        computed=computed,
        cause=cause,
        message_zh=message_zh,
        message_en=message_en,
    )


def _rate_finding(report: AnnualReport, spec: RateSpec) -> Finding | None:
    published = _stated(report, spec.path)
    part, whole = _count(report, spec.part_path), _count(report, spec.whole_path)
    try:
        # computed_rate(report, spec), from the figures already looked up.
        computed = rate_of_counts(part, whole, published.decimals, whole_name=spec.whole_path)
    except ZeroWholeError:
        label, whole_label = field_label(spec.path), field_label(spec.whole_path)
        return _error(
            path=spec.path,
            rule="rate-matches-counts",
            published=str(published),
            computed=None,
            cause="undefined",
            message_zh=f"{label}公布为{published}，但{whole_label}为0，比率无从计算。",
            message_en=(
                f"{_en(spec.path)} published as {published}, but {_en(spec.whole_path)} "
                "is 0, so the rate is undefined."
            ),
        )
    if computed == published.value:
        return None
    # Labels only for a finding: most rates of most reports match.
    label = field_label(spec.path)
    part_label, whole_label = field_label(spec.part_path), field_label(spec.whole_path)
    cause = _cause(report, spec, published, computed)
    zh, en = CAUSES[cause]
    return Finding(
        path=spec.path,
        rule="rate-matches-counts",
        severity=Severity.ERROR if cause == "wrong" else Severity.WARNING,
        published=str(published),
        computed=_percent(computed),
        cause=cause,
        message_zh=(
            f"{label}公布为{published}，按{part_label}{part}÷{whole_label}{whole}"
            f"四舍五入应为{_percent(computed)}，{zh}。"
        ),
        message_en=(
            f"{_en(spec.path)} published as {published}, but {_en(spec.part_path)} "
            f"{part.value} / {_en(spec.whole_path)} {whole.value} rounds half-up to "
            f"{_percent(computed)}: {en}."
        ),
    )


def check_rates(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``rate-matches-counts``: each published rate equals its counts' rate, rounded half-up.

    The rate is rounded to the decimals the report printed. A rate above an impossible 100%
    is left to :func:`check_bounds`, so one slip gives one finding.

    >>> from hnjd_disclosure import builtin_report
    >>> [f.cause for f in check_rates(builtin_report(2022))]
    ['truncated']
    """
    for spec in RATES:
        if _impossible(report, spec):
            continue
        finding = _rate_finding(report, spec)
        if finding is not None:
            yield finding


def check_bounds(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``bounds``: no rate above 100% and no part above its whole, where that is impossible.

    >>> from hnjd_disclosure import builtin_report
    >>> list(check_bounds(builtin_report(2022)))
    []
    """
    seen: set[tuple[str, str]] = set()
    for spec in RATES:
        if spec.may_exceed_whole:
            continue
        published = _stated(report, spec.path)
        if published.value > 100:
            yield _error(
                path=spec.path,
                rule="bounds",
                published=str(published),
                computed=None,
                message_zh=f"{field_label(spec.path)}公布为{published}，不可能超过100%。",
                message_en=f"{_en(spec.path)} is published as {published}, above 100%: impossible.",
            )
        pair = (spec.part_path, spec.whole_path)
        part, whole = _count(report, spec.part_path), _count(report, spec.whole_path)
        if pair not in seen and part.value > whole.value:
            seen.add(pair)
            yield _error(
                path=spec.part_path,
                rule="bounds",
                published=str(part),
                computed=None,
                message_zh=(
                    f"{field_label(spec.part_path)}{part}"
                    f"多于{field_label(spec.whole_path)}{whole}，不可能。"
                ),
                message_en=(
                    f"{_en(spec.part_path)} ({part.value}) is larger than "
                    f"{_en(spec.whole_path)} ({whole.value}): impossible."
                ),
            )


def check_parts_sum(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``parts-sum-to-whole``: the parts of a whole add up to it (省内 + 省外 = 落实).

    >>> from hnjd_disclosure import builtin_report
    >>> list(check_parts_sum(builtin_report(2022)))
    []
    """
    for spec in PARTITIONS:
        whole = _count(report, spec.whole_path)
        parts = [_count(report, p) for p in spec.part_paths]
        total = sum(p.value for p in parts)
        if total == whole.value:
            continue
        terms_zh = " + ".join(
            f"{field_label(p)}{c}" for p, c in zip(spec.part_paths, parts, strict=True)
        )
        terms_en = " + ".join(
            f"{_en(p)} {c.value}" for p, c in zip(spec.part_paths, parts, strict=True)
        )
        yield _error(
            path=spec.whole_path,
            rule="parts-sum-to-whole",
            published=str(whole),
            computed=f"{total}{whole.unit}",
            message_zh=(
                f"{terms_zh} = {total}{whole.unit}，与{field_label(spec.whole_path)}{whole}不符。"
            ),
            message_en=f"{terms_en} = {total}, not {_en(spec.whole_path)} {whole.value}.",
        )


def _shares_explained(report: AnnualReport, spec: PartitionSpec) -> bool:
    """Whether a per-share finding already accounts for the shares' sum."""
    for rate in RATES:
        if rate.path in spec.share_paths and (
            _impossible(report, rate) or _rate_finding(report, rate) is not None
        ):
            return True
    return False


def check_shares_sum(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``shares-sum-to-whole``: shares of one whole sum to 100%, up to rounding.

    Each printed share may be off by half a unit in its last digit, so the sum may be off
    by the sum of those halves. Shares already flagged one by one are not flagged again.

    >>> from hnjd_disclosure import builtin_report
    >>> list(check_shares_sum(builtin_report(2022)))
    []
    """
    for spec in PARTITIONS:
        shares = [_stated(report, p) for p in spec.share_paths]
        total = sum((s.value for s in shares), Decimal(0))
        slack = sum((Decimal(5).scaleb(-s.decimals - 1) for s in shares), Decimal(0))
        if abs(total - 100) <= slack or _shares_explained(report, spec):
            continue
        where = spec.share_paths[0].rpartition(".")[0]
        names_zh = "、".join(field_label(p) for p in spec.share_paths)
        names_en = ", ".join(_en(p) for p in spec.share_paths)
        yield _error(
            path=where,
            rule="shares-sum-to-whole",
            published=_percent(total),
            computed="100%",
            message_zh=f"{names_zh}之和为{_percent(total)}，应为100%（舍入误差以内）。",
            message_en=f"{names_en} sum to {_percent(total)}, not 100% within rounding.",
        )


#: A number the report states (``10个省、自治区``) and the list it counts.
CARDINALITIES: Final[tuple[tuple[str, str], ...]] = (
    ("proactive.admissions.stated_province_count", "proactive.admissions.provinces"),
    ("stated_part_count", "part_names"),
)


def check_cardinalities(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``stated-cardinality``: a stated number of items equals the items listed.

    >>> from hnjd_disclosure import builtin_report
    >>> list(check_cardinalities(builtin_report(2022)))
    []
    """
    for stated_path, list_path in CARDINALITIES:
        stated = figure(report, stated_path)
        items = figure(report, list_path)
        assert isinstance(stated, int)
        assert isinstance(items, tuple)
        if stated == len(items):
            continue
        yield _error(
            path=stated_path,
            rule="stated-cardinality",
            published=str(stated),
            computed=str(len(items)),
            message_zh=f"{field_label(stated_path)}为{stated}，但实际列出{len(items)}项。",
            message_en=f"{_en(stated_path)} is {stated}, but {_en(list_path)} lists {len(items)}.",
        )


@cache
def _applicable_2014(kind: InstitutionKind) -> tuple[int, ...]:
    """The numbers of the items of the 2014 checklist that apply to ``kind`` (once per kind)."""
    return tuple(item.number for item in checklist_2014().applicable(kind))


@cache
def _contradictions_2014(kind: InstitutionKind) -> dict[int, tuple[DisclosureStatus, ...]]:
    """Per item of the 2014 checklist, the statuses that contradict whether it applies to ``kind``
    (computed once per kind, so the rule only looks statuses up; tuples, not sets: ``in`` a
    tuple compares enum members by identity, a set would hash them in Python)."""
    applicable = set(_applicable_2014(kind))
    not_for_excluded = (DisclosureStatus.DISCLOSED, DisclosureStatus.NOT_DISCLOSED)
    not_for_applicable = (DisclosureStatus.NOT_APPLICABLE,)
    return {
        item.number: not_for_applicable if item.number in applicable else not_for_excluded
        for item in checklist_2014().items
    }


def _item_zh(number: int) -> str:
    return f"清单事项第{number}项“{checklist_2014().item(number).text}”"


def check_checklist_coverage(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``checklist-coverage``: part 8 gives every item that applies to the school a status.

    A warning per applicable item the table leaves out (the table is incomplete, no figure is
    wrong). Which items apply is data (:mod:`hnjd_disclosure.checklist`).

    A report without part 8 at all (a report read from a published text, which announces the
    table but does not print it) gives **one** warning at ``checklist`` that lists every
    applicable item, not one per item: the cause and the fix are one (add the table), and
    38 identical warnings would bury the findings about figures.

    >>> import attrs
    >>> from hnjd_disclosure import builtin_report
    >>> report = builtin_report(2022)
    >>> list(check_checklist_coverage(report))
    []
    >>> table = attrs.evolve(report.checklist, entries=report.checklist.entries[1:])
    >>> [f.message_en for f in check_checklist_coverage(attrs.evolve(report, checklist=table))]
    ['checklist item 1 applies to a 高职 institution, but part 8 gives it no status.']
    >>> (f,) = check_checklist_coverage(attrs.evolve(report, checklist=None))
    >>> f.path, f.severity.value, f.message_en[:60]
    ('checklist', 'warning', 'the report has no part 8: none of the 38 checklist items tha')
    """
    kind = report.institution_kind.value
    applicable = _applicable_2014(report.institution_kind)
    if report.checklist is None:
        numbers = [str(n) for n in applicable]
        yield _coverage_warning(
            "checklist",
            f"报告没有清单事项公开情况表（第八部分）：适用于{kind}院校的{len(applicable)}项"
            f"清单事项（第{'、'.join(numbers)}项）均未填写公开情况。",
            f"the report has no part 8: none of the {len(applicable)} checklist items that "
            f"apply to a {kind} institution has a status (items {', '.join(numbers)}).",
        )
        return
    listed = {entry.item for entry in report.checklist.entries}
    # coverage(report, standard).missing, without counting every status of every category.
    missing = [n for n in applicable if n not in listed]
    for number in missing:
        yield _coverage_warning(
            "checklist.entries",
            f"{_item_zh(number)}适用于{kind}院校，但清单事项公开情况表未填写其公开情况。",
            f"checklist item {number} applies to a {kind} institution, "
            "but part 8 gives it no status.",
        )


def _coverage_warning(path: str, message_zh: str, message_en: str) -> Finding:
    """A warning of rule ``checklist-coverage``: the table is incomplete, no figure is wrong."""
    return Finding(
        path=path,
        rule="checklist-coverage",
        severity=Severity.WARNING,
        published=None,
        computed=None,
        cause=None,
        message_zh=message_zh,
        message_en=message_en,
    )


def check_checklist_applicability(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``checklist-applicability``: a status agrees with whether the item applies.

    An error at ``checklist.entries[i].status`` for an item marked ``disclosed`` or
    ``not_disclosed`` that does not apply to the kind of institution (e.g. item 11, graduate
    admissions, in a 高职 report), and for an item marked ``not_applicable`` that applies to it,
    whatever reason the entry gives. ``not_stated`` agrees with either. Which items apply is
    data (:mod:`hnjd_disclosure.checklist`).

    >>> import attrs
    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure.model import ChecklistEntry, DisclosureStatus
    >>> report = builtin_report(2022)
    >>> list(check_checklist_applicability(report))
    []
    >>> entries = list(report.checklist.entries)
    >>> entries[10] = ChecklistEntry(item=11, status=DisclosureStatus.NOT_DISCLOSED, reason="无")
    >>> table = attrs.evolve(report.checklist, entries=tuple(entries))
    >>> [(f.path, f.severity.value, f.published, f.computed)
    ...  for f in check_checklist_applicability(attrs.evolve(report, checklist=table))]
    [('checklist.entries[10].status', 'error', 'not_disclosed', 'not_applicable')]
    """
    if report.checklist is None:
        return
    kind = report.institution_kind
    contradicting = _contradictions_2014(kind)
    entries = report.checklist.entries
    # One look-up per entry; the messages only for the (rare) contradictions.
    for i in [i for i, e in enumerate(entries) if e.status in contradicting[e.item]]:
        entry = entries[i]
        status = entry.status
        reason = checklist_2014().not_applicable_reason(entry.item, kind)
        if reason is not None:
            computed: str | None = DisclosureStatus.NOT_APPLICABLE.value
            zh = f"不适用于{kind.value}院校（{reason}），但公开情况表标为“{status.label}”"
            en = f"does not apply to a {kind.value} institution ({reason}), but part 8 marks it "
            en += status.value
        else:
            computed = None
            zh = f"适用于{kind.value}院校，但公开情况表标为“不适用”（{entry.reason}）"
            en = f"applies to a {kind.value} institution, but part 8 marks it not_applicable "
            en += f"({entry.reason})"
        yield _error(
            path=f"checklist.entries[{i}].status",
            rule="checklist-applicability",
            published=status.value,
            computed=computed,
            message_zh=f"{_item_zh(entry.item)}{zh}。",
            message_en=f"checklist item {entry.item} {en}.",
        )


def check_checklist_evidence(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``checklist-evidence``: each ``disclosed`` status cites a sentence of the report.

    An error at ``checklist.entries[i].evidence`` when the evidence is not in the report's
    text (:func:`hnjd_disclosure.render.text.render`, without part 8), character for character.

    Not in :data:`DEFAULT_RULES`: it renders the whole text, which costs more than every other
    rule together (about 60 µs for the 2022 report, against about 40 µs for the default audit),
    and an evidence sentence is often built from several fields (the contact sentence of part
    7), so a cheaper search of the prose fields alone would still render in most reports.
    :data:`CHECK_RULES`, which ``hnjd-disclosure check`` runs, holds it.

    >>> import attrs
    >>> from hnjd_disclosure import builtin_report
    >>> report = builtin_report(2022)
    >>> list(check_checklist_evidence(report))
    []
    >>> entries = list(report.checklist.entries)
    >>> entries[5] = attrs.evolve(entries[5], evidence="本报告已在公示栏张贴。")
    >>> table = attrs.evolve(report.checklist, entries=tuple(entries))
    >>> [(f.path, f.rule, f.severity.value)
    ...  for f in check_checklist_evidence(attrs.evolve(report, checklist=table))]
    [('checklist.entries[5].evidence', 'checklist-evidence', 'error')]
    """
    if report.checklist is None:
        return
    disclosed = [
        (i, entry)
        for i, entry in enumerate(report.checklist.entries)
        if entry.status is DisclosureStatus.DISCLOSED
    ]
    if not disclosed:
        return
    from .render.text import render

    text = render(report)
    for i, entry in disclosed:
        if entry.evidence in text:
            continue
        yield _error(
            path=f"checklist.entries[{i}].evidence",
            rule="checklist-evidence",
            published=entry.evidence,
            computed=None,
            message_zh=f"{_item_zh(entry.item)}标为“已公开”，但所引依据不是报告中的原句。",
            message_en=(
                f"checklist item {entry.item} is marked disclosed, but its evidence is not a "
                "sentence of the report."
            ),
        )


def _texts(obj: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text of ``obj`` with its field path, part 8 left out (its evidence quotes the
    report's own sentences, which are checked where they stand)."""
    for a in attrs.fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, a.name)
        where = f"{path}.{a.name}" if path else a.name
        if a.name == "checklist":
            continue
        if type(value) is str:
            yield where, value
        elif attrs.has(type(value)):
            yield from _texts(value, where)
        elif type(value) is tuple:
            for i, item in enumerate(value):
                if type(item) is str:
                    yield f"{where}[{i}]", item
                elif attrs.has(type(item)):
                    yield from _texts(item, f"{where}[{i}]")


_SENTENCE_END: Final = "。；！？"


def _sentence(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at`` (ended by 。；！？); a long one is cut to
    about 60 characters around ``at``, marked ``……`` where cut."""
    start = max((text.rfind(ch, 0, at) for ch in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(ch, at) for ch in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    if end - start <= 60:
        return text[start:end]
    low, high = max(start, at - 25), min(end, at + 35)
    return ("……" if low > start else "") + text[low:high] + ("……" if high < end else "")


def check_stale_years(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``stale-year``: a year in the text that a copy of last year's report would carry.

    A warning at the text's field for each year of the two before the report's year that is
    not a year of its statistical period (``2021-2022学年`` in the 2023 report, whose period
    is 2022-09-01 to 2023-08-31; a 2022 document number in its legal basis, where the period
    does not count), naming the sentence. Older years (``始建于1958年``) and later ones are not
    findings: they are history or plans, not a draft's leftovers.

    Not in :data:`DEFAULT_RULES` (it reads every text of the report); :data:`CHECK_RULES`,
    which ``hnjd-disclosure check`` runs, holds it.

    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure.io import loads_toml
    >>> from hnjd_disclosure.draft import draft_from, fill_in
    >>> list(check_stale_years(builtin_report(2022)))
    []
    >>> import attrs
    >>> report = builtin_report(2022)
    >>> later = attrs.evolve(report, year=2023, period=attrs.evolve(
    ...     report.period, start=report.period.start.replace(year=2022),
    ...     end=report.period.end.replace(year=2023)))
    >>> [(f.path, f.published) for f in check_stale_years(later)][:2]
    [('legal_basis[2].title', '2022年'), ('legal_basis[2].doc_no', '〔2022〕')]
    """
    period = {report.period.start.year, report.period.end.year}
    stale = range(report.year - 2, report.year)
    for path, text in _texts(report):
        fitting = set() if path.startswith("legal_basis") else period
        for match in YEAR_PHRASE.finditer(text):
            years = [y for y in years_in(match.group()) if y in stale and y not in fitting]
            if not years:
                continue
            sentence = _sentence(text, match.start())
            names = "、".join(f"{y}年" for y in years)
            yield Finding(
                path=path,
                rule="stale-year",
                severity=Severity.WARNING,
                published=match.group(),
                computed=None,
                cause="stale",
                message_zh=(
                    f"「{sentence}」中的{names}不是本报告的年度（{report.year}年）或统计期间"
                    f"（{report.period.start.year}—{report.period.end.year}年）的年份，"
                    "疑为沿用上年报告的文字，请核对。"
                ),
                message_en=(
                    f"{', '.join(map(str, years))} in 「{sentence}」 is neither the report's year "
                    f"({report.year}) nor a year of its period: likely left from last year's "
                    "report; check it."
                ),
            )


DEFAULT_RULES: tuple[Rule, ...] = (
    check_rates,
    check_bounds,
    check_parts_sum,
    check_shares_sum,
    check_cardinalities,
    check_checklist_coverage,
    check_checklist_applicability,
)

#: The rules ``hnjd-disclosure check`` runs: :data:`DEFAULT_RULES`, the slower
#: :func:`check_checklist_evidence`, which renders the report's text, and
#: :func:`check_stale_years`, which reads every text of it.
CHECK_RULES: tuple[Rule, ...] = (*DEFAULT_RULES, check_checklist_evidence, check_stale_years)


def audit(report: AnnualReport, rules: Sequence[Rule] = DEFAULT_RULES) -> Findings:
    """Run ``rules`` over ``report``, in order, and collect their findings.

    >>> from hnjd_disclosure import builtin_report
    >>> findings = audit(builtin_report(2022))
    >>> print(findings.to_text().splitlines()[0])
    警告 WARNING proactive.admissions.admission_rate [rate-matches-counts]
    >>> findings[0].message_zh[:33]
    '录取率公布为99.90%，按实际录取5295人÷计划招生5300人'
    """
    return Findings(finding for rule in rules for finding in rule(report))
