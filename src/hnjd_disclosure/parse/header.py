"""The header facts of any report: who, which year, which period, under which documents.

:func:`read_header` looks at the text of any institution's report and returns what it can
find; a fact that is not there is ``None`` (or empty), never guessed, except that a period
written only as an academic year (``2021—2022学年``) is read as 1 September to 31 August and
marked ``period_from_academic_year``.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from attrs import frozen

from ..numerals import from_chinese
from ._text import check_size, fold, simplified

__all__ = ["DocumentRef", "Header", "read_header"]


@frozen(kw_only=True)
class DocumentRef:
    """A document the report cites: ``《title》（number）`` with its offsets.

    >>> read_header("根据《高等学校信息公开办法》（教育部令第29号）").documents[0].number
    '教育部令第29号'
    """

    title: str
    number: str
    span: tuple[int, int]


@frozen(kw_only=True)
class Header:
    """What a report says about itself.

    >>> h = read_header("某某大学\\n2021-2022学年信息公开年度报告\\n全文共六个部分。")
    >>> h.institution, h.academic_year, h.stated_part_count
    ('某某大学', (2021, 2022), 6)
    """

    institution: str | None
    title: str | None
    year: int | None
    academic_year: tuple[int, int] | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    period_from_academic_year: bool
    documents: tuple[DocumentRef, ...]
    part_names: tuple[str, ...]
    stated_part_count: int | None
    part_count_span: tuple[int, int] | None
    part_names_span: tuple[int, int] | None


_SP: Final = r"[ \t\u3000]*+"
_DATE: Final = (
    rf"([0-9]{{4}}){_SP}(?:年|[.\-/]){_SP}([0-9]{{1,2}}){_SP}(?:月|[.\-/]){_SP}"
    rf"([0-9]{{1,2}}){_SP}日?+"
)
_PERIOD_TO: Final = rf"{_SP}(?:起)?{_SP}[，,]?{_SP}(?:至|到|—+|\u2013|-|~|\uff5e){_SP}(?:至)?{_SP}"
_PERIOD: Final = re.compile(rf"{_DATE}{_PERIOD_TO}{_DATE}{_SP}(?:止)?")
# 「2022年1月1日至12月31日」: the end in the start's year
_PERIOD_SAME_YEAR: Final = re.compile(
    rf"{_DATE}{_PERIOD_TO}([0-9]{{1,2}}){_SP}月{_SP}([0-9]{{1,2}}){_SP}日"
)
_ACADEMIC: Final = re.compile(
    rf"([0-9]{{4}}){_SP}(?:—+|\u2013|-|~|\uff5e|至|到){_SP}([0-9]{{4}}){_SP}学年"
)
_DOC: Final = re.compile(r"《([^《》\n]{1,120}+)》[ \t\u3000]*+（([^（）\n]{1,60}?号)）")
# 「共8个部分」, 「六个部分」, 「共三部分」 (without 个 only after a prefix word: 「一部分学生」
# announces nothing). A match starts at a prefix word or where a run of spaces or numerals
# starts, never inside it (the lookbehind): else a long run of spaces would be scanned again
# from each of its spaces; and never after 第 (「第三部分」).
_PARTS: Final = re.compile(
    rf"(共|等|以下|为|(?<![ \t\u3000第0-9一二两三四五六七八九十])){_SP}"
    rf"([0-9]{{1,2}}|[一二两三四五六七八九十]{{1,3}}){_SP}(个{_SP})?部分"
)
_LIST_START: Final = ("包括", "包含", "分为", "涵盖", "由")
_INSTITUTION: Final = re.compile(r"[\u4e00-\u9fff（）()]{2,30}?(?:大学|学院|学校|研究院)")
_YEAR_PREFIX: Final = re.compile(
    r"[0-9]{4}[ \t\u3000]*+(?:(?:—+|-|\u2013|~|至|到)[ \t\u3000]*+[0-9]{4}[ \t\u3000]*+)?"
    r"(?:学年度|学年|年度|年)"
)
_TITLE_YEAR: Final = re.compile(r"([0-9]{4})[ \t\u3000]*+年")
_HEAD_LINES: Final = 60
_NAVIGATION: Final = (">", "\uff1e", "\u203a", "\u00bb", "当前位置", "首页")
_MAX_LIST: Final = 2000  # a list of parts longer than this is not one


def read_header(text: str) -> Header:
    """Institution, title, year, academic year, period, cited documents and announced parts.

    >>> h = read_header("统计时间为2021年9月1日起至2022年8月31日止，全文包括概述、附表等八个部分。")
    >>> h.period_start, h.period_end, h.part_names, h.stated_part_count
    (datetime.date(2021, 9, 1), datetime.date(2022, 8, 31), ('概述', '附表'), 8)

    Raises:
        TextTooLargeError: if the text is longer than :data:`~._text.MAX_CHARS`.
    """
    check_size(text)
    folded = fold(text).replace("．", ".")
    title, institution = _title_and_institution(text, folded)
    academic = _ACADEMIC.search(folded)
    academic_year = (int(academic.group(1)), int(academic.group(2))) if academic else None
    start, end, from_academic = _period(folded, academic_year)
    names, names_span, count, count_span = _announced_parts(text, folded)
    return Header(
        institution=institution,
        title=title,
        year=_year(title, academic_year),
        academic_year=academic_year,
        period_start=start,
        period_end=end,
        period_from_academic_year=from_academic,
        documents=tuple(
            DocumentRef(
                title=text[m.start(1) : m.end(1)],
                number=text[m.start(2) : m.end(2)],
                span=m.span(),
            )
            for m in _DOC.finditer(folded)
        ),
        part_names=names,
        stated_part_count=count,
        part_count_span=count_span,
        part_names_span=names_span,
    )


def _title_and_institution(text: str, folded: str) -> tuple[str | None, str | None]:
    """The title line among the first lines of ``text``, and the institution it names."""
    # a byte-order mark left at the start of a decoded file is not part of the first line
    lines = [ln.strip() for ln in text.split("\n", _HEAD_LINES)[:_HEAD_LINES]]
    lines[0] = lines[0].removeprefix("\ufeff").strip()
    # names are recognised in simplified characters; what is returned is the text's own
    plain = [ln.strip() for ln in simplified(folded[: _head_end(text)]).split("\n")]
    plain[0] = plain[0].removeprefix("\ufeff").strip()
    plain = [
        p if len(p) == len(ln) else fold(simplified(ln)) for p, ln in zip(plain, lines, strict=True)
    ]
    title_index = next((i for i, ln in enumerate(plain) if _is_title(ln)), None)
    title = lines[title_index] if title_index is not None else None
    return title, _institution(lines, plain, title_index)


def _year(title: str | None, academic_year: tuple[int, int] | None) -> int | None:
    """The year the title names (``2022年``), else the end of the academic year."""
    if title is not None:
        found = _TITLE_YEAR.search(fold(title))
        if found:
            return int(found.group(1))
    return academic_year[1] if academic_year is not None else None


_Period = tuple[datetime.date | None, datetime.date | None, bool]


def _period(folded: str, academic_year: tuple[int, int] | None) -> _Period:
    """The reporting period's first and last day, and whether it was read from the academic
    year (1 September to 31 August) because the text states no dates."""
    start = end = None
    period = _PERIOD.search(folded)
    if period is not None:
        start = _date(*period.group(1, 2, 3))
        end = _date(*period.group(4, 5, 6))
    else:
        period = _PERIOD_SAME_YEAR.search(folded)
        if period is not None:
            start = _date(*period.group(1, 2, 3))
            end = _date(period.group(1), *period.group(4, 5))
    if (start is None or end is None) and academic_year is not None:
        start = _date(str(academic_year[0]), "9", "1")
        end = _date(str(academic_year[1]), "8", "31")
        return start, end, start is not None and end is not None
    return start, end, False


_Parts = tuple[tuple[str, ...], tuple[int, int] | None, int | None, tuple[int, int] | None]


def _announced_parts(text: str, folded: str) -> _Parts:
    """The parts the text announces (「共八个部分」): their names and the span of the list,
    the stated number of parts and its span (empty and ``None`` if none is announced)."""
    parts = next((m for m in _PARTS.finditer(folded) if m.group(1) or m.group(3)), None)
    if parts is None:
        return (), None, None, None
    numeral = parts.group(2)
    count = int(numeral) if numeral.isdigit() else _chinese(numeral)
    names, names_span = _part_names(text, folded, parts, count)
    return names, names_span, count, parts.span()


def _head_end(text: str) -> int:
    """Where the lines :func:`read_header` looks at end (the first :data:`_HEAD_LINES`)."""
    end = -1
    for _ in range(_HEAD_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _is_title(line: str) -> bool:
    """A short line naming an information-disclosure report, not a navigation trail."""
    return (
        ("报告" in line or "年报" in line)
        and "信息公开" in line
        and len(line) <= 60
        and not any(mark in line for mark in _NAVIGATION)
    )


def _institution(lines: list[str], plain: list[str], title_index: int | None) -> str | None:
    """The line before the title if it is a name; the name the title starts with (after its
    year: 「2022年某某学院信息公开工作年度报告」); else the first line that is a name."""
    if title_index is not None:
        if title_index > 0 and _INSTITUTION.fullmatch(plain[title_index - 1]):
            return lines[title_index - 1]
        title = plain[title_index]
        year = _YEAR_PREFIX.match(title)
        at = year.end() if year else 0
        found = _INSTITUTION.match(title, at)
        if found is not None:
            return lines[title_index][found.start() : found.end()]
    for line, simple in zip(lines, plain, strict=True):
        if _INSTITUTION.fullmatch(simple):
            return line
    return None


def _part_names(
    text: str, folded: str, parts: re.Match[str], stated: int | None
) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """The parts listed before 「等N个部分」 (after 包括 …) or after it (「…个部分：…」)."""
    sentence_start = max(folded.rfind(ch, 0, parts.start()) for ch in "。\n") + 1
    before = folded[sentence_start : parts.start()]
    at = max((before.rfind(w) + len(w) for w in _LIST_START if before.rfind(w) >= 0), default=-1)
    if at >= 0:
        start = sentence_start + at
        listed = text[start : parts.start()]
        if len(listed) > _MAX_LIST:
            return (), None
        names = _split_names(listed, stated)
        if names:
            return names, (start, parts.start())
        # 「全文包括以下六个部分：概述、…」: the list follows the count
    after = parts.end()
    if folded[after : after + 1] == "：":
        stop = min(
            (i for i in (folded.find("。", after), folded.find("\n", after)) if i >= 0),
            default=len(text),
        )
        listed = text[after + 1 : stop]
        if len(listed) > _MAX_LIST:
            return (), None
        return _split_names(listed, stated), (after + 1, stop)
    return (), None


_MARKER: Final = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}[、是]"
    r"|(?<![0-9])[0-9]{1,2}[.．、](?![0-9])"
)
_SEPARATORS: Final = re.compile(r"[、；;，,]")


def _split_names(listed: str, stated: int | None) -> tuple[str, ...]:
    """Split a list of parts: at numbering (一、 （一） 1.) if it is numbered, else at 、.

    A final 和 is a separator only when the count announced says so (和 is also a word).
    """
    markers = list(_MARKER.finditer(listed))
    if len(markers) >= 2:
        bounds = [m.end() for m in markers]
        ends = [m.start() for m in markers[1:]] + [len(listed)]
        names = [
            listed[a:b].strip(" \u3000；;，,、。：:") for a, b in zip(bounds, ends, strict=True)
        ]
    else:
        names = [n.strip(" \u3000：:") for n in _SEPARATORS.split(listed)]
        if stated is not None and len(names) + 1 == stated and "和" in names[-1]:
            head, _, tail = names[-1].rpartition("和")
            if head and tail:
                names[-1:] = [head, tail]
    return tuple(n for n in names if n)


def _chinese(numeral: str) -> int | None:
    try:
        return from_chinese(numeral)
    except ValueError:
        return None


def _date(year: str, month: str, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
