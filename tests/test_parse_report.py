"""parse_report reads this school's layout back into the model: the inverse of render."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from hnjd_disclosure import ParseError, builtin_report, render
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.parse import parse_report

from .strategies import any_text_reports, reports

# The published text does not print part 8, so what it gives has no checklist.
REPORT = attrs.evolve(builtin_report(2022), checklist=None)


@given(reports())
def test_round_trip(report: AnnualReport) -> None:
    """Every report the strategy builds comes back unchanged from its text."""
    assert parse_report(render(report)) == report


@given(any_text_reports())
def test_round_trip_any_text(report: AnnualReport) -> None:
    """With any text the model accepts (all of Unicode) in every text field, those written
    inside a template sentence included, the report comes back unchanged from its text."""
    assert parse_report(render(report)) == report


def test_paragraph_ending_with_a_digit_before_the_admissions_figures() -> None:
    """A last paragraph ending with a digit keeps it (…3 before 2022年面向 was read as 32022)."""
    adm = REPORT.proactive.admissions
    report = attrs.evolve(
        REPORT,
        proactive=attrs.evolve(
            REPORT.proactive, admissions=attrs.evolve(adm, paragraphs=("招生章程第3",))
        ),
    )
    assert parse_report(render(report)) == report


def test_published_2022_text(published_text: str) -> None:
    """The text the school published reads as the built-in 2022 report.

    The published text announces part 8 (the checklist table) but does not print it, so the
    report read from it has no checklist; everything else is equal.
    """
    assert parse_report(published_text) == REPORT


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("计划招生 5300人", "计划招生 \uff15\uff13\uff10\uff10人"),
        ("计划招生 5300人", "计划招生5,300人"),
        ("录取率为 99.90%", "录取率为 \uff19\uff19\uff0e\uff19\uff10\uff05"),
        ("报到5112人，报到率", "报到 5112 人, 报到率"),
        ("共131条", "共 131 条"),
        ("（一）学校主动", "(一) 学校主动"),
        ("（二）主动公开", "(二)主动公开"),
        ("\n1.招生就业", "\n1．招生就业"),
        ("\n\n", "\n"),
        ("\n", "\n\n\n"),
        ("\n", "  \n"),
        ("电话：0731", "电话:0731"),
        ("2021年9月1日至", "2021.9.1至"),
        ("27.22%。", "27.22%."),
        ("编制而成。", "编制而成."),
        ("2022年8月31日。", "2022年8月31日."),
        ("稳居前百名。", "稳居前百名."),
        ("稳居前百名。", "稳居前百名\uff0e"),
        ("计划招生 5300人", "计划招生 5 300人"),
    ],
)
def test_tolerated_variants(published_text: str, old: str, new: str) -> None:
    """Width, spaces, separators, parentheses and blank lines do not change what is read."""
    assert old in published_text
    variant = published_text.replace(old, new)
    parsed = parse_report(variant)
    if old == "电话：0731":
        assert parsed.other.contact == REPORT.other.contact
    else:
        assert parsed == REPORT


def test_byte_order_mark(published_text: str) -> None:
    """A byte-order mark left at the start of a decoded file is not part of the institution."""
    assert parse_report("\ufeff" + published_text) == REPORT


def test_navigation_before_title(published_text: str) -> None:
    """A web page's navigation lines before the institution are skipped."""
    page = "首页 > 信息公开 > 年度报告\n当前位置：信息公开\n\n" + published_text
    assert parse_report(page) == REPORT


def test_prose_is_kept_exactly(published_text: str) -> None:
    """Half-width punctuation in prose stays as written (only figures are normalised)."""
    variant = published_text.replace("学校高度重视信息公开工作，", "学校高度重视信息公开工作,")
    parsed = parse_report(variant)
    assert parsed.overview.paragraphs[0].startswith("学校高度重视信息公开工作,认真")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "preamble"),
        ("hello\nworld\n", 1, "preamble"),
        ("本年度报告是根据\n", 1, "institution and the title"),
        ("某某\n本年度报告是根据\n", 1, "on two lines"),
    ],
)
def test_not_a_report(text: str, line: int, fragment: str) -> None:
    """Text that is not such a report raises ParseError naming the line and what was expected."""
    with pytest.raises(ParseError, match=fragment) as info:
        parse_report(text)
    assert info.value.line == line


def test_error_points_at_the_broken_figure(published_text: str) -> None:
    """A figure that cannot be read is reported at its line and column."""
    broken = published_text.replace("实际录取 5295人", "实际录取 很多人")
    with pytest.raises(ParseError) as info:
        parse_report(broken)
    lines = broken.splitlines()
    err = info.value
    assert "实际录取" in lines[err.line - 1]
    assert lines[err.line - 1][err.column - 1 :].startswith("很多人")
    assert "a number" in err.message


def test_missing_part_names_the_heading(published_text: str) -> None:
    """A missing part heading is named."""
    cut = published_text[: published_text.index("七、其他需要报告的事项")]
    with pytest.raises(ParseError, match="七、"):
        parse_report(cut)


def test_model_rule_becomes_parse_error(published_text: str) -> None:
    """A figure breaking a rule of the model (registered > admitted) is a ParseError too."""
    broken = published_text.replace("报到5112人", "报到6000人")
    with pytest.raises(ParseError, match="registered"):
        parse_report(broken)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_breaks(published_text: str, newline: str) -> None:
    """Any line break convention reads the same."""
    assert parse_report(published_text.replace("\n", newline)) == REPORT


def test_home_province_named_like_the_template() -> None:
    """A province whose name holds 就业 still reads back (found by fuzzing)."""
    full = builtin_report(2022)
    adm = full.proactive.admissions
    employment = attrs.evolve(adm.employment, home_province="就业")
    report = attrs.evolve(
        full,
        checklist=None,
        proactive=attrs.evolve(full.proactive, admissions=attrs.evolve(adm, employment=employment)),
    )
    assert parse_report(render(report)) == report


def test_thousands_separator_needs_three_digits(published_text: str) -> None:
    """5,30 is not a thousands separator: the figure is refused, not misread."""
    with pytest.raises(ParseError, match="人"):
        parse_report(published_text.replace("计划招生 5300人", "计划招生 5,30人"))


def test_institution_and_title_on_one_line(published_text: str) -> None:
    joined = published_text.replace(
        "湖南机电职业技术学院\n2022年", "湖南机电职业技术学院 2022年", 1
    )
    assert parse_report(joined) == REPORT


class TestListedItems:
    """The teaching and student-affairs lists are read from their sentences."""

    def test_published_lists(self, published_text: str) -> None:
        """The 2022 text gives the lists of the built-in report, item by item."""
        proactive = parse_report(published_text).proactive
        assert proactive.teaching.disclosed == REPORT.proactive.teaching.disclosed
        assert proactive.student_affairs.aid == REPORT.proactive.student_affairs.aid
        assert proactive.student_affairs.rules == REPORT.proactive.student_affairs.rules
        assert "科研奖励" in proactive.teaching.disclosed.items  # type: ignore[union-attr]

    def test_an_item_added_in_the_text_is_read(self, published_text: str) -> None:
        """An item added to a list in the text is one more item, not more prose."""
        variant = published_text.replace("停招专业、", "停招专业、实习管理办法、")
        listed = parse_report(variant).proactive.teaching.disclosed
        assert listed is not None
        assert listed.items[4:6] == ("停招专业", "实习管理办法")

    def test_prose_without_a_list_stays_prose(self, published_text: str) -> None:
        """A domain whose text lists nothing keeps its paragraph as prose."""
        start = published_text.index("本年度，通过学校网站、教务管理系统")
        end = published_text.index("\n", start)
        variant = published_text[:start] + "本年度，按要求公开教学科研信息。" + published_text[end:]
        teaching = parse_report(variant).proactive.teaching
        assert teaching.disclosed is None
        assert teaching.paragraphs == ("本年度，按要求公开教学科研信息。",)

    def test_rules_without_aid(self, published_text: str) -> None:
        """The rules sentence is read when the aid sentence lists nothing."""
        start = published_text.index("本年度，在官网设置“学生工作”")
        end = published_text.index("在官网设置“学生工作”版块中的教育管理", start)
        variant = published_text[:start] + "本年度，宣传资助政策。" + published_text[end:]
        affairs = parse_report(variant).proactive.student_affairs
        assert affairs.aid is None
        assert affairs.rules is not None
        assert affairs.rules.lead.startswith("本年度，宣传资助政策。在官网设置")
        assert affairs.rules.items == REPORT.proactive.student_affairs.rules.items  # type: ignore[union-attr]
