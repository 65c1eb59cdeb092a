"""A survey of many reports: read each (in worker processes if asked), score, rank, and find
what a later year carried over from an earlier one of the same institution.

Reports are read and surveyed one at a time, and only a compact :class:`SurveyRow` of each is
kept, so a folder of tens of thousands of reports never sits in memory at once.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
from attrs import frozen

from ..checklist import checklist_2014
from ..errors import HnjdError, escape
from ..io import REPORT_TEXT_SUFFIXES, read_report_text
from ..model import InstitutionKind
from ._citations import CitationVerdict
from ._items import ItemStatus
from ._report import (
    AssessmentStatus,
    FigureStatus,
    PartStatus,
    ReportFormat,
    ReportSurvey,
    shared_share,
    survey_text,
)
from ._rules import survey_rules
from ._score import Point, Weights, score, score_points

if TYPE_CHECKING:
    import pandas

__all__ = ["Reuse", "Survey", "SurveyRow", "iter_survey", "sources_in", "survey", "survey_file"]

Source = str | os.PathLike[str]
_SHARE: Final = Decimal("0.0001")


@frozen(kw_only=True)
class Reuse:
    """What a report carried over unchanged from the same institution's earlier report.

    >>> reuse = Reuse(earlier="2022.txt", earlier_year=2022, sentences_carried=2, sentences=3,
    ...               figures_repeated=0, figures=4)
    >>> reuse.sentence_share
    Decimal('0.6667')
    """

    #: The earlier report's source and year.
    earlier: str
    earlier_year: int
    #: Sentences of this report found word for word in the earlier one, of all it has.
    sentences_carried: int
    sentences: int
    #: Figures (with the words just before them) found unchanged in the earlier report.
    figures_repeated: int
    figures: int

    @property
    def sentence_share(self) -> Decimal | None:
        """The share of sentences carried over, to four decimal places (四舍五入); ``None``
        for a report without sentences.

        >>> Reuse(earlier="a", earlier_year=2022, sentences_carried=0, sentences=0,
        ...       figures_repeated=0, figures=0).sentence_share is None
        True
        """
        if not self.sentences:
            return None
        return (Decimal(self.sentences_carried) / Decimal(self.sentences)).quantize(
            _SHARE, rounding=ROUND_HALF_UP
        )


@frozen(kw_only=True)
class SurveyRow:
    """One report of a survey, compact: what it is, what it has, its score and rank.

    The full findings of one report (the sentences each point rests on) come from
    :func:`survey_file` or :func:`~hnjd_disclosure.survey.survey_text`; a survey keeps only this.

    >>> from hnjd_disclosure.survey import survey_text
    >>> report = survey_text("一、概述\\n", source="r.txt")
    >>> row = SurveyRow.of(report, score_points(report, Weights.default()))
    >>> row.score, row.won, row.possible, row.rank
    (Decimal('2.6'), Decimal('2'), Decimal('77'), None)
    """

    source: str
    error: str | None
    institution: str | None
    title: str | None
    year: int | None
    academic_year: tuple[int, int] | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    period_days: int | None
    kind: str | None
    format: ReportFormat
    announced_parts: int | None
    parts: tuple[PartStatus, ...]
    items: tuple[ItemStatus, ...]
    items_applicable: int
    figures: tuple[tuple[str, FigureStatus], ...]
    assessment: AssessmentStatus
    citations_known: int
    citations_unknown: int
    slips: tuple[str, ...]
    checks_verified: int
    checks_unverifiable: int
    checks_failed: int
    dated: datetime.date | None
    won: Decimal
    possible: Decimal
    score: Decimal | None
    rank: int | None = None
    reuse: Reuse | None = None
    sentence_digests: bytes = attrs.field(default=b"", repr=False)
    figure_digests: bytes = attrs.field(default=b"", repr=False)

    @classmethod
    def of(cls, report: ReportSurvey, points: tuple[Point, ...]) -> SurveyRow:
        """The compact row of a surveyed report and its points.

        >>> SurveyRow.of(survey_file("missing.txt"), ()).error
        'missing.txt: no such file or folder'
        """
        return cls(
            source=report.source,
            error=report.error,
            institution=report.institution,
            title=report.title,
            year=report.year,
            academic_year=report.academic_year,
            period_start=report.period_start,
            period_end=report.period_end,
            period_days=report.period_days,
            kind=None if report.kind is None else report.kind.value,
            format=report.format,
            announced_parts=report.announced_parts,
            parts=tuple(p.status for p in report.parts),
            items=tuple(i.status for i in report.items),
            items_applicable=sum(p.key.startswith("item.") for p in points),
            figures=tuple((f.key, f.status) for f in report.figures),
            assessment=report.assessment,
            citations_known=sum(c.verdict is CitationVerdict.KNOWN for c in report.citations),
            citations_unknown=sum(c.verdict is CitationVerdict.UNKNOWN for c in report.citations),
            slips=tuple(c.slip for c in report.citations if c.verdict is CitationVerdict.SLIP),
            checks_verified=report.checks_verified,
            checks_unverifiable=report.checks_unverifiable,
            checks_failed=len(report.failed),
            dated=report.dated,
            won=sum((p.won for p in points), Decimal(0)),
            possible=sum((p.possible for p in points), Decimal(0)),
            score=score(points),
            sentence_digests=report.sentence_digests,
            figure_digests=report.figure_digests,
        )

    def record(self) -> dict[str, Any]:
        """The row as flat columns (str, int, Decimal, date or ``None``): the one list of
        columns every output writes, the same for every row (``None`` where a row that could
        not be read has nothing).

        >>> record = survey_row("missing.txt").record()
        >>> record["score"], record["format"], record["figure_requests"], record["error"]
        (None, None, None, 'missing.txt: no such file or folder')
        >>> from hnjd_disclosure.survey import survey_text
        >>> readable = SurveyRow.of(survey_text("一、概述\\n"), ()).record()
        >>> list(record) == list(readable)
        True
        """
        count = Counter(self.items)
        return {
            "rank": self.rank,
            "score": self.score,
            "institution": self.institution,
            "year": self.year,
            "academic_year": (
                None if self.academic_year is None else "{}-{}".format(*self.academic_year)
            ),
            "period_start": self.period_start,
            "period_end": self.period_end,
            "period_days": self.period_days,
            "kind": self.kind,
            "format": None if self.error is not None else self.format.value,
            "parts_announced": self.announced_parts,
            "parts_found": sum(s is not PartStatus.MISSING for s in self.parts),
            "parts_missing": _numbers(self.parts, PartStatus.MISSING),
            "parts_merged": _numbers(self.parts, PartStatus.MERGED),
            "items_disclosed": count[ItemStatus.DISCLOSED],
            "items_mentioned": count[ItemStatus.MENTIONED],
            "items_applicable": self.items_applicable,
            **{f"figure_{rule.key}": None for rule in survey_rules().figures},
            **{f"figure_{key}": status.value for key, status in self.figures},
            "assessment": self.assessment.value,
            "citations_known": self.citations_known,
            "citations_unknown": self.citations_unknown,
            "citation_slips": len(self.slips),
            "citation_slip_notes": "; ".join(self.slips) or None,
            "checks_verified": self.checks_verified,
            "checks_unverifiable": self.checks_unverifiable,
            "checks_failed": self.checks_failed,
            "dated": self.dated,
            "points_won": self.won,
            "points_possible": self.possible,
            "reused_from": None if self.reuse is None else self.reuse.earlier,
            "sentences_carried_share": None if self.reuse is None else self.reuse.sentence_share,
            "figures_repeated": None if self.reuse is None else self.reuse.figures_repeated,
            "source": self.source,
            "error": self.error,
        }


def _numbers(parts: tuple[PartStatus, ...], status: PartStatus) -> str:
    return ",".join(str(i) for i, s in enumerate(parts, 1) if s is status)


@frozen(kw_only=True)
class Survey:
    """The rows of a survey, ranked (best first; unreadable reports last, unranked), and the
    weights they were scored with.

    >>> result = Survey.of([survey_row("missing.txt")])
    >>> len(result.rows), result.rows[0].rank, result.weights == Weights.default()
    (1, None, True)
    """

    rows: tuple[SurveyRow, ...]
    weights: Weights

    @classmethod
    def of(cls, rows: Iterable[SurveyRow], weights: Weights | None = None) -> Survey:
        """The survey of rows made elsewhere (by :func:`survey_row` on a cluster, say):
        ranked, and each later report compared with its institution's earlier one.

        >>> rows = [survey_row(path) for path in []]
        >>> Survey.of(rows).rows
        ()
        """
        return cls(
            rows=_ranked(_with_reuse(list(rows))),
            weights=Weights.default() if weights is None else weights,
        )

    def records(self) -> list[dict[str, Any]]:
        """Every row's :meth:`SurveyRow.record`, in rank order.

        >>> [r["source"] for r in Survey.of([survey_row("missing.txt")]).records()]
        ['missing.txt']
        """
        return [row.record() for row in self.rows]

    def missing_items(self) -> Counter[int]:
        """How many readable reports did not show each checklist item disclosed, of those it
        applies to (by the institution's kind; 本科 when the kind is not known).

        >>> Survey.of([survey_row("missing.txt")]).missing_items()
        Counter()
        """
        standard = checklist_2014()
        missing: Counter[int] = Counter()
        for row in self.rows:
            kind = InstitutionKind(row.kind) if row.kind else InstitutionKind.UNDERGRADUATE
            for number, status in enumerate(row.items, 1):
                if status is not ItemStatus.DISCLOSED and (
                    standard.not_applicable_reason(number, kind) is None
                ):
                    missing[number] += 1
        return missing

    # -- outputs (survey/_output.py) ----------------------------------------------------------

    def to_dataframe(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame, one row per report: whole numbers ``Int64``
        (missing where unknown), Decimals ``float64``, dates ``datetime64``, texts as texts.

        Needs the optional extra: ``pip install "hnjd-disclosure[pandas]"``.

        >>> frame = survey([]).to_dataframe()
        >>> len(frame)
        0

        Raises:
            ImportError: if pandas is not installed, saying how to install it.
        """
        from ._output import to_dataframe

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        """A compact table of the first 20 rows, for Jupyter."""
        from ._output import notebook_html

        return notebook_html(self)


def sources_in(paths: Iterable[Source]) -> Iterator[str]:
    """Every report file under ``paths``: a folder is read recursively (its files ending in
    one of :data:`~hnjd_disclosure.io.REPORT_TEXT_SUFFIXES`, in name order); a file is
    taken as given (if it cannot be read, its row says why).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b/2.txt", "a.html", "notes.csv"):
    ...     (folder / name).parent.mkdir(exist_ok=True)
    ...     _ = (folder / name).write_text("", "utf-8")
    >>> [pathlib.Path(p).relative_to(folder).as_posix() for p in sources_in([folder])]
    ['a.html', 'b/2.txt']
    """
    for path in paths:
        if Path(path).is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(REPORT_TEXT_SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield os.fspath(path)


def survey_file(path: Source) -> ReportSurvey:
    """Survey one report file; a file that cannot be read gives a report with its error (one
    line that names the file).

    >>> survey_file("missing.txt").error
    'missing.txt: no such file or folder'
    """
    source = os.fspath(path)
    if not os.path.lexists(source):
        return ReportSurvey(source=source, error=f"{escape(source)}: no such file or folder")
    try:
        text = read_report_text(source)
    except (HnjdError, OSError) as exc:
        return ReportSurvey(source=source, error=_one_line(exc))
    return survey_text(text, source=source)


def _one_line(exc: BaseException) -> str:
    first = getattr(exc, "first_line", None)
    line = first if isinstance(first, str) else str(exc)
    return line.splitlines()[0] if line else type(exc).__name__


def survey_row(source: Source, weights: Weights | None = None) -> SurveyRow:
    """The compact row of one report file: pure but for reading the file, and picklable, so
    it can run anywhere (worker processes, a cluster); :meth:`Survey.of` ranks the rows.

    >>> survey_row("missing.txt").score is None
    True
    """
    report = survey_file(source)
    return SurveyRow.of(
        report, score_points(report, Weights.default() if weights is None else weights)
    )


def iter_survey(
    sources: Iterable[Source],
    *,
    weights: Weights | None = None,
    workers: int = 1,
    on_row: Callable[[SurveyRow], None] | None = None,
) -> Iterator[SurveyRow]:
    """The compact row of each report file under ``sources``, in order, read in ``workers``
    processes; ``on_row`` is called with each (a progress bar). Unranked, without reuse.

    >>> [row.source for row in iter_survey(["missing.txt"])]
    ['missing.txt']

    Raises:
        ValueError: if ``workers`` is less than 1.
    """
    if type(workers) is not int or workers < 1:
        raise ValueError(f"workers must be an integer >= 1, got {workers!r}")
    chosen = Weights.default() if weights is None else weights
    rows = (
        (survey_row(s, chosen) for s in sources_in(sources))
        if workers == 1
        else _in_processes(sources_in(sources), chosen, workers)
    )
    for row in rows:
        if on_row is not None:
            on_row(row)
        yield row


def _in_processes(sources: Iterator[str], weights: Weights, workers: int) -> Iterator[SurveyRow]:
    """Rows in source order from a pool, with a bounded number of reports in flight."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    window = workers * 8
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[SurveyRow]] = deque()
        for source in sources:
            pending.append(pool.submit(survey_row, source, weights))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def survey(
    sources: Iterable[Source],
    *,
    workers: int = 1,
    weights: Weights | None = None,
    on_row: Callable[[SurveyRow], None] | None = None,
) -> Survey:
    """Survey every report under ``sources`` (files or folders, read recursively): one ranked
    row per report, with what a later year carried over from an earlier one.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("某某大学2022年信息公开年度报告\\n一、概述\\n", "utf-8")
    >>> _ = (folder / "b.pdf").write_bytes(b"%PDF")
    >>> result = survey([folder, folder / "b.pdf"])
    >>> [(r.institution, r.rank, r.error is None) for r in result.rows]
    [('某某大学', 1, True), (None, None, False)]

    Raises:
        ValueError: if ``workers`` is less than 1.
    """
    chosen = Weights.default() if weights is None else weights
    return Survey.of(iter_survey(sources, weights=chosen, workers=workers, on_row=on_row), chosen)


def _ranked(rows: list[SurveyRow]) -> tuple[SurveyRow, ...]:
    """Best score first; equal scores share a rank (1, 2, 2, 4); unreadable rows last."""
    scored = sorted(
        (r for r in rows if r.score is not None),
        key=lambda r: (-(r.score or 0), r.institution or "", r.source),
    )
    out = []
    rank = 0
    for i, row in enumerate(scored):
        if i == 0 or row.score != scored[i - 1].score:
            rank = i + 1
        out.append(attrs.evolve(row, rank=rank))
    return (*out, *(r for r in rows if r.score is None))


def _with_reuse(rows: list[SurveyRow]) -> list[SurveyRow]:
    """Each report of an institution paired with its latest earlier year's report."""
    by_institution: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.institution is not None and row.year is not None and row.error is None:
            by_institution.setdefault(row.institution, []).append(i)
    out = list(rows)
    for indexes in by_institution.values():
        for i in indexes:
            row = rows[i]
            earlier = [rows[j] for j in indexes if (rows[j].year or 0) < (row.year or 0)]
            if not earlier:
                continue
            before = max(earlier, key=lambda r: (r.year or 0, r.source))
            carried, sentences = shared_share(row.sentence_digests, before.sentence_digests)
            repeated, figures = shared_share(row.figure_digests, before.figure_digests)
            out[i] = attrs.evolve(
                row,
                reuse=Reuse(
                    earlier=before.source,
                    earlier_year=before.year or 0,
                    sentences_carried=carried,
                    sentences=sentences,
                    figures_repeated=repeated,
                    figures=figures,
                ),
            )
    return out
