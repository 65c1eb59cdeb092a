"""Exact statistics: every rate and share of a report, computed from its counts.

Rates are exact :class:`~fractions.Fraction` values until they are rounded, and they are
rounded with integer arithmetic in a named mode, 四舍五入 (:attr:`Rounding.HALF_UP`) by
default, so no float and no decimal context ever touches them.

A rate of a zero whole is undefined: :func:`ratio` and :func:`rate` raise
:class:`~hnjd_disclosure.errors.ZeroWholeError` (a :class:`ValueError`, never a
:class:`ZeroDivisionError`) naming the whole.

Which count is the part and which the whole of each published percentage is data, held in
one place, :data:`RATES`; the audit, the comparison and the records all read it.

>>> from hnjd_disclosure import builtin_report
>>> report = builtin_report(2022)
>>> admission_rate(report)
Decimal('99.91')
>>> enlisted_share(report, decimals=1)
Decimal('5.9')
"""

from __future__ import annotations

import enum
import operator
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, Protocol

from attrs import frozen

from .errors import ZeroWholeError
from .finding import Cause
from .model import AnnualReport
from .quantities import Count, StatedPercent

__all__ = [
    "PARTITIONS",
    "RATES",
    "NamedRate",
    "PartitionSpec",
    "RateSpec",
    "Rounding",
    "admission_rate",
    "computed_rate",
    "enlisted_share",
    "figure",
    "in_province_share",
    "out_of_province_share",
    "placement_rate",
    "rate",
    "ratio",
    "registration_rate",
    "round_fraction",
    "rounding_cause",
    "upgraded_share",
]


class Rounding(enum.Enum):
    """A rounding mode, named; the value is the :mod:`decimal` constant of the same rule.

    >>> Rounding.HALF_UP.value == "ROUND_HALF_UP"
    True
    """

    #: 四舍五入: a tie goes away from zero (the rule of Chinese official statistics).
    HALF_UP = ROUND_HALF_UP
    #: 截断: the digits beyond the last kept one are dropped.
    TRUNCATE = ROUND_DOWN
    #: 四舍六入五成双 (banker's rounding): a tie goes to the even digit.
    HALF_EVEN = ROUND_HALF_EVEN


def _whole_number(value: int | Count, name: str) -> int:
    number = value.value if isinstance(value, Count) else value
    if type(number) is not int or number < 0:
        raise TypeError(f"{name}: expected a Count or an integer >= 0, got {number!r}")
    return number


_MODES: Final = ", ".join(f"Rounding.{m.name}" for m in Rounding)


#: The modes by name, as ``rounding="truncate"`` gives them (any case).
_MODE_BY_NAME: Final = {m.name.lower(): m for m in Rounding}
_NAMES: Final = ", ".join(repr(name) for name in _MODE_BY_NAME)


def _check_places(decimals: object, rounding: object) -> Rounding:
    """Refuse a ``decimals`` that is not an int >= 0; the :class:`Rounding` that ``rounding``
    is or names (``"truncate"``, ``"HALF_EVEN"``).

    No coercion: ``True`` is not 1, ``2.0`` is not 2, and the :mod:`decimal` constant
    ``ROUND_HALF_UP`` (a string, but not a mode's name) is not :attr:`Rounding.HALF_UP`.
    """
    if type(decimals) is not int:
        raise TypeError(f"decimals: expected an integer >= 0, got {decimals!r}")
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    if type(rounding) is Rounding:
        return rounding
    if type(rounding) is str and rounding.lower() in _MODE_BY_NAME:
        return _MODE_BY_NAME[rounding.lower()]
    raise TypeError(f"rounding: expected one of {_MODES} or a name ({_NAMES}), got {rounding!r}")


def ratio(part: int | Count, whole: int | Count, *, whole_name: str = "whole") -> Fraction:
    """``part / whole`` exactly.

    >>> ratio(5295, 5300)
    Fraction(1059, 1060)
    >>> ratio(1, 0)
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ZeroWholeError: whole: is zero, so the rate is undefined

    Raises:
        ZeroWholeError: if ``whole`` is zero (named ``whole_name``).
        TypeError: if a value is not a count or a non-negative integer.
    """
    p = _whole_number(part, "part")
    w = _whole_number(whole, whole_name)
    if w == 0:
        raise ZeroWholeError(whole_name)
    return Fraction(p, w)


def round_fraction(
    value: Fraction, decimals: int, rounding: Rounding | str = Rounding.HALF_UP
) -> Decimal:
    """``value`` rounded exactly to ``decimals`` places in the mode ``rounding``.

    >>> round_fraction(Fraction(12345, 1000), 2)
    Decimal('12.35')
    >>> round_fraction(Fraction(12345, 1000), 2, Rounding.HALF_EVEN)
    Decimal('12.34')
    >>> round_fraction(Fraction(-1, 8), 2)
    Decimal('-0.13')

    Raises:
        ValueError: if ``decimals`` is negative.
        TypeError: if ``decimals`` is not an int (a bool is not) or ``rounding`` is not a
            :class:`Rounding` (the :mod:`decimal` constants are not).
    """
    rounding = _check_places(decimals, rounding)
    digits = _round_quotient(abs(value.numerator), value.denominator, decimals, rounding)
    return Decimal(f"{'-' if value < 0 else ''}{digits}E-{decimals}")


def rounding_cause(exact: Fraction, published: Decimal) -> Cause | None:
    """Why ``published`` is not ``exact`` rounded half-up (四舍五入) at its printed decimals.

    ``None`` when it is. Otherwise the first that fits, in this order: :attr:`Cause.HALF_EVEN`
    or :attr:`Cause.TRUNCATED` (``exact`` rounded in that mode gives ``published``), then
    :attr:`Cause.LAST_DIGIT` (one unit of the last digit away), else :attr:`Cause.WRONG`.
    The audit of a report's data and that of its text both classify with it.

    >>> rounding_cause(Fraction(5295 * 100, 5300), Decimal("99.90"))
    <Cause.TRUNCATED: 'truncated'>
    >>> rounding_cause(Fraction(1, 8) * 100, Decimal("12")), rounding_cause(Fraction(1), Decimal(1))
    (<Cause.HALF_EVEN: 'half-even'>, None)
    """
    exponent = published.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    half_up = round_fraction(exact, decimals)
    if half_up == published:
        return None
    if round_fraction(exact, decimals, Rounding.HALF_EVEN) == published:
        return Cause.HALF_EVEN
    if round_fraction(exact, decimals, Rounding.TRUNCATE) == published:
        return Cause.TRUNCATED
    if abs(published - half_up) == Decimal(1).scaleb(-decimals):
        return Cause.LAST_DIGIT
    return Cause.WRONG


def _round_quotient(numerator: int, denominator: int, decimals: int, rounding: Rounding) -> int:
    """``numerator / denominator * 10**decimals`` (both >= 0) rounded to an integer.

    Integers only: an audit computes dozens of rates per report, and Fraction arithmetic
    (a gcd per operation) cost most of its time.
    """
    quotient: int
    remainder: int
    quotient, remainder = divmod(numerator * 10**decimals, denominator)
    twice = 2 * remainder
    if rounding is Rounding.HALF_UP:
        quotient += twice >= denominator
    elif rounding is Rounding.HALF_EVEN:
        quotient += twice > denominator or (twice == denominator and quotient % 2 == 1)
    return quotient


def rate(
    part: int | Count,
    whole: int | Count,
    decimals: int = 2,
    rounding: Rounding | str = Rounding.HALF_UP,
    *,
    whole_name: str = "whole",
) -> Decimal:
    """``part / whole`` as a percentage rounded to ``decimals`` places (四舍五入 by default).

    >>> rate(5295, 5300)
    Decimal('99.91')
    >>> rate(5295, 5300, rounding="truncate")
    Decimal('99.90')
    >>> rate(5295, 5300, rounding=Rounding.TRUNCATE)
    Decimal('99.90')
    >>> rate(285, 4846, decimals=1)
    Decimal('5.9')

    Raises:
        ZeroWholeError: if ``whole`` is zero.
        ValueError: if ``decimals`` is negative.
        TypeError: if a value is not a count or a non-negative integer, ``decimals`` is not
            an int (a bool is not) or ``rounding`` is neither a :class:`Rounding` nor the
            name of one (``"truncate"``).
    """
    rounding = _check_places(decimals, rounding)
    p = _whole_number(part, "part")
    w = _whole_number(whole, whole_name)
    if w == 0:
        raise ZeroWholeError(whole_name)
    # Exactly round_fraction(ratio(part, whole) * 100, decimals, rounding), without Fractions.
    return Decimal(f"{_round_quotient(p * 100, w, decimals, rounding)}E-{decimals}")


@frozen(kw_only=True)
class RateSpec:
    """A published percentage and the counts it is computed from (dotted paths in the report).

    ``may_exceed_whole`` is true where the part can honestly be larger than the whole
    (more students admitted than planned); elsewhere a rate above 100% is impossible.

    >>> spec = RATES[0]
    >>> spec.name, spec.part_path, spec.whole_path, spec.may_exceed_whole
    ('admission_rate', 'proactive.admissions.admitted', 'proactive.admissions.planned', True)
    """

    path: str
    part_path: str
    whole_path: str
    may_exceed_whole: bool = False

    @property
    def name(self) -> str:
        """The last component of :attr:`path` (``admission_rate``).

        >>> RATES[1].name
        'registration_rate'
        """
        return self.path.rpartition(".")[2]


_ADM: Final = "proactive.admissions"
_EMP: Final = "proactive.admissions.employment"

#: Every percentage the report publishes, with its part and whole.
RATES: Final[tuple[RateSpec, ...]] = (
    RateSpec(
        path=f"{_ADM}.admission_rate",
        part_path=f"{_ADM}.admitted",
        whole_path=f"{_ADM}.planned",
        may_exceed_whole=True,
    ),
    RateSpec(
        path=f"{_ADM}.registration_rate",
        part_path=f"{_ADM}.registered",
        whole_path=f"{_ADM}.admitted",
    ),
    RateSpec(
        path=f"{_EMP}.placement_rate", part_path=f"{_EMP}.placed", whole_path=f"{_EMP}.graduates"
    ),
    RateSpec(
        path=f"{_EMP}.enlisted_share", part_path=f"{_EMP}.enlisted", whole_path=f"{_EMP}.graduates"
    ),
    RateSpec(
        path=f"{_EMP}.upgraded_share", part_path=f"{_EMP}.upgraded", whole_path=f"{_EMP}.graduates"
    ),
    RateSpec(
        path=f"{_EMP}.in_province_share",
        part_path=f"{_EMP}.in_province",
        whole_path=f"{_EMP}.placed",
    ),
    RateSpec(
        path=f"{_EMP}.out_of_province_share",
        part_path=f"{_EMP}.out_of_province",
        whole_path=f"{_EMP}.placed",
    ),
)

_BY_NAME: Final = {spec.name: spec for spec in RATES}


def figure(report: AnnualReport, path: str) -> object:
    """The value at a dotted ``path`` of ``report``.

    >>> from hnjd_disclosure import builtin_report
    >>> figure(builtin_report(2022), "proactive.admissions.planned")
    Count(value=5300, unit='人')
    """
    getter = _GETTERS.get(path)
    if getter is None:
        if len(_GETTERS) >= 4096:  # arbitrary paths from callers: keep the table bounded
            _GETTERS.clear()
        getter = _GETTERS[path] = operator.attrgetter(path)
    return getter(report)


# One getter per path, built once: the audit and the records look up the same few paths in
# every report (a plain dict: a functools.cache wrapper cost more than the lookup itself).
_GETTERS: dict[str, operator.attrgetter[object]] = {}


def computed_rate(
    report: AnnualReport,
    spec: RateSpec,
    decimals: int | None = None,
    rounding: Rounding | str = Rounding.HALF_UP,
) -> Decimal:
    """The rate of ``spec`` computed from the report's counts.

    ``decimals`` defaults to the number the report printed for that rate.

    >>> from hnjd_disclosure import builtin_report
    >>> computed_rate(builtin_report(2022), RATES[0])
    Decimal('99.91')

    Raises:
        ZeroWholeError: if the whole is zero (named by its path).
        ValueError: if ``decimals`` is negative.
        TypeError: if ``decimals`` is neither None nor an int, or ``rounding`` is not a
            :class:`Rounding`.
    """
    part = figure(report, spec.part_path)
    whole = figure(report, spec.whole_path)
    assert isinstance(part, Count)
    assert isinstance(whole, Count)
    if decimals is None:
        published = figure(report, spec.path)
        assert isinstance(published, StatedPercent)
        decimals = published.decimals
    return rate(part, whole, decimals, rounding, whole_name=spec.whole_path)


class NamedRate(Protocol):
    """A rate of the report by name: ``admission_rate(report, decimals=2, rounding=...)``.

    The type of :func:`admission_rate`, :func:`placement_rate` and the other named rates.

    >>> from hnjd_disclosure import builtin_report
    >>> rate: NamedRate = admission_rate
    >>> rate(builtin_report(2022)), rate(builtin_report(2022), 2, Rounding.TRUNCATE)
    (Decimal('99.91'), Decimal('99.90'))
    """

    def __call__(
        self, report: AnnualReport, decimals: int = 2, rounding: Rounding | str = Rounding.HALF_UP
    ) -> Decimal: ...


def _named(name: str, doc: str) -> NamedRate:
    """The function computing the rate of :data:`RATES` called ``name`` from a report."""
    spec = _BY_NAME[name]

    def named(
        report: AnnualReport, decimals: int = 2, rounding: Rounding | str = Rounding.HALF_UP
    ) -> Decimal:
        rounding = _check_places(decimals, rounding)  # None is computed_rate's, not this one's
        return computed_rate(report, spec, decimals, rounding)

    named.__name__ = named.__qualname__ = name
    named.__doc__ = (
        doc
        + """

    Raises:
        ZeroWholeError: if the whole is zero.
        ValueError: if ``decimals`` is negative.
        TypeError: if ``decimals`` is not an int or ``rounding`` is not a Rounding.
    """
    )
    return named


admission_rate: Final = _named(
    "admission_rate",
    """录取率: admitted / planned, as a percentage rounded 四舍五入.

    >>> from hnjd_disclosure import builtin_report
    >>> admission_rate(builtin_report(2022)), admission_rate(builtin_report(2022), 4)
    (Decimal('99.91'), Decimal('99.9057'))""",
)
registration_rate: Final = _named(
    "registration_rate",
    """报到率: registered / admitted, as a percentage.

    >>> from hnjd_disclosure import builtin_report
    >>> registration_rate(builtin_report(2022))
    Decimal('96.54')""",
)
placement_rate: Final = _named(
    "placement_rate",
    """初次就业去向落实率: placed / graduates, as a percentage.

    >>> from hnjd_disclosure import builtin_report
    >>> placement_rate(builtin_report(2022))
    Decimal('89.52')""",
)
enlisted_share: Final = _named(
    "enlisted_share",
    """应征入伍占比: enlisted / graduates (a share of all graduates).

    >>> from hnjd_disclosure import builtin_report
    >>> enlisted_share(builtin_report(2022)), enlisted_share(builtin_report(2022), 1)
    (Decimal('5.88'), Decimal('5.9'))""",
)
upgraded_share: Final = _named(
    "upgraded_share",
    """专升本占比: upgraded / graduates (a share of all graduates).

    >>> from hnjd_disclosure import builtin_report
    >>> upgraded_share(builtin_report(2022))
    Decimal('8.58')""",
)
in_province_share: Final = _named(
    "in_province_share",
    """省内就业占比: in_province / placed (a share of the placed, not of all graduates).

    >>> from hnjd_disclosure import builtin_report
    >>> in_province_share(builtin_report(2022))
    Decimal('72.78')""",
)
out_of_province_share: Final = _named(
    "out_of_province_share",
    """省外就业占比: out_of_province / placed.

    >>> from hnjd_disclosure import builtin_report
    >>> out_of_province_share(builtin_report(2022))
    Decimal('27.22')""",
)


@frozen(kw_only=True)
class PartitionSpec:
    """Counts that together make up a whole, and their published shares of it.

    >>> PARTITIONS[0].whole_path
    'proactive.admissions.employment.placed'
    """

    whole_path: str
    part_paths: tuple[str, ...]
    share_paths: tuple[str, ...]


#: Wholes split into parts: 省内 + 省外 = 毕业去向落实人数, and their shares sum to 100%.
PARTITIONS: Final[tuple[PartitionSpec, ...]] = (
    PartitionSpec(
        whole_path=f"{_EMP}.placed",
        part_paths=(f"{_EMP}.in_province", f"{_EMP}.out_of_province"),
        share_paths=(f"{_EMP}.in_province_share", f"{_EMP}.out_of_province_share"),
    ),
)
