"""audit_text: the audit's checks on the figures of any report's text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hnjd_disclosure import builtin_report
from hnjd_disclosure.audit import audit
from hnjd_disclosure.finding import Severity
from hnjd_disclosure.parse import audit_text, extract_figures
from hnjd_disclosure.parse.checks import percent_cause
from hnjd_disclosure.stats import Rounding, rate

from .conftest import DATA


def _key(f: object) -> tuple[object, ...]:
    fields = ("path", "rule", "severity", "published", "computed", "cause")
    return tuple(getattr(f, n) for n in fields)


def test_2022_text_gives_the_model_audit(published_text: str) -> None:
    """The text of 2022 gives the same single finding as the audit of the built-in report."""
    from_text = audit_text(published_text)
    from_model = audit(builtin_report(2022))
    assert [_key(f) for f in from_text] == [_key(f) for f in from_model]
    (finding,) = from_text
    assert finding.span is not None
    assert published_text[finding.span[0] : finding.span[1]] == finding.published


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("xiangjiang-university-2021.txt", [("points-as-percent", Severity.WARNING, "2%")]),
        (
            "furong-vocational-2022-table.txt",
            [
                ("rate-matches-counts", Severity.ERROR, "73.41%"),
                ("stated-cardinality", Severity.WARNING, "5个"),
            ],
        ),
        # 升学占比 and 就业占比 name no whole (升学 may be counted in 就业): not verifiable
        ("lushan-college-2023-pipes.txt", []),
        (
            "xiaoxiang-normal-2022-halfwidth.txt",
            [
                ("rate-matches-counts", Severity.WARNING, "91.28%"),
                ("parts-sum-to-whole", Severity.ERROR, "5件"),
            ],
        ),
    ],
)
def test_other_reports(name: str, expected: list[tuple[str, Severity, str]]) -> None:
    text = (DATA / "reports" / name).read_text(encoding="utf-8")
    findings = audit_text(text)
    assert [(f.rule, f.severity, f.published) for f in findings] == expected
    for f in findings:
        assert f.path == ""
        assert f.span is not None


@pytest.mark.parametrize(
    ("part", "whole", "stated"),
    [
        (5295, 5300, "99.90"),
        (2206, 2417, "91.28"),
        (1, 8, "12.4"),
        (2510, 3420, "73.41"),
        (1, 3, "33"),
    ],
)
def test_cause_agrees_with_the_stats_helpers(part: int, whole: int, stated: str) -> None:
    """The computed value is stats.rate's; the cause follows the audit's definitions."""
    from decimal import Decimal

    value = Decimal(stated)
    decimals = -int(value.as_tuple().exponent)
    computed, cause = percent_cause(part, whole, value)
    assert computed == f"{rate(part, whole, decimals)}%"
    if cause == "half-even":
        assert rate(part, whole, decimals, Rounding.HALF_EVEN) == value
    elif cause == "truncated":
        assert rate(part, whole, decimals, Rounding.TRUNCATE) == value
    elif cause is None:
        assert rate(part, whole, decimals) == value


def test_shares_within_rounding_are_not_flagged() -> None:
    """Four shares rounded half-up may add to a little over 100% without a finding."""
    text = "共3人，其中甲1人，占比33.3%，乙1人，占比33.3%，丙1人，占比33.4%。"
    assert not [f for f in audit_text(text) if f.rule == "shares-exceed-whole"]


def test_stated_part_count() -> None:
    findings = audit_text("全文包括概述、主动公开、其他等四个部分。")
    assert [(f.rule, f.published, f.computed) for f in findings] == [
        ("stated-cardinality", "4", "3")
    ]


def test_text_share_gets_the_model_path(published_text: str) -> None:
    """A share named as the model names it carries the model's field path."""
    changed = published_text.replace("报到率 96.54%", "报到率 96.55%")
    paths = [f.path for f in audit_text(changed)]
    assert "proactive.admissions.registration_rate" in paths


# -- inferred links must not contradict a plain reading ---------------------------------------

_GRADUATES = (
    "2022年，我校共有毕业生3,652人，其中已就业3,301人，就业率为90.39%；升学512人，升学率为14.02%。"
)
_STAFF = "全校有教职工1500人，其中专任教师1100人、占73.3%，高级职称450人、占专任教师的40.9%。"


@pytest.mark.parametrize("text", [_GRADUATES, _STAFF], ids=["qizhong-then-semicolon", "named"])
def test_ordinary_wording_gives_no_finding(text: str) -> None:
    """A 其中 group ends at ；, a rate after it is of the group's head, and a share naming its
    own whole makes its count a part of that whole, not of the 其中 head."""
    assert list(audit_text(text)) == []


def _rules(text: str) -> list[tuple[str, Severity, str | None]]:
    return [(f.rule, f.severity, f.published) for f in audit_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the employment rate misprinted (90.93% for 90.39%)
        (
            _GRADUATES.replace("90.39%", "90.93%"),
            [("rate-matches-counts", Severity.ERROR, "90.93%")],
        ),
        # 升学 inside the 其中 group (no ；): 3301 + 512 is more than 3652
        (
            _GRADUATES.replace("90.39%；", "90.39%，"),
            [("parts-sum-to-whole", Severity.ERROR, "3,652人")],
        ),
        # the share of its named whole misprinted (40.9% for 450/1100 = 40.91%)
        (
            _STAFF.replace("40.9%", "45.9%"),
            [("rate-matches-counts", Severity.ERROR, "45.9%")],
        ),
        # 专任教师 and 外聘教师 exclude each other: the parts exceed the whole (the shares
        # name no whole of their own: each is linked by arithmetic alone, not accused)
        (
            _STAFF.replace("高级职称450人、占专任教师的40.9%", "外聘教师450人、占30.0%"),
            [("parts-sum-to-whole", Severity.ERROR, "1500人")],
        ),
    ],
    ids=["rate-slip", "parts-exceed", "named-share-slip", "parts-and-shares-exceed"],
)
def test_slips_in_the_same_wording_are_found(
    text: str, expected: list[tuple[str, Severity, str | None]]
) -> None:
    assert _rules(text) == expected


def test_rate_after_qizhong_group_is_of_the_head() -> None:
    """升学率 after a 其中 group is linked to the head (毕业生), not to a part (已就业)."""
    rate = extract_figures(_GRADUATES)[-1]
    assert rate.text == "14.02%"
    assert rate.part is not None
    assert rate.whole is not None
    assert (rate.part.value, rate.whole.value) == (Decimal(512), Decimal(3652))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the change names nothing: it changes the rate before it in its sentence
        ("就业率为95.5%，较上年提高2%。", [("points-as-percent", Severity.WARNING, "2%")]),
        ("就业率为95.5%，较上年提高2个百分点。", []),
        # a count changing by 2% is not ambiguous, nor is a rate of another sentence
        ("就业率为95.5%。招生人数较上年增加2%。", []),
        # shares of the 其中 head without counts of their own: nothing to verify them by
        ("毕业生1000人，其中本科生占60%，专科生占50%。", []),
        ("毕业生1000人，其中本科生占60%，专科生占40%。", []),
        # the whole written after the part: 录取率 is 录取 / 计划
        (
            "实际录取5295人，计划招生5300人，录取率为99.90%。",
            [("rate-matches-counts", Severity.WARNING, "99.90%")],
        ),
        ("实际录取5295人，计划招生5300人，录取率为99.91%。", []),
        (
            "实际录取5295人，计划招生5300人，录取率为98.91%。",
            [("rate-matches-counts", Severity.ERROR, "98.91%")],
        ),
    ],
    ids=[
        "percent-change",
        "points-change",
        "count-change",
        "shares-exceed",
        "shares-within",
        "whole-after-part",
        "whole-after-part-right",
        "whole-after-part-wrong",
    ],
)
def test_changes_shares_and_named_rates(
    text: str, expected: list[tuple[str, Severity, str | None]]
) -> None:
    assert _rules(text) == expected


def test_named_rate_links_its_whole_after_the_part() -> None:
    rate = extract_figures("实际录取5295人，计划招生5300人，录取率为99.90%。")[-1]
    assert rate.part is not None
    assert rate.whole is not None
    assert (rate.part.label, rate.whole.label) == ("实际录取", "计划招生")
