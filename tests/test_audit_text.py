"""audit_text: the audit's checks on the figures of any report's text."""

from __future__ import annotations

import pytest

from hnjd_disclosure import builtin_report
from hnjd_disclosure.audit import Severity, audit
from hnjd_disclosure.parse import audit_text
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
        ("lushan-college-2023-pipes.txt", [("shares-exceed-whole", Severity.ERROR, "18.5%+85.2%")]),
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
    changed = published_text.replace("占比8.58%", "占比8.59%")
    paths = [f.path for f in audit_text(changed)]
    assert "proactive.admissions.employment.upgraded_share" in paths
