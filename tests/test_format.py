"""The f-string formatting of figures writes exactly what babel's patterns write."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure.quantities import StatedPercent
from hnjd_disclosure.render import _format as fmt

decimals = st.decimals(min_value=0, max_value=10**9, allow_nan=False, places=6)


class TestSameAsBabel:
    @given(st.integers(0, 10**12), st.integers(0, 4))
    def test_number_of_int(self, value: int, digits: int) -> None:
        """A whole number prints as babel's pattern prints it."""
        expected = fmt._babel_number(fmt._quantize(Decimal(value), digits), digits)
        assert fmt.number(value, digits) == expected

    @given(decimals, st.integers(0, 4))
    def test_number_of_decimal(self, value: Decimal, digits: int) -> None:
        """A Decimal, rounded half-up first, prints as babel's pattern prints it."""
        expected = fmt._babel_number(fmt._quantize(value, digits), digits)
        assert fmt.number(value, digits) == expected

    @given(decimals, st.integers(0, 4))
    def test_percent(self, value: Decimal, digits: int) -> None:
        """A computed percentage prints as babel's percent pattern prints it."""
        expected = fmt._babel_percent(fmt._quantize(value, digits), digits)
        assert fmt.percent(value, digits) == expected

    def test_negative_goes_through_babel(self) -> None:
        """A negative value (never a published figure) is still formatted, by babel."""
        assert fmt.number(Decimal("-1.25"), 1) == fmt._babel_number(Decimal("-1.3"), 1)

    def test_stated_percent_keeps_its_digits(self) -> None:
        """A stated percentage prints with the digits it was published with."""
        assert fmt.percent(StatedPercent.parse("99.90%")) == "99.90%"
        assert fmt.percent(StatedPercent.parse("0%")) == "0%"

    @given(st.dates(min_value=datetime.date(1000, 1, 1)))
    def test_date(self, value: datetime.date) -> None:
        """babel's long zh_CN date is year, month and day without leading zeros."""
        assert fmt.date(value) == f"{value.year}年{value.month}月{value.day}日"

    def test_locale_signs(self) -> None:
        """zh_CN writes the decimal and percent signs the f-strings write."""
        symbols = fmt._locale().number_symbols["latn"]
        assert (symbols["decimal"], symbols["percentSign"]) == (".", "%")
