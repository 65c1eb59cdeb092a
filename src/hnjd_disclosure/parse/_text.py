"""Shared helpers of the readers: the size limit, character folding, lines and a cursor.

Folding and line breaks are defined once, with the model's rules, in :mod:`.._layout`.

Folding maps one character to one character (full-width digits to ASCII, half-width
punctuation to the full-width form the reports use), so offsets in a folded copy are
offsets in the original text. Folding is only used to *recognise* template text, figures
and headings; prose is always taken from the original text, character for character.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from .._layout import fold, split_lines
from ..errors import ParseError, TextTooLargeError

__all__ = [
    "MAX_CHARS",
    "MAX_FIGURE_CHARS",
    "Cursor",
    "Line",
    "check_size",
    "fold",
    "lines_of",
    "simplified",
]

#: The longest text the readers accept, in characters (about 60 MB of UTF-8 Chinese).
MAX_CHARS: Final = 20_000_000

#: The longest text the command line's figure checks (``extract``, ``check FILE.txt``) read,
#: in characters. They run in time and memory linear in the text, but text dense with figures
#: (``1%`` repeated) costs about 28 s and 280 MB a million characters
#: (``benchmarks/bench_hostile.py``): at :data:`MAX_CHARS` that was 9 minutes and 6 GB. A real
#: report is under 200,000 characters (the 2022 text: 8,000), so a file past this limit is
#: refused at once; the functions themselves keep :data:`MAX_CHARS`, within the bound above.
MAX_FIGURE_CHARS: Final = 1_000_000

# Reports copied into traditional characters (Hong Kong and Taiwan mirrors, some sites'
# "繁體" switch) name the same parts and documents: the characters of those names, each to its
# simplified form, one to one, so offsets stay offsets. Used to recognise names only.
_TRADITIONAL: Final = str.maketrans(
    "報開學職業術關於為與條辦廳號總體況動請訴議復舉單據統計時間實務師價網這個們來對將"
    "處經濟費額歲歷屆畢達標準確認證書縣區員會題權責規劃設檢監審覈評閱讀聯繫電話",
    "报开学职业术关于为与条办厅号总体况动请诉议复举单据统计时间实务师价网这个们来对将"
    "处经济费额岁历届毕达标准确认证书县区员会题权责规划设检监审核评阅读联系电话",
)


def simplified(text: str) -> str:
    """``text`` with the traditional characters of the reports' names in simplified form,
    character for character (offsets in the result are offsets in ``text``).

    >>> simplified("二、主動公開情況")
    '二、主动公开情况'
    """
    return text.translate(_TRADITIONAL) if _ANY_TRADITIONAL.search(text) else text


# most texts have none of them: a search in C spares translating them character by character
_ANY_TRADITIONAL: Final = re.compile("[" + "".join(chr(c) for c in _TRADITIONAL) + "]")


#: Digits longer than this are not a figure (an identifier, or garbage): the readers
#: refuse them rather than build numbers no report prints.
MAX_DIGITS: Final = 15

_SPACE: Final = frozenset(" \t\u3000\xa0")
DIGITS: Final = frozenset("0123456789")
# 5,300 (folded to 5，300): a separator followed by exactly three digits and no fourth;
# 5 300: one space between groups of exactly three digits, after at most three digits;
# the spaces before the number are skipped in the same match
_DIGIT_RUN: Final = re.compile(
    r"[ \t\u3000\xa0]*+("
    r"[0-9]{1,3}(?: [0-9]{3}(?![0-9]))++"
    r"|[0-9]++(?:，[0-9]{3}(?![0-9]))*+)"
)


def check_size(text: object) -> str:
    """Return ``text`` if it is a ``str`` within :data:`MAX_CHARS`.

    Raises:
        TypeError: if ``text`` is not a ``str``.
        TextTooLargeError: if it is longer than :data:`MAX_CHARS`.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise TextTooLargeError(len(text), MAX_CHARS)
    return text


# The template's literals, folded once: a plain dict is cheaper to ask than an lru_cache.
# Some literals come from the text (the home province), so the dict stops growing.
_FOLDED_LITERALS: dict[str, str] = {}
_MAX_FOLDED_LITERALS: Final = 256


def _fold_literal(literal: str) -> str:
    folded = _FOLDED_LITERALS.get(literal)
    if folded is None:
        folded = fold(literal)
        if len(_FOLDED_LITERALS) < _MAX_FOLDED_LITERALS:
            _FOLDED_LITERALS[literal] = folded
    return folded


class Line:
    """A non-blank line of the text: stripped ``text``, 1-based ``number``, ``indent``."""

    __slots__ = ("folded", "indent", "number", "text")

    def __init__(self, text: str, number: int, indent: int, folded: str | None = None) -> None:
        self.text = text
        self.number = number
        self.indent = indent
        #: the line folded, for recognising template text and headings
        self.folded = fold(text) if folded is None else folded

    def cursor(self, start: int = 0) -> Cursor:
        """A cursor on this line from character ``start``."""
        return Cursor(self.text, self.number, self.indent, start, folded=self.folded)

    def error(self, message: str, at: int = 0) -> ParseError:
        """A :class:`ParseError` at character ``at`` of this line."""
        return ParseError(message, line=self.number, column=self.indent + at + 1)


def lines_of(text: str) -> list[Line]:
    """The non-blank lines, stripped of surrounding whitespace (blank lines carry no meaning).

    Any line break ends a line (``\\r\\n``, ``\\r``, ``\\u2028`` …: the model's
    :data:`~hnjd_disclosure._layout.LINE_BREAKS`, which its one-line text never holds).

    >>> [(ln.number, ln.text, ln.folded) for ln in lines_of(" 5,300人\\r\\n\\u2028(一)")]
    [(1, '5,300人', '5，300人'), (3, '(一)', '（一）')]
    """
    # The text is folded once, not line by line: folding keeps every character in its place
    # and touches no whitespace, so both copies split and strip at the same offsets.
    out: list[Line] = []
    pairs = zip(split_lines(text), split_lines(fold(text)), strict=True)
    for number, (raw, folded) in enumerate(pairs, 1):
        stripped = raw.strip()
        if not stripped:
            continue
        if len(stripped) == len(raw):  # the usual line: nothing to strip, nothing to slice
            out.append(Line(raw, number, 0, folded))
        else:
            indent = raw.find(stripped)  # the first character that is not a space
            out.append(Line(stripped, number, indent, folded[indent : indent + len(stripped)]))
    return out


class Cursor:
    """Reads template text left to right, tolerant of spaces and character width.

    >>> c = Cursor("计划招生 \uff15,\uff13\uff10\uff10人", 1)
    >>> c.expect("计划招生"); c.count("人")
    5300
    """

    __slots__ = ("column0", "folded", "line", "pos", "text")

    def __init__(
        self, text: str, line: int, column0: int = 0, pos: int = 0, *, folded: str | None = None
    ) -> None:
        self.text = text
        self.folded = fold(text) if folded is None else folded
        self.line = line
        self.column0 = column0
        self.pos = pos

    def error(self, expected: str) -> ParseError:
        """``expected …`` at the cursor, naming what stands there instead."""
        found = self.text[self.pos : self.pos + 12]
        where = f", found 「{found}」" if found else ", found the end of the line"
        return ParseError(
            f"expected {expected}{where}", line=self.line, column=self.column0 + self.pos + 1
        )

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in _SPACE:
            self.pos += 1

    def at_end(self) -> bool:
        self.skip_space()
        return self.pos >= len(self.text)

    def expect(self, literal: str) -> None:
        """Consume ``literal`` (folded; spaces before any of its characters are skipped)."""
        folded = _FOLDED_LITERALS.get(literal) or _fold_literal(literal)
        if self.folded.startswith(folded, self.pos):  # the usual case: no spaces inside
            self.pos += len(folded)
            return
        start = self.pos
        for ch in folded:
            self.skip_space()
            if self.pos < len(self.folded) and self.folded[self.pos] == ch:
                self.pos += 1
            else:
                self.pos = start
                raise self.error(f"「{literal}」")

    def find(self, literal: str) -> int:
        """The position of the next ``literal`` (folded), or -1."""
        return self.folded.find(_fold_literal(literal), self.pos)

    def digits(self) -> str:
        """ASCII digits of a whole number, with thousands separators removed.

        >>> [Cursor(n, 1).digits() for n in ("5,300", " 5 300", "5 30", "12 345 678")]
        ['5300', '5300', '5', '12345678']
        """
        match = _DIGIT_RUN.match(self.folded, self.pos)
        if match is None:
            self.skip_space()
            raise self.error("a number")
        digits = match.group(1).replace("，", "").replace(" ", "")
        if len(digits) > MAX_DIGITS:
            self.pos = match.start(1)
            raise self.error(f"a number of at most {MAX_DIGITS} digits")
        self.pos = match.end()
        return digits

    def number(self) -> int:
        """A whole number (``5300``, ``5,300``, ``\uff15\uff13\uff10\uff10``)."""
        return int(self.digits())

    def decimal(self) -> Decimal:
        """A number with an optional decimal part, keeping its printed digits."""
        whole = self.digits()
        if (
            self.pos + 1 < len(self.folded)
            and self.folded[self.pos] == "."
            and self.folded[self.pos + 1] in DIGITS
        ):
            self.pos += 1
            return Decimal(whole + "." + self.digits())
        return Decimal(whole)

    def count(self, unit: str) -> int:
        """A whole number followed by ``unit``."""
        value = self.number()
        self.expect(unit)
        return value

    def take_until(self, literal: str, what: str) -> str:
        """The original text up to the next ``literal`` (which is not consumed)."""
        at = self.find(literal)
        if at < 0:
            raise self.error(f"{what} followed by 「{literal}」")
        out = self.text[self.pos : at]
        self.pos = at
        return out

    def rest(self) -> str:
        out = self.text[self.pos :]
        self.pos = len(self.text)
        return out
