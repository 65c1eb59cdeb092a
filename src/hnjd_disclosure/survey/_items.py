"""Which of the checklist's 50 items (教办函〔2014〕23号) a report discloses, mentions or omits.

:func:`match_items` reads the status of every item from the report's part-8 table
(清单事项公开情况表, or any table that lists the items with a 公开情况-like column) when it has
one, and from its prose otherwise. What names an item in prose and what makes a naming a
disclosure is data, ``data/checklist-2014-matchers.toml`` (read once); the rules are
documented in ``docs/survey-items.md``.

>>> from hnjd_disclosure.parse import read_document
>>> text = "本年度，学校在招生网公布了招生章程。学校修订了学籍管理办法。"
>>> matches = match_items(text, read_document(text))
>>> [(m.number, m.status.value) for m in matches if m.status is not ItemStatus.NOT_FOUND]
[(7, 'disclosed'), (36, 'mentioned')]
"""

from __future__ import annotations

import difflib
import enum
import itertools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, Final

from attrs import frozen

from .._data import package_text
from ..checklist import checklist_2014
from ..errors import DataError, Issue
from ..parse.document import Document, Paragraph, Table

__all__ = ["ItemMatch", "ItemSource", "ItemStatus", "match_items", "parse_matchers"]

_MATCHERS_FILE: Final = "data/checklist-2014-matchers.toml"
_DIGITS: Final = "0-9\uff10-\uff19"  # ASCII and full-width digits, for a character class
#: The longest evidence kept: a longer sentence or row is cut around the name.
EVIDENCE_MAX: Final = 200
_ITEM_COUNT: Final = 50
#: How the titles of the documents a report is written under end (a notice, an opinion, a
#: regulation, a list): an item's name inside such a title is not the item.
_GOVERNING: Final = ("通知", "意见", "函", "决定", "条例", "清单", "格式", "规定")


class ItemStatus(enum.Enum):
    """How a report covers one checklist item.

    >>> ItemStatus("mentioned").name
    'MENTIONED'
    """

    #: The part-8 table says so, or a sentence names the item with a disclosure verb or the
    #: figure the item asks for.
    DISCLOSED = "disclosed"
    #: The text names the item, but nothing says it was disclosed.
    MENTIONED = "mentioned"
    #: Neither the table nor the text names the item.
    NOT_FOUND = "not_found"
    #: The report's own table says the item does not apply (不适用, 无此项).
    NOT_APPLICABLE = "not_applicable"


class ItemSource(enum.Enum):
    """What a status rests on: a row of the part-8 table, a sentence of the text, or nothing.

    >>> ItemSource.TABLE.value
    'table'
    """

    TABLE = "table"
    TEXT = "text"
    NONE = "none"


@frozen(kw_only=True)
class ItemMatch:
    """The status of one checklist item in one report, with the evidence it rests on.

    ``evidence`` is the table row or the sentence (at most 200 characters, cut around the
    name), ``""`` when the source is ``NONE``; ``span`` is its offsets in the text, so that
    ``text[span[0]:span[1]] == evidence``.

    >>> ItemMatch(number=33, status=ItemStatus.NOT_FOUND, source=ItemSource.NONE,
    ...           evidence="", span=None).status.value
    'not_found'
    """

    number: int
    status: ItemStatus
    source: ItemSource
    evidence: str
    span: tuple[int, int] | None


# -- the matchers as data ---------------------------------------------------------------------


class _Kind(enum.Enum):
    """What a phrase of the matchers is, in the one pattern that finds them all."""

    NAME = "name"  # names items (an exclude names none)
    FIGURE = "figure"  # names items when a figure follows (计划招生5300人)
    VERB = "verb"  # discloses (every item, or the items of an item-only verb)
    REFUSAL = "refusal"  # a not_verbs phrase: holds a verb, discloses nothing
    OPEN = "open"  # 《 〈 <: a title starts; a verb inside it is part of the title
    CLOSE = "close"
    END = "end"  # 。！？: a sentence ends


_PUNCTUATION: Final = {
    **dict.fromkeys("《〈<", _Kind.OPEN),
    **dict.fromkeys("》〉>", _Kind.CLOSE),
    **dict.fromkeys("。！？!?", _Kind.END),
}


@frozen(kw_only=True)
class _Matchers:
    """The TOML file, compiled: one pattern finds every name, verb, refusal, title mark and
    sentence end, the longest phrase at each place (so a verb inside a name or a refusal is
    not read on its own)."""

    phrases: Mapping[str, tuple[_Kind, frozenset[int]]]  # folded phrase -> kind, its items
    pattern: re.Pattern[str]
    figures: frozenset[tuple[str, int]]  # (phrase, item): a figure after it discloses the item
    negation_pattern: re.Pattern[str]  # a negation before the end, in the same clause
    figure_pattern: re.Pattern[str]
    fold: Mapping[int, int]
    fold_pattern: re.Pattern[str]  # any character to fold
    status_headers: tuple[str, ...]
    status_values: tuple[tuple[str, ItemStatus], ...]  # longest first
    min_rows: int
    min_ratio: float
    max_rows: int


def _trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words``, the longest at each place (a trie, so that the
    regex engine tries one branch per character instead of every word)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words first, then this one
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return re.compile(pattern(trie))


def _strings(entry: Mapping[str, Any], key: str, where: str, issues: list[Issue]) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        issues.append(Issue(f"{where}.{key}", "expected a list of non-empty strings"))
        return []
    return value


def _fold(pairs: object, issues: list[Issue]) -> dict[int, int]:
    tokens = pairs.split() if isinstance(pairs, str) else None
    if tokens is None or any(len(t) != 2 or t[0] == t[1] for t in tokens):
        issues.append(Issue("fold.pairs", "expected pairs of two different characters"))
        return {}
    return {ord(t[0]): ord(t[1]) for t in tokens}


def _items(
    raw: object, fold: Mapping[int, int], issues: list[Issue]
) -> tuple[dict[str, set[int]], dict[str, set[int]], dict[str, set[int]], set[str]]:
    """The items' names, figure phrases, item-only verbs (each to its items) and excludes."""
    found: tuple[dict[str, set[int]], dict[str, set[int]], dict[str, set[int]]] = ({}, {}, {})
    excludes: set[str] = set()
    entries = raw if isinstance(raw, list) else []
    if [e.get("number") if isinstance(e, dict) else None for e in entries] != list(
        range(1, _ITEM_COUNT + 1)
    ):
        issues.append(Issue("item", f"expected items numbered 1 to {_ITEM_COUNT}, in order"))
    for k, entry in enumerate(e for e in entries if isinstance(e, dict)):
        where = f"item[{k}]"
        if not entry.get("names"):
            issues.append(Issue(f"{where}.names", "an item needs at least one name"))
        for key, into in zip(("names", "figures", "verbs"), found, strict=True):
            for word in _strings(entry, key, where, issues):
                into.setdefault(word.translate(fold), set()).add(k + 1)
        excludes.update(w.translate(fold) for w in _strings(entry, "excludes", where, issues))
    for word in sorted(excludes & (found[0].keys() | found[1].keys())):
        issues.append(Issue("item", f"{word!r} is both a name and an exclude"))
    return *found, excludes


def parse_matchers(text: str, source: str = "<matchers>") -> _Matchers:
    """Compile the matchers' TOML text (the format of ``docs/survey-items.md``).

    >>> m = parse_matchers(package_text(_MATCHERS_FILE))
    >>> m.phrases["预决算"]
    (<_Kind.NAME: 'name'>, frozenset({19, 20}))

    Raises:
        DataError: naming every malformed part of the file.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataError(source, [Issue("", str(err))]) from None
    issues: list[Issue] = []
    rule, table = data.get("rule", {}), data.get("table", {})
    fold = _fold(data.get("fold", {}).get("pairs"), issues)
    names, figures, item_verbs, excludes = _items(data.get("item"), fold, issues)

    def words(section: Mapping[str, Any], key: str, where: str) -> list[str]:
        found = _strings(section, key, where, issues)
        if not found:
            issues.append(Issue(f"{where}.{key}", "expected at least one string"))
        return [w.translate(fold) for w in found]

    verbs = words(rule, "verbs", "rule")
    not_verbs = words(rule, "not_verbs", "rule")
    negations = words(rule, "negations", "rule")
    units = words(rule, "figure_units", "rule")
    headers = words(table, "status_headers", "table")
    values = [
        (value, status)
        for key, status in (
            ("disclosed", ItemStatus.DISCLOSED),
            ("not_applicable", ItemStatus.NOT_APPLICABLE),
            ("not_found", ItemStatus.NOT_FOUND),
        )
        for value in words(table, key, "table")
    ]
    numbers = {
        key: table.get(key, default) if section == "table" else rule.get(key, default)
        for section, key, default in (
            ("rule", "figure_window", 16),
            ("table", "min_rows", 3),
            ("table", "max_rows", 200),
            ("table", "min_ratio", 0.6),
        )
    }
    for key, value in numbers.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            issues.append(Issue(key, f"expected a positive number, got {value!r}"))
    if issues:
        raise DataError(source, issues)
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    window = int(numbers["figure_window"])
    # later entries win: a name that is also a refusal (公开招聘) is a name, a figure phrase
    # that is also a name (就业率) names the item without its figure
    phrases: dict[str, tuple[_Kind, frozenset[int]]] = {
        **{p: (k, frozenset()) for p, k in _PUNCTUATION.items()},
        **dict.fromkeys(not_verbs, (_Kind.REFUSAL, frozenset())),
        **dict.fromkeys(verbs, (_Kind.VERB, frozenset())),
        **{w: (_Kind.VERB, frozenset(n)) for w, n in item_verbs.items()},
        **dict.fromkeys(excludes, (_Kind.NAME, frozenset())),
        **{w: (_Kind.FIGURE, frozenset(n)) for w, n in figures.items()},
        **{w: (_Kind.NAME, frozenset(n)) for w, n in names.items()},
    }
    return _Matchers(
        phrases=phrases,
        pattern=_trie_pattern(phrases),
        figures=frozenset((w, n) for w, items in figures.items() for n in items),
        negation_pattern=re.compile(
            "(?:" + "|".join(map(re.escape, negations)) + r")[^，,；;：:、]*\Z"
        ),
        figure_pattern=re.compile(
            rf"[^。！？!?；;，,、]{{0,{window}}}?"
            rf"(?<![{_DIGITS}])[{_DIGITS}]+(?:[.\uff0e][{_DIGITS}]+)?\s*(?:{unit})"
        ),
        fold=fold,
        fold_pattern=re.compile("[" + "".join(map(chr, fold)) + "]"),
        status_headers=tuple(headers),
        status_values=tuple(sorted(values, key=lambda v: -len(v[0]))),
        min_rows=int(numbers["min_rows"]),
        min_ratio=float(numbers["min_ratio"]),
        max_rows=int(numbers["max_rows"]),
    )


@cache
def _matchers() -> _Matchers:
    return parse_matchers(package_text(_MATCHERS_FILE), source=_MATCHERS_FILE)


@cache
def _item_texts() -> dict[str, int]:
    """Each item's text as the checklist words it, without spaces and with folded brackets."""
    return {_normal(item.text): item.number for item in checklist_2014().items}


def _normal(cell: str) -> str:
    return "".join(cell.split()).replace("(", "（").replace(")", "）")


# -- the text ---------------------------------------------------------------------------------

_SPACES: Final = " \t\u3000\xa0\r"


@frozen(kw_only=True)
class _Hit:
    """The best evidence found in the text for one item."""

    status: ItemStatus
    unit: tuple[int, int]  # the sentence, heading or row
    name: tuple[int, int]  # the name in it


def _units(document: Document, skip: tuple[int, int] | None) -> list[tuple[int, int, bool]]:
    """The text's blocks as ``(start, end, is_paragraph)``, in order, without ``skip``; a
    table row is a block of its own."""
    out: list[tuple[int, int, bool]] = []
    for block in document.blocks:
        if skip is not None and skip[0] <= block.span[0] < skip[1]:
            continue
        if isinstance(block, Table):
            out.extend((row.span[0], row.span[1], False) for row in block.rows)
        else:
            out.append((block.span[0], block.span[1], isinstance(block, Paragraph)))
    return out


class _Sentence:
    """A sentence (or heading, or row) that names items, and the verbs that count in it:
    ``every`` for a common verb, ``items`` for the items of item-only verbs."""

    __slots__ = ("end", "every", "items", "names", "start")

    def __init__(
        self, span: tuple[int, int], names: list[re.Match[str]], every: bool, items: frozenset[int]
    ) -> None:
        self.start, self.end = span
        self.names = names
        self.every = every
        self.items = items

    def status(self, folded: str, item: int, name: re.Match[str], m: _Matchers) -> ItemStatus:
        """Whether ``name`` of ``item`` is disclosed here, or only mentioned."""
        if self.every or item in self.items:
            return ItemStatus.DISCLOSED
        if (name.group(), item) in m.figures and m.figure_pattern.match(
            folded, name.end(), self.end
        ):
            return ItemStatus.DISCLOSED
        return ItemStatus.MENTIONED

    def span(self, folded: str) -> tuple[int, int]:
        """Its offsets without the spaces around it."""
        a, b = self.start, self.end
        while a < b and folded[a] in _SPACES:
            a += 1
        while b > a and folded[b - 1] in _SPACES:
            b -= 1
        return a, b


def _sentences(
    folded: str, document: Document, skip: tuple[int, int] | None, m: _Matchers
) -> Iterator[_Sentence]:
    """Each sentence (of a paragraph), heading or table row that names an item. One pass of
    one pattern: the state of the sentence read so far is in local variables (the loop runs
    once per phrase of the text)."""
    phrases, negated, figure = m.phrases, m.negation_pattern.search, m.figure_pattern.match
    end_, name_, figure_, verb_ = _Kind.END, _Kind.NAME, _Kind.FIGURE, _Kind.VERB
    for start, end, is_paragraph in _units(document, skip):
        names: list[re.Match[str]] = []
        begin, every, items, titles = start, False, frozenset[int](), 0
        opened = named = 0
        for phrase in m.pattern.finditer(folded, start, end):
            kind, which = phrases[phrase.group()]
            if kind is end_:
                if not is_paragraph:
                    continue
                if names:
                    yield _Sentence((begin, phrase.end()), names, every, items)
                    names = []
                begin, every, items, titles = phrase.end(), False, frozenset(), 0
            elif kind is name_ or (kind is figure_ and figure(folded, phrase.end(), end)):
                names.append(phrase)
            elif kind is verb_:
                at = phrase.start()
                if not titles and negated(folded, max(begin, at - 4), at) is None:
                    every, items = every or not which, items | which
            elif kind is _Kind.OPEN:
                if not titles:
                    opened, named = phrase.end(), len(names)
                titles += 1
            elif kind is _Kind.CLOSE:
                titles = max(0, titles - 1)
                if not titles and folded[opened : phrase.start()].endswith(_GOVERNING):
                    # 《关于做好2022年高校信息公开年度报告工作的通知》 cites a notice: the
                    # names in its title are not the report's (《学籍管理办法》 is item 36's)
                    del names[named:]
        if names:
            yield _Sentence((begin, end), names, every, items)


def _text_hits(
    folded: str, document: Document, skip: tuple[int, int] | None, m: _Matchers
) -> dict[int, _Hit]:
    """The first disclosing (else the first mentioning) unit of each item the text names."""
    hits: dict[int, _Hit] = {}
    for sentence in _sentences(folded, document, skip, m):
        for name in sentence.names:
            for item in m.phrases[name.group()][1]:
                best = hits.get(item)
                if best is not None and best.status is ItemStatus.DISCLOSED:
                    continue
                status = sentence.status(folded, item, name, m)
                if best is None or status is ItemStatus.DISCLOSED:
                    hits[item] = _Hit(status=status, unit=sentence.span(folded), name=name.span())
    return hits


def _evidence(
    text: str, unit: tuple[int, int], name: tuple[int, int]
) -> tuple[str, tuple[int, int]]:
    """The unit's text, cut to :data:`EVIDENCE_MAX` characters around the name."""
    start, end = unit
    if end - start > EVIDENCE_MAX:
        start = max(start, min(name[0] - EVIDENCE_MAX // 3, end - EVIDENCE_MAX))
        end = start + EVIDENCE_MAX
    return text[start:end], (start, end)


# -- the part-8 table -------------------------------------------------------------------------

#: A table as rows of cell spans, and each row's span.
_Grid = list[tuple[tuple[int, int], list[tuple[int, int]]]]
_CELL_SEP: Final = re.compile("[|｜\t]")


@frozen(kw_only=True)
class _Row:
    """A row of the part-8 table: the status it gives its item (``None``: a value the
    matchers do not define, such as 部分公开) and its offsets."""

    status: ItemStatus | None
    span: tuple[int, int]


def _grids(document: Document) -> Iterator[_Grid]:
    """The document's tables, and runs of lines split by pipes or tabs that hold no figure
    (:func:`read_document` takes those for text)."""
    run: _Grid = []
    for block in document.blocks:
        if isinstance(block, Table):
            yield [(row.span, [c.span for c in row.cells]) for row in block.rows]
        cells = _split_row(block) if isinstance(block, Paragraph) else None
        if cells is None:
            if len(run) > 1:
                yield run
            run = []
        else:
            run.append((block.span, cells))
    if len(run) > 1:
        yield run


def _split_row(paragraph: Paragraph) -> list[tuple[int, int]] | None:
    if _CELL_SEP.search(paragraph.text) is None:
        return None
    start = paragraph.span[0]
    bounds = [-1, *(m.start() for m in _CELL_SEP.finditer(paragraph.text)), len(paragraph.text)]
    cells = [(start + a + 1, start + b) for a, b in itertools.pairwise(bounds)]
    while cells and not paragraph.text[cells[0][0] - start : cells[0][1] - start].strip():
        cells.pop(0)
    while cells and not paragraph.text[cells[-1][0] - start : cells[-1][1] - start].strip():
        cells.pop()
    return cells if len(cells) > 1 else None


def _status_of(cell: str, m: _Matchers) -> ItemStatus | None:
    for value, status in m.status_values:
        if cell == value or (len(value) > 1 and cell.startswith(value)):
            return status
    return None


def _status_column(cells: list[list[str]], m: _Matchers) -> int | None:
    for row in cells[:3]:
        for k, cell in enumerate(row):
            if any(h in cell for h in m.status_headers):
                return k
    counts: dict[int, int] = {}
    for row in cells:
        for k, cell in enumerate(row):
            if _status_of(cell, m) is not None:
                counts[k] = counts.get(k, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best is not None and best[1] >= m.min_rows else None


def _is_header(row: list[str], column: int, m: _Matchers) -> bool:
    return column < len(row) and any(h in row[column] for h in m.status_headers)


def _item_of(row: list[str], skip: int, m: _Matchers) -> int | None:
    """The item a row lists, by its text: as the checklist words it, by the names it holds
    (one item only), else by the item text it resembles most."""
    texts = _item_texts()
    cells = [c for k, c in enumerate(row) if k != skip and c]
    for cell in cells:
        if (number := texts.get(cell)) is not None:
            return number
    named = {
        n
        for cell in cells
        for x in m.pattern.finditer(cell)
        if m.phrases[x.group()][0] is _Kind.NAME
        for n in m.phrases[x.group()][1]
    }
    if len(named) == 1:
        return named.pop()
    longest = max(cells, key=len, default="")
    if len(longest) < 4:
        return None
    close = difflib.get_close_matches(longest, texts, n=1, cutoff=m.min_ratio)
    return texts[close[0]] if close else None


def _read_grid(folded: str, grid: _Grid, m: _Matchers) -> dict[int, _Row]:
    """The rows of a table that list checklist items, if it is a part-8 table."""
    if len(grid) > m.max_rows:
        return {}
    cells = [[_normal(folded[a:b]) for a, b in row] for _, row in grid]
    column = _status_column(cells, m)
    if column is None:
        return {}
    by_text = [None if _is_header(row, column, m) else _item_of(row, column, m) for row in cells]
    numbers = [int(r[0]) if r and r[0].isdecimal() and len(r[0]) <= 2 else None for r in cells]
    known = [(t, n) for t, n in zip(by_text, numbers, strict=True) if t is not None]
    # the 序号 column names the item only in a table that numbers as the checklist does
    numbered = len(known) >= m.min_rows and all(t == n for t, n in known)
    rows: dict[int, _Row] = {}
    for (span, _), row, item, number in zip(grid, cells, by_text, numbers, strict=True):
        if item is None and numbered and number is not None and 1 <= number <= _ITEM_COUNT:
            item = number
        if item is None or item in rows:
            continue
        value = row[column] if column < len(row) else ""
        status = _status_of(value, m) if value else ItemStatus.NOT_FOUND
        rows[item] = _Row(status=status, span=span)
    return rows if len(rows) >= m.min_rows else {}


def _part8(
    folded: str, document: Document, m: _Matchers
) -> tuple[dict[int, _Row], tuple[int, int] | None]:
    """The rows of the table that lists the most items, and the table's span."""
    best: dict[int, _Row] = {}
    span: tuple[int, int] | None = None
    for grid in _grids(document):
        rows = _read_grid(folded, grid, m)
        if len(rows) > len(best):
            best, span = rows, (grid[0][0][0], grid[-1][0][1])
    return best, span


# -- both -------------------------------------------------------------------------------------


def match_items(text: str, document: Document) -> tuple[ItemMatch, ...]:
    """The status of each of the checklist's 50 items in a report, in item order.

    ``document`` is :func:`~hnjd_disclosure.parse.read_document` of ``text``. A row of the
    report's part-8 table decides its item (已公开 disclosed, 不适用 not applicable); an item
    the table marks 未公开 or 报告未载明, or does not list, is read from the text, where a
    sentence that names it is a mention, and a disclosure when it also holds a disclosure
    verb or the figure the item asks for. The text's evidence outweighs the table's 未公开 and
    不适用, so that removing the table or a row never makes an item look better.

    >>> from hnjd_disclosure.parse import read_document
    >>> text = (
    ...     "八、清单事项公开情况表\\n序号｜清单事项｜公开情况\\n6｜信息公开年度报告｜已公开\\n"
    ...     "7｜招生章程及特殊类型招生办法，分批次、分科类招生计划｜未公开\\n"
    ...     "12｜参加研究生复试的考生成绩｜不适用\\n本年度修订了招生章程。\\n"
    ... )
    >>> found = match_items(text, read_document(text))
    >>> [(m.number, m.status.value, m.source.value) for m in found[5:8]]
    [(6, 'disclosed', 'table'), (7, 'mentioned', 'text'), (8, 'not_found', 'none')]
    >>> found[11].status, found[11].evidence
    (<ItemStatus.NOT_APPLICABLE: 'not_applicable'>, '12｜参加研究生复试的考生成绩｜不适用')
    """
    m = _matchers()
    # translate() looks up every character: most reports have no character to fold
    folded = text.translate(m.fold) if m.fold_pattern.search(text) else text
    rows, skip = _part8(folded, document, m)
    hits = _text_hits(folded, document, skip, m)
    return tuple(
        _decide(text, number, rows.get(number), hits.get(number))
        for number in range(1, _ITEM_COUNT + 1)
    )


def _decide(text: str, number: int, row: _Row | None, hit: _Hit | None) -> ItemMatch:
    """The table's 已公开 first; else what the text shows (its evidence outweighs the table's
    未公开 or 不适用: so removing the table, or a row of it, never makes an item look better);
    else the table's 不适用; else not found."""
    if row is not None and row.status is ItemStatus.DISCLOSED:
        return _from_row(text, number, row.status, row)
    if hit is not None:
        evidence, span = _evidence(text, hit.unit, hit.name)
        return ItemMatch(
            number=number, status=hit.status, source=ItemSource.TEXT, evidence=evidence, span=span
        )
    if row is not None and row.status is ItemStatus.NOT_APPLICABLE:
        return _from_row(text, number, row.status, row)
    if row is not None and row.status is not None:
        return _from_row(text, number, ItemStatus.NOT_FOUND, row)
    return ItemMatch(
        number=number, status=ItemStatus.NOT_FOUND, source=ItemSource.NONE, evidence="", span=None
    )


def _from_row(text: str, number: int, status: ItemStatus, row: _Row) -> ItemMatch:
    evidence, span = _evidence(text, row.span, (row.span[0], row.span[0]))
    return ItemMatch(
        number=number, status=status, source=ItemSource.TABLE, evidence=evidence, span=span
    )
