"""The documents a report cites, their numbers checked against a table of known documents.

Reports name the documents they are written under (编制依据): ``《title》（number）``, for
example 《高等学校信息公开办法》（教育部令第29号）. :func:`check_citations` finds every such
citation, a titled one without a number when the title is a known document, and a number
standing alone, and gives each a :class:`CitationVerdict` against the table of
``data/documents.tsv`` (read once, :func:`known_documents`).

A citation accuses a published report only on the table's evidence: a known title with a
number that is not its number, or a known number under the title of another known
document. Brackets (〔〕 [] 【】 （）), full-width digits, spaces, traditional characters and
the order 「第29号令」 are ways of writing the same number, never a slip. What the table
does not know is :attr:`CitationVerdict.UNKNOWN`, never wrong.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterator
from functools import cache
from typing import Final

import attrs

from .._data import package_text
from ..checklist import tsv_rows
from ..errors import ParseError
from ..parse._text import check_size, fold

__all__ = [
    "Citation",
    "CitationVerdict",
    "KnownDocument",
    "check_citations",
    "known_documents",
    "parse_documents",
]

_DOCUMENTS_FILE: Final = "data/documents.tsv"
_HEADER: Final = ("number", "title", "issuer", "date", "aliases")


@attrs.frozen(kw_only=True)
class KnownDocument:
    """A document of the table: its title, number (文号), issuer, year and other titles.

    >>> doc = KnownDocument(title="高等学校信息公开办法", number="教育部令第29号", issuer="教育部",
    ...                     year=2010, date=datetime.date(2010, 4, 6))
    >>> doc.number, doc.aliases
    ('教育部令第29号', ())
    """

    title: str = attrs.field(validator=attrs.validators.min_len(1))
    number: str = attrs.field(validator=attrs.validators.min_len(1))
    issuer: str = attrs.field(validator=attrs.validators.min_len(1))
    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    #: The date the document bears, where a stored copy of its text gives it.
    date: datetime.date | None = None
    #: Other titles reports give it (《高等学校信息公开事项清单》 for the notice that publishes it).
    aliases: tuple[str, ...] = ()

    @year.validator
    def _check_year(self, _: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not 1949 <= value <= 9999:
            raise ValueError(f"year must be an int from 1949 to 9999, got {value!r}")


class CitationVerdict(enum.Enum):
    """What the table says of a citation.

    >>> [c.verdict for c in check_citations("《高等学校信息公开办法》（教育部令第30号）")]
    [<CitationVerdict.SLIP: 'slip'>]
    """

    #: Title and number agree with the table (or a known number, or a known title, alone).
    KNOWN = "known"
    #: The table shows it wrong: a known title with another number, or a known number under
    #: the title of another known document.
    SLIP = "slip"
    #: Not in the table: not verifiable, never called wrong.
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class Citation:
    """A document cited in a text: title and number as written, where, and the verdict.

    ``span`` runs from the title's 《 (or the number's first character) to the number's 号
    (or the title's 》 when there is no number). ``document`` is the known document it is, or
    should be; ``slip`` says in one line what is wrong (empty unless the verdict is ``SLIP``).

    >>> (c,) = check_citations("根据《高等学校信息公开办法》（教育部令第29号）")
    >>> c.title, c.number, c.span, c.verdict.value, c.document.year
    ('高等学校信息公开办法', '教育部令第29号', (2, 23), 'known', 2010)
    """

    title: str | None
    number: str | None
    span: tuple[int, int]
    verdict: CitationVerdict
    document: KnownDocument | None
    slip: str = ""


# ---------------------------------------------------------------------------------------------
# Characters: the traditional forms of the characters of the table's titles, issuers and
# numbers, and of the words around them (copies of mainland reports in traditional
# characters), one character for one: a mapping, not a converter.

_T2S_PAIRS: Final = (
    "學学 開开 辦办 華华 國国 務务 條条 關关 於于 廳厅 單单 項项 報报 進进 實实 見见 "
    "號号 議议 屬属 級级 發发 權权 規规 範范 製制 體体 與与 員员 會会 黨党 機机 構构 "
    "職职 業业 專专 產产 現现 點点 當当 對对 應应 屆届 數数 據据 貫贯 徹彻 細细 則则 "
    "總总 強强 質质 標标 準准 導导 選选 錄录 試试 類类 統统 籌筹 歸归 復复 訴诉 訟讼 "
    "舉举 評评 決决 預预 財财 資资 費费 減减 聯联 絡络 電电 話话 網网 門门 傳传 題题 "
    "問问 結结 經经 驗验 從从 來来 後后 為为 並并 續续 處处 紀纪 監监 護护 維维 時时 "
    "間间 內内 縣县 認认 證证 書书 記记 說说 請请 讀读 課课 論论 設设 詢询 諮咨 調调 "
    "變变 過过 運运 還还 這这 適适 採采 購购 獎奖 勵励 勞劳 動动 劃划 廢废 歷历 獲获 "
    "衛卫 圖图 園园 團团 佈布 頒颁 區区 東东 廣广 計计 辭辞 閱阅 陽阳 樣样 鄉乡 魯鲁 "
    "蘇苏 遼辽 陝陕 貴贵 雲云 寧宁"
)
_T2S: Final = {ord(pair[0]): pair[1] for pair in _T2S_PAIRS.split()}

_SPACE: Final = " \t\u3000\xa0"
_S: Final = r"[ \t\u3000\xa0]*+"
# Marks that are not part of a title's words: nested brackets, quotes, spaces.
_TITLE_MARKS: Final = str.maketrans(
    "", "", "〈〉<>\uff1c\uff1e《》“”\u2018\u2019\"'「」『』" + _SPACE
)
# 「學(xué)」: the pinyin a converter left in a copy in traditional characters
_PINYIN: Final = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}[）)]")
# Before a title written without 《》, only a word that ends a phrase of citing (根据, 按照,
# 依据, 遵循, 贯彻落实, 执行, 和, 及, 与): else 「上海市政府信息公开条例」 would be taken for a
# known title ending in its last characters.
_LEADS: Final = frozenset("据照循彻实行和及与按依遵")
_TITLE_MAX: Final = 120


def _normal(text: str) -> str:
    """``text`` folded and in simplified characters, one character for one (offsets kept)."""
    return fold(text).translate(_T2S)


def _title_key(title: str, *, normal: bool = False) -> str:
    """A title as compared: normalised, without nested brackets, quotes or spaces."""
    return _PINYIN.sub("", title if normal else _normal(title)).translate(_TITLE_MARKS)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# ---------------------------------------------------------------------------------------------
# Numbers: 教办函〔2014〕23号 (an issuer's code, the year in brackets, a serial) and
# 教育部令第29号 (an order's serial; also 第29号令). One grammar reads the table and the texts.

_OPEN: Final = "〔\uff3b\\[【（﹝〖"
_CLOSE: Final = "〕\uff3d\\]】）﹞〗"
_NUMBER: Final = re.compile(
    rf"(?P<open>[{_OPEN}]){_S}(?P<year>[0-9]{{4}}){_S}[{_CLOSE}]{_S}第?+{_S}"
    rf"(?P<serial>[0-9]{{1,5}}){_S}[号號]"
    rf"|令{_S}第?+{_S}(?P<order>[0-9]{{1,5}}){_S}[号號]"
    rf"|第{_S}(?P<order_after>[0-9]{{1,5}}){_S}[号號]{_S}令"
)
_PRC: Final = "中华人民共和国"
_CODE_MAX: Final = 16
# An unknown code ends after the last of these (「根据皖教秘〔2022〕457号」: 皖教秘)
_CODE_CUT: Final = frozenset("据照依于及和与的见按循遵求号")
_CODE_UNKNOWN_MAX: Final = 6
# A province's one-character name before a known code makes another code: 皖教办函 is not
# the Ministry's 教办函
_PROVINCES: Final = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")


@attrs.frozen
class _NumberKey:
    """A number as compared: the issuer's code (教办函, 教育部令), the year, the serial."""

    code: str
    year: int | None
    serial: int


@attrs.frozen
class _Number:
    key: _NumberKey
    span: tuple[int, int]


def _code_run(norm: str, end: int) -> list[int]:
    """Positions of the Han characters just before ``end``, nearest first (spaces skipped)."""
    out: list[int] = []
    i = end - 1
    low = max(0, end - 3 * _CODE_MAX)
    while i >= low and len(out) < _CODE_MAX:
        ch = norm[i]
        if "\u4e00" <= ch <= "\u9fff":
            out.append(i)
        elif ch not in _SPACE:
            break
        i -= 1
    return out


def _code(norm: str, end: int, known: tuple[str, ...]) -> tuple[int, str] | None:
    """The code before ``end``: the longest known one, else a short run; with its start."""
    run = _code_run(norm, end)
    chars = "".join([norm[i] for i in reversed(run)])
    for code in known:  # longest first
        if chars.endswith(code):
            before = chars[: len(chars) - len(code)]
            if before and before[-1] in _PROVINCES:
                return run[len(code)], before[-1] + code
            start = run[len(code) - 1]
            if before.endswith(_PRC):  # 中华人民共和国教育部令第29号
                start = run[len(code) + len(_PRC) - 1]
            return start, code
    cut = max((chars.rfind(ch) + 1 for ch in _CODE_CUT), default=0)
    tail = chars[max(cut, len(chars) - _CODE_UNKNOWN_MAX) :]
    if not tail:
        return None
    return run[len(tail) - 1], tail


def _numbers(norm: str, codes: tuple[str, ...], orders: tuple[str, ...]) -> Iterator[_Number]:
    """Every document number of a normalised text (:func:`_normal`), in text order."""
    for m in _NUMBER.finditer(norm):
        if m.group("serial") is not None:
            found = _code(norm, m.start(), codes)
            if found is None:
                # 〔2022〕19号 names no issuer; a bare （2022）19号 is not a number at all
                if m.group("open") not in "〔﹝":
                    continue
                found = (m.start(), "")
            elif m.group("open") == "（" and found[1] not in codes:
                continue  # （2022）12号 after a word is as often a room as a document
            start, code = found
            key = _NumberKey(code=code, year=int(m.group("year")), serial=int(m.group("serial")))
        else:
            at = m.start()
            found = _code(norm, at, orders)
            if found is None:
                continue
            start, code = found
            serial = int(m.group("order") or m.group("order_after"))
            key = _NumberKey(code=code.removeprefix(_PRC) + "令", year=None, serial=serial)
        yield _Number(key=key, span=(start, m.end()))


# ---------------------------------------------------------------------------------------------
# The table


@attrs.frozen
class _Table:
    documents: tuple[KnownDocument, ...]
    by_number: dict[_NumberKey, KnownDocument]
    #: title key -> documents; a title that names its issuer, or an alias
    by_title: dict[str, tuple[KnownDocument, ...]]
    #: 「关于……」 key -> documents: the title without its issuer, which names no document alone
    by_bare_title: dict[str, tuple[KnownDocument, ...]]
    codes: tuple[str, ...]  # longest first
    orders: tuple[str, ...]  # issuers of orders (教育部令), longest first
    issuers: tuple[str, ...]  # longest first
    #: titles as they may stand without 《》, by length, longest first
    plain_titles: tuple[tuple[int, dict[str, tuple[KnownDocument, ...]]], ...]
    plain_last: frozenset[str]  # their last characters, to pass most numbers by at once


def _date(cell: str, lineno: int) -> tuple[int, datetime.date | None]:
    try:
        if len(cell) == 4:
            return int(cell), None
        date = datetime.date.fromisoformat(cell)
    except ValueError:
        raise ParseError(
            f"expected a year or YYYY-MM-DD, got {cell!r}", line=lineno, column=1
        ) from None
    return date.year, date


def parse_documents(text: str) -> tuple[KnownDocument, ...]:
    """Read the table of known documents from TSV text (``#`` comments, a header, one a line).

    >>> header = "number\\ttitle\\tissuer\\tdate\\taliases\\n"
    >>> row = "教育部令第29号\\t高等学校信息公开办法\\t教育部\\t2010-04-06\\t\\n"
    >>> parse_documents(header + row)[0].date
    datetime.date(2010, 4, 6)

    Raises:
        ParseError: naming the line of a malformed row or a number that is not one.
    """
    docs: list[KnownDocument] = []
    for lineno, cells in tsv_rows(text, _HEADER, optional=1):
        number, title, issuer, date_cell, aliases = cells
        year, date = _date(date_cell, lineno)
        docs.append(
            KnownDocument(
                title=title,
                number=number,
                issuer=issuer,
                year=year,
                date=date,
                aliases=tuple(a for a in aliases.split("|") if a),
            )
        )
    return tuple(docs)


def _full_key(title: str, issuer: str) -> str:
    """A title that starts with 关于 is named with its issuer (湖南省教育厅《关于……》)."""
    key = _title_key(title)
    return _title_key(issuer) + key if key.startswith("关于") else key


def _number_key(number: str, codes: tuple[str, ...], orders: tuple[str, ...]) -> _NumberKey:
    found = list(_numbers(_normal(number), codes, orders))
    if len(found) != 1 or found[0].span != (0, len(number)):
        raise ValueError(f"{number!r} is not one document number")
    return found[0].key


def _build(docs: tuple[KnownDocument, ...]) -> _Table:
    codes, orders = set(), set()
    for doc in docs:
        head = _normal(doc.number).removeprefix(_PRC)
        if "令" in head and "〔" not in head:
            orders.add(head[: head.index("令")])
        else:
            codes.add(head[: head.index("〔")])
    codes_t = tuple(sorted(codes, key=len, reverse=True))
    orders_t = tuple(sorted(orders, key=len, reverse=True))
    by_number: dict[_NumberKey, KnownDocument] = {}
    by_title: dict[str, tuple[KnownDocument, ...]] = {}
    by_bare: dict[str, tuple[KnownDocument, ...]] = {}
    plain: dict[str, tuple[KnownDocument, ...]] = {}
    for doc in docs:
        key = _number_key(doc.number, codes_t, orders_t)
        if key in by_number:
            raise ValueError(f"{doc.number} is in the table twice")
        by_number[key] = doc
        issuer = _title_key(doc.issuer)
        for title in (doc.title, *doc.aliases):
            full = _full_key(title, doc.issuer)
            by_title[full] = (*by_title.get(full, ()), doc)
            bare = full.removeprefix(issuer)
            if bare != full and bare.startswith("关于"):
                by_bare[bare] = (*by_bare.get(bare, ()), doc)
            if not _title_key(title).startswith("关于"):
                for form in _plain_forms(_normal(title)):
                    plain[form] = (*plain.get(form, ()), doc)
    lengths = sorted({len(f) for f in plain}, reverse=True)
    return _Table(
        documents=docs,
        by_number=by_number,
        by_title=by_title,
        by_bare_title=by_bare,
        codes=codes_t,
        orders=orders_t,
        issuers=tuple(sorted({_title_key(d.issuer) for d in docs}, key=len, reverse=True)),
        plain_titles=tuple((n, {f: d for f, d in plain.items() if len(f) == n}) for n in lengths),
        plain_last=frozenset(f[-1] for f in plain),
    )


def _plain_forms(title: str) -> set[str]:
    """A title as it may be printed: its nested 〈〉 as written, as <>, as 《》 or left out."""
    return {
        title,
        title.replace("〈", "<").replace("〉", ">"),
        title.replace("〈", "《").replace("〉", "》"),
        title.replace("〈", "").replace("〉", ""),
    }


@cache
def _table() -> _Table:
    return _build(parse_documents(package_text(_DOCUMENTS_FILE)))


def known_documents() -> tuple[KnownDocument, ...]:
    """The table of known documents (``data/documents.tsv``), read once.

    >>> docs = known_documents()
    >>> next(d for d in docs if d.number == "教办函〔2014〕23号").aliases
    ('高等学校信息公开事项清单',)
    """
    return _table().documents


# ---------------------------------------------------------------------------------------------
# Titles in 《》, nested ones included


def _titles(norm: str) -> list[tuple[int, int]]:
    """Spans of the outermost 《…》 of each line (at most :data:`_TITLE_MAX` inside).

    One pass over the brackets: a stack pairs them, so 《关于印发《……》的通知》 is one title.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in re.finditer(r"[《》\n\r]", norm):
        ch, at = m.group(), m.start()
        if ch == "《":
            stack.append(at)
        elif ch == "》":
            if stack:
                start = stack.pop()
                if 0 < at - start - 1 <= _TITLE_MAX:
                    pairs.append((start, at + 1))
        else:
            stack.clear()
    pairs.sort()
    outer: list[tuple[int, int]] = []
    for pair in pairs:
        if not outer or pair[0] >= outer[-1][1]:
            outer.append(pair)
    return outer


# ---------------------------------------------------------------------------------------------
# Verdicts


@attrs.frozen
class _Title:
    text: str  # as written, without 《》
    span: tuple[int, int]
    #: the documents it names; ``named`` is False when only a 「关于……」 title without its
    #: issuer matched, which several issuers' notices share
    documents: tuple[KnownDocument, ...]
    named: bool


def _match_title(table: _Table, text: str, norm: str, span: tuple[int, int]) -> _Title:
    raw = text[span[0] + 1 : span[1] - 1]
    key = _title_key(norm[span[0] + 1 : span[1] - 1], normal=True)
    if key.startswith("关于"):
        before = norm[max(0, span[0] - 40) : span[0]].rstrip(_SPACE)
        issuer = next((i for i in table.issuers if before.endswith(i)), None)
        if issuer is not None and issuer + key in table.by_title:
            return _Title(text=raw, span=span, documents=table.by_title[issuer + key], named=True)
        return _Title(text=raw, span=span, documents=table.by_bare_title.get(key, ()), named=False)
    return _Title(text=raw, span=span, documents=table.by_title.get(key, ()), named=True)


def _plain_title(table: _Table, text: str, norm: str, end: int) -> _Title | None:
    """A known title printed without 《》 right before ``end``, after a word of citing."""
    if not end or norm[end - 1] not in table.plain_last:
        return None
    window = norm[max(0, end - table.plain_titles[0][0]) : end]
    for length, forms in table.plain_titles:
        form = window[len(window) - length :]
        if len(form) != length or form not in forms:
            continue
        start = end - length
        lead = norm[start - 1] if start else ""
        if _is_han(lead) and lead not in _LEADS:
            continue
        return _Title(text=text[start:end], span=(start, end), documents=forms[form], named=True)
    return None


def _current(docs: tuple[KnownDocument, ...]) -> KnownDocument:
    """The latest version of a document revised under a new number."""
    return max(docs, key=lambda d: (d.year, d.date or datetime.date(d.year, 1, 1)))


def _numbers_of(docs: tuple[KnownDocument, ...]) -> str:
    """「国务院令第711号 (earlier 国务院令第492号)」: every version's number, the latest first."""
    current = _current(docs)
    older = [d.number for d in sorted(docs, key=lambda d: d.year, reverse=True) if d != current]
    return current.number + (f" (earlier {', '.join(older)})" if older else "")


def _judge(title: _Title, number: str, end: int, doc: KnownDocument | None) -> Citation:
    """The verdict on a title and the number that follows it (``doc``: the number's document)."""
    docs = title.documents
    span = (title.span[0], end)
    if doc is not None and doc in docs:
        return _citation(title, number, span, CitationVerdict.KNOWN, doc)
    if not docs or not title.named:
        return _citation(title, number, span, CitationVerdict.UNKNOWN, doc)
    cited = f"《{title.text}》"
    if doc is not None:
        slip = (
            f"{number} is the number of 《{doc.title}》, not of {cited}, "
            f"whose number is {_numbers_of(docs)}"
        )
    else:
        slip = f"{number} is cited for {cited}, whose number is {_numbers_of(docs)}"
    return _citation(title, number, span, CitationVerdict.SLIP, _current(docs), slip)


def _citation(
    title: _Title | None,
    number: str | None,
    span: tuple[int, int],
    verdict: CitationVerdict,
    document: KnownDocument | None,
    slip: str = "",
) -> Citation:
    return Citation(
        title=title.text if title is not None else None,
        number=number,
        span=span,
        verdict=verdict,
        document=document,
        slip=slip,
    )


def check_citations(text: str) -> tuple[Citation, ...]:
    """Every citation of a document in ``text``, in text order, each with its verdict.

    A citation is a 《title》 followed by a number (in brackets or not), a known title printed
    without 《》 and followed by a number, a number alone, or a known title alone.

    >>> [(c.number, c.verdict.value) for c in check_citations(
    ...     "《高等学校信息公开事项清单》（教办厅函[2014]23号）和教办函(2014)23号")]
    [('教办厅函[2014]23号', 'slip'), ('教办函(2014)23号', 'known')]
    >>> print(check_citations("《高等学校信息公开事项清单》（教办厅函〔2014〕23号）")[0].slip)
    ... # doctest: +NORMALIZE_WHITESPACE
    教办厅函〔2014〕23号 is cited for 《高等学校信息公开事项清单》,
    whose number is 教办函〔2014〕23号

    Raises:
        TextTooLargeError: if the text is longer than :data:`~..parse._text.MAX_CHARS`.
    """
    check_size(text)
    table = _table()
    norm = _normal(text)
    titles = {span[1]: span for span in _titles(norm)}
    used: set[int] = set()
    out: list[Citation] = []
    for found in _numbers(norm, table.codes, table.orders):
        start, end = found.span
        number = text[start:end]
        doc = table.by_number.get(found.key)
        title = _title_before(table, text, norm, titles, start)
        if not found.key.code and title is not None:
            # 〔2014〕23号 under a title: the issuer's code left out, the rest still checkable
            doc = _without_code(table, found.key, title.documents)
        if title is None:
            verdict = CitationVerdict.KNOWN if doc is not None else CitationVerdict.UNKNOWN
            out.append(_citation(None, number, found.span, verdict, doc))
            continue
        used.add(title.span[1])
        out.append(_judge(title, number, end, doc))
    for end, span in titles.items():
        if end in used:
            continue
        title = _match_title(table, text, norm, span)
        if title.documents and title.named:
            out.append(
                _citation(title, None, span, CitationVerdict.KNOWN, _current(title.documents))
            )
    return tuple(sorted(out, key=lambda c: c.span))


def _without_code(
    table: _Table, key: _NumberKey, docs: tuple[KnownDocument, ...]
) -> KnownDocument | None:
    """The document among ``docs`` whose number has this year and serial, if any."""
    return next(
        (
            d
            for k, d in table.by_number.items()
            if d in docs and (k.year, k.serial) == (key.year, key.serial)
        ),
        None,
    )


def _title_before(
    table: _Table, text: str, norm: str, titles: dict[int, tuple[int, int]], start: int
) -> _Title | None:
    """The title a number at ``start`` follows.

    Forms: 《title》（number）, 《title》number, and a known title without 《》: title（number）.
    """
    at = start
    while at > 0 and norm[at - 1] in _SPACE:
        at -= 1
    if at > 0 and norm[at - 1] in _OPEN:
        at -= 1
        while at > 0 and norm[at - 1] in _SPACE:
            at -= 1
    span = titles.get(at)
    if span is not None:
        return _match_title(table, text, norm, span)
    return _plain_title(table, text, norm, at)
