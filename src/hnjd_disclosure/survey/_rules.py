"""The survey's rules as data: ``data/survey.toml`` read once into typed values."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any, Final

from attrs import frozen

from .._data import package_text

__all__ = ["FigureRule", "PartRule", "SurveyRules", "survey_rules"]

_RULES_FILE: Final = "data/survey.toml"


@frozen(kw_only=True)
class PartRule:
    """One of the Ministry's eight parts and the names its heading goes by."""

    number: int
    name: str
    names: tuple[str, ...]


@frozen(kw_only=True)
class FigureRule:
    """A figure a report must give, looked for in the section of part ``part``."""

    key: str
    name: str
    part: int
    names: tuple[str, ...]
    anywhere: tuple[str, ...]


@frozen(kw_only=True)
class SurveyRules:
    """Everything ``data/survey.toml`` states."""

    parts: tuple[PartRule, ...]
    government_titles: tuple[str, ...]
    government_headings: tuple[str, ...]
    ministry_title_words: tuple[str, ...]
    ministry_title_ends: tuple[str, ...]
    ministry_min_parts: int
    count: re.Pattern[str]
    zero: re.Pattern[str]
    figures: tuple[FigureRule, ...]
    assessment_part: int
    assessment_names: tuple[str, ...]
    assessment_public: tuple[str, ...]

    #: One pattern of every part's name (longest first) and the parts each name names.
    part_names: re.Pattern[str]
    parts_of_name: dict[str, tuple[int, ...]]

    def parts_named(self, text: str) -> list[int]:
        """The numbers of the parts ``text`` names, in order, each once.

        >>> survey_rules().parts_named("四、评议及举报、复议、诉讼情况")
        [4, 5]
        """
        if not self.part_names.search(text):
            return []
        return sorted(
            {n for m in self.part_names.finditer(text) for n in self.parts_of_name[m.group()]}
        )


def _part_names(parts: tuple[PartRule, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    of_name: dict[str, tuple[int, ...]] = {}
    for part in parts:
        for name in part.names:
            of_name[name] = (*of_name.get(name, ()), part.number)
    names = sorted(of_name, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), of_name


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@cache
def survey_rules() -> SurveyRules:
    """The rules of the package data, read once.

    >>> [p.number for p in survey_rules().parts]
    [1, 2, 3, 4, 5, 6, 7, 8]
    """
    raw = tomllib.loads(package_text(_RULES_FILE))
    fmt, figure_rules, assessment = raw["format"], raw["figure_rules"], raw["assessment"]
    parts = tuple(
        PartRule(number=p["number"], name=p["name"], names=_strings(p["names"]))
        for p in raw["parts"]
    )
    part_names, parts_of_name = _part_names(parts)
    return SurveyRules(
        parts=parts,
        part_names=part_names,
        parts_of_name=parts_of_name,
        government_titles=_strings(fmt["government_titles"]),
        government_headings=_strings(fmt["government_headings"]),
        ministry_title_words=_strings(fmt["ministry_title_words"]),
        ministry_title_ends=_strings(fmt["ministry_title_ends"]),
        ministry_min_parts=fmt["ministry_min_parts"],
        count=re.compile(figure_rules["count"]),
        zero=re.compile("|".join(f"(?:{z})" for z in figure_rules["zero"])),
        figures=tuple(
            FigureRule(
                key=f["key"],
                name=f["name"],
                part=f["part"],
                names=_strings(f["names"]),
                anywhere=_strings(f.get("anywhere", ())),
            )
            for f in raw["figures"]
        ),
        assessment_part=assessment["part"],
        assessment_names=_strings(assessment["names"]),
        assessment_public=_strings(assessment["public"]),
    )
