"""read_header: who, which year and period, which documents, which parts."""

from __future__ import annotations

import datetime

import pytest

from hnjd_disclosure import builtin_report
from hnjd_disclosure.parse import read_header

from .conftest import DATA

REPORT = builtin_report(2022)


def _read(name: str) -> str:
    return (DATA / "reports" / name).read_text(encoding="utf-8")


def test_2022_header_matches_the_model(published_text: str) -> None:
    h = read_header(published_text)
    assert (h.institution, h.title, h.year) == (REPORT.institution, REPORT.title, REPORT.year)
    assert (h.period_start, h.period_end) == (REPORT.period.start, REPORT.period.end)
    assert not h.period_from_academic_year
    assert [(d.title, d.number) for d in h.documents] == [
        (b.title, b.doc_no) for b in REPORT.legal_basis
    ]
    assert h.part_names == REPORT.part_names
    assert h.stated_part_count == REPORT.stated_part_count
    for d in h.documents:
        assert published_text[d.span[0] : d.span[1]].startswith("《" + d.title)


def test_web_page_with_navigation_and_dotted_dates() -> None:
    h = read_header(_read("xiangjiang-university-2021.txt"))
    assert (h.institution, h.title) == ("湘江大学", "2020—2021学年信息公开年度报告")
    assert h.academic_year == (2020, 2021)
    assert (h.period_start, h.period_end) == (datetime.date(2020, 9, 1), datetime.date(2021, 8, 31))
    assert [d.number for d in h.documents] == ["教育部令第29号", "教办厅函〔2021〕38号"]
    assert h.stated_part_count == 6
    assert h.part_names == (
        "概述",
        "主动公开情况",
        "依申请公开情况",
        "收费及咨询情况",
        "存在的问题",
        "其他事项",
    )


def test_qi_zhi_dates_and_six_parts() -> None:
    h = read_header(_read("furong-vocational-2022-table.txt"))
    assert h.institution == "芙蓉职业技术学院"
    assert (h.period_start, h.period_end) == (datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
    assert h.stated_part_count == 6
    assert len(h.part_names) == 6


def test_institution_in_the_title_and_arabic_part_count() -> None:
    h = read_header(_read("lushan-college-2023-pipes.txt"))
    assert h.institution == "庐山学院"
    assert h.academic_year == (2022, 2023)
    assert h.stated_part_count == 8
    assert h.part_names == ()
    assert h.documents[0].title == "教育部关于公布<高等学校信息公开事项清单>的通知"


def test_period_from_the_academic_year_alone() -> None:
    h = read_header("某某学院2021—2022学年信息公开年度报告")
    assert (h.period_start, h.period_end) == (datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
    assert h.period_from_academic_year


@pytest.mark.parametrize("text", ["", "没有任何信息", "2021年13月45日至2022年8月31日"])
def test_missing_facts_are_none(text: str) -> None:
    h = read_header(text)
    assert h.institution is None
    assert h.stated_part_count is None
    assert h.period_start is None
    assert h.documents == ()


def test_byte_order_mark_is_not_part_of_the_institution() -> None:
    header = read_header("\ufeff某某大学\n2021-2022学年信息公开年度报告")
    assert header.institution == "某某大学"


@pytest.mark.parametrize(
    ("text", "count", "names"),
    [
        (
            "全文包括以下六个部分：概述、主动公开、依申请公开、评议、投诉、其他。",
            6,
            ("概述", "主动公开", "依申请公开", "评议", "投诉", "其他"),
        ),
        ("全文共三部分：概述、主动公开、其他。", 3, ("概述", "主动公开", "其他")),
        ("全文包括概述、其他等两部分。", 2, ("概述", "其他")),
        # not announcements: an ordinal, and 部分 as 'some'
        ("详见第三部分。", None, ()),
        ("详见第十三部分。", None, ()),
        ("其中一部分学生升学。", None, ()),
    ],
    ids=["list-after-baokuo-yixia", "no-ge", "no-ge-before", "ordinal", "ordinal-13", "some"],
)
def test_announced_parts(text: str, count: int | None, names: tuple[str, ...]) -> None:
    h = read_header(text)
    assert (h.stated_part_count, h.part_names) == (count, names)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("統計期限自2021年9月1日起,至2022年8月31日止。", "2021-09-01", "2022-08-31"),
        ("本報告所列數據的統計期限為2022年1月1日至12月31日。", "2022-01-01", "2022-12-31"),
    ],
    ids=["comma-after-qi", "end-in-the-same-year"],
)
def test_period_written_as_real_reports_write_it(text: str, start: str, end: str) -> None:
    header = read_header(text)
    assert (str(header.period_start), str(header.period_end)) == (start, end)


def test_a_title_may_call_the_report_a_yearly_report() -> None:
    # 华东理工大学's 2022-2023 report calls itself 信息公开年报
    header = read_header("华东理工大学2022-2023学年度信息公开年报\n按照要求编写了本年报。\n")
    assert (header.institution, header.title, header.year) == (
        "华东理工大学",
        "华东理工大学2022-2023学年度信息公开年报",
        2023,
    )
