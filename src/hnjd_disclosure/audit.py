"""The consistency audit: every published figure checked against the counts it derives from.

:func:`audit` runs a sequence of rules over a report and returns :class:`Findings`. Each rule
is a plain function ``AnnualReport -> Iterable[Finding]`` (a :data:`RuleFunction`); append one
to :data:`DEFAULT_RULES` to add it. The rules read which percentage derives from which counts from
:data:`hnjd_disclosure.stats.RATES` and :data:`~hnjd_disclosure.stats.PARTITIONS`.

Severity: a discrepancy in the last printed digit (truncated instead of rounded, rounded
half-even instead of half-up, or off by one) is a :attr:`Severity.WARNING`; anything larger,
or an impossible figure, is a :attr:`Severity.ERROR`.

>>> from hnjd_disclosure import builtin_report
>>> findings = audit(builtin_report(2022))
>>> [(f.path, f.published, f.computed, f.cause.value, f.severity.value) for f in findings]
[('proactive.admissions.admission_rate', '99.90%', '99.91%', 'truncated', 'warning')]

A finding is data (:mod:`hnjd_disclosure.finding`: its rule, cause and figures; ``Finding``,
``Rule``, ``Cause`` and ``Severity`` are defined there and importable from here too);
:mod:`hnjd_disclosure.render.findings` writes its messages, text, JSON and tables.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Final

import attrs

from ._layout import YEAR_PHRASE, years_in
from .checklist import checklist_2014
from .errors import ZeroWholeError
from .finding import (
    AboveHundred,
    Cause,
    Detail,
    EvidenceNotQuoted,
    Finding,
    ItemNotListed,
    NoChecklist,
    PartAboveWhole,
    PartsSum,
    RateFromCounts,
    Rule,
    Severity,
    SharesSum,
    StaleYears,
    StatedCount,
    StatusContradiction,
)
from .model import AnnualReport, DisclosureStatus, InstitutionKind
from .quantities import Count, StatedPercent
from .stats import PARTITIONS, RATES, PartitionSpec, RateSpec, figure, rounding_cause
from .stats import rate as rate_of_counts

__all__ = [
    "CARDINALITIES",
    "DEFAULT_RULES",
    "Findings",
    "RuleFunction",
    "audit",
    "check_bounds",
    "check_cardinalities",
    "check_checklist_applicability",
    "check_checklist_coverage",
    "check_checklist_evidence",
    "check_parts_sum",
    "check_rates",
    "check_rules",
    "check_shares_sum",
    "check_stale_years",
]


class Findings(tuple[Finding, ...]):
    """The findings of an audit: a tuple, with helpers; a notebook shows it as a table
    (:func:`~hnjd_disclosure.render.findings.findings_html`).

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

    def _repr_html_(self) -> str:
        # Imported on display: the words are a layer above the findings.
        from .render.findings import findings_html

        return findings_html(self)

    def _repr_markdown_(self) -> str:
        from .render.findings import findings_markdown

        return findings_markdown(self)

    def __repr__(self) -> str:
        return f"Findings({tuple.__repr__(self)})"


#: A rule of the audit: a function from a report to its findings.
RuleFunction = Callable[[AnnualReport], Iterable[Finding]]


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


def _error(
    *,
    path: str,
    rule: Rule,
    published: str | None,
    computed: str | None,
    detail: Detail,
    cause: Cause | None = None,
) -> Finding:
    """A finding of severity error (every rule but the last-digit rate checks)."""
    return Finding(
        path=path,
        rule=rule,
        severity=Severity.ERROR,
        published=published,
        computed=computed,
        cause=cause,
        detail=detail,
    )


def _rate_finding(report: AnnualReport, spec: RateSpec) -> Finding | None:
    published = _stated(report, spec.path)
    part, whole = _count(report, spec.part_path), _count(report, spec.whole_path)
    try:
        # computed_rate(report, spec), from the figures already looked up.
        computed = rate_of_counts(part, whole, published.decimals, whole_name=spec.whole_path)
    except ZeroWholeError:
        return _error(
            path=spec.path,
            rule=Rule.RATE_MATCHES_COUNTS,
            published=str(published),
            computed=None,
            cause=Cause.UNDEFINED,
            detail=_rate_detail(spec, part, whole),
        )
    if computed == published.value:
        return None  # most rates of most reports: no detail built
    cause = rounding_cause(Fraction(part.value * 100, whole.value), published.value)
    return Finding(
        path=spec.path,
        rule=Rule.RATE_MATCHES_COUNTS,
        severity=Severity.ERROR if cause is Cause.WRONG else Severity.WARNING,
        published=str(published),
        computed=_percent(computed),
        cause=cause,
        detail=_rate_detail(spec, part, whole),
    )


def _rate_detail(spec: RateSpec, part: Count, whole: Count) -> RateFromCounts:
    return RateFromCounts(
        rate=spec.path,
        part=spec.part_path,
        part_count=part,
        whole=spec.whole_path,
        whole_count=whole,
    )


def check_rates(report: AnnualReport) -> Iterator[Finding]:
    """Rule ``rate-matches-counts``: each published rate equals its counts' rate, rounded half-up.

    The rate is rounded to the decimals the report printed. A rate above an impossible 100%
    is left to :func:`check_bounds`, so one slip gives one finding.

    >>> from hnjd_disclosure import builtin_report
    >>> [f.cause.value for f in check_rates(builtin_report(2022))]
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
                rule=Rule.BOUNDS,
                published=str(published),
                computed=None,
                detail=AboveHundred(rate=spec.path),
            )
        pair = (spec.part_path, spec.whole_path)
        part, whole = _count(report, spec.part_path), _count(report, spec.whole_path)
        if pair not in seen and part.value > whole.value:
            seen.add(pair)
            yield _error(
                path=spec.part_path,
                rule=Rule.BOUNDS,
                published=str(part),
                computed=None,
                detail=PartAboveWhole(
                    part=spec.part_path, part_count=part, whole=spec.whole_path, whole_count=whole
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
        yield _error(
            path=spec.whole_path,
            rule=Rule.PARTS_SUM_TO_WHOLE,
            published=str(whole),
            computed=f"{total}{whole.unit}",
            detail=PartsSum(
                whole=spec.whole_path,
                whole_count=whole,
                parts=spec.part_paths,
                part_counts=tuple(parts),
                total=total,
            ),
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
        yield _error(
            path=spec.share_paths[0].rpartition(".")[0],
            rule=Rule.SHARES_SUM_TO_WHOLE,
            published=_percent(total),
            computed="100%",
            detail=SharesSum(shares=spec.share_paths, total=total),
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
            rule=Rule.STATED_CARDINALITY,
            published=str(stated),
            computed=str(len(items)),
            detail=StatedCount(
                stated=stated_path,
                listed=list_path,
                stated_number=stated,
                listed_number=len(items),
            ),
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
    >>> [f.detail for f in check_checklist_coverage(attrs.evolve(report, checklist=table))]
    [ItemNotListed(kind=<InstitutionKind.VOCATIONAL: '高职'>, item=1)]
    >>> (f,) = check_checklist_coverage(attrs.evolve(report, checklist=None))
    >>> f.path, f.severity.value, len(f.detail.items)
    ('checklist', 'warning', 38)
    """
    kind = report.institution_kind
    applicable = _applicable_2014(kind)
    if report.checklist is None:
        yield _coverage_warning("checklist", NoChecklist(kind=kind, items=applicable))
        return
    listed = {entry.item for entry in report.checklist.entries}
    # coverage(report, standard).missing, without counting every status of every category.
    missing = [n for n in applicable if n not in listed]
    for number in missing:
        yield _coverage_warning("checklist.entries", ItemNotListed(kind=kind, item=number))


def _coverage_warning(path: str, detail: NoChecklist | ItemNotListed) -> Finding:
    """A warning of rule ``checklist-coverage``: the table is incomplete, no figure is wrong."""
    return Finding(
        path=path,
        rule=Rule.CHECKLIST_COVERAGE,
        severity=Severity.WARNING,
        published=None,
        computed=None,
        cause=None,
        detail=detail,
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
        reason = checklist_2014().not_applicable_reason(entry.item, kind)
        yield _error(
            path=f"checklist.entries[{i}].status",
            rule=Rule.CHECKLIST_APPLICABILITY,
            published=entry.status.value,
            computed=None if reason is None else DisclosureStatus.NOT_APPLICABLE.value,
            detail=StatusContradiction(
                item=entry.item,
                kind=kind,
                status=entry.status,
                not_applicable_reason=reason,
                entry_reason="" if reason is not None else entry.reason,
            ),
        )


def check_checklist_evidence(report: AnnualReport, text: str) -> Iterator[Finding]:
    """Rule ``checklist-evidence``: each ``disclosed`` status cites a sentence of ``text``.

    ``text`` is the report's text: the text it was read from, or for a report held as data
    :func:`hnjd_disclosure.render.text.render` of it (without part 8, whose evidence column
    would quote itself). An error at ``checklist.entries[i].evidence`` when the evidence is
    not in it, character for character.

    Not in :data:`DEFAULT_RULES`, which need nothing but the report: rendering the text costs
    more than every other rule together (about 60 µs for the 2022 report, against about 40 µs
    for the default audit). :func:`check_rules`, which ``hnjd-disclosure check`` runs, holds it.

    >>> import attrs
    >>> from hnjd_disclosure import builtin_report, render
    >>> report = builtin_report(2022)
    >>> list(check_checklist_evidence(report, render(report)))
    []
    >>> entries = list(report.checklist.entries)
    >>> entries[5] = attrs.evolve(entries[5], evidence="本报告已在公示栏张贴。")
    >>> table = attrs.evolve(report.checklist, entries=tuple(entries))
    >>> [(f.path, f.rule.value, f.severity.value)
    ...  for f in check_checklist_evidence(attrs.evolve(report, checklist=table), render(report))]
    [('checklist.entries[5].evidence', 'checklist-evidence', 'error')]
    """
    if report.checklist is None:
        return
    for i, entry in enumerate(report.checklist.entries):
        if entry.status is not DisclosureStatus.DISCLOSED or entry.evidence in text:
            continue
        yield _error(
            path=f"checklist.entries[{i}].evidence",
            rule=Rule.CHECKLIST_EVIDENCE,
            published=entry.evidence,
            computed=None,
            detail=EvidenceNotQuoted(item=entry.item),
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

    Not in :data:`DEFAULT_RULES` (it reads every text of the report); :func:`check_rules`,
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
            yield Finding(
                path=path,
                rule=Rule.STALE_YEAR,
                severity=Severity.WARNING,
                published=match.group(),
                computed=None,
                cause=Cause.STALE,
                detail=StaleYears(
                    sentence=_sentence(text, match.start()),
                    years=tuple(years),
                    year=report.year,
                    period=(report.period.start.year, report.period.end.year),
                ),
            )


#: The rules :func:`audit` runs unless told otherwise: those that need nothing but the report's
#: figures and checklist table.
DEFAULT_RULES: tuple[RuleFunction, ...] = (
    check_rates,
    check_bounds,
    check_parts_sum,
    check_shares_sum,
    check_cardinalities,
    check_checklist_coverage,
    check_checklist_applicability,
)


def check_rules(text: str) -> tuple[RuleFunction, ...]:
    """The rules ``hnjd-disclosure check`` runs over a report whose text is ``text``.

    :data:`DEFAULT_RULES`, then :func:`check_checklist_evidence` against ``text``, then
    :func:`check_stale_years` (which reads every text of the report).

    >>> from hnjd_disclosure import builtin_report, render
    >>> report = builtin_report(2022)
    >>> audit(report, check_rules(render(report))) == audit(report)
    True
    """
    evidence = functools.partial(check_checklist_evidence, text=text)
    return (*DEFAULT_RULES, evidence, check_stale_years)


def audit(report: AnnualReport, rules: Sequence[RuleFunction] = DEFAULT_RULES) -> Findings:
    """Run ``rules`` over ``report``, in order, and collect their findings.

    >>> from hnjd_disclosure import builtin_report
    >>> from hnjd_disclosure.render.findings import findings_text
    >>> findings = audit(builtin_report(2022))
    >>> print(findings_text(findings).splitlines()[0])
    警告 WARNING proactive.admissions.admission_rate [rate-matches-counts]
    >>> findings[0].detail.part_count, findings[0].computed
    (Count(value=5295, unit='人'), '99.91%')
    """
    return Findings(finding for rule in rules for finding in rule(report))
