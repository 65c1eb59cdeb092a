"""Exact statistics: rounding against the decimal module, named rates, the RATES table."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import AnnualReport, builtin_report, stats
from hnjd_disclosure.errors import ZeroWholeError
from hnjd_disclosure.finding import Cause
from hnjd_disclosure.quantities import Count, StatedPercent
from hnjd_disclosure.records import records
from hnjd_disclosure.stats import RATES, Rounding, rate, ratio, round_fraction

from .strategies import reference_rate, replace_at, reports

MODES = [
    (Rounding.HALF_UP, ROUND_HALF_UP),
    (Rounding.TRUNCATE, ROUND_DOWN),
    (Rounding.HALF_EVEN, ROUND_HALF_EVEN),
]

parts_and_wholes = st.integers(1, 10**7).flatmap(
    lambda w: st.tuples(st.integers(0, 2 * w), st.just(w))
)


class TestRate:
    @pytest.mark.parametrize(("mode", "reference_mode"), MODES)
    @given(pw=parts_and_wholes, decimals=st.integers(0, 4))
    def test_equals_decimal_reference(
        self, mode: Rounding, reference_mode: str, pw: tuple[int, int], decimals: int
    ) -> None:
        """rate() rounds exactly as the decimal module does, in every mode."""
        part, whole = pw
        assert rate(part, whole, decimals, mode) == reference_rate(
            part, whole, decimals, reference_mode
        )

    @given(pw=parts_and_wholes, decimals=st.integers(0, 4))
    def test_keeps_the_asked_decimals(self, pw: tuple[int, int], decimals: int) -> None:
        """The result has exactly ``decimals`` digits after the point (99.90, not 99.9)."""
        assert rate(*pw, decimals).as_tuple().exponent == -decimals

    @given(pw=parts_and_wholes)
    def test_default_is_half_up_two_decimals(self, pw: tuple[int, int]) -> None:
        """The default is 四舍五入 to two decimals."""
        assert rate(*pw) == reference_rate(*pw, 2, ROUND_HALF_UP)

    def test_accepts_counts(self) -> None:
        """Counts and plain integers give the same rate."""
        people = Count(value=5295, unit="人"), Count(value=5300, unit="人")
        assert rate(*people) == rate(5295, 5300)

    @pytest.mark.parametrize("bad", [True, -1, 1.5, "3"])
    def test_rejects_non_counts(self, bad: object) -> None:
        """A bool, a negative number, a float or a string is not a count."""
        with pytest.raises(TypeError):
            rate(bad, 10)  # type: ignore[arg-type]


class TestZeroWhole:
    @pytest.mark.parametrize("function", [ratio, rate])
    def test_zero_whole_is_a_typed_error(self, function: object) -> None:
        """A zero whole raises ZeroWholeError (a ValueError), never ZeroDivisionError."""
        with pytest.raises(ZeroWholeError) as info:
            function(0, 0, whole_name="proactive.admissions.planned")  # type: ignore[operator]
        assert isinstance(info.value, ValueError)
        assert not isinstance(info.value, ZeroDivisionError)
        assert info.value.whole == "proactive.admissions.planned"

    def test_named_rate_names_the_whole(self) -> None:
        """A named rate of a zero whole names the whole's field path."""
        report = builtin_report(2022)
        zero = Count(value=0, unit="人")
        report = replace_at(report, "proactive.admissions.planned", zero)
        with pytest.raises(ZeroWholeError, match=r"^proactive\.admissions\.planned: "):
            stats.admission_rate(report)


class TestRoundFraction:
    @given(
        num=st.integers(-(10**9), 10**9),
        den=st.integers(1, 10**6),
        decimals=st.integers(0, 4),
    )
    @pytest.mark.parametrize(("mode", "reference_mode"), MODES)
    def test_signed_values_match_decimal(
        self, mode: Rounding, reference_mode: str, num: int, den: int, decimals: int
    ) -> None:
        """Negative fractions round like the decimal module too (away from / toward zero)."""
        with localcontext() as ctx:
            # Truncating at 80 digits never crosses a rounding boundary of these fractions.
            ctx.prec, ctx.rounding = 80, ROUND_DOWN
            exact = Decimal(num) / Decimal(den)
        expected = exact.quantize(Decimal(1).scaleb(-decimals), rounding=reference_mode)
        assert round_fraction(Fraction(num, den), decimals, mode) == expected

    def test_negative_decimals(self) -> None:
        """Decimals must not be negative."""
        with pytest.raises(ValueError, match="decimals"):
            round_fraction(Fraction(1, 3), -1)

    def test_ratio_is_exact(self) -> None:
        """ratio() is a Fraction in lowest terms."""
        assert ratio(5295, 5300) == Fraction(5295, 5300)


class TestNamedRates:
    @pytest.mark.parametrize("spec", RATES, ids=lambda s: s.name)
    def test_named_function_agrees_with_the_published_report(self, spec: stats.RateSpec) -> None:
        """Each named function gives the printed 2022 figure (99.91, not 99.90, for 录取率)."""
        report = builtin_report(2022)
        published = stats.figure(report, spec.path)
        assert isinstance(published, StatedPercent)
        computed = getattr(stats, spec.name)(report, published.decimals)
        if spec.name == "admission_rate":
            # The one slip of the 2022 report: 99.90% is the truncated value.
            assert computed == Decimal("99.91")
            truncated = stats.admission_rate(report, 2, Rounding.TRUNCATE)
            assert truncated == published.value
        else:
            assert computed == published.value

    def test_shares_of_placed_not_of_graduates(self) -> None:
        """省内/省外 shares are of the placed graduates: they sum to 100% in 2022."""
        report = builtin_report(2022)
        total = stats.in_province_share(report) + stats.out_of_province_share(report)
        assert total == 100


class TestRatesTable:
    def test_paths_name_percent_and_count_fields(self) -> None:
        """Every RateSpec points at a stated percentage and two counts."""
        report = builtin_report(2022)
        for spec in RATES:
            assert isinstance(stats.figure(report, spec.path), StatedPercent)
            assert isinstance(stats.figure(report, spec.part_path), Count)
            assert isinstance(stats.figure(report, spec.whole_path), Count)

    @given(reports())
    def test_every_published_percentage_is_in_the_table(self, report: AnnualReport) -> None:
        """The table covers every percentage a report publishes, each once."""
        rows = records(report)
        paths = [r.path for r in rows if r.kind == "percent" and r.source == "published"]
        assert sorted(paths) == sorted(spec.path for spec in RATES)

    def test_partitions_use_table_entries(self) -> None:
        """Each partition's shares are RATES entries whose whole is the partition's whole."""
        by_path = {spec.path: spec for spec in RATES}
        for partition in stats.PARTITIONS:
            for share, part in zip(partition.share_paths, partition.part_paths, strict=True):
                assert by_path[share].part_path == part
                assert by_path[share].whole_path == partition.whole_path


REPORT_2022 = builtin_report(2022)

PlacesFunction = Callable[[Any, Any], Decimal]


def _named_rate(name: str) -> PlacesFunction:
    function: stats.NamedRate = getattr(stats, name)
    return lambda d, r: function(REPORT_2022, d, r)


#: Every public function of stats that takes decimals and a rounding mode, called with them.
PLACES_FUNCTIONS: dict[str, PlacesFunction] = {
    "rate": lambda d, r: rate(5295, 5300, d, r),
    "round_fraction": lambda d, r: round_fraction(Fraction(5295, 53), d, r),
    "computed_rate": lambda d, r: stats.computed_rate(REPORT_2022, RATES[0], d, r),
    **{spec.name: _named_rate(spec.name) for spec in RATES},
}


class TestPlacesAndModes:
    """decimals must be an int (not a bool) >= 0 and rounding a Rounding member, in every
    function: anything else is an error, never a silent truncation."""

    @pytest.mark.parametrize("function", PLACES_FUNCTIONS.values(), ids=list(PLACES_FUNCTIONS))
    @pytest.mark.parametrize(
        "bad", [ROUND_HALF_UP, "half-up", None, 0, "ROUND_HALF_EVEN", Rounding], ids=repr
    )
    def test_rounding_must_be_a_member(self, function: PlacesFunction, bad: object) -> None:
        with pytest.raises(TypeError, match=r"rounding: expected one of Rounding\.HALF_UP, "):
            function(2, bad)

    @pytest.mark.parametrize("function", PLACES_FUNCTIONS.values(), ids=list(PLACES_FUNCTIONS))
    @pytest.mark.parametrize("mode", list(Rounding), ids=str)
    def test_rounding_by_name(self, function: PlacesFunction, mode: Rounding) -> None:
        """A mode's name, in any case (``"truncate"``), is the mode, as the README says."""
        assert function(2, mode.name.lower()) == function(2, mode)
        assert function(2, mode.name) == function(2, mode)

    @pytest.mark.parametrize("function", PLACES_FUNCTIONS.values(), ids=list(PLACES_FUNCTIONS))
    @pytest.mark.parametrize("bad", [True, False, 2.0, "2", Decimal(2)], ids=repr)
    def test_decimals_must_be_an_int(self, function: PlacesFunction, bad: object) -> None:
        with pytest.raises(TypeError, match=r"decimals: expected an integer >= 0, got "):
            function(bad, Rounding.HALF_UP)

    @pytest.mark.parametrize(
        "function",
        [f for name, f in PLACES_FUNCTIONS.items() if name != "computed_rate"],
        ids=[name for name in PLACES_FUNCTIONS if name != "computed_rate"],
    )
    def test_decimals_none(self, function: PlacesFunction) -> None:
        """None is no number of decimals (only computed_rate takes it, for the printed ones)."""
        with pytest.raises(TypeError, match=r"decimals: expected an integer >= 0, got None"):
            function(None, Rounding.HALF_UP)
        assert stats.computed_rate(REPORT_2022, RATES[0], None) == Decimal("99.91")

    @pytest.mark.parametrize("function", PLACES_FUNCTIONS.values(), ids=list(PLACES_FUNCTIONS))
    def test_negative_decimals_is_a_value_error(self, function: PlacesFunction) -> None:
        with pytest.raises(ValueError, match="decimals must be >= 0, got -1"):
            function(-1, Rounding.HALF_UP)

    @pytest.mark.parametrize("function", PLACES_FUNCTIONS.values(), ids=list(PLACES_FUNCTIONS))
    @pytest.mark.parametrize("mode", list(Rounding))
    def test_members_and_ints_still_work(self, function: PlacesFunction, mode: Rounding) -> None:
        assert isinstance(function(3, mode), Decimal)


class TestRoundingCause:
    @pytest.mark.parametrize(
        ("part", "whole", "published", "cause"),
        [
            (5295, 5300, "99.91", None),
            (5295, 5300, "99.90", "truncated"),
            (1, 8, "12", "half-even"),
            (2, 3, "66.68", "last-digit"),
            (1, 3, "33.34", "last-digit"),
            (2, 3, "66.76", "wrong"),
            (2, 3, "6.67", "wrong"),
        ],
    )
    def test_causes_in_order(
        self, part: int, whole: int, published: str, cause: str | None
    ) -> None:
        """None for a half-up rounding; else half-even, truncated, last digit, wrong, in turn."""
        found = stats.rounding_cause(Fraction(part * 100, whole), Decimal(published))
        assert found == cause
        assert found is None or isinstance(found, Cause)

    @given(st.integers(0, 10**6), st.integers(1, 10**6), st.integers(0, 4))
    def test_the_half_up_rounding_has_no_cause(self, part: int, whole: int, places: int) -> None:
        """The rate rounded half-up at any number of places is never a finding."""
        exact = Fraction(part * 100, whole)
        assert stats.rounding_cause(exact, round_fraction(exact, places)) is None

    def test_one_classifier_for_data_and_text(self) -> None:
        """The audit of a text classifies with the same function as the audit of the data."""
        from hnjd_disclosure.parse.checks import percent_cause

        for published in ("12", "12.4", "12.5", "12.6", "13"):
            expected = stats.rounding_cause(Fraction(100, 8), Decimal(published))
            assert percent_cause(1, 8, Decimal(published))[1] == expected
