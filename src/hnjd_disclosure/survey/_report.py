"""One report surveyed: what it is, which parts and items it has, which figures and citations.

:func:`survey_text` is pure (a text in, a :class:`ReportSurvey` out) and its result is
picklable, so a survey can run it in worker processes or on a cluster.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import re
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from attrs import frozen

from ..model import InstitutionKind
from ..numerals import from_chinese
from ..parse import (
    CellKind,
    Check,
    Document,
    Header,
    Heading,
    Paragraph,
    Table,
    Verdict,
    check_document,
    read_document,
    read_header,
    simplified,
)
from ._citations import Citation, check_citations
from ._items import ItemMatch, ItemSource, match_items
from ._rules import SurveyRules, survey_rules

__all__ = [
    "AssessmentStatus",
    "FigureStatus",
    "PartFound",
    "PartStatus",
    "ReportFormat",
    "ReportSurvey",
    "RequiredFigure",
    "survey_text",
]


class ReportFormat(enum.Enum):
    """The format a report follows.

    >>> survey_text("某某学院2021年政府信息公开工作年度报告\\n").format.value
    'government'
    """

    #: The Ministry of Education's annual-report structure (高等学校信息公开年度报告).
    MINISTRY = "ministry"
    #: The State Council's 政府信息公开工作年度报告 format.
    GOVERNMENT = "government"
    #: Neither (an employment report, an excerpt, a page of something else).
    OTHER = "other"


class PartStatus(enum.Enum):
    """How a report gives one of the Ministry's eight parts.

    >>> [p.status.value for p in survey_text("一、评议及举报情况\\n").parts][3:5]
    ['merged', 'merged']
    """

    #: Under a heading of its own.
    OWN = "own"
    #: Under a heading it shares with another part (四、评议及举报、复议、诉讼情况).
    MERGED = "merged"
    #: Under no heading.
    MISSING = "missing"


@frozen(kw_only=True)
class PartFound:
    """One of the Ministry's eight parts: where the report gives it, if it does.

    >>> part = survey_text("二、主动公开情况\\n").parts[1]
    >>> part.number, part.status.value, part.heading, part.span
    (2, 'own', '二、主动公开情况', (0, 8))
    """

    number: int
    name: str
    status: PartStatus
    heading: str
    span: tuple[int, int] | None


class FigureStatus(enum.Enum):
    """Whether a required figure is given (an explicit 0 is given).

    >>> survey_text("本年度未发生行政诉讼。").figures[-1].status.value
    'given'
    """

    GIVEN = "given"
    NOT_GIVEN = "not_given"


@frozen(kw_only=True)
class RequiredFigure:
    """A figure the report must give: whether it does, and the sentence that gives it.

    >>> f = survey_text("本年度共收到信息公开申请3件。").figures[0]
    >>> f.key, f.status.value, f.evidence
    ('requests', 'given', '本年度共收到信息公开申请3件。')
    """

    key: str
    name: str
    status: FigureStatus
    evidence: str
    span: tuple[int, int] | None


class AssessmentStatus(enum.Enum):
    """How part 4 (评议) is reported.

    >>> survey_text("四、评议情况\\n社会公众评价良好。\\n").assessment.value
    'public'
    """

    #: With the public's evaluation (社会公众, 家长, 第三方 …).
    PUBLIC = "public"
    #: With the institution's own evaluation only.
    INTERNAL = "internal"
    #: Not at all.
    NONE = "none"


@frozen(kw_only=True)
class ReportSurvey:
    """What the survey found in one report. ``error`` is set when the file could not be read,
    and then every other finding is empty.

    >>> r = survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n")
    >>> r.institution, r.year, r.kind.value, len(r.parts), len(r.items)
    ('某某大学', 2022, '本科', 8, 50)
    """

    source: str
    error: str | None = None
    institution: str | None = None
    title: str | None = None
    year: int | None = None
    academic_year: tuple[int, int] | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    kind: InstitutionKind | None = None
    format: ReportFormat = ReportFormat.OTHER
    announced_parts: int | None = None
    parts: tuple[PartFound, ...] = ()
    other_headings: tuple[str, ...] = ()
    items: tuple[ItemMatch, ...] = ()
    figures: tuple[RequiredFigure, ...] = ()
    assessment: AssessmentStatus = AssessmentStatus.NONE
    assessment_evidence: str = ""
    citations: tuple[Citation, ...] = ()
    checks_verified: int = 0
    checks_unverifiable: int = 0
    failed: tuple[Check, ...] = ()
    dated: datetime.date | None = None
    #: Digests of its sentences and of its figures in context (8 bytes each, sorted), for
    #: finding what a later year carried over; not part of any output.
    sentence_digests: bytes = b""
    figure_digests: bytes = b""

    @property
    def period_days(self) -> int | None:
        """The days of the reporting period, both ends counted.

        >>> ReportSurvey(source="r.txt", period_start=datetime.date(2021, 9, 1),
        ...              period_end=datetime.date(2022, 8, 31)).period_days
        365
        """
        if self.period_start is None or self.period_end is None:
            return None
        return (self.period_end - self.period_start).days + 1

    @property
    def sentences(self) -> int:
        """How many distinct sentences (of a length worth comparing) the report has.

        >>> survey_text("学校进一步完善了信息公开工作制度。很好。").sentences
        1
        """
        return len(self.sentence_digests) // _DIGEST


def survey_text(text: str, *, source: str = "<text>") -> ReportSurvey:
    """Survey one report's text.

    >>> r = survey_text("某某大学2022年信息公开年度报告\\n一、概述\\n本年度未收到举报。\\n")
    >>> r.institution, r.format.value, [p.status.value for p in r.parts][:2]
    ('某某大学', 'ministry', ['own', 'missing'])
    >>> {f.key: f.status.value for f in r.figures}["complaints"]
    'given'

    Raises:
        TextTooLargeError: if the text is longer than :data:`~hnjd_disclosure.parse.MAX_CHARS`.
    """
    rules = survey_rules()
    # names are recognised in simplified characters, one for one (offsets stay offsets); the
    # evidence quoted is the text's own
    plain = simplified(text)
    document = read_document(plain)
    header = read_header(text)
    audit = check_document(text, document if plain == text else read_document(text), header)
    items = match_items(plain, document)
    headings = [b for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    parts, other = _parts(rules, headings, items)
    sections = _sections(rules, text, document, headings, header.part_names_span)
    assessment, assessment_evidence = _assessment(rules, text, sections)
    return ReportSurvey(
        source=source,
        institution=header.institution,
        title=header.title,
        year=header.year,
        academic_year=header.academic_year,
        period_start=header.period_start,
        period_end=header.period_end,
        kind=_kind(header.institution),
        format=_format(rules, header, headings, parts),
        announced_parts=header.stated_part_count or (len(header.part_names) or None),
        parts=parts,
        other_headings=other,
        items=items,
        figures=tuple(_figures(rules, text, sections)),
        assessment=assessment,
        assessment_evidence=assessment_evidence,
        citations=check_citations(text),
        checks_verified=audit.verified,
        checks_unverifiable=len(audit.unverifiable),
        failed=tuple(c for c in audit.checks if c.verdict is Verdict.FAILED),
        dated=_dated(text),
        sentence_digests=_digests(_sentence_keys(sections.pieces)),
        figure_digests=_digests(_figure_keys(text)),
    )


# -- identity ---------------------------------------------------------------------------------

_VOCATIONAL: Final = ("职业", "专科", "高职")
_DIGEST: Final = 8


def _kind(institution: str | None) -> InstitutionKind | None:
    """高职 when the name says so (职业技术学院, 高等专科学校), 本科 for another 大学/学院."""
    if institution is None:
        return None
    if any(word in institution for word in _VOCATIONAL):
        return InstitutionKind.VOCATIONAL
    if institution.endswith(("大学", "学院")):
        return InstitutionKind.UNDERGRADUATE
    return None


def _format(
    rules: SurveyRules, header: Header, headings: Sequence[Heading], parts: Sequence[PartFound]
) -> ReportFormat:
    title = header.title or ""
    if any(t in title for t in rules.government_titles) or any(
        g in h.title for h in headings for g in rules.government_headings
    ):
        return ReportFormat.GOVERNMENT
    named = all(w in title for w in rules.ministry_title_words) and any(
        end in title for end in rules.ministry_title_ends
    )
    found = sum(p.status is not PartStatus.MISSING for p in parts)
    if named or found >= rules.ministry_min_parts:
        return ReportFormat.MINISTRY
    return ReportFormat.OTHER


# -- structure --------------------------------------------------------------------------------


def _parts(
    rules: SurveyRules, headings: Sequence[Heading], items: Sequence[ItemMatch]
) -> tuple[tuple[PartFound, ...], tuple[str, ...]]:
    """Each part's best heading (its own beats a shared one), and the headings of no part."""
    best: dict[int, tuple[PartStatus, Heading]] = {}
    other: list[str] = []
    for heading in headings:
        numbers = rules.parts_named(heading.title)
        if not numbers:
            other.append(heading.title)
        status = PartStatus.OWN if len(numbers) == 1 else PartStatus.MERGED
        for n in numbers:
            if n not in best or (best[n][0] is PartStatus.MERGED and status is PartStatus.OWN):
                best[n] = (status, heading)
    found = []
    for part in rules.parts:
        if part.number in best:
            status, heading = best[part.number]
            found.append(
                PartFound(
                    number=part.number,
                    name=part.name,
                    status=status,
                    heading=f"{heading.number}{heading.title}",
                    span=heading.span,
                )
            )
        elif part.number == _CHECKLIST_PART and any(i.source is ItemSource.TABLE for i in items):
            # the checklist table without a heading of its own (an appendix, a 附表)
            found.append(_table_part(part.name, items))
        else:
            found.append(
                PartFound(
                    number=part.number,
                    name=part.name,
                    status=PartStatus.MISSING,
                    heading="",
                    span=None,
                )
            )
    return tuple(found), tuple(other)


_CHECKLIST_PART: Final = 8


def _table_part(name: str, items: Sequence[ItemMatch]) -> PartFound:
    spans = [i.span for i in items if i.source is ItemSource.TABLE and i.span is not None]
    return PartFound(
        number=_CHECKLIST_PART,
        name=name,
        status=PartStatus.OWN,
        heading="",
        span=(min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None,
    )


_LISTS_PARTS: Final = 3

#: Each part's sections: the offsets from a heading naming it to the next level-1 heading.
_Sections = dict[int, list[tuple[int, int]]]


@frozen
class _Piece:
    """A sentence, or a table row read as one: its offsets, its text as printed, and in
    simplified characters (what names are looked for in)."""

    span: tuple[int, int]
    text: str
    plain: str
    row: bool = False
    #: A table row with a number in a cell of its own (``收到申请｜0`` gives a count).
    counted: bool = False

    @property
    def clauses(self) -> tuple[str, ...]:
        """Its clauses (a table row is one), with the titles of documents it cites blanked
        out (《关于…评议工作的通知》 is not an assessment)."""
        plain = _TITLE.sub("《》", self.plain) if "《" in self.plain else self.plain
        return (plain,) if self.row else tuple(_CLAUSE.split(plain))


@frozen
class _Sectioned:
    sections: _Sections
    pieces: tuple[_Piece, ...]
    headed: bool

    def within(self, part: int) -> Iterator[_Piece]:
        """The pieces of part ``part``'s sections; every piece when the text has no headings."""
        if not self.headed:
            yield from self.pieces
            return
        starts = [p.span[0] for p in self.pieces]  # in order: a section is a slice of them
        for a, b in self.sections.get(part, []):
            yield from self.pieces[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]


def _sections(
    rules: SurveyRules,
    text: str,
    document: Document,
    headings: Sequence[Heading],
    announced: tuple[int, int] | None,
) -> _Sectioned:
    """Each part's sections, and the pieces of the text but the sentence that announces the
    parts (「全文包括概述、…、评议情况…」 names every part and says nothing of them): the one
    the header found, and any that names three parts or more."""
    sections: _Sections = {}
    starts = [h.span[0] for h in headings] + [len(text)]
    for i, heading in enumerate(headings):
        for n in rules.parts_named(heading.title):
            sections.setdefault(n, []).append((heading.span[0], starts[i + 1]))
    pieces = tuple(
        p
        for p in _pieces(text, document)
        if (announced is None or not (p.span[0] < announced[1] and announced[0] < p.span[1]))
        and len(rules.parts_named(p.plain)) < _LISTS_PARTS
    )
    return _Sectioned(sections=sections, pieces=pieces, headed=bool(headings))


def _pieces(text: str, document: Document) -> Iterator[_Piece]:
    """Sentences and table rows; ``text`` (the original of the document's simplified text)
    is what a piece quotes."""
    for block in document.blocks:
        if isinstance(block, Paragraph):
            offset = block.span[0]
            for a, b in block.sentences:
                yield _Piece(span=(a, b), text=text[a:b], plain=block.text[a - offset : b - offset])
        elif isinstance(block, Table):
            for row in block.rows:
                a, b = row.span
                plain = "｜".join(c.text for c in row.cells)
                counted = any(c.kind is CellKind.COUNT for c in row.cells)
                yield _Piece(span=row.span, text=text[a:b], plain=plain, row=True, counted=counted)


# -- figures, assessment ----------------------------------------------------------------------

_EVIDENCE: Final = 200
_CLAUSE: Final = re.compile("[，,；;：:。！？!?]")
_TITLE: Final = re.compile("《[^《》]*+》")


def _figures(rules: SurveyRules, text: str, sections: _Sectioned) -> Iterator[RequiredFigure]:
    for rule in rules.figures:
        given = _giving(rules, sections.within(rule.part), rule.names) or _giving(
            rules, sections.pieces, rule.anywhere
        )
        yield RequiredFigure(
            key=rule.key,
            name=rule.name,
            status=FigureStatus.NOT_GIVEN if given is None else FigureStatus.GIVEN,
            evidence="" if given is None else given.text[:_EVIDENCE],
            span=None if given is None else given.span,
        )


def _giving(rules: SurveyRules, pieces: Iterable[_Piece], names: Sequence[str]) -> _Piece | None:
    """The first piece with a clause that names the figure and gives a count or says there
    were none (in one clause: 「共8个部分，包括依申请公开…」 gives no count of requests)."""
    for piece in pieces:
        if not any(name in piece.plain for name in names):
            continue  # the common case, decided without splitting the piece
        for clause in piece.clauses:
            if any(name in clause for name in names) and (
                piece.counted or rules.count.search(clause) or rules.zero.search(clause)
            ):
                return piece
    return None


def _assessment(
    rules: SurveyRules, text: str, sections: _Sectioned
) -> tuple[AssessmentStatus, str]:
    internal: str | None = None
    for piece in sections.within(rules.assessment_part):
        if not any(name in c for c in piece.clauses for name in rules.assessment_names):
            continue
        if any(word in c for c in piece.clauses for word in rules.assessment_public):
            return AssessmentStatus.PUBLIC, piece.text[:_EVIDENCE]
        if internal is None:
            internal = piece.text[:_EVIDENCE]
    if internal is None:
        return AssessmentStatus.NONE, ""
    return AssessmentStatus.INTERNAL, internal


# -- date, reuse ------------------------------------------------------------------------------

_DATE_LINE: Final = re.compile(
    r"^[ \t\u3000]*([0-9]{4}|[〇零一二三四五六七八九]{4})[ \t]*年[ \t]*"
    r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t]*月[ \t]*"
    r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t]*日[ \t\u3000]*$",
    re.MULTILINE,
)
_TAIL: Final = 2000


def _dated(text: str) -> datetime.date | None:
    """The date on a line of its own near the end (the report's closing date), if any."""
    found = None
    for found in _DATE_LINE.finditer(text, max(0, len(text) - _TAIL)):  # noqa: B007 - the last
        pass
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        return datetime.date(
            int(year.translate(_YEAR_DIGITS)),  # 2022, or 二〇二二 digit by digit
            int(month) if month.isdigit() else from_chinese(month),
            int(day) if day.isdigit() else from_chinese(day),
        )
    except ValueError:
        return None


_YEAR_DIGITS: Final = str.maketrans("〇零一二三四五六七八九", "00123456789")


_KEEP: Final = re.compile(r"[\s\u3000]+")
_SHORTEST: Final = 12
_CONTEXT: Final = 8
_FIGURE: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:%|万|人|个|名|篇|条|件|项|次|元)")


def _sentence_keys(pieces: Iterable[_Piece]) -> Iterator[str]:
    for piece in pieces:
        if not piece.row:
            sentence = _KEEP.sub("", piece.plain)
            if len(sentence) >= _SHORTEST:
                yield sentence


def _figure_keys(text: str) -> Iterator[str]:
    for match in _FIGURE.finditer(text):
        context = _KEEP.sub("", text[max(0, match.start() - _CONTEXT) : match.start()])
        yield context + match.group()


def _digests(keys: Iterable[str]) -> bytes:
    """8 bytes a key (CRC-32 and Adler-32 of its UTF-8: stable across processes, unlike
    ``hash``, and a tenth of a cryptographic digest's cost), distinct, sorted."""
    found = set()
    for key in keys:
        data = key.encode("utf-8", "surrogatepass")
        found.add(zlib.crc32(data) << 32 | zlib.adler32(data))
    return array("Q", sorted(found)).tobytes()


def shared_share(later: bytes, earlier: bytes) -> tuple[int, int]:
    """How many of ``later``'s digests ``earlier`` also has, and how many ``later`` has."""
    first = {earlier[i : i + _DIGEST] for i in range(0, len(earlier), _DIGEST)}
    keys = [later[i : i + _DIGEST] for i in range(0, len(later), _DIGEST)]
    return sum(k in first for k in keys), len(keys)
