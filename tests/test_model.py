"""The model validates at construction and is immutable."""

from __future__ import annotations

import datetime
import pickle
import re
from typing import Any

import attrs
import pytest
from hypothesis import given

from hnjd_disclosure import builtin_report
from hnjd_disclosure._layout import LINE_BREAKS
from hnjd_disclosure.errors import ModelError
from hnjd_disclosure.model import (
    AnnualReport,
    Contact,
    Initiative,
    ItemList,
    OtherMatters,
    Period,
)
from hnjd_disclosure.quantities import Count

from .strategies import all_model_instances, reports

REPORT = builtin_report(2022)
ADMISSIONS = REPORT.proactive.admissions
EMPLOYMENT = ADMISSIONS.employment


def persons(n: int) -> Count:
    return Count(value=n, unit="人")


class TestImmutability:
    @given(reports())
    def test_every_model_class_rejects_mutation(self, report: AnnualReport) -> None:
        """Assigning to any field of any section raises FrozenInstanceError."""
        for obj in all_model_instances(report):
            name = attrs.fields(type(obj))[0].name  # type: ignore[arg-type]
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(obj, name, getattr(obj, name))

    @given(reports())
    def test_reports_pickle_and_hash(self, report: AnnualReport) -> None:
        """Reports pickle unchanged and hash like their copies."""
        assert pickle.loads(pickle.dumps(report)) == report
        assert hash(report) == hash(attrs.evolve(report))

    def test_evolve_derives_a_changed_copy(self) -> None:
        """attrs.evolve changes one figure and leaves the original alone."""
        changed = attrs.evolve(ADMISSIONS, planned=persons(5400))
        assert changed.planned.value == 5400
        assert ADMISSIONS.planned.value == 5300


class TestValidation:
    def test_registered_not_larger_than_admitted(self) -> None:
        """More registered students than admitted ones is refused, naming the field."""
        with pytest.raises(ModelError, match="^registered: must not be larger than admitted"):
            attrs.evolve(ADMISSIONS, registered=persons(5296))

    def test_placed_not_larger_than_graduates(self) -> None:
        """More placed graduates than graduates is refused."""
        with pytest.raises(ModelError, match="^placed: must not be larger than graduates"):
            attrs.evolve(EMPLOYMENT, placed=persons(4847))

    def test_in_and_out_of_province_not_larger_than_placed(self) -> None:
        """The placed in and outside the home province cannot outnumber the placed."""
        with pytest.raises(ModelError, match="^out_of_province: in_province"):
            attrs.evolve(EMPLOYMENT, out_of_province=persons(1182))

    def test_count_with_wrong_unit(self) -> None:
        """A count field takes only its own unit."""
        with pytest.raises(ModelError, match="^planned: expected a count in 人"):
            attrs.evolve(ADMISSIONS, planned=Count(value=5300, unit="篇"))

    def test_plain_int_is_not_a_count(self) -> None:
        """An int where a Count is meant is refused rather than wrapped silently."""
        with pytest.raises(ModelError, match="^planned: expected a Count, got 5300"):
            attrs.evolve(ADMISSIONS, planned=5300)  # type: ignore[arg-type]

    def test_period_starts_before_it_ends(self) -> None:
        """A period whose end is not after its start is refused."""
        day = datetime.date(2022, 8, 31)
        with pytest.raises(ModelError, match="^end: must be after start"):
            Period(start=day, end=day)

    def test_datetime_is_not_a_date(self) -> None:
        """A datetime is refused where a date is meant."""
        with pytest.raises(ModelError, match="^start: expected date"):
            Period(start=datetime.datetime(2021, 9, 1), end=datetime.date(2022, 8, 31))

    @pytest.mark.parametrize("year", [True, "2022", 2022.0, 1800])
    def test_year_is_an_int_in_range(self, year: object) -> None:
        """The year must be an int (not a bool or string) in a plausible range."""
        with pytest.raises(ModelError, match="^year: expected an integer"):
            attrs.evolve(REPORT, year=year)  # type: ignore[arg-type]

    def test_paragraph_is_one_line(self) -> None:
        """A paragraph with a line break is refused at its index."""
        with pytest.raises(ModelError, match=r"^paragraphs\[0\]: must be one line"):
            attrs.evolve(REPORT.assessment, paragraphs=("a\nb",))

    def test_paragraphs_are_a_tuple(self) -> None:
        """A list is refused where a tuple is meant (models stay hashable)."""
        with pytest.raises(ModelError, match="^paragraphs: expected a tuple"):
            attrs.evolve(REPORT.assessment, paragraphs=["a"])  # type: ignore[arg-type]

    def test_initiative_title_has_no_full_stop(self) -> None:
        """The title of an initiative ends where its body begins, at 。."""
        with pytest.raises(ModelError, match="^title: must not contain 。"):
            Initiative(title="甲。乙", body="")

    def test_contact_intro_needs_contact(self) -> None:
        """A contact introduction without a contact is refused."""
        with pytest.raises(ModelError, match="^contact: is required"):
            OtherMatters(heading="其他", paragraphs=(), contact_intro="请联系：")

    def test_contact_office_has_no_colon(self) -> None:
        """The office name cannot hold the colon that separates it from the introduction."""
        with pytest.raises(ModelError, match="^office:"):
            Contact(office="办公室：", telephone="1")

    def test_model_errors_are_value_errors(self) -> None:
        """Callers that only know ValueError still catch model errors."""
        with pytest.raises(ValueError, match="registered"):
            attrs.evolve(ADMISSIONS, registered=persons(10**6))


class TestItemList:
    """An enumeration's items are data: non-empty lines without the separator 、."""

    def test_text_joins_the_items(self) -> None:
        listed = ItemList(lead="主要包括：", items=("甲办法", "乙名单"), tail="等。")
        assert listed.text == "主要包括：甲办法、乙名单等。"

    @pytest.mark.parametrize(
        ("items", "path"),
        [
            ((), "items"),
            (("甲、乙",), "items[0]"),
            (("甲", " "), "items[1]"),
            (("甲\n",), "items[0]"),
        ],
    )
    def test_bad_items_are_refused(self, items: tuple[str, ...], path: str) -> None:
        with pytest.raises(ModelError) as caught:
            ItemList(lead="包括", items=items, tail="")
        assert caught.value.path == path

    def test_the_2022_lists(self) -> None:
        """The built-in report lists 8 teaching items, 13 aid programmes and 4 rules."""
        proactive = REPORT.proactive
        assert proactive.teaching.disclosed is not None
        assert proactive.student_affairs.aid is not None
        assert proactive.student_affairs.rules is not None
        sizes = (
            len(proactive.teaching.disclosed.items),
            len(proactive.student_affairs.aid.items),
            len(proactive.student_affairs.rules.items),
        )
        assert sizes == (8, 13, 4)


class TestWhatTheReaderWouldChange:
    """Text the reader would split, strip or read otherwise is refused: render → parse is exact."""

    @pytest.mark.parametrize("brk", list(LINE_BREAKS))
    def test_every_line_break_is_refused(self, brk: str) -> None:
        """Any character the reader ends a line at (U+2028, Word's \x0b …) is refused."""
        with pytest.raises(ModelError, match=r"^institution: must be one line"):
            attrs.evolve(REPORT, institution=f"湖南机电职{brk}业技术学院")
        with pytest.raises(ModelError, match=r"^body: must be one line"):
            Initiative(title="标题", body=f"正文{brk}")

    @pytest.mark.parametrize("text", [" 湖南", "湖南\u3000", "\t湖南", "湖南\x1f", "\xa0湖南"])
    def test_space_at_either_end_is_refused(self, text: str) -> None:
        """A space at either end (the reader strips it) is refused; inside, it stays."""
        with pytest.raises(ModelError, match="^institution: must not start or end with a space"):
            attrs.evolve(REPORT, institution=text)
        assert attrs.evolve(REPORT, institution="湖南 机电").institution == "湖南 机电"

    @pytest.mark.parametrize("text", ["1.加强", "\uff11\uff0e加强", "（一）加强", "二、加强"])
    def test_paragraph_like_a_heading_is_refused(self, text: str) -> None:
        """A paragraph that starts like a heading is refused (it came back as a heading)."""
        with pytest.raises(ModelError, match=r"^paragraphs\[0\]: must not start like a heading"):
            attrs.evolve(REPORT.proactive, paragraphs=(text,))
        assert attrs.evolve(REPORT.proactive, paragraphs=("1.5倍",)).paragraphs == ("1.5倍",)

    def test_paragraph_like_an_initiative_is_refused(self) -> None:
        """Before initiatives, a paragraph starting 一是 is refused."""
        with pytest.raises(ModelError, match=r"^paragraphs\[0\]: must not start with '一是'"):
            attrs.evolve(REPORT.overview, paragraphs=("一是加强。",))

    def test_domain_heading_after_its_number(self) -> None:
        """A domain's heading (after 1.) must not start with a digit (1.5 is a number)."""
        with pytest.raises(ModelError, match="^heading: must not start with a digit"):
            attrs.evolve(REPORT.proactive.personnel, heading="5项人事信息")
        with pytest.raises(ModelError, match=r"^channels\[0\]: must not start with a digit"):
            attrs.evolve(REPORT.proactive, channels=("5个平台",))


class TestUnicodeText:
    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"institution": "湖南\ud800"}, "institution"),
            ({"part_names": ("概述", "\udfff")}, "part_names[1]"),
        ],
    )
    def test_lone_surrogate_is_refused(self, changes: dict[str, Any], path: str) -> None:
        """Text that could not be written as UTF-8 is refused when built, at its field."""
        with pytest.raises(ModelError, match=f"^{re.escape(path)}: must be Unicode text"):
            attrs.evolve(builtin_report(2022), **changes)

    def test_optional_text_too(self) -> None:
        with pytest.raises(ModelError, match="^body: must be Unicode text"):
            Initiative(title="标题", body="\ud800")


class TestFieldRulesAreValues:
    """Each field rule is one inspectable value: the converters, the fast path and the schema
    read it off the field."""

    def test_figure_rule_states_the_unit_once(self) -> None:
        """A 万 figure's rule holds its unit; the 万 of the shown unit comes from the rule."""
        from hnjd_disclosure.model import MediaFigures
        from hnjd_disclosure.model._fields import UNIT, FigureIn
        from hnjd_disclosure.quantities import WanFigure

        field = attrs.fields(MediaFigures).weibo_followers
        assert field.validator == FigureIn(kind=WanFigure, unit="人")
        assert field.metadata[UNIT] == "万人"

    def test_one_line_rule_gives_the_schema(self) -> None:
        """The schema's pattern of one-line text is the rule's own."""
        from hnjd_disclosure.model._fields import OneLine
        from hnjd_disclosure.schema import json_schema

        institution = json_schema()["properties"]["institution"]
        assert attrs.fields(AnnualReport).institution.validator == OneLine()
        assert institution["pattern"] == OneLine().schema()["pattern"]
