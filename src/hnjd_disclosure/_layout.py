"""The text layout's rules that the model and the reader share: one definition of each.

* what ends a line (:data:`LINE_BREAKS`, where :func:`split_lines` splits);
* what a line is stripped of (:data:`SPACES`);
* folding full-width digits and half-width punctuation (:func:`fold`);
* what starts a heading (:data:`HEADINGS`, on folded text);
* where an enumeration in prose starts and ends (:func:`find_list`, :func:`affairs_lists`);
* which count in 条 the procurement line states (:func:`notice_span`);
* where the contact line's telephone starts (:data:`PHONE`).

The model refuses one-line text holding a line break or beginning or ending with a space, and
a paragraph that starts like a heading: the reader would split, strip or take it as a heading,
and ``parse_report(render(r))`` would not give ``r`` back. The character classes are written
with escapes that mean the same in Python and in ECMA-262 (JSON Schema's patterns).

Nothing here imports the rest of the library: the model (below the readers) uses it.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = [
    "BREAK_CLASS",
    "DIGIT_CLASS",
    "FIRST_INITIATIVE",
    "HEADINGS",
    "HEADING_LIKE",
    "HEADING_STARTS",
    "INCLUDES",
    "LINE_BREAKS",
    "LIST_SEPARATOR",
    "NOTICES",
    "PHONE",
    "PUBLICISES",
    "SPACES",
    "SPACE_CLASS",
    "YEAR_PHRASE",
    "Listed",
    "affairs_lists",
    "find_list",
    "fold",
    "heading_at_start",
    "notice_span",
    "split_lines",
    "split_sentence",
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
#: The model's rule that a paragraph on a line of its own does not start like a heading, as
#: one pattern on the text as written (not folded) that means the same in Python and in
#: ECMA-262: the field's check, the fast paths' test and the JSON Schema read it
#: (:mod:`hnjd_disclosure.model._fields`). It refuses what the reader (:func:`heading_at_start`)
#: would take for a heading: the folded forms spelt out (``,`` for ``，``, full-width digits,
#: ``(``); a ``.`` after a numeral or a space is a full stop to :func:`fold`, so only ``1.`` is a
#: dot heading. A test compares the two on every short text of the characters involved.
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


#: The digits the readers read as digits (full-width ones are folded), as a class body.
DIGIT_CLASS: Final = r"0-9\uff10-\uff19"

# -- enumerations in prose ----------------------------------------------------------------------
#
# The report lists what a domain disclosed (教学科研: the rules and lists; 学生管理: the aid
# programmes, the rules) in one sentence each. A list follows a marker (包括, optionally with a
# colon, or 公示); its items are separated by 、 and it ends at the first 等 after an item's
# text (which starts the tail) or at the next ，。；,; . So an item may start with 等 (等级考试)
# but not hold it further on (高等教育 would end the list).

#: The separator of an enumeration in Chinese prose (顿号).
LIST_SEPARATOR: Final = "、"
_COLONS: Final = "：:"
_ETC: Final = "等"
#: A list's run of items: each item may start with 等 but holds neither 等 further on nor
#: ，。；,; nor 、 (which separates the items); the run stops before the first of those.
_RUN: Final = re.compile(r"等?[^，。；,;、等]*+(?:、等?[^，。；,;、等]*+)*+")


class Listed(NamedTuple):
    """A sentence cut around its list: ``lead + "、".join(items) + tail`` is the sentence."""

    lead: str
    items: tuple[str, ...]
    tail: str


def find_list(text: str, marker: str) -> Listed | None:
    """The list after the first ``marker`` in ``text``, or None if none follows it.

    A list has at least two items, or one item followed by 等; every item is non-empty.

    >>> find_list("公开信息主要包括：甲办法、乙名单等，方便师生。", "包括")
    Listed(lead='公开信息主要包括：', items=('甲办法', '乙名单'), tail='等，方便师生。')
    >>> find_list("主要包括国家奖学金等资助项目。", "包括").items
    ('国家奖学金',)
    >>> find_list("包括各类信息，方便师生。", "包括") is None
    True
    """
    at = text.find(marker)
    if at < 0:
        return None
    start = at + len(marker)
    if text[start : start + 1] and text[start] in _COLONS:
        start += 1
    run = _RUN.match(text, start)
    assert run is not None  # it matches the empty string
    end = run.end()
    items = text[start:end].split(LIST_SEPARATOR)
    ends_with_etc = text[end : end + 1] == _ETC
    if len(items) < 2 and not ends_with_etc:
        return None
    if not all(item.strip() for item in items):
        return None
    return Listed(text[:start], tuple(items), text[end:])


def split_sentence(listed: Listed) -> tuple[Listed, str]:
    """``listed`` with its tail cut after the first 。, and the rest of the text.

    >>> split_sentence(Listed("包括", ("甲", "乙"), "等项目。在网上公示丙。"))
    (Listed(lead='包括', items=('甲', '乙'), tail='等项目。'), '在网上公示丙。')
    """
    stop = listed.tail.find("。")
    if stop < 0:
        return listed, ""
    return listed._replace(tail=listed.tail[: stop + 1]), listed.tail[stop + 1 :]


#: The markers of the lists: 包括 (the teaching rules and lists, the aid programmes), then
#: 公示 (the student-management rules, after the aid's sentence).
INCLUDES: Final = "包括"
PUBLICISES: Final = "公示"


def affairs_lists(text: str) -> tuple[Listed | None, Listed | None]:
    """The student-affairs paragraph's aid list (after 包括) and rules list (after 公示, in
    the rest of the text after the aid's sentence), either None; without rules the rest of
    the paragraph is the aid's tail.

    >>> aid, rules = affairs_lists("主要包括甲、乙等项目。在网上公示丙、丁等制度。")
    >>> aid.tail, rules.items
    ('等项目。', ('丙', '丁'))
    """
    aid = find_list(text, INCLUDES)
    rest = text
    if aid is not None:
        aid, rest = split_sentence(aid)
    rules = find_list(rest, PUBLICISES) if rest else None
    if aid is not None and rules is None and rest:
        aid = aid._replace(tail=aid.tail + rest)
    return aid, rules


# -- the procurement count ----------------------------------------------------------------------

#: A count in 条 on folded text (``131条``, ``1，310 条``): group 1 its digits.
NOTICES: Final = re.compile(r"(?<![0-9])([0-9]++(?:，[0-9]{3}(?![0-9]))*+)[ \t\u3000]*+条")


def notice_span(folded: str) -> tuple[int, int] | None:
    """Where the procurement line states its count (on folded text): the count in 条 after
    共, else the last count in 条; None without any.

    >>> notice_span("发布3条通知，共131条。"), notice_span("无")
    ((8, 12), None)
    """
    last = chosen = None
    for found in NOTICES.finditer(folded):
        last = found
        at = found.start()
        while at > 0 and folded[at - 1].isspace():
            at -= 1
        if at > 0 and folded[at - 1] == "共":
            chosen = found
    match = chosen or last
    return None if match is None else match.span()


# -- the contact line ---------------------------------------------------------------------------

#: What introduces the telephone of the contact line ``{intro}{office}，电话：{telephone}。``,
#: on the text as written or folded (folding maps ``,`` and ``:`` one for one, so the offsets
#: are the same): the reader takes the telephone after the last one, so the model refuses it
#: in the telephone and in a last paragraph without a contact.
PHONE: Final = re.compile("[，,][ \t\u3000]*电话[ \t\u3000]*[：:]")
