"""Value types for the figures a report publishes, kept exactly as published.

* :class:`Count`: a whole number with its unit (``5300人``, ``403篇``).
* :class:`StatedPercent`: a percentage as printed, remembering its digits (``99.90%`` keeps
  two decimals, ``5.9%`` one). It is what the report *says*; the true value is computed from
  the counts by :mod:`hnjd_disclosure.stats`, never stored in its place.
* :class:`WanFigure`: an approximate figure in 万 (``1.9万人``): the exact count is unknown.
* :class:`Ranking`: a ranking claim (``前百名``, ``前50名``), not a count.

No floats anywhere: percentages and 万 figures are :class:`~decimal.Decimal` values whose
exponent is the number of printed decimals.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs
from attrs import field, frozen

from .errors import ModelError, escape
from .numerals import from_chinese, to_chinese

if TYPE_CHECKING:
    # Imported where used: fractions compiles a large regex at import, and most programs
    # (the CLI among them) never ask for a fraction.
    from fractions import Fraction

__all__ = [
    "PERCENT_PATTERN",
    "RANKING_PATTERN",
    "UNITS",
    "WAN_PATTERN",
    "Count",
    "Ranking",
    "StatedPercent",
    "WanFigure",
    "check_count",
    "show_value",
]

#: Units a count may carry (measure words of the report).
UNITS: Final = frozenset({"人", "名", "篇", "条", "期", "个", "项", "件", "次", "所", "门"})

#: A percentage as the data writes it (``99.90%``); the JSON Schema and the readers use it too.
PERCENT_PATTERN: Final = re.compile(r"(0|[1-9][0-9]{0,5})(\.[0-9]{1,6})?%")
#: A figure in 万 as the data writes it (``1.9万``).
WAN_PATTERN: Final = re.compile(r"(0|[1-9][0-9]{0,7})(\.[0-9]{1,4})?万")
#: A ranking claim (``前50名``, ``前百名``).
RANKING_PATTERN: Final = re.compile(
    r"前(?:([1-9][0-9]{0,5})|([零一二三四五六七八九十百千]{1,8}))名"
)


def check_count(value: object, *, path: str = "value") -> int:
    """Return ``value`` if it is a non-negative ``int`` (not a ``bool``), else raise.

    >>> check_count(5300)
    5300
    >>> check_count(True)
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: value: expected an integer >= 0, got True

    Raises:
        ModelError: naming ``path``.
    """
    if type(value) is not int or value < 0:
        raise ModelError(path, f"expected an integer >= 0, got {show_value(value)}")
    return value


def show_value(value: object) -> str:
    """Show a rejected input the way it appeared in the data: strings in double quotes, with
    a backslash, a quote and every character :func:`~.errors.escape` escapes written as
    escapes, so that the message stays one line and cannot drive a terminal.

    The models, the converter and the loaders all write a rejected value with it.

    >>> print(show_value('say "hi"'), show_value(1.5))
    "say \\"hi\\"" 1.5
    """
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return '"' + escape(shown.replace("\\", "\\\\").replace('"', '\\"')) + '"'
    text = escape(repr(value))
    return text if len(text) <= 40 else text[:37] + "..."


def _check_unit(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    # the type first: a list is not hashable, so `in UNITS` would raise a TypeError
    if type(value) is not str or value not in UNITS:
        units = "".join(sorted(UNITS))
        raise ModelError(attribute.name, f"expected one of {units}, got {show_value(value)}")


def _check_count_field(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    check_count(value, path=attribute.name)


@frozen(kw_only=True)
class Count:
    """A count with its unit, e.g. ``Count(value=5300, unit="人")``.

    >>> c = Count(value=5300, unit="人")
    >>> str(c), c.value
    ('5300人', 5300)
    >>> Count(value=-1, unit="人")
    Traceback (most recent call last):
    ...
    hnjd_disclosure.errors.ModelError: value: expected an integer >= 0, got -1
    """

    value: int = field(validator=_check_count_field)
    unit: str = field(validator=_check_unit)

    def __str__(self) -> str:
        return f"{self.value}{self.unit}"


def _check_decimal(_: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if type(value) is not Decimal or not value.is_finite() or value.is_signed():
        raise ModelError(
            attribute.name, f"expected a non-negative Decimal, got {show_value(value)}"
        )
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent > 0:
        raise ModelError(attribute.name, f"expected plain decimal digits, got {value}")


@frozen(kw_only=True)
class StatedPercent:
    """A percentage as the report prints it; ``value`` is the number before ``%``.

    >>> p = StatedPercent.parse("99.90%")
    >>> p.value, p.decimals, str(p)
    (Decimal('99.90'), 2, '99.90%')
    >>> StatedPercent.parse("5.9%").decimals
    1
    >>> p.fraction
    Fraction(999, 1000)

    Two percentages are equal (and hash alike) when they print alike: ``99.90%`` is not
    ``99.9%``, though the numbers are.

    >>> p == StatedPercent.parse("99.9%"), p == StatedPercent(value=Decimal("99.90"))
    (False, True)
    """

    # Compared and hashed by its digits: 99.90% and 99.9% are the same number, but not the
    # same published figure (they render, and audit, differently).
    value: Decimal = field(validator=_check_decimal, eq=str)

    @classmethod
    def parse(cls, text: str) -> StatedPercent:
        """Read ``"99.90%"``: digits, an optional decimal part, and a percent sign.

        >>> StatedPercent.parse("96.54%")
        StatedPercent(value=Decimal('96.54'))

        Raises:
            ModelError: if ``text`` is not of that form (path ``value``).
        """
        if type(text) is not str or not PERCENT_PATTERN.fullmatch(text):
            raise ModelError(
                "value", f'expected a percentage such as "99.90%", got {show_value(text)}'
            )
        return cls(value=Decimal(text[:-1]))

    @property
    def decimals(self) -> int:
        """How many decimals were printed (``99.90`` → 2).

        >>> StatedPercent.parse("99.90%").decimals, StatedPercent.parse("5.9%").decimals
        (2, 1)
        """
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite, checked at construction
        return -exponent

    @property
    def fraction(self) -> Fraction:
        """The stated value as an exact fraction of one (``99.90%`` → 999/1000).

        >>> StatedPercent.parse("99.90%").fraction
        Fraction(999, 1000)
        """
        from fractions import Fraction

        return Fraction(self.value) / 100

    def __str__(self) -> str:
        return f"{self.value}%"


@frozen(kw_only=True)
class WanFigure:
    """An approximate figure in 万 (ten thousands) as printed, e.g. ``1.9万人``.

    The exact count was not published: :attr:`bounds` gives the range the printed figure
    stands for (rounded half-up at the printed digits).

    >>> w = WanFigure.parse("1.9万", unit="人")
    >>> str(w), w.approximate
    ('1.9万人', 19000)
    >>> w.bounds
    (Decimal('18500'), Decimal('19500'))
    >>> w == WanFigure.parse("1.90万", unit="人")  # equal when they print alike
    False
    """

    value: Decimal = field(validator=_check_decimal, eq=str)  # by its digits, as StatedPercent
    unit: str = field(default="")

    @unit.validator
    def _check_unit(self, attribute: attrs.Attribute[str], value: str) -> None:
        # the type first: None, False and [] are "nothing" to a truth test, not a unit
        if type(value) is not str or (value and value not in UNITS):
            raise ModelError(attribute.name, f"expected a unit or nothing, got {show_value(value)}")

    @classmethod
    def parse(cls, text: str, *, unit: str = "") -> WanFigure:
        """Read ``"1.9万"`` (the unit is given separately).

        >>> WanFigure.parse("4.9万", unit="人")
        WanFigure(value=Decimal('4.9'), unit='人')

        Raises:
            ModelError: if ``text`` is not of that form (path ``value``).
        """
        if type(text) is not str or not WAN_PATTERN.fullmatch(text):
            raise ModelError(
                "value", f'expected a figure in 万 such as "1.9万", got {show_value(text)}'
            )
        return cls(value=Decimal(text[:-1]), unit=unit)

    @property
    def approximate(self) -> int:
        """The printed figure as a whole number (``1.9万`` → 19000).

        >>> WanFigure.parse("1030万").approximate
        10300000
        """
        return int(self.value * 10_000)

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The half-open range ``[low, high)`` of exact counts that print as this figure.

        >>> WanFigure.parse("4.9万").bounds
        (Decimal('48500'), Decimal('49500'))
        """
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        half = Decimal(5).scaleb(exponent - 1) * 10_000
        centre = self.value * 10_000
        return (centre - half).normalize() + 0, (centre + half).normalize() + 0

    @property
    def text(self) -> str:
        """The figure without its unit (``1.9万``).

        >>> WanFigure.parse("1.9万", unit="人").text
        '1.9万'
        """
        return f"{self.value}万"

    def __str__(self) -> str:
        return f"{self.value}万{self.unit}"


@frozen(kw_only=True)
class Ranking:
    """A ranking claim as printed: ``前百名`` (within the top 100), ``前50名``.

    >>> Ranking.parse("前百名").top, Ranking.parse("前50名").top
    (100, 50)
    """

    text: str = field()

    @text.validator
    def _check_text(self, attribute: attrs.Attribute[str], value: str) -> None:
        if type(value) is not str or not RANKING_PATTERN.fullmatch(value):
            expected = 'expected a ranking such as "前50名" or "前百名"'
            raise ModelError(attribute.name, f"{expected}, got {show_value(value)}")

    @classmethod
    def parse(cls, text: str) -> Ranking:
        """Read ``"前50名"``.

        >>> Ranking.parse("前50名")
        Ranking(text='前50名')

        Raises:
            ModelError: if ``text`` is not a ranking claim.
        """
        return cls(text=text)

    @classmethod
    def of(cls, top: int, *, chinese: bool = False) -> Ranking:
        """Build the claim for a rank: ``Ranking.of(100, chinese=True)`` is ``前一百名``.

        >>> Ranking.of(100, chinese=True), Ranking.of(50)
        (Ranking(text='前一百名'), Ranking(text='前50名'))
        """
        return cls(text=f"前{to_chinese(top) if chinese else top}名")

    @property
    def top(self) -> int:
        """The rank claimed (``前百名`` → 100).

        >>> Ranking.parse("前一百名").top
        100
        """
        match = RANKING_PATTERN.fullmatch(self.text)
        assert match is not None  # checked at construction
        arabic, chinese = match.groups()
        return int(arabic) if arabic else from_chinese(chinese)

    def __str__(self) -> str:
        return self.text
