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

    @given(st.dates())
    def test_date(self, value: datetime.date) -> None:
        """A date prints as babel's long zh_CN date: year, month and day, no leading zeros."""
        from babel.dates import format_date

        expected = format_date(value, format="long", locale=fmt._locale())
        assert fmt.date(value) == expected


class TestLocaleSnapshot:
    def test_snapshot_is_babels_data(self) -> None:
        """ZH_CN holds what the installed babel's zh_CN data says (else: update ZH_CN)."""
        assert fmt.from_babel() == fmt.ZH_CN

    def test_long_date_pattern_is_what_date_writes(self) -> None:
        """date() writes the snapshot's pattern: its fields are year, month, day, unpadded."""
        from babel.dates import format_date

        value = datetime.date(2009, 1, 2)
        written = format_date(value, fmt.ZH_CN.long_date, locale=fmt._locale())
        assert fmt.date(value) == written == "2009年1月2日"
