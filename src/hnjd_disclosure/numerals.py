"""Chinese numerals (一、十一、一百零五) for headings and stated counts.

babel formats Arabic figures in the zh locale but cannot spell numbers in Chinese, which
the report needs for its headings (``一、``), its initiatives (``一是``) and stated counts
(``八个部分``).
"""

from __future__ import annotations

__all__ = ["from_chinese", "to_chinese"]

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
_MAX = 9999


def to_chinese(n: int) -> str:
    """Spell a whole number from 0 to 9999 in Chinese numerals, as headings write it.

    >>> [to_chinese(n) for n in (1, 8, 10, 11, 20, 105, 1010)]
    ['一', '八', '十', '十一', '二十', '一百零五', '一千零一十']

    Raises:
        ValueError: if ``n`` is not an int in 0..9999.
    """
    if type(n) is not int or not 0 <= n <= _MAX:
        raise ValueError(f"expected an integer from 0 to {_MAX}, got {n!r}")
    if n == 0:
        return _DIGITS[0]
    out: list[str] = []
    rest = n
    pending_zero = False
    for size, name in _UNITS:
        digit, rest = divmod(rest, size)
        if digit:
            if pending_zero:
                out.append(_DIGITS[0])
            # 十一 not 一十一 when ten is the leading unit
            if not (size == 10 and digit == 1 and not out):
                out.append(_DIGITS[digit])
            out.append(name)
            pending_zero = False
        elif out:
            pending_zero = True
    if rest:
        if pending_zero:
            out.append(_DIGITS[0])
        out.append(_DIGITS[rest])
    return "".join(out)


_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
_SIZES = {"十": 10, "百": 100, "千": 1000}


def from_chinese(text: str) -> int:
    """Read a number from 0 to 9999 written in Chinese numerals (the inverse of `to_chinese`).

    >>> [from_chinese(s) for s in ("八", "十", "十一", "一百零五", "百")]
    [8, 10, 11, 105, 100]

    Raises:
        ValueError: if ``text`` is not such a numeral.
    """
    if not text or any(c not in _VALUES and c not in _SIZES for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total = 0
    digit: int | None = None
    last_size = 10_000
    for c in text:
        if c in _VALUES:
            if digit is not None and digit != 0:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            digit = _VALUES[c]
        else:
            size = _SIZES[c]
            if size >= last_size:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            total += (1 if digit is None else digit) * size
            digit = None
            last_size = size
    if digit:
        total += digit
    return total
