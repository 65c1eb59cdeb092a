"""Findings as data: the rule that found a problem, its cause, and the figures it rests on.

A :class:`Finding` holds no sentence: its :attr:`~Finding.detail` holds the values a message
is written from (field paths, counts, the years of a copied sentence, the labels and printed
figures of a text), and :mod:`hnjd_disclosure.render.findings` writes the Chinese and English
messages, the text of ``check``, its JSON, and the tables notebooks show.

The audit of a report's data (:mod:`hnjd_disclosure.audit`) and the audit of a report's text
(:mod:`hnjd_disclosure.parse.checks`) both make findings of this one kind, with the rule ids of
:class:`Rule` and the causes of :class:`Cause`.

>>> from hnjd_disclosure import builtin_report
>>> from hnjd_disclosure.audit import audit
>>> (f,) = audit(builtin_report(2022))
>>> f.rule, f.cause, f.detail.part_count, f.detail.whole_count
(<Rule.RATE_MATCHES_COUNTS: 'rate-matches-counts'>, <Cause.TRUNCATED: 'truncated'>, \
Count(value=5295, unit='人'), Count(value=5300, unit='人'))
"""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import frozen

from .model import DisclosureStatus, InstitutionKind
from .quantities import Count

__all__ = [
    "AboveHundred",
    "Cause",
    "Detail",
    "EvidenceNotQuoted",
    "Finding",
    "ItemNotListed",
    "NoChecklist",
    "Note",
    "PartAboveWhole",
    "PartCount",
    "PartsSum",
    "PointsAsPercent",
    "QizhongSum",
    "RateFromCounts",
    "Rule",
    "Severity",
    "SharesSum",
    "StaleYears",
    "StatedCount",
    "StatusContradiction",
    "TableRowsSum",
    "TableSharesSum",
    "TextCount",
    "TextRate",
]


class Rule(enum.StrEnum):
    """The rules of the audits, by their ids (a :class:`str`, so ``rule == "bounds"`` holds).

    >>> Rule("rate-matches-counts") is Rule.RATE_MATCHES_COUNTS, Rule.BOUNDS == "bounds"
    (True, True)
    """

    #: A published rate equals its counts' rate, rounded half-up at the printed digits.
    RATE_MATCHES_COUNTS = "rate-matches-counts"
    #: No rate above an impossible 100%, no part above its whole.
    BOUNDS = "bounds"
    #: Parts add up to their whole (a table's rows to its total row, 其中 parts to the total).
    PARTS_SUM_TO_WHOLE = "parts-sum-to-whole"
    #: Shares of one whole sum to 100%, up to rounding.
    SHARES_SUM_TO_WHOLE = "shares-sum-to-whole"
    #: A table's shares above its total row do not add up to more than the total's.
    SHARES_EXCEED_WHOLE = "shares-exceed-whole"
    #: A stated number of items equals the items listed.
    STATED_CARDINALITY = "stated-cardinality"
    #: A change of a rate is written in percentage points, not with %.
    POINTS_AS_PERCENT = "points-as-percent"
    #: Part 8 gives every checklist item that applies to the school a status.
    CHECKLIST_COVERAGE = "checklist-coverage"
    #: A checklist status agrees with whether the item applies to the school.
    CHECKLIST_APPLICABILITY = "checklist-applicability"
    #: The evidence of a disclosed item is a sentence of the report.
    CHECKLIST_EVIDENCE = "checklist-evidence"
    #: No year a copy of last year's report would carry.
    STALE_YEAR = "stale-year"


class Cause(enum.StrEnum):
    """Why a published figure differs from the one computed (a :class:`str`, as in JSON).

    The first four are what :func:`hnjd_disclosure.stats.rounding_cause` finds for a rate.

    >>> Cause("half-even") is Cause.HALF_EVEN, Cause.TRUNCATED == "truncated"
    (True, True)
    """

    #: Rounded half-even (四舍六入五成双) instead of half-up.
    HALF_EVEN = "half-even"
    #: Truncated (截断) instead of rounded.
    TRUNCATED = "truncated"
    #: Off by one unit in the last printed digit.
    LAST_DIGIT = "last-digit"
    #: Does not match the counts.
    WRONG = "wrong"
    #: A rate of a whole of zero: nothing to compare with.
    UNDEFINED = "undefined"
    #: A year left from last year's report.
    STALE = "stale"


class Severity(enum.Enum):
    """How serious a finding is: a last-digit slip, or a figure that cannot be right.

    >>> Severity("warning") is Severity.WARNING
    True
    """

    WARNING = "warning"
    ERROR = "error"


# -- what a finding of the audit of data rests on: field paths and the report's figures -------


@frozen(kw_only=True)
class RateFromCounts:
    """A rate (``rate``, a field path) and the counts it is computed from.

    >>> RateFromCounts(rate="a.rate", part="a.part", part_count=Count(value=1, unit="人"),
    ...                whole="a.whole", whole_count=Count(value=0, unit="人")).whole_count.value
    0
    """

    rate: str
    part: str
    part_count: Count
    whole: str
    whole_count: Count


@frozen(kw_only=True)
class AboveHundred:
    """A rate (a field path) published above 100%, where that is impossible.

    >>> AboveHundred(rate="proactive.admissions.registration_rate").rate
    'proactive.admissions.registration_rate'
    """

    rate: str


@frozen(kw_only=True)
class PartAboveWhole:
    """A count (``part``) larger than the whole it is a part of.

    >>> d = PartAboveWhole(part="a", part_count=Count(value=2, unit="人"), whole="b",
    ...                    whole_count=Count(value=1, unit="人"))
    >>> d.part_count.value > d.whole_count.value
    True
    """

    part: str
    part_count: Count
    whole: str
    whole_count: Count


@frozen(kw_only=True)
class PartsSum:
    """Parts (field paths and counts) whose sum ``total`` is not their whole.

    >>> PartsSum(whole="w", whole_count=Count(value=3, unit="人"), parts=("a", "b"),
    ...          part_counts=(Count(value=1, unit="人"), Count(value=1, unit="人")), total=2).total
    2
    """

    whole: str
    whole_count: Count
    parts: tuple[str, ...]
    part_counts: tuple[Count, ...]
    total: int


@frozen(kw_only=True)
class SharesSum:
    """Shares (field paths) of one whole whose ``total`` is not 100% within rounding.

    >>> SharesSum(shares=("a", "b"), total=Decimal("101.0")).total
    Decimal('101.0')
    """

    shares: tuple[str, ...]
    total: Decimal


@frozen(kw_only=True)
class StatedCount:
    """A stated number of items (field ``stated``) and how many the list ``listed`` holds.

    >>> StatedCount(stated="stated_part_count", listed="part_names", stated_number=8,
    ...             listed_number=7).listed_number
    7
    """

    stated: str
    listed: str
    stated_number: int
    listed_number: int


@frozen(kw_only=True)
class NoChecklist:
    """A report without part 8: the checklist items that apply to its kind of school.

    >>> NoChecklist(kind=InstitutionKind.VOCATIONAL, items=(1, 2)).items
    (1, 2)
    """

    kind: InstitutionKind
    items: tuple[int, ...]


@frozen(kw_only=True)
class ItemNotListed:
    """A checklist item that applies to the school and that part 8 leaves out.

    >>> ItemNotListed(kind=InstitutionKind.VOCATIONAL, item=1).item
    1
    """

    kind: InstitutionKind
    item: int


@frozen(kw_only=True)
class StatusContradiction:
    """A status that contradicts whether the item applies to the school.

    ``not_applicable_reason`` is why the item does not apply (from the checklist's data), or
    ``None`` when it applies and ``entry_reason`` is the reason the entry gave.

    >>> StatusContradiction(item=11, kind=InstitutionKind.VOCATIONAL,
    ...                     status=DisclosureStatus.DISCLOSED,
    ...                     not_applicable_reason="高职院校不招收研究生").item
    11
    """

    item: int
    kind: InstitutionKind
    status: DisclosureStatus
    not_applicable_reason: str | None
    entry_reason: str = ""


@frozen(kw_only=True)
class EvidenceNotQuoted:
    """A disclosed checklist item whose evidence is not a sentence of the report.

    >>> EvidenceNotQuoted(item=6).item
    6
    """

    item: int


@frozen(kw_only=True)
class StaleYears:
    """Years in a sentence that are neither the report's year nor of its period.

    >>> StaleYears(sentence="2021-2022学年。", years=(2021,), year=2023,
    ...            period=(2022, 2023)).years
    (2021,)
    """

    sentence: str
    years: tuple[int, ...]
    year: int
    period: tuple[int, int]


# -- what a finding of the audit of a text rests on: labels and figures as printed ------------


@frozen(kw_only=True)
class TextRate:
    """A percentage or ratio of a text (named ``name``) and the part and whole it is of.

    ``part`` and ``whole`` are the figures as printed, ``part_value`` and ``whole_value``
    their numbers; ``basis`` says why they were linked (:class:`~.parse.Basis`, by value).

    >>> TextRate(name="录取率", part_label="实际录取", part="5295人", whole_label="计划招生",
    ...          whole="5300人", part_value=Decimal(5295), whole_value=Decimal(5300),
    ...          basis="rate-name").part
    '5295人'
    """

    name: str
    part_label: str
    part: str
    whole_label: str
    whole: str
    part_value: Decimal
    whole_value: Decimal
    basis: str


@frozen(kw_only=True)
class TableRowsSum:
    """The rows of a table above its total row (labelled ``label``), and their sum.

    >>> TableRowsSum(label="合计", rows=(Decimal(1), Decimal(2)), total=Decimal(3)).total
    Decimal('3')
    """

    label: str
    rows: tuple[Decimal, ...]
    total: Decimal


@frozen(kw_only=True)
class TableSharesSum:
    """The sum of a table's shares above its total row.

    >>> TableSharesSum(total=Decimal("101.5")).total
    Decimal('101.5')
    """

    total: Decimal


@frozen(kw_only=True)
class QizhongSum:
    """Counts listed after 其中 (as printed), their sum and its unit.

    >>> QizhongSum(parts=("升学20人", "就业90人"), total=Decimal(110), unit="人").total
    Decimal('110')
    """

    parts: tuple[str, ...]
    total: Decimal
    unit: str


@frozen(kw_only=True)
class TextCount:
    """A stated count of listed things and the number of things listed.

    >>> TextCount(stated=Decimal(4), listed=3, unit="个").listed
    3
    """

    stated: Decimal
    listed: int
    unit: str


@frozen(kw_only=True)
class PartCount:
    """The number of parts a report's preamble announces, and the number it lists.

    >>> PartCount(stated=8, listed=7).listed
    7
    """

    stated: int
    listed: int


@frozen(kw_only=True)
class PointsAsPercent:
    """A change of the rate named ``label`` (``提高``) written with %.

    >>> PointsAsPercent(label="就业率", change="提高").change
    '提高'
    """

    label: str
    change: str


@frozen(kw_only=True)
class Note:
    """A finding's own words, for a rule of your own (the library's rules hold figures).

    >>> Note(zh="自定义", en="custom").en
    'custom'
    """

    zh: str
    en: str


#: What a finding rests on: one of the classes above.
Detail = (
    RateFromCounts
    | AboveHundred
    | PartAboveWhole
    | PartsSum
    | SharesSum
    | StatedCount
    | NoChecklist
    | ItemNotListed
    | StatusContradiction
    | EvidenceNotQuoted
    | StaleYears
    | TextRate
    | TableRowsSum
    | TableSharesSum
    | QizhongSum
    | TextCount
    | PartCount
    | PointsAsPercent
    | Note
)


@frozen(kw_only=True)
class Finding:
    """One problem an audit found: where, by which rule, how serious, and the figures.

    ``published`` and ``computed`` are the figures as written (``99.90%``); ``detail`` holds
    the values the message is written from (:mod:`hnjd_disclosure.render.findings` writes it).
    ``span`` is the figure's offsets in a text, for the audit of a text. ``rule`` is a
    :class:`Rule`, or a string of your own for a rule of your own.

    >>> f = Finding(path="a.b", rule=Rule.BOUNDS, severity=Severity.ERROR, published="101%",
    ...             computed=None, cause=None, detail=AboveHundred(rate="a.b"))
    >>> f.rule, f.detail
    (<Rule.BOUNDS: 'bounds'>, AboveHundred(rate='a.b'))
    """

    path: str
    rule: Rule | str
    severity: Severity
    published: str | None
    computed: str | None
    cause: Cause | None
    detail: Detail
    span: tuple[int, int] | None = None
