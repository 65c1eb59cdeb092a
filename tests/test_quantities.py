"""The value types keep published figures exactly as published."""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hnjd_disclosure.errors import ModelError
from hnjd_disclosure.quantities import Count, Ranking, StatedPercent, WanFigure, check_count


class TestCount:
    def test_renders_value_and_unit(self) -> None:
        """A count prints as its digits followed by its unit."""
        assert str(Count(value=5300, unit="人")) == "5300人"

    @pytest.mark.parametrize("bad", [-1, True, False, 1.0, "12", None, Decimal(3)])
    def test_rejects_what_is_not_a_non_negative_int(self, bad: object) -> None:
        """Negative numbers, bools, floats, strings and Decimals are not counts."""
        with pytest.raises(ModelError, match="^value: expected an integer >= 0"):
            Count(value=bad, unit="人")  # type: ignore[arg-type]

    def test_rejects_unknown_unit(self) -> None:
        """A unit must be one of the report's measure words."""
        with pytest.raises(ModelError, match="^unit:"):
            Count(value=1, unit="kg")

    def test_check_count_names_the_path(self) -> None:
        """check_count reports the path it is given."""
        with pytest.raises(ModelError, match="^a.b: expected an integer >= 0, got True$"):
            check_count(True, path="a.b")


class TestStatedPercent:
    @pytest.mark.parametrize(
        ("text", "decimals"), [("99.90%", 2), ("5.9%", 1), ("100%", 0), ("0.125%", 3)]
    )
    def test_remembers_printed_digits(self, text: str, decimals: int) -> None:
        """The number of printed decimals survives parsing and printing."""
        p = StatedPercent.parse(text)
        assert p.decimals == decimals
        assert str(p) == text

    def test_fraction_is_exact(self) -> None:
        """The stated value converts exactly to a fraction of one."""
        assert StatedPercent.parse("96.54%").fraction == Fraction(9654, 10000)

    @pytest.mark.parametrize("bad", ["99.9", "abc%", "-1%", "1e2%", " 5%", "05%", "", "%"])
    def test_rejects_malformed_text(self, bad: str) -> None:
        """Only digits, an optional decimal part and % are a percentage."""
        with pytest.raises(ModelError, match="expected a percentage"):
            StatedPercent.parse(bad)

    @pytest.mark.parametrize("bad", [Decimal("-1"), Decimal("NaN"), Decimal("1E+2"), 99.9])
    def test_rejects_bad_values(self, bad: object) -> None:
        """Negative, non-finite, exponent-form and float values are refused."""
        with pytest.raises(ModelError):
            StatedPercent(value=bad)  # type: ignore[arg-type]


class TestWanFigure:
    def test_keeps_digits_and_unit(self) -> None:
        """1.9万人 prints back as 1.9万人 and stands for about 19000."""
        w = WanFigure.parse("1.9万", unit="人")
        assert (str(w), w.text, w.approximate) == ("1.9万人", "1.9万", 19000)

    def test_bounds_cover_what_rounds_to_it(self) -> None:
        """1030万 stands for any count in [10295000, 10305000)."""
        low, high = WanFigure.parse("1030万").bounds
        assert (low, high) == (Decimal(10_295_000), Decimal(10_305_000))

    @pytest.mark.parametrize("bad", ["1.9", "万", "1,9万", "-1万", "1.9万人"])
    def test_rejects_malformed_text(self, bad: str) -> None:
        """A 万 figure is digits followed by 万, the unit given apart."""
        with pytest.raises(ModelError, match="expected a figure in 万"):
            WanFigure.parse(bad)


class TestRanking:
    @pytest.mark.parametrize(("text", "top"), [("前百名", 100), ("前50名", 50), ("前十名", 10)])
    def test_top(self, text: str, top: int) -> None:
        """The rank claimed is read from Arabic or Chinese numerals."""
        assert Ranking.parse(text).top == top

    @pytest.mark.parametrize("bad", ["第一名", "前名", "前0名", "top 50"])
    def test_rejects_other_text(self, bad: str) -> None:
        """Only 前…名 is a ranking claim."""
        with pytest.raises(ModelError, match="expected a ranking"):
            Ranking.parse(bad)


@pytest.mark.parametrize(
    "value",
    [
        Count(value=1, unit="篇"),
        StatedPercent.parse("5.9%"),
        WanFigure.parse("4.9万", unit="人"),
        Ranking.parse("前50名"),
    ],
)
class TestValueSemantics:
    def test_pickles(self, value: object) -> None:
        """Values survive pickling unchanged."""
        assert pickle.loads(pickle.dumps(value)) == value

    def test_hashes_like_equal_copies(self, value: object) -> None:
        """Equal values hash equal, so they work as dict keys."""
        assert hash(value) == hash(attrs.evolve(value))  # type: ignore[misc]

    def test_is_immutable(self, value: object) -> None:
        """Assigning to a field raises."""
        name = attrs.fields(type(value))[0].name  # type: ignore[arg-type]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, name, getattr(value, name))


class TestEqualityByPrintedForm:
    """A stated figure is its printed digits: equal and hashed alike only when printed alike."""

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (StatedPercent.parse("99.90%"), StatedPercent.parse("99.9%")),
            (StatedPercent.parse("100%"), StatedPercent.parse("100.0%")),
            (WanFigure.parse("1.9万", unit="人"), WanFigure.parse("1.90万", unit="人")),
        ],
    )
    def test_same_number_other_digits_differ(self, a: object, b: object) -> None:
        """Same number, other digits: not equal, not the same set member."""
        assert a != b
        assert len({a, b}) == 2

    def test_same_digits_equal(self) -> None:
        """Built from the same digits by any route, they are equal and hash alike."""
        parsed = StatedPercent.parse("99.90%")
        built = StatedPercent(value=Decimal("99.90"))
        assert parsed == built
        assert hash(parsed) == hash(built)

    def test_reports_that_print_differently_differ(self) -> None:
        """Two reports whose rate prints 99.90% and 99.9% are not equal."""
        from hnjd_disclosure import builtin_report

        report = builtin_report(2022)
        adm = report.proactive.admissions
        other = attrs.evolve(
            report,
            proactive=attrs.evolve(
                report.proactive,
                admissions=attrs.evolve(adm, admission_rate=StatedPercent.parse("99.9%")),
            ),
        )
        assert other != report


class TestUnitTypes:
    """A unit that is not a string is a ModelError at the field (not accepted, no TypeError)."""

    @pytest.mark.parametrize("unit", [None, False, [], 0])
    def test_wan_figure_unit(self, unit: object) -> None:
        with pytest.raises(ModelError, match="^unit: expected a unit or nothing"):
            WanFigure(value=Decimal(1), unit=unit)  # type: ignore[arg-type]

    @pytest.mark.parametrize("unit", [[], None, {"人"}])
    def test_count_unit(self, unit: object) -> None:
        with pytest.raises(ModelError, match="^unit: expected one of"):
            attrs.evolve(Count(value=1, unit="人"), unit=unit)  # type: ignore[arg-type]
