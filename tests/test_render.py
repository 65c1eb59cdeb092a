"""The text renderer reproduces the published report and writes changed figures."""

from __future__ import annotations

import re

import attrs
from hypothesis import given

from hnjd_disclosure import builtin_report, render
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.quantities import Count, StatedPercent
from hnjd_disclosure.render.text import enumerate_zh, heading

from .strategies import reports

REPORT = builtin_report(2022)


def _ink(text: str) -> str:
    """The text without any whitespace: what the golden comparison looks at."""
    return re.sub(r"\s+", "", text)


class TestGolden:
    def test_2022_equals_published_text(self, published_text: str) -> None:
        """render() of the built-in report matches the published text in every printed character."""
        assert _ink(render(REPORT)) == _ink(published_text)

    def test_layout_is_one_paragraph_per_line(self) -> None:
        """Headings stand on their own lines, numbered in the official style."""
        lines = render(REPORT).splitlines()
        for expected in (
            "一、情况概述",
            "（一）学校主动公开各类信息的方式",
            "1.招生就业信息公开情况",
            "七、其他需要报告的事项",
        ):
            assert expected in lines


class TestChangedFigures:
    def test_changed_count_and_rate_are_written(self) -> None:
        """A changed figure appears in the text in place of the old one."""
        adm = attrs.evolve(
            REPORT.proactive.admissions,
            planned=Count(value=5400, unit="人"),
            admission_rate=StatedPercent.parse("98.06%"),
        )
        changed = attrs.evolve(REPORT, proactive=attrs.evolve(REPORT.proactive, admissions=adm))
        text = render(changed)
        assert "计划招生5400人" in _ink(text)
        assert "录取率为98.06%" in _ink(text)
        assert "5300" not in text

    def test_requests_and_complaints_are_written_when_non_zero(self) -> None:
        """Counts of requests and complaints appear once they are not all zero."""
        reqs = attrs.evolve(
            REPORT.requests.requests,
            received=Count(value=3, unit="件"),
            granted=Count(value=2, unit="件"),
        )
        changed = attrs.evolve(
            REPORT,
            requests=attrs.evolve(REPORT.requests, requests=reqs),
            complaints=attrs.evolve(REPORT.complaints, lawsuits=Count(value=1, unit="件")),
        )
        text = render(changed)
        assert "共收到信息公开申请3件，其中予以公开2件" in text
        assert "行政诉讼1件" in text

    def test_media_without_award(self) -> None:
        """Without an award the Weibo clause names the account itself."""
        assert REPORT.overview.media is not None
        media = attrs.evolve(REPORT.overview.media, weibo_award="")
        changed = attrs.evolve(REPORT, overview=attrs.evolve(REPORT.overview, media=media))
        assert "官方微博发布博文937条" in render(changed)


@given(reports())
def test_every_figure_is_rendered(report: AnnualReport) -> None:
    """Each published count and percentage of a generated report appears in its text."""
    text = render(report)
    adm = report.proactive.admissions
    assert f"计划招生{adm.planned}" in text
    assert f"录取率为{adm.admission_rate}" in text
    assert f"初次就业去向落实率为{adm.employment.placement_rate}" in text
    assert text.startswith(f"{report.institution}\n{report.title}\n")


def test_heading_levels() -> None:
    """Level 1 uses 一、, level 2 （一）, level 3 1."""
    assert [heading(1, 11, "x"), heading(2, 3, "y"), heading(3, 12, "z")] == [
        "十一、x",
        "（三）y",
        "12.z",
    ]


def test_enumerate_zh_joins_with_he() -> None:
    """Two or more items are joined with 、 and 和 before the last."""
    assert enumerate_zh(["a", "b"]) == "a和b"
