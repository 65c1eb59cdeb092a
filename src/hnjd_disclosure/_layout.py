"""The text layout's rules that the model and the reader share: one definition of each.

* what ends a line (:data:`LINE_BREAKS`, where :func:`split_lines` splits);
* what a line is stripped of (:data:`SPACES`);
* folding full-width digits and half-width punctuation (:func:`fold`);
* what starts a heading (:data:`HEADINGS`, on folded text).

The model refuses one-line text holding a line break or beginning or ending with a space, and
a paragraph that starts like a heading: the reader would split, strip or take it as a heading,
and ``parse_report(render(r))`` would not give ``r`` back. The character classes are written
with escapes that mean the same in Python and in ECMA-262 (JSON Schema's patterns).

Nothing here imports the rest of the library: the model (below the readers) uses it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "BREAK_CLASS",
    "FIRST_INITIATIVE",
    "HEADINGS",
    "HEADING_LIKE",
    "HEADING_STARTS",
    "LINE_BREAKS",
    "SPACES",
    "SPACE_CLASS",
    "YEAR_PHRASE",
    "fold",
    "heading_at_start",
    "split_lines",
    "years_in",
]

#: The characters that end a line: where ``str.splitlines`` splits (``\r\n`` counts once).
#: Word writes ``\x0b`` for a soft line break; ``\u2028`` is a line separator.
LINE_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: :data:`LINE_BREAKS` as a regular-expression class body, the same in Python and ECMA-262.
BREAK_CLASS: Final = r"\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
#: The characters ``str.strip()`` strips (``str.isspace``), which the reader strips from the
#: ends of every line: the line breaks, ``\t``, ``\x1f``, and the Unicode spaces.
SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: :data:`SPACES` as a regular-expression class body (Python's ``\s`` and ECMA-262's differ).
SPACE_CLASS: Final = (
    r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)


def split_lines(text: str) -> list[str]:
    """``text`` split at every :data:`LINE_BREAKS` character (``\\r\\n`` once).

    >>> split_lines("湖南\\r\\n机电\\u2028职业\\x0b技术")
    ['湖南', '机电', '职业', '技术']
    """
    return text.splitlines()


_FOLD_FROM: Final = "".join(chr(0xFF10 + i) for i in range(10)) + "\uff05\uff0e,;:()!?\uff0d"
_FOLD_TO: Final = "0123456789%.，；：（）！？-"
# str.translate looks up every character in Python, a regular expression's class tests every
# character; one str.replace per character folded is a C search (and no copy when absent)
_FOLD_PAIRS: Final = tuple(zip(_FOLD_FROM, _FOLD_TO, strict=True))
FOLD_ONE: Final = dict(_FOLD_PAIRS)  # the readers fold single characters often
# a half-width full stop (folded to 。) is a '.' after anything but an ASCII letter or digit:
# 27.22%. and 编制而成. but not 99.90, 2021.9.1, 1.招生就业 or www.example.cn
# (The '.' comes first so that the engine searches for it, then looks behind: with the
# look-behind first it was tried at every position, 80 µs on the 2022 text instead of 3.)
_FULL_STOP: Final = re.compile(r"\.(?<![0-9A-Za-z]\.)")


def fold(text: str) -> str:
    """Fold full-width digits and half-width punctuation, one character for one.

    A ``.`` after a character that is not an ASCII letter or digit is a full stop (``。``);
    after a digit or a letter it stays a decimal point, a date's or a heading's dot.

    >>> fold("\\uff15\\uff13\\uff10\\uff10人, 占比(1)")
    '5300人， 占比（1）'
    >>> fold("占27.22%. 2021.9.1 1.招生 www.example.cn")
    '占27.22%。 2021.9.1 1.招生 www.example.cn'
    """
    if len(text) == 1:
        return FOLD_ONE.get(text, text)
    for wide, narrow in _FOLD_PAIRS:
        text = text.replace(wide, narrow)
    if "." in text:
        text = _FULL_STOP.sub("。", text)
    return text


_NUMERALS: Final = "零一二三四五六七八九十"
_GAP: Final = r"[ \t\u3000]*"

#: The headings of the three levels, matched at the start of a folded line; group 1 is the
#: number: ``一、`` (also ``一，`` and ``一.``), ``（一）``, ``1.`` (also ``1、``, not ``1.5``).
HEADINGS: Final = (
    re.compile(rf"([{_NUMERALS}]{{1,4}}){_GAP}[、，.]{_GAP}"),
    re.compile(rf"（{_GAP}([{_NUMERALS}]{{1,4}}){_GAP}）{_GAP}"),
    re.compile(r"([0-9]{1,3})[ \t\u3000]*+[.、][ \t\u3000]*+(?![0-9])"),
)
#: :func:`heading_at_start` as one ECMA-262 pattern on the text as written (not folded), for
#: the JSON Schema: the folded forms spelt out (``,`` for ``，``, full-width digits, ``(``);
#: a ``.`` after a numeral or a space is a full stop to :func:`fold`, so only ``1.`` is a dot
#: heading. A test compares the two on every short text of the characters involved.
HEADING_LIKE: Final = (
    r"^(?:[零一二三四五六七八九十]{1,4}[ \t\u3000]*[、，,]"
    r"|[（(][ \t\u3000]*[零一二三四五六七八九十]{1,4}[ \t\u3000]*[）)]"
    r"|[0-9\uff10-\uff19]{1,3}(?:[.\uff0e]|[ \t\u3000]*、)(?![ \t\u3000]*[0-9\uff10-\uff19]))"
)
#: What starts the first initiative of part 1 or 6 (``一是…。``): a paragraph before the
#: initiatives must not start so.
FIRST_INITIATIVE: Final = "一是"
#: The characters a folded heading of each level starts with.
HEADING_STARTS: Final = (frozenset(_NUMERALS), frozenset("（"), frozenset("0123456789"))
_ANY_START: Final = frozenset(_NUMERALS + "（(0123456789" + _FOLD_FROM[:10])


def heading_at_start(text: str) -> str | None:
    """The heading marker ``text`` starts with (``1.``, ``（一）``, ``二、``), or None.

    A paragraph that starts so would be read back as a heading: the model refuses it.

    >>> heading_at_start("1.招生考试信息"), heading_at_start("(三) 财务"), heading_at_start("1.5倍")
    ('1.', '(三) ', None)
    """
    if text[:1] not in _ANY_START:
        return None
    folded = fold(text)
    for pattern in HEADINGS:
        match = pattern.match(folded)
        if match is not None:
            return text[: match.end()]
    return None


_YEAR: Final = r"(?:19[4-9][0-9]|2[01][0-9]{2})"
#: A phrase of prose that names a year: ``2022年``, ``2021年度``, ``2021-2022学年``, ``2022届``,
#: a document number's ``〔2022〕``; not a count (``2000人``) nor a longer number.
YEAR_PHRASE: Final = re.compile(
    rf"(?<![0-9]){_YEAR}(?:[-\uff0d\u2014\u2013~至]{_YEAR})?(?:学年度|学年|年度|年|届)|〔{_YEAR}〕"
)
_YEAR_ONLY: Final = re.compile(_YEAR)


def years_in(phrase: str) -> tuple[int, ...]:
    """The years a :data:`YEAR_PHRASE` names.

    >>> text = "2021-2022学年公开2022年预算，湘教办通〔2022〕30号，2000人"
    >>> [m.group() for m in YEAR_PHRASE.finditer(text)]
    ['2021-2022学年', '2022年', '〔2022〕']
    >>> years_in("2021-2022学年")
    (2021, 2022)
    """
    return tuple(int(y) for y in _YEAR_ONLY.findall(phrase))
