"""hnjd_disclosure: annual information-disclosure reports (信息公开年度报告) as typed data.

>>> import hnjd_disclosure as hd
>>> report = hd.builtin_report(2022)
>>> report.proactive.admissions.admission_rate
StatedPercent(value=Decimal('99.90'))
"""

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
