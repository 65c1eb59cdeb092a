"""Flat records: every figure once, computed rates marked, labels, DataFrame, notebook table."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import AnnualReport, Count, Ranking, StatedPercent, WanFigure, builtin_report
from hnjd_disclosure.errors import ZeroWholeError
from hnjd_disclosure.records import (
    COMPUTED,
    PUBLISHED,
    field_label,
    records,
    report_html,
    to_dataframe,
)
from hnjd_disclosure.stats import RATES, computed_rate, figure

from .strategies import all_model_instances, reports

FIGURE_TYPES = (Count, StatedPercent, WanFigure, Ranking)


class TestRecords:
    @given(reports())
    def test_every_figure_exactly_once(self, report: AnnualReport) -> None:
        """Each published figure of the model appears once, plus the two stated numbers."""
        published = [r for r in records(report) if r.source == PUBLISHED]
        paths = Counter(r.path for r in published)
        assert max(paths.values()) == 1
        figures = [x for x in all_model_instances(report) if isinstance(x, FIGURE_TYPES)]
        stated = {"stated_part_count", "proactive.admissions.stated_province_count"}
        assert len(published) == len(figures) + len(stated)
        assert stated <= set(paths)
        for r in published:
            value = figure(report, r.path)
            # A figure displays as the model prints it; a stated number with its unit.
            assert r.display == (f"{value}个" if isinstance(value, int) else str(value))

    @given(reports())
    def test_computed_rates(self, report: AnnualReport) -> None:
        """Each rate with a non-zero whole has one computed record equal to stats' value."""
        computed = {r.path: r for r in records(report) if r.source == COMPUTED}
        for spec in RATES:
            try:
                expected = computed_rate(report, spec)
            except ZeroWholeError:
                assert spec.path not in computed
            else:
                assert computed[spec.path].value == expected
                assert computed[spec.path].unit == "%"

    @given(st.lists(reports(), min_size=1, max_size=3))
    def test_many_reports(self, many: list[AnnualReport]) -> None:
        """Records of many reports are each report's records in turn."""
        assert records(many) == tuple(r for report in many for r in records(report))

    def test_labels_come_from_metadata(self) -> None:
        """Every record of 2022 carries a Chinese label and its report's year."""
        rows = records(builtin_report(2022))
        assert all(r.label and r.year == 2022 for r in rows)
        by_path = {(r.path, r.source): r for r in rows}
        weibo = by_path[("overview.media.weibo_followers", PUBLISHED)]
        assert (weibo.label, weibo.display, weibo.kind) == ("官方微博关注人数", "1.9万人", "wan")

    def test_field_label(self) -> None:
        """field_label() reads the metadata, and refuses an unknown path."""
        assert field_label("proactive.admissions.planned") == "计划招生"
        assert field_label("overview.media.douyin_ranking") == "官方抖音全国排名"
        with pytest.raises(KeyError):
            field_label("proactive.nothing")


class TestDataFrame:
    def test_one_row_per_record(self) -> None:
        """to_dataframe() has one row per record and the record's columns."""
        pytest.importorskip("pandas")
        report = builtin_report(2022)
        frame = to_dataframe([report, report])
        assert len(frame) == 2 * len(records(report))
        assert list(frame.columns) == [
            "year",
            "institution",
            "path",
            "label",
            "value",
            "display",
            "unit",
            "kind",
            "source",
        ]

    def test_value_is_numeric_and_display_as_printed(self) -> None:
        """value is float64 (astype(float) used to fail on 前百名); display keeps the digits."""
        pytest.importorskip("pandas")
        frame = to_dataframe(builtin_report(2022))
        assert str(frame.value.dtype) == "float64"
        assert frame.value.astype(float).notna().all()
        ranks = frame[frame.kind == "ranking"]
        assert set(ranks.display) >= {"前百名"}
        assert 100.0 in set(ranks.value)
        rate = frame[frame.path == "proactive.admissions.admission_rate"]
        assert list(rate.display) == ["99.90%", "99.91%"]

    def test_comparison_to_dataframe(self) -> None:
        """A comparison is a frame too, numeric columns numeric, only changes if asked."""
        pytest.importorskip("pandas")
        from hnjd_disclosure.compare import compare

        same = compare(builtin_report(2022), builtin_report(2022))
        frame = same.to_dataframe()
        assert len(frame) == len(same.changes)
        assert {str(frame[c].dtype) for c in ("old", "new", "delta", "points")} == {"float64"}
        assert len(same.to_dataframe(everything=False)) == 0

    def test_missing_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, the error says how to install the extra."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r"hnjd-disclosure\[pandas\]"):
            to_dataframe(builtin_report(2022))


class TestNotebook:
    def test_report_repr_html(self) -> None:
        """A report displays as a table of its figures, published beside computed."""
        report = builtin_report(2022)
        html = report._repr_html_()
        assert html == report_html(report)
        assert "<tr><td>录取率</td><td>99.90%</td><td>99.91%</td>" in html
        assert "<td>计划招生</td><td>5300人</td><td></td>" in html
