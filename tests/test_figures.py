"""extract_figures finds every quantitative claim of a report, with offsets and links."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hnjd_disclosure import builtin_report
from hnjd_disclosure.parse import Figure, FigureKind, audit_text, extract_figures
from hnjd_disclosure.quantities import Count, StatedPercent, WanFigure
from hnjd_disclosure.stats import RATES, figure

from .conftest import DATA

REPORT = builtin_report(2022)
OTHERS = sorted((DATA / "reports").glob("*.txt"))


def _model_figures(obj: object) -> list[Count | StatedPercent | WanFigure]:
    """Every count, stated percentage and 万 figure of the model, depth first."""
    if isinstance(obj, Count | StatedPercent | WanFigure):
        return [obj]
    out: list[Count | StatedPercent | WanFigure] = []
    if attrs.has(type(obj)):
        for a in attrs.fields(type(obj)):  # type: ignore[arg-type]
            out += _model_figures(getattr(obj, a.name))
    elif isinstance(obj, tuple):
        for item in obj:
            out += _model_figures(item)
    return out


@pytest.fixture
def figures(published_text: str) -> tuple[Figure, ...]:
    return extract_figures(published_text)


def test_every_published_figure_is_found(figures: tuple[Figure, ...]) -> None:
    """Each count, percentage and 万 figure the 2022 model holds is extracted from its text."""
    found = {(f.kind, f.value, f.unit) for f in figures}
    for value in _model_figures(REPORT):
        if isinstance(value, Count):
            if value.value == 0:  # zero counts are not printed (no requests, no complaints)
                continue
            key = (FigureKind.COUNT, Decimal(value.value), value.unit)
        elif isinstance(value, StatedPercent):
            key = (FigureKind.PERCENT, value.value, "%")
        else:
            key = (FigureKind.WAN, value.value, "万" + value.unit)
        assert key in found, value


def test_every_rate_has_the_model_part_and_whole(figures: tuple[Figure, ...]) -> None:
    """Each rate and share of the model is linked to the counts the model computes it from."""
    by_span = {f.span: f for f in figures}
    percents = [f for f in figures if f.kind is FigureKind.PERCENT]
    for spec in RATES:
        stated = figure(REPORT, spec.path)
        part, whole = figure(REPORT, spec.part_path), figure(REPORT, spec.whole_path)
        assert isinstance(stated, StatedPercent)
        assert isinstance(part, Count)
        assert isinstance(whole, Count)
        matches = [f for f in percents if f.value == stated.value]
        assert matches, spec.path
        linked = matches[0]
        assert linked.part is not None, spec.path
        assert linked.whole is not None, spec.path
        assert (linked.part.value, linked.whole.value) == (
            Decimal(part.value),
            Decimal(whole.value),
        )
        assert by_span[linked.part.span].value == part.value


def test_spans_and_sentences_point_into_the_text(
    published_text: str, figures: tuple[Figure, ...]
) -> None:
    """The span of a figure is its text; its sentence holds it."""
    for f in figures:
        assert published_text[f.span[0] : f.span[1]] == f.text
        assert published_text[f.sentence_span[0] : f.sentence_span[1]] == f.sentence
        assert f.sentence_span[0] <= f.span[0]
        assert f.span[1] <= f.sentence_span[1]


def test_labels(figures: tuple[Figure, ...]) -> None:
    """Labels name the figure without its connectors (为, 达)."""
    labels = {f.text: f.label for f in figures}
    assert labels["5300人"] == "计划招生"
    assert labels["5295人"] == "实际录取"
    assert labels["99.90%"] == "录取率"
    assert labels["66280人"] == "关注人数"


def test_years_document_numbers_and_phones_are_not_figures(figures: tuple[Figure, ...]) -> None:
    texts = {f.text for f in figures}
    assert not any(t.startswith(("2021", "2022", "2014", "29", "0731")) for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("教职工近2100人", ("2100人", "近")),
        ("在校生约28000人", ("28000人", "约")),
        ("接待咨询超过300人次", ("300人次", "超过")),
        ("网上答复160余条", ("160余条", "余")),
        ("阅读量超过350万次", ("350万次", "超过")),
        ("学生300人以上", ("300人", "以上")),
    ],
)
def test_approximations(text: str, expected: tuple[str, str]) -> None:
    (fig,) = extract_figures(text)
    assert (fig.text, fig.approximate) == expected


def test_changes_and_comparisons() -> None:
    points, percent = extract_figures("就业率较上年提高1.2个百分点，收入同比增长15%。")
    assert (points.kind, points.change, points.comparison) == (FigureKind.POINTS, "提高", "较上年")
    assert points.label == "就业率"
    assert (percent.kind, percent.change, percent.comparison) == (
        FigureKind.PERCENT,
        "增长",
        "同比",
    )


def test_width_separators_and_wan() -> None:
    """Full-width digits, thousands separators and 万 figures keep their printed digits."""
    wide = "".join(chr(0xFF10 + int(d)) for d in "5300")
    figs = extract_figures(f"计划招生{wide}人，录取5,295人，关注1.90万人。")
    assert [(f.value, f.unit) for f in figs] == [
        (Decimal(5300), "人"),
        (Decimal(5295), "人"),
        (Decimal("1.90"), "万人"),
    ]
    assert str(figs[2].value) == "1.90"
    assert figs[2].amount == 19000


def test_named_whole() -> None:
    """占X的P%: the whole is the count the share names."""
    text = "发布信息1265条，其中专栏更新312条，占发布信息总数的24.66%。"
    share = extract_figures(text)[-1]
    assert share.part is not None
    assert share.whole is not None
    assert (share.part.value, share.whole.value) == (Decimal(312), Decimal(1265))


def test_table_rows_link_to_the_total_row() -> None:
    text = "去向\t人数\t占比\n升学\t412\t12.05%\n就业\t3008\t87.95%\n合计\t3420\t100%\n"
    shares = [f for f in extract_figures(text) if f.kind is FigureKind.PERCENT]
    links = [(s.part.value, s.whole.value) for s in shares[:2] if s.part and s.whole]
    assert links == [(Decimal(412), Decimal(3420)), (Decimal(3008), Decimal(3420))]
    assert shares[0].label == "升学"


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.stem)
def test_other_layouts_have_figures_with_valid_spans(path: Path) -> None:
    """Other institutions' wordings: figures are found and their spans are exact."""
    text = path.read_text(encoding="utf-8")
    figs = extract_figures(text)
    assert len(figs) >= 8
    for f in figs:
        assert text[f.span[0] : f.span[1]] == f.text
    assert any(f.kind is FigureKind.PERCENT and f.whole is not None for f in figs)


def test_shares_of_yi_figures_and_the_part_named_before_zhan() -> None:
    """亿元 figures link by their amounts; 研究生占在校生…的比例 names no part it can find."""
    text = (
        "预算收入12.35亿元，其中财政拨款7.8亿元，占63.16%。"
        "在校生21,356人。研究生占在校生总数的比例为18.2%。"
    )
    figs = extract_figures(text)
    share = next(f for f in figs if f.text == "63.16%")
    assert share.part is not None
    assert share.whole is not None
    assert (share.part.value, share.whole.value) == (Decimal(780_000_000), Decimal(1_235_000_000))
    graduate = next(f for f in figs if f.text == "18.2%")
    assert graduate.part is None


def test_space_as_thousands_separator() -> None:
    """One space between groups of exactly three digits, after at most three digits."""
    figures = extract_figures("计划招生5 300人，实际录取5 295人，录取率为99.90%；2022 300人。")
    assert [(f.text, f.value) for f in figures] == [
        ("5 300人", Decimal(5300)),
        ("5 295人", Decimal(5295)),
        ("99.90%", Decimal("99.90")),
        ("300人", Decimal(300)),
    ]


class TestChineseNumerals:
    """Counts written in Chinese numerals are figures too (六十个, 两个省, 前百名)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("共有本科专业六十个，三个校区。", [("六十个", 60, "count"), ("三个", 3, "count")]),
            ("稳居前百名。", [("前百名", 100, "ranking")]),
            (
                "二十一人参加，其中男生十二人。",
                [("二十一人", 21, "count"), ("十二人", 12, "count")],
            ),
            ("面向两个省招生", [("两个", 2, "count")]),
        ],
    )
    def test_counts(self, text: str, expected: list[tuple[str, int, str]]) -> None:
        found = [(f.text, int(f.value), f.kind.value) for f in extract_figures(text)]
        assert found == expected

    @pytest.mark.parametrize(
        "text",
        ["一个重要举措", "一次会议", "第三个项目", "十二三个学生", "一是细化内容", "一部分学生"],
    )
    def test_not_counts(self, text: str) -> None:
        """A lone 一 ("a"), an ordinal, an approximate run and a numeral without a measure
        word are not counts."""
        assert extract_figures(text) == ()

    def test_in_order_with_digits(self) -> None:
        """Numerals and digits come out in the order of the text."""
        figs = extract_figures("5个学院，三个校区，8个专业群")
        assert [f.text for f in figs] == ["5个", "三个", "8个"]

    def test_stated_count_against_a_list(self) -> None:
        """A count in numerals is checked against the list it counts."""
        (finding,) = audit_text("学校面向湖南、湖北、广东两个省招生。")
        assert (finding.rule, finding.published, finding.computed) == (
            "stated-cardinality",
            "两个",
            "3个",
        )
        assert audit_text("学校面向湖南、湖北两个省招生。") == ()
