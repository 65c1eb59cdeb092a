"""Surveying a folder of institutions' reports, as the third-party evaluations do.

:func:`survey` reads every report under a folder (text, Markdown, web pages, Word files) and
gives one ranked row per report: its identity (institution, year, period, the format it
follows), its structure (the Ministry's eight parts found, missing or merged), its coverage of
the 50-item checklist, the figures it must give, its citations, the arithmetic checks of its
figures, and what it carried over from the same institution's earlier report. The score is
points won out of points possible under documented, configurable :class:`Weights`, and every
point is explained (:func:`explain`).

:func:`survey_text` is the pure per-report step (its result is picklable), for running the
same survey on a cluster (see the docs' dask recipe).
"""

from ._citations import Citation, CitationVerdict, KnownDocument, check_citations, known_documents
from ._items import ItemMatch, ItemSource, ItemStatus, match_items
from ._output import to_csv, to_html, to_json, to_xlsx
from ._report import (
    AssessmentStatus,
    FigureStatus,
    PartFound,
    PartStatus,
    ReportFormat,
    ReportSurvey,
    RequiredFigure,
    survey_text,
)
from ._run import (
    Reuse,
    Survey,
    SurveyRow,
    iter_survey,
    sources_in,
    survey,
    survey_file,
    survey_row,
)
from ._score import Point, Weights, score, score_points

__all__ = [
    "AssessmentStatus",
    "Citation",
    "CitationVerdict",
    "FigureStatus",
    "ItemMatch",
    "ItemSource",
    "ItemStatus",
    "KnownDocument",
    "PartFound",
    "PartStatus",
    "Point",
    "ReportFormat",
    "ReportSurvey",
    "RequiredFigure",
    "Reuse",
    "Survey",
    "SurveyRow",
    "Weights",
    "check_citations",
    "iter_survey",
    "known_documents",
    "match_items",
    "score",
    "score_points",
    "sources_in",
    "survey",
    "survey_file",
    "survey_row",
    "survey_text",
    "to_csv",
    "to_html",
    "to_json",
    "to_xlsx",
]
