"""hnjd_disclosure: annual information-disclosure reports (信息公开年度报告) as typed data.

>>> import hnjd_disclosure as hd
>>> report = hd.builtin_report(2022)
>>> report.proactive.admissions.admission_rate
StatedPercent(value=Decimal('99.90'))

The modules beyond these names are imported on first use as attributes: ``hd.audit``,
``hd.compare``, ``hd.records``, ``hd.stats``, ``hd.parse``, ``hd.draft``, ``hd.checklist``,
``hd.schema`` (so that ``import hnjd_disclosure`` stays fast).

>>> hd.stats.rate(5295, 5300), len(hd.audit.audit(report))
(Decimal('99.91'), 1)
"""

import importlib
from typing import Any

from .errors import (
    DataError,
    HnjdError,
    ModelError,
    ParseError,
    TextTooLargeError,
    UnknownYearError,
)
from .io import (
    available_years,
    builtin_report,
    dumps_json,
    dumps_toml,
    load,
    loads_json,
    loads_toml,
    save,
)
from .model import AnnualReport
from .model.report import set_html_display
from .quantities import Count, Ranking, StatedPercent, WanFigure
from .render import render

__all__ = [
    "AnnualReport",
    "Count",
    "DataError",
    "HnjdError",
    "ModelError",
    "ParseError",
    "Ranking",
    "StatedPercent",
    "TextTooLargeError",
    "UnknownYearError",
    "WanFigure",
    "available_years",
    "builtin_report",
    "dumps_json",
    "dumps_toml",
    "load",
    "loads_json",
    "loads_toml",
    "render",
    "save",
]


def _report_html(report: AnnualReport) -> str:
    # Imported on the first display, not at every start (records imports stats, fractions).
    from .records import report_html

    return report_html(report)


set_html_display(_report_html)

#: Submodules imported on first access as attributes of the package (``hd.audit``).
_LAZY = frozenset(
    {"audit", "checklist", "compare", "convert", "draft", "parse", "records", "schema", "stats"}
)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
