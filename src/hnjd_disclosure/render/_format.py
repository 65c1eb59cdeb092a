"""Chinese (zh_CN) formatting of figures and dates with babel, parsed once and cached.

babel rounds with the current decimal context (half-even by default), so values are
quantized half-up (四舍五入) here first; a value that already has the wanted digits is
printed as it is.

Speed: a babel pattern applied to a number costs several microseconds and a report prints
dozens of figures. The patterns used here (``0``, ``0.00``, ``0.00%``, no grouping) print
the digits of the quantized value, then the locale's decimal and percent signs, so a
non-negative value is written with an f-string that uses zh_CN's signs
(``tests/test_format.py`` checks the result against babel's own formatting). A negative
value goes through babel's pattern. Dates follow babel's long zh_CN date pattern
(``y年M月d日``: no leading zeros).

Cold start: loading babel's zh_CN locale data (pickles of CLDR, merged) takes about 20 ms,
more than the rest of ``hnjd-disclosure render``, and importing babel about 12 ms more. The
few items of that data the report's format uses (the decimal and percent signs, the long
date pattern) are therefore derived from babel once and kept in :data:`ZH_CN`; the tests
compare it with the installed babel's data (:func:`from_babel`), so a babel release that
changed them fails the tests instead of silently changing the report's text. babel itself
is imported only for what the snapshot does not cover (a negative value).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING, Final, NamedTuple

from ..quantities import Count, Ranking, StatedPercent, WanFigure

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

__all__ = ["count", "date", "number", "percent", "wan"]

LOCALE = "zh_CN"


@cache
def _locale() -> Locale:
    from babel import Locale

    return Locale.parse(LOCALE)


class LocaleData(NamedTuple):
    """What the report's formatting uses of a locale's CLDR data (as babel gives it)."""

    decimal_sign: str
    percent_sign: str
    #: babel's long date pattern, which :func:`date` writes (a test checks with babel).
    long_date: str


#: zh_CN's signs and long date pattern as babel (2.19) gives them; tests compare.
ZH_CN: Final = LocaleData(decimal_sign=".", percent_sign="%", long_date="y年M月d日")


def from_babel() -> LocaleData:
    """zh_CN's signs and long date pattern, read from the installed babel's locale data."""
    locale = _locale()
    symbols = locale.number_symbols["latn"]
    return LocaleData(
        decimal_sign=symbols["decimal"],
        percent_sign=symbols["percentSign"],
        long_date=locale.date_formats["long"].pattern,
    )


@cache
def _number_pattern(decimals: int) -> NumberPattern:
    from babel.numbers import parse_pattern

    return parse_pattern("0." + "0" * decimals if decimals else "0")


@cache
def _percent_pattern(decimals: int) -> NumberPattern:
    from babel.numbers import parse_pattern

    return parse_pattern("0." + "0" * decimals + "%" if decimals else "0%")


def _digits(dec: Decimal) -> str:
    text = f"{dec:f}"
    decimal_sign = ZH_CN.decimal_sign
    return text if decimal_sign == "." else text.replace(".", decimal_sign)


def _quantize(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: int | Decimal, decimals: int = 0) -> str:
    """``5300`` → ``"5300"``; a Decimal is rounded half-up to ``decimals`` first.

    >>> number(66280), number(Decimal("1.95"), 1)
    ('66280', '2.0')
    """
    if type(value) is int and value >= 0 and decimals == 0:
        return str(value)
    dec = _quantize(Decimal(value), decimals)
    if not dec.is_signed():
        return _digits(dec)
    return _babel_number(dec, decimals)


def _babel_number(dec: Decimal, decimals: int) -> str:
    text: str = _number_pattern(decimals).apply(dec, _locale(), group_separator=False)
    return text


def _babel_percent(dec: Decimal, decimals: int) -> str:
    """``dec`` (already quantized to ``decimals``) per cent, through babel's pattern."""
    text: str = _percent_pattern(decimals).apply(dec.scaleb(-2), _locale())
    return text


def percent(value: StatedPercent | Decimal, decimals: int | None = None) -> str:
    """A stated percentage as printed (``99.90%``), or a computed one rounded half-up.

    >>> percent(StatedPercent.parse("5.9%")), percent(Decimal("99.9057"), 2)
    ('5.9%', '99.91%')
    """
    if isinstance(value, StatedPercent):
        digits = value.decimals if decimals is None else decimals
        raw = value.value
    else:
        digits = 2 if decimals is None else decimals
        raw = value
    dec = _quantize(raw, digits)
    if not dec.is_signed():
        return _digits(dec) + ZH_CN.percent_sign
    return _babel_percent(dec, digits)


def count(value: Count) -> str:
    """``5300人``."""
    return number(value.value) + value.unit


def wan(value: WanFigure) -> str:
    """``1.9万人``: the printed digits, 万, then the unit."""
    return number(value.value, -_exponent(value.value)) + "万" + value.unit


def ranking(value: Ranking) -> str:
    """``前50名`` as published."""
    return value.text


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return min(exponent, 0)


def date(value: datetime.date) -> str:
    """``2021年9月1日``: zh_CN's long date (``y年M月d日``: no leading zeros), as babel writes it.

    >>> date(datetime.date(2021, 9, 1))
    '2021年9月1日'
    """
    return f"{value.year}年{value.month}月{value.day}日"
