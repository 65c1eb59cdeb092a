"""The document layer and the evidence-based links, on the shapes issue 10 lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hnjd_disclosure.parse import (
    Basis,
    CellKind,
    Heading,
    Paragraph,
    Verdict,
    audit_text,
    check_text,
    extract_figures,
    read_document,
)
from hnjd_disclosure.parse.document import TableLayout

REGION = (
    "| 省份 | 人数 | 占比 |\n| 湖南 | 300 | 60.00% |\n| 广东 | 150 | 30.00% |\n"
    "| 广西 | 50 | 10.00% |\n"
)


def _layout(text: str) -> tuple[TableLayout, list[list[str]]]:
    (table,) = read_document(text).tables
    return table.layout, [[c.text for c in r.cells] for r in table.rows]


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        (REGION, TableLayout.PIPES),
        ("省份\t人数\t占比\n湖南\t300\t60.00%\n广东\t150\t30.00%\n", TableLayout.TABS),
        (
            "省份    人数    占比\n湖南    300     60.00%\n广东    150     30.00%\n",
            TableLayout.SPACES,
        ),
        ("省份\n人数\n占比\n湖南\n300\n60.00%\n广东\n150\n30.00%\n", TableLayout.CELL_PER_LINE),
        ("省份 人数 占比 湖南 300 60.00% 广东 150 30.00%\n", TableLayout.FLATTENED),
    ],
    ids=["pipes", "tabs", "spaces", "cell-per-line", "flattened"],
)
def test_every_layout_gives_the_same_rows(text: str, layout: TableLayout) -> None:
    found, rows = _layout(text)
    assert found is layout
    assert rows[:3] == [
        ["省份", "人数", "占比"],
        ["湖南", "300", "60.00%"],
        ["广东", "150", "30.00%"],
    ]


def test_a_row_spilled_over_lines_is_one_row() -> None:
    """A web page cut ``重庆市 | 107 | 4.58% | 1244 |`` from its last cell."""
    text = "地区 | 人数 | 占比 | 累计人数 | 累计占比 |\n重庆市 | 107 | 4.58% | 1244 |\n53.25% |\n"
    _, rows = _layout(text)
    assert rows[1] == ["重庆市", "107", "4.58%", "1244", "53.25%"]


def test_cells_are_typed_and_totals_recognised() -> None:
    text = (
        "序号|地区|人数|占比|比例|金额\n1|湖南|3000人|60%|3:1|1.9万\n"
        "2|合  计|3000人|60%|3:1|1.9万\n"
    )
    (table,) = read_document(text).tables
    kinds = [c.kind for c in table.body[0].cells]
    assert kinds == [
        CellKind.LABEL,  # 序号 holds identifiers, not figures
        CellKind.LABEL,
        CellKind.COUNT,
        CellKind.PERCENT,
        CellKind.RATIO,
        CellKind.WAN,
    ]
    assert [r.total for r in table.body] == [False, True]
    assert not any(f.text == "1" for f in extract_figures(text))


def test_headings_and_their_levels() -> None:
    doc = read_document("一、概述\n（二）主动公开\n3.招生就业\n(4)就业\n正文一段。\n")
    headings = [(b.level, b.title) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [(1, "概述"), (2, "主动公开"), (3, "招生就业"), (4, "就业")]
    assert isinstance(doc.blocks[-1], Paragraph)


def test_region_table_rows_over_the_total_row() -> None:
    """Each row's share over the column's total row, not over the next row."""
    text = REGION + "| 合计 | 500 | 100.00% |\n"
    shares = [f for f in extract_figures(text) if f.text.endswith("%") and f.label != "合计"]
    assert {(f.part.value, f.whole.value, f.basis) for f in shares if f.part and f.whole} == {
        (Decimal(300), Decimal(500), Basis.TABLE_TOTAL),
        (Decimal(150), Decimal(500), Basis.TABLE_TOTAL),
        (Decimal(50), Decimal(500), Basis.TABLE_TOTAL),
    }
    assert list(audit_text(text)) == []
    slipped = text.replace("30.00%", "33.00%")
    assert [(f.rule, f.published) for f in audit_text(slipped)] == [
        ("rate-matches-counts", "33.00%"),
        ("shares-exceed-whole", "100.00%"),
    ]


def test_the_total_stated_before_the_table() -> None:
    text = "2022届毕业生共500人，就业地区分布如下：\n" + REGION
    shares = [f for f in extract_figures(text) if f.table is not None and f.text.endswith("%")]
    assert all(f.whole is not None and f.whole.value == 500 for f in shares)
    assert {f.basis for f in shares} == {Basis.TABLE_CAPTION}


def test_top_regions_against_the_provinces_counted() -> None:
    """「前5个地区分别为：…」 is checked against its own list, 「31个省」 has none."""
    text = (
        "毕业生就业分布在全国31个省，就业人数最多的前5个地区分别为：四川省（44.05%）、"
        "广东省（10.70%）、重庆市（4.58%）、上海市（4.41%）、北京市（3.55%）。"
    )
    result = check_text(text)
    assert list(result.findings) == []
    verdicts = {c.published: c.verdict for c in result.checks if c.rule == "stated-cardinality"}
    assert verdicts == {"31个": Verdict.UNVERIFIABLE, "5个": Verdict.VERIFIED}
    assert all(f.part is None for f in extract_figures(text) if f.text == "44.05%")
    slipped = check_text(text.replace("前5个", "前6个"))
    assert [f.rule for f in slipped.findings] == ["stated-cardinality"]


def test_breakdowns_after_qizhong_rows_are_not_summed() -> None:
    text = (
        "| 去向 | 人数 |\n| 升学 | 100 |\n| 就业 | 800 |\n| 其中：签约 | 500 |\n"
        "| 其中：灵活就业 | 300 |\n| 待就业 | 100 |\n| 合计 | 1000 |\n"
    )
    result = check_text(text)
    assert list(result.findings) == []
    assert [c.verdict for c in result.checks if c.rule == "parts-sum-to-whole"] == [
        Verdict.VERIFIED
    ]


def test_growth_of_a_count_in_percent_is_not_a_rate_change() -> None:
    assert list(audit_text("报到率为95.9%，报到数比上年增加45人，增长1.68%。")) == []
    assert [f.rule for f in audit_text("报到率较上年提高1.68%。")] == ["points-as-percent"]


def test_ratios_are_figures_checked_like_rates() -> None:
    text = "全校共有学生3490人，教师1000人，生师比3.49:1；男生349人，女生100人，男女比例3.49:1。"
    ratios = [f for f in extract_figures(text) if f.text == "3.49:1"]
    assert [(f.part.value, f.whole.value) for f in ratios if f.part and f.whole] == [
        (Decimal(3490), Decimal(1000)),
        (Decimal(349), Decimal(100)),
    ]
    assert [f.published for f in audit_text(text.replace("生师比3.49", "生师比3.94"))] == ["3.94:1"]


def test_no_basis_no_link_and_counted_as_unverifiable() -> None:
    result = check_text("学生满意度为96.5%，毕业生人数1000人。")
    assert result.verified == 0
    assert [c.published for c in result.unverifiable] == ["96.5%"]
    assert "核对了 0 项，无法核对 1 项" in result.summary()


def test_an_explicit_link_gives_way_to_a_reading_that_fits() -> None:
    """占毕业生总数的 names 毕业生, but the sentence's other count reproduces the printed
    value exactly: no accusation."""
    text = "毕业生4846人，落实4338人，其中省内3157人，占比72.78%。"
    (share,) = [f for f in extract_figures(text) if f.text == "72.78%"]
    assert share.whole is not None
    assert share.whole.value == 4338
    assert list(audit_text(text)) == []


RATES_BY_COLLEGE = (
    "| 学院 | 毕业生数 | 就业人数 | 就业率 |\n| 机电学院 | 300 | 270 | 90.00% |\n"
    "| 信息学院 | 200 | 190 | 95.00% |\n| 经管学院 | 100 | 80 | 80.00% |\n"
    "| 合计 | 600 | 540 | 90.00% |\n"
)


def test_a_rate_column_is_a_row_relation_not_a_share_of_the_total() -> None:
    """就业率 of each college divides the row's counts, not the total row's: the relation the
    other rows keep decides, and a slip in one row is found against it."""
    assert list(audit_text(RATES_BY_COLLEGE)) == []
    rates = [f for f in extract_figures(RATES_BY_COLLEGE) if f.text == "95.00%"]
    assert [(f.part.value, f.whole.value, f.basis) for f in rates if f.part and f.whole] == [
        (Decimal(190), Decimal(200), Basis.TABLE_ROW)
    ]
    slipped = audit_text(RATES_BY_COLLEGE.replace("95.00%", "96.00%"))
    assert [(f.rule, f.published, f.computed) for f in slipped] == [
        ("rate-matches-counts", "96.00%", "95.00%")
    ]


def test_a_column_no_row_explains_is_not_accused() -> None:
    """Shares of a base the table does not print: no relation holds, nothing is accused."""
    text = (
        "| 地区 | 人数 | 占比 |\n| 湖南 | 300 | 10.00% |\n| 广东 | 150 | 5.00% |\n"
        "| 合计 | 450 | 15.00% |\n"
    )
    result = check_text(text)
    assert [f.rule for f in result.findings] == []


@pytest.mark.parametrize(
    "text",
    [
        # the whole of 录取率 is the plan (8825个), not the special plan after 其中 (1346人)
        "学校投放招生计划8825个，其中专项计划1346人，实际录取8705人，实际录取率98.64%。",
        # a rate with its own name is not a share of the list after 其中
        "招生计划10100人，实际录取10279人，其中179人不占计划（预科139人及港澳台40人），"
        "计划完成率100%。",
        # the share names its own part (双师素质教师), which has no count
        "现有教职工972人，其中，专任教师632人；副高以上职称228人；双师素质教师占68.85%。",
        # two blocks, each headed by its own 总计, their rows overlapping attributes
        "| 类别 | 项目 | 人数 |\n| 专任教师 | 总计 | 1237 |\n| 其中 | 具有硕士学位 | 600 |\n"
        "| 其中 | 具有博士学位 | 505 |\n| 其中 | 双师双能型 | 266 |\n"
        "| 外聘教师 | 总计 | 241 |\n| 其中 | 具有硕士学位 | 120 |\n",
        # a percentage a PDF copy spaced after its decimal point is one figure
        "专升本416人，占毕业生总数4846人的8. 58%。",
    ],
    ids=["plan-in-ge", "completion-rate", "own-subject", "block-totals", "spaced-decimal"],
)
def test_shapes_found_in_real_reports_are_not_accused(text: str) -> None:
    assert list(audit_text(text)) == []


def test_a_percentage_with_a_spaced_decimal_is_read_whole() -> None:
    (share,) = [f for f in extract_figures("占比为39. 77%。") if f.kind.value == "percent"]
    assert share.value == Decimal("39.77")


SERIES = "2022届毕业生共1000人。其中升学300人，占30%；出国200人，占20%；就业100人，占10%。"


def test_a_series_of_shares_shows_its_whole() -> None:
    """Two members that reproduce their values over one whole make it the series' whole:
    a third member, linked by nothing else, is checked against it."""
    assert list(audit_text(SERIES)) == []
    slipped = audit_text(SERIES.replace("占10%", "占15%"))
    assert [(f.published, f.computed) for f in slipped] == [("15%", "10%")]
    (share,) = [f for f in extract_figures(SERIES.replace("占10%", "占15%")) if f.text == "15%"]
    assert share.basis is Basis.SERIES


def test_a_series_whose_members_divide_differently_accuses_nothing() -> None:
    text = "毕业生1000人，落实800人。其中升学300人，占30%；出国200人，占25%；就业100人，占15%。"
    assert list(audit_text(text)) == []


def test_a_ratio_with_a_spaced_decimal_is_checked() -> None:
    """「3. 95: 1」 (a copy from a PDF) is the ratio 3.95:1, and 889 / 255 is 3.49:1."""
    text = "工学类专业学生889人，教师255人，生师比为3. 95: 1。"
    assert [(f.published, f.computed) for f in audit_text(text)] == [("3. 95: 1", "3.49:1")]
    assert list(audit_text(text.replace("3. 95", "3. 49"))) == []
