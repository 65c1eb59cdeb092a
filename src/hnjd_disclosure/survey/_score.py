"""The score of a surveyed report: points won, each with the reason and the sentence it rests on.

Every point is won by something the report contains (a part under a heading, a checklist
item, a figure, a correct citation, its period, its closing date), never taken off, so
removing a part or an item never raises a score. The weights are data
(``data/survey-weights.toml``); a user's own file replaces them (:meth:`Weights.from_toml`).
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any, Final

import attrs
from attrs import frozen

from .._data import package_text
from ..checklist import checklist_2014
from ..errors import DataError, Issue, ModelError
from ..model import InstitutionKind
from ._citations import Citation, CitationVerdict
from ._items import ItemStatus
from ._report import AssessmentStatus, FigureStatus, PartStatus, ReportSurvey

__all__ = ["Point", "Weights", "score", "score_points"]

_WEIGHTS_FILE: Final = "data/survey-weights.toml"
_HUNDRED: Final = Decimal(100)
_TENTH: Final = Decimal("0.1")


def _non_negative(instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    """The one rule of a weight: a finite number >= 0 (a negative one could make removing a
    part raise a score)."""
    if type(value) is not Decimal or not value.is_finite() or value < 0:
        raise ModelError(attribute.name, f"expected a number >= 0, got {value!r}")


def _citations(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not all(type(v) is str for v in value):
        raise ModelError(attribute.name, "expected a list of document numbers")


def _weight() -> Any:
    return attrs.field(validator=_non_negative)


@frozen(kw_only=True)
class Weights:
    """What each point is worth (see ``data/survey-weights.toml`` for the defaults and why).

    >>> Weights.default().part
    Decimal('2')
    """

    part: Decimal = _weight()
    merged: Decimal = _weight()
    item_disclosed: Decimal = _weight()
    item_mentioned: Decimal = _weight()
    figure: Decimal = _weight()
    assessment_public: Decimal = _weight()
    assessment_internal: Decimal = _weight()
    citation: Decimal = _weight()
    required_citations: tuple[str, ...] = attrs.field(validator=_citations)
    period: Decimal = _weight()
    on_time: Decimal = _weight()

    @classmethod
    def default(cls) -> Weights:
        """The package's default weights (``data/survey-weights.toml``).

        >>> Weights.default().required_citations
        ('教育部令第29号', '教办函〔2014〕23号')
        """
        return _default()

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<weights>") -> Weights:
        """Weights from a TOML text; a key it leaves out keeps its default.

        >>> Weights.from_toml("part = 3").part
        Decimal('3')
        >>> Weights.from_toml("parts = 3")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        hnjd_disclosure.errors.DataError: <weights>: parts: not a weight (expected one of: ...)

        Raises:
            DataError: naming the key, for an unknown key, a negative or non-numeric weight
                or a malformed file.
        """
        try:
            raw = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise DataError(source, [Issue("", f"not TOML: {exc}")]) from None
        return _weights(raw, source, base=_default())


def _weights(raw: Mapping[str, Any], source: str, *, base: Weights | None) -> Weights:
    names = [a.name for a in attrs.fields(Weights)]
    unknown = [key for key in raw if key not in names]
    if unknown:
        expected = f"not a weight (expected one of: {', '.join(names)})"
        raise DataError(source, [Issue(key, expected) for key in unknown])
    values: dict[str, Any] = {} if base is None else attrs.asdict(base, recurse=False)
    for key, value in raw.items():
        # TOML has integers and (read as Decimal) fractions; a list is a list of numbers
        values[key] = (
            Decimal(value) if type(value) is int else tuple(value) if type(value) is list else value
        )
    try:
        return Weights(**values)
    except ModelError as exc:
        raise DataError(source, [Issue(exc.path, exc.message)]) from None


@cache
def _default() -> Weights:
    text = package_text(_WEIGHTS_FILE)
    return _weights(tomllib.loads(text, parse_float=Decimal), _WEIGHTS_FILE, base=None)


@frozen(kw_only=True)
class Point:
    """One point a report could win: what it is, what it won of what it could, and why.

    ``key`` names it (``part.3``, ``item.33``, ``figure.requests``, ``assessment``,
    ``citation.教育部令第29号``, ``period``, ``on_time``); ``reason`` says in one English line
    why it won what it won, and ``evidence`` quotes the heading, row or sentence it rests on.

    >>> from hnjd_disclosure.survey import survey_text
    >>> point = score_points(survey_text("一、概述\\n"), Weights.default())[0]
    >>> point.key, point.won, point.possible, point.reason, point.evidence
    ('part.1', Decimal('2'), Decimal('2'), 'part 1 概述: under its own heading', '一、概述')
    """

    key: str
    won: Decimal
    possible: Decimal
    reason: str
    evidence: str = ""


def score_points(report: ReportSurvey, weights: Weights) -> tuple[Point, ...]:
    """Every point of ``report`` under ``weights``, in a fixed order (empty for a report that
    could not be read).

    >>> from hnjd_disclosure.survey import survey_text
    >>> points = score_points(survey_text("一、概述\\n"), Weights.default())
    >>> len(points), sum(p.won for p in points), sum(p.possible for p in points)
    (68, Decimal('2'), Decimal('77'))
    """
    if report.error is not None:
        return ()
    return (
        *_part_points(report, weights),
        *_item_points(report, weights),
        *_figure_points(report, weights),
        _assessment_point(report, weights),
        *_citation_points(report, weights),
        _period_point(report, weights),
        _on_time_point(report, weights),
    )


def score(points: tuple[Point, ...]) -> Decimal | None:
    """The points won out of the points possible, on a scale of 100, to one decimal place
    (四舍五入); ``None`` when nothing was possible.

    >>> score((Point(key="a", won=Decimal(1), possible=Decimal(3), reason=""),))
    Decimal('33.3')
    """
    possible = sum((p.possible for p in points), Decimal(0))
    if not possible:
        return None
    won = sum((p.won for p in points), Decimal(0))
    return (won * _HUNDRED / possible).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _part_points(report: ReportSurvey, weights: Weights) -> Iterator[Point]:
    for part in report.parts:
        label = f"part {part.number} {part.name}"
        if part.status is PartStatus.OWN:
            won, why = weights.part, f"{label}: under its own heading"
        elif part.status is PartStatus.MERGED:
            won, why = weights.part * weights.merged, f"{label}: under a heading it shares"
        else:
            won, why = Decimal(0), f"{label}: no heading names it"
        yield Point(
            key=f"part.{part.number}",
            won=won,
            possible=weights.part,
            reason=why,
            evidence=part.heading,
        )


def _item_points(report: ReportSurvey, weights: Weights) -> Iterator[Point]:
    standard = checklist_2014()
    kind = report.kind or InstitutionKind.UNDERGRADUATE
    for match in report.items:
        item = standard.item(match.number)
        label = f"item {match.number} {item.text}"
        if standard.not_applicable_reason(match.number, kind) is not None:
            continue
        if match.status is ItemStatus.DISCLOSED:
            won, why = weights.item_disclosed, f"{label}: disclosed ({match.source.value})"
        elif match.status is ItemStatus.MENTIONED:
            won, why = weights.item_mentioned, f"{label}: mentioned, not shown disclosed"
        elif match.status is ItemStatus.NOT_APPLICABLE:
            won, why = Decimal(0), f"{label}: said not to apply, but it applies to a {kind.value}"
        else:
            won, why = Decimal(0), f"{label}: not found"
        yield Point(
            key=f"item.{match.number}",
            won=won,
            possible=weights.item_disclosed,
            reason=why,
            evidence=match.evidence,
        )


def _figure_points(report: ReportSurvey, weights: Weights) -> Iterator[Point]:
    for figure in report.figures:
        given = figure.status is FigureStatus.GIVEN
        yield Point(
            key=f"figure.{figure.key}",
            won=weights.figure if given else Decimal(0),
            possible=weights.figure,
            reason=f"{figure.name}: {'given' if given else 'not given'}",
            evidence=figure.evidence,
        )


def _assessment_point(report: ReportSurvey, weights: Weights) -> Point:
    won, why = {
        AssessmentStatus.PUBLIC: (weights.assessment_public, "with the public's evaluation"),
        AssessmentStatus.INTERNAL: (weights.assessment_internal, "without the public's"),
        AssessmentStatus.NONE: (Decimal(0), "not reported"),
    }[report.assessment]
    return Point(
        key="assessment",
        won=won,
        possible=max(weights.assessment_public, weights.assessment_internal),
        reason=f"评议: {why}",
        evidence=report.assessment_evidence,
    )


def _citation_points(report: ReportSurvey, weights: Weights) -> Iterator[Point]:
    for number in weights.required_citations:
        right = _cited_as(report, number, CitationVerdict.KNOWN)
        slip = _cited_as(report, number, CitationVerdict.SLIP)
        if right is not None:
            how = "by its title" if right.number is None else "with its right number"
            why, evidence = f"{number}: cited {how}", _cited(right)
        elif slip is not None:
            why, evidence = f"{number}: cited with a slip ({slip.slip})", _cited(slip)
        else:
            why, evidence = f"{number}: not cited", ""
        yield Point(
            key=f"citation.{number}",
            won=weights.citation if right is not None else Decimal(0),
            possible=weights.citation,
            reason=why,
            evidence=evidence,
        )


def _cited_as(report: ReportSurvey, number: str, verdict: CitationVerdict) -> Citation | None:
    """The first citation of the document numbered ``number`` with ``verdict``, if any."""
    return next(
        (
            c
            for c in report.citations
            if c.verdict is verdict and c.document is not None and c.document.number == number
        ),
        None,
    )


def _cited(citation: Citation) -> str:
    title = f"《{citation.title}》" if citation.title else ""
    return f"{title}{citation.number or ''}"


def _period_point(report: ReportSurvey, weights: Weights) -> Point:
    stated = report.period_start is not None and report.period_end is not None
    return Point(
        key="period",
        won=weights.period if stated else Decimal(0),
        possible=weights.period,
        reason=(
            f"period: {report.period_start} to {report.period_end}"
            if stated
            else "period: not stated"
        ),
    )


def _on_time_point(report: ReportSurvey, weights: Weights) -> Point:
    year = report.year or (report.academic_year[1] if report.academic_year else None)
    dated = report.dated
    if dated is None or year is None:
        why = "closing date: none" if dated is None else "closing date: the report's year unknown"
        return Point(key="on_time", won=Decimal(0), possible=weights.on_time, reason=why)
    deadline = datetime.date(year, 10, 31)
    on_time = dated <= deadline
    return Point(
        key="on_time",
        won=weights.on_time if on_time else Decimal(0),
        possible=weights.on_time,
        reason=f"dated {dated}, {'by' if on_time else 'after'} the deadline {deadline}",
        evidence=str(dated),
    )
