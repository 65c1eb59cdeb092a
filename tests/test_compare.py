"""Comparing two reports: no change against itself, exact changes, sentences, one-sided figures."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import AnnualReport, Count, Ranking, StatedPercent, builtin_report
from hnjd_disclosure.compare import Change, Presence, compare
from hnjd_disclosure.stats import RATES, computed_rate, figure

from .strategies import consistent_reports, replace_all, replace_at, reports

EMP = "proactive.admissions.employment"
# Wholes that are no bounded part themselves: raising one keeps the model's checks satisfied.
WHOLE_PATHS = sorted(
    {spec.whole_path for spec in RATES}
    - {spec.part_path for spec in RATES if not spec.may_exceed_whole}
)


def next_year(report: AnnualReport, changes: dict[str, object]) -> AnnualReport:
    return replace_all(report, {"year": report.year + 1, **changes})


class TestNoChange:
    @given(reports())
    def test_compare_with_itself(self, report: AnnualReport) -> None:
        """compare(a, a) reports no change, and lists every figure in both."""
        comparison = compare(report, report)
        assert comparison.changed == ()
        assert comparison.sentences() == ()
        assert all(c.presence is Presence.BOTH for c in comparison.changes)
        assert all(c.delta in (None, 0) for c in comparison.changes)


class TestChangedCount:
    @given(consistent_reports(), st.sampled_from(WHOLE_PATHS), st.integers(1, 50))
    def test_a_count_and_every_rate_it_moves(
        self, report: AnnualReport, path: str, step: int
    ) -> None:
        """Raising a whole shows that count and exactly the computed rates that moved."""
        old_count = figure(report, path)
        assert isinstance(old_count, Count)
        changed = replace_at(report, path, Count(value=old_count.value + step, unit="人"))
        comparison = compare(report, changed)
        moved = {
            (spec.path, "computed")
            for spec in RATES
            if computed_rate(report, spec) != computed_rate(changed, spec)
        }
        assert {(c.path, c.source) for c in comparison.changed} == {(path, "published")} | moved
        (count_change,) = (c for c in comparison.changed if c.source == "published")
        assert count_change.delta == step
        assert count_change.relative == Fraction(step, old_count.value)


class TestSentences:
    def test_count_increase(self) -> None:
        """A count that grows reads 「计划招生较上年增加100人」."""
        old = builtin_report(2022)
        new = next_year(old, {"proactive.admissions.planned": Count(value=5400, unit="人")})
        assert "计划招生较上年增加100人" in compare(old, new).sentences()

    def test_rate_in_points(self) -> None:
        """A published rate that rises reads in percentage points (百分点)."""
        old = builtin_report(2022)
        new = next_year(old, {f"{EMP}.placement_rate": StatedPercent.parse("90.04%")})
        comparison = compare(old, new)
        assert comparison.sentences() == ("初次就业去向落实率较上年提高0.52个百分点",)
        (change,) = comparison.changed
        assert change.points == Decimal("0.52")
        assert change.relative == Fraction(52, 8952)

    def test_decrease(self) -> None:
        """Falling figures read 减少 (counts) and 降低 (rates)."""
        old = builtin_report(2022)
        new = next_year(old, {"proactive.admissions.admission_rate": StatedPercent.parse("99.5%")})
        new = replace_at(new, "proactive.admissions.registered", Count(value=5100, unit="人"))
        sentences = compare(old, new).sentences()
        assert "录取率较上年降低0.40个百分点" in sentences
        assert "报到较上年减少12人" in sentences

    def test_not_consecutive_years(self) -> None:
        """Reports two years apart name the old year instead of 上年."""
        old = builtin_report(2022)
        new = replace_all(
            old, {"year": 2024, "proactive.admissions.planned": Count(value=5000, unit="人")}
        )
        assert "计划招生较2022年减少300人" in compare(old, new).sentences()

    def test_ranking(self) -> None:
        """A ranking claim that changes reads 「由…变为…」 and has no numeric change."""
        old = builtin_report(2022)
        new = next_year(old, {"overview.media.wechat_ranking": Ranking(text="前50名")})
        (change,) = compare(old, new).changed
        assert change.delta is None
        assert change.sentence("上年") == "官方微信公众号全国排名由前百名变为前50名"


class TestOneSided:
    def test_figures_only_in_one_report_are_listed(self) -> None:
        """A part missing from one report lists its figures as one-sided, not dropped."""
        old = builtin_report(2022)
        new = next_year(old, {"overview.media": None})
        assert old.overview.media is not None
        comparison = compare(old, new)
        gone = [c for c in comparison.changes if c.presence is Presence.OLD_ONLY]
        # 13 fields, of which the Weibo award is prose, not a figure.
        assert len(gone) == 12
        assert all(c.path.startswith("overview.media.") for c in gone)
        assert "校园网发布新闻：上年为403篇，本年未列出" in comparison.sentences()
        back = compare(new, old)
        assert [c.presence for c in back.changed] == [Presence.NEW_ONLY] * 12

    def test_undefined_computed_rate_is_one_sided(self) -> None:
        """A computed rate of a zero whole exists in one report only."""
        old = builtin_report(2022)
        new = next_year(old, {"proactive.admissions.planned": Count(value=0, unit="人")})
        comparison = compare(old, new)
        (gone,) = (c for c in comparison.changes if c.presence is Presence.OLD_ONLY)
        assert (gone.path, gone.source) == ("proactive.admissions.admission_rate", "computed")
        assert "录取率（按计数计算）：上年为99.91%，本年无法计算（分母为0）" in (
            comparison.sentences()
        )

    def test_same_year_names_the_reports(self) -> None:
        """Two reports of one year are the original and the new report, not 「较2022年」."""
        old = builtin_report(2022)
        new = replace_at(old, "proactive.admissions.planned", Count(value=5400, unit="人"))
        comparison = compare(old, new)
        assert "计划招生较原报告增加100人" in comparison.sentences()
        assert comparison.headers()[1:3] == ["原报告（2022年）", "新报告（2022年）"]
        gone = compare(old, next_year(old, {}))
        assert gone.reference == "上年"
        assert gone.headers()[1:3] == ["2022年", "2023年"]


class TestChange:
    def test_relative_change_of_zero_is_undefined(self) -> None:
        """The relative change from zero is None, not an error."""
        change = Change(
            path="x", label="举报", kind="count", source="published", unit="件", old=0, new=2
        )
        assert (change.delta, change.relative, change.points) == (2, None, None)


class TestDisplay:
    def test_tables(self) -> None:
        """HTML and Markdown tables hold every figure, with the two years as headers."""
        old = builtin_report(2022)
        comparison = compare(
            old, next_year(old, {"proactive.admissions.planned": Count(value=5400, unit="人")})
        )
        html = comparison._repr_html_()
        assert "<th>2022年</th><th>2023年</th>" in html
        assert "<td>+100</td>" in html
        markdown = comparison._repr_markdown_()
        assert markdown.count("\n") == len(comparison.changes) + 1
        assert "| 计划招生 | 5300人 | 5400人 | +100 |  | +1.89% |" in markdown

    def test_json(self) -> None:
        """to_dict() is JSON-ready with exact numbers as strings."""
        old = builtin_report(2022)
        new = next_year(old, {f"{EMP}.placement_rate": StatedPercent.parse("90.04%")})
        data = json.loads(json.dumps(compare(old, new).to_dict(), ensure_ascii=False))
        (row,) = (c for c in data["changes"] if c["old"] != c["new"])
        assert (row["points"], row["relative"]) == ("0.52", "13/2238")
