"""The audit: the 2022 slip, consistent reports audit clean, one slip gives one finding."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hnjd_disclosure import AnnualReport, Count, StatedPercent, builtin_report
from hnjd_disclosure.audit import DEFAULT_RULES, Findings, audit
from hnjd_disclosure.finding import Finding, Note, Severity
from hnjd_disclosure.render.findings import finding_dict, message_en, message_zh
from hnjd_disclosure.stats import RATES, RateSpec, figure

from .strategies import consistent_reports, reference_rate, replace_all, replace_at, reports

ADMISSION_RATE = "proactive.admissions.admission_rate"
REGISTRATION_RATE = "proactive.admissions.registration_rate"
EMP = "proactive.admissions.employment"


def people(n: int) -> Count:
    return Count(value=n, unit="人")


def percent(text: str) -> StatedPercent:
    return StatedPercent.parse(text)


class TestBuiltin2022:
    def test_exactly_the_admission_rate(self) -> None:
        """The 2022 report has one finding: 录取率 99.90% is 99.91% truncated (a warning)."""
        findings = audit(builtin_report(2022))
        assert len(findings) == 1
        (f,) = findings
        assert (f.path, f.rule, f.severity) == (
            ADMISSION_RATE,
            "rate-matches-counts",
            Severity.WARNING,
        )
        assert (f.published, f.computed, f.cause) == ("99.90%", "99.91%", "truncated")
        assert "99.90%" in message_zh(f)
        assert "99.91%" in message_zh(f)
        assert "截断" in message_zh(f)
        assert "truncated" in message_en(f)
        assert f.span is None

    def test_errors_and_warnings(self) -> None:
        """The one finding is a warning, not an error."""
        findings = audit(builtin_report(2022))
        assert findings.errors == ()
        assert findings.warnings == findings


class TestConsistentReports:
    @given(consistent_reports())
    def test_audit_clean(self, report: AnnualReport) -> None:
        """A report whose published figures are computed from its counts has no finding."""
        assert audit(report) == ()

    @given(consistent_reports(), st.sampled_from(RATES), st.sampled_from([-1, 1]))
    def test_one_unit_in_the_last_digit_gives_one_finding(
        self, report: AnnualReport, spec: RateSpec, step: int
    ) -> None:
        """Moving one published rate by one unit in its last digit gives one finding, there."""
        published = figure(report, spec.path)
        assert isinstance(published, StatedPercent)
        changed = published.value + Decimal(step).scaleb(-published.decimals)
        assume(changed >= 0)
        findings = audit(replace_at(report, spec.path, StatedPercent(value=changed)))
        assert len(findings) == 1
        (finding,) = findings
        assert finding.path == spec.path
        impossible = changed > 100 and not spec.may_exceed_whole
        expected = Severity.ERROR if impossible else Severity.WARNING
        assert finding.severity is expected

    @given(reports())
    def test_never_raises(self, report: AnnualReport) -> None:
        """Any valid report can be audited, zero wholes included; findings are well formed."""
        for finding in audit(report):
            assert message_zh(finding)
            assert message_en(finding)
            assert finding.rule


def _registration(registered: int, admitted: int, published: str) -> AnnualReport:
    changes = {
        "proactive.admissions.admitted": people(admitted),
        "proactive.admissions.registered": people(registered),
        REGISTRATION_RATE: percent(published),
    }
    return replace_all(builtin_report(2022), changes)


class TestCauses:
    @pytest.mark.parametrize(
        ("registered", "admitted", "published", "cause", "severity"),
        [
            (2, 3, "66.66%", "truncated", Severity.WARNING),
            (1, 8, "12%", "half-even", Severity.WARNING),
            (2, 3, "66.68%", "last-digit", Severity.WARNING),
            (1, 3, "33.34%", "last-digit", Severity.WARNING),
            (2, 3, "66.76%", "wrong", Severity.ERROR),
            (2, 3, "6.67%", "wrong", Severity.ERROR),
        ],
    )
    def test_cause_and_severity(
        self, registered: int, admitted: int, published: str, cause: str, severity: Severity
    ) -> None:
        """The likely cause is named; a last-digit slip warns, anything larger is an error."""
        findings = audit(_registration(registered, admitted, published)).at(REGISTRATION_RATE)
        assert [(f.cause, f.severity) for f in findings] == [(cause, severity)]
        assert (
            findings[0].computed
            == f"{reference_rate(registered, admitted, 2 if '.' in published else 0)}%"
        )

    def test_zero_whole(self) -> None:
        """A rate of a zero whole is an error (undefined), not an exception."""
        changes = {
            "proactive.admissions.registered": people(0),
            "proactive.admissions.admitted": people(0),
        }
        findings = audit(replace_all(builtin_report(2022), changes)).at(REGISTRATION_RATE)
        assert [(f.cause, f.severity, f.computed) for f in findings] == [
            ("undefined", Severity.ERROR, None)
        ]


class TestBounds:
    def test_rate_above_100_is_impossible(self) -> None:
        """A placement rate above 100% is one error, from the bounds rule."""
        report = replace_at(builtin_report(2022), f"{EMP}.placement_rate", percent("100.5%"))
        findings = audit(report).at(f"{EMP}.placement_rate")
        assert [(f.rule, f.severity) for f in findings] == [("bounds", Severity.ERROR)]

    def test_admission_may_exceed_the_plan(self) -> None:
        """More admitted than planned is possible: 101 of 100 planned at 101.00% is fine."""
        changes = {
            "proactive.admissions.planned": people(100),
            "proactive.admissions.admitted": people(101),
            "proactive.admissions.registered": people(101),
            ADMISSION_RATE: percent("101.00%"),
            REGISTRATION_RATE: percent("100.00%"),
        }
        assert audit(replace_all(builtin_report(2022), changes)) == ()

    def test_part_larger_than_whole(self) -> None:
        """A part larger than its whole, where the model lets it through, is an error."""

        report = builtin_report(2022)
        loose = attrs.evolve(report.proactive.admissions.employment)
        # The model refuses enlisted > placed; force it to see that the audit still checks.
        object.__setattr__(loose, "enlisted", people(5000))
        report = replace_at(report, EMP, loose)
        findings = [f for f in audit(report) if f.rule == "bounds"]
        assert [(f.path, f.severity) for f in findings] == [(f"{EMP}.enlisted", Severity.ERROR)]


class TestPartsAndShares:
    def test_parts_sum_to_whole(self) -> None:
        """省内 + 省外 different from 落实 is an error at the whole."""
        report = replace_at(builtin_report(2022), f"{EMP}.out_of_province", people(1180))
        findings = audit(report)
        parts = [f for f in findings if f.rule == "parts-sum-to-whole"]
        assert [(f.path, f.published, f.computed) for f in parts] == [
            (f"{EMP}.placed", "4338人", "4337人")
        ]

    def test_shares_sum_to_100(self) -> None:
        """Shares that each match their counts but do not sum to 100% are flagged once."""
        share = StatedPercent(value=reference_rate(1000, 4338, 2))
        changes = {f"{EMP}.out_of_province": people(1000), f"{EMP}.out_of_province_share": share}
        report = replace_all(builtin_report(2022), changes)
        rules = sorted(f.rule for f in audit(report) if f.path.startswith(EMP))
        assert rules == ["parts-sum-to-whole", "shares-sum-to-whole"]

    def test_a_wrong_share_is_flagged_once(self) -> None:
        """A share that disagrees with its count is not flagged again by the sum rule."""
        report = replace_at(builtin_report(2022), f"{EMP}.out_of_province_share", percent("20%"))
        assert [f.rule for f in audit(report)[1:]] == ["rate-matches-counts"]


class TestCardinalities:
    @pytest.mark.parametrize(
        ("path", "value"),
        [("proactive.admissions.stated_province_count", 11), ("stated_part_count", 7)],
    )
    def test_stated_count_against_list(self, path: str, value: int) -> None:
        """A stated number of provinces or parts that differs from the list is an error."""
        findings = audit(replace_at(builtin_report(2022), path, value)).at(path)
        assert [(f.rule, f.severity, f.published) for f in findings] == [
            ("stated-cardinality", Severity.ERROR, str(value))
        ]


class TestFindings:
    def test_custom_rules(self) -> None:
        """audit() runs exactly the rules given, in order."""

        def always(report: AnnualReport) -> Iterator[Finding]:
            yield Finding(
                path="year",
                rule="custom",
                severity=Severity.ERROR,
                published=str(report.year),
                computed=None,
                cause=None,
                detail=Note(zh="自定义", en="custom"),
            )

        report = builtin_report(2022)
        assert audit(report, rules=()) == ()
        findings = audit(report, rules=[*DEFAULT_RULES, always])
        assert [f.rule for f in findings] == ["rate-matches-counts", "custom"]
        assert findings.errors == (findings[1],)

    def test_findings_is_a_tuple(self) -> None:
        """Findings compare and hash like tuples; a Finding is a frozen value."""
        findings = audit(builtin_report(2022))
        assert isinstance(findings, tuple)
        assert hash(findings) == hash(tuple(findings))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            findings[0].path = "x"  # type: ignore[misc]

    def test_html_escapes_and_names_the_path(self) -> None:
        """The notebook table holds every field of the finding, escaped."""
        findings = audit(builtin_report(2022))
        html = findings._repr_html_()
        assert ADMISSION_RATE in html
        assert "99.91%" in html
        assert html.startswith("<table>")
        note = Note(zh="说明", en="<b>&</b>")
        strange = Findings([attrs.evolve(findings[0], detail=note, path="a|b")])
        assert "&lt;b&gt;&amp;&lt;/b&gt;" in strange._repr_html_()
        assert "a\\|b" in strange._repr_markdown_()

    def test_to_dict_is_json(self) -> None:
        """finding_dict() is JSON-ready and keeps every field of the contract, in order."""
        (finding,) = audit(builtin_report(2022))
        data = json.loads(json.dumps(finding_dict(finding), ensure_ascii=False))
        assert data["severity"] == "warning"
        assert list(data) == [
            "path",
            "rule",
            "severity",
            "published",
            "computed",
            "cause",
            "message_zh",
            "message_en",
            "span",
        ]


class TestStaleYears:
    """Rule stale-year: years a copy of last year's report carries are warned of, by sentence."""

    @staticmethod
    def _draft_2023() -> AnnualReport:
        from hnjd_disclosure.convert import TOML, structure_report
        from hnjd_disclosure.draft import decide, draft_from, fill_in

        from .conftest import DATA

        figures = tomllib.loads((DATA.parent.parent / "examples" / "figures-2023.toml").read_text())
        data = fill_in(draft_from(builtin_report(2022), 2023), figures)
        data = decide(data, {}, rest={"status": "not_stated"})  # part 8 is not the point here
        return structure_report(data, data_format=TOML)

    def test_the_issue_example(self) -> None:
        """The example 2023 report as drafted: 2021-2022学年, 2021年度部门决算 and the 2022
        notice are warned of, each naming its sentence; check --strict fails on them."""
        from hnjd_disclosure.audit import DEFAULT_RULES, check_stale_years

        findings = list(check_stale_years(self._draft_2023()))
        assert [(f.path, f.published) for f in findings] == [
            ("legal_basis[2].title", "2022年"),
            ("legal_basis[2].doc_no", "〔2022〕"),
            ("proactive.finance.paragraphs[0]", "2021年度"),
            ("improvement.paragraphs[0]", "2021-2022学年"),
        ]
        assert {f.rule for f in findings} == {"stale-year"}
        assert {f.severity for f in findings} == {Severity.WARNING}
        assert "2022年部门预算和2021年度部门决算" in message_zh(findings[2])
        assert message_zh(findings[3]).startswith("「2021-2022学年，学校在进一步深化")
        rules = (*DEFAULT_RULES, check_stale_years)
        assert len(audit(self._draft_2023(), rules).warnings) >= 4

    @pytest.mark.parametrize(
        "paragraph",
        ["学校始建于1958年。", "2022-2023学年，学校完成了任务。", "到2025年建成高水平学校。"],
    )
    def test_fitting_history_and_plans_are_not_findings(self, paragraph: str) -> None:
        """A year of the period, an old year (history) and a later one (plans) are not stale."""
        from hnjd_disclosure.audit import check_stale_years

        report = self._draft_2023()
        changed = attrs.evolve(
            report, assessment=attrs.evolve(report.assessment, paragraphs=(paragraph,))
        )
        assert [f.path for f in check_stale_years(changed) if f.path.startswith("assessment")] == []

    def test_the_2022_report_has_none(self) -> None:
        from hnjd_disclosure.audit import check_stale_years

        assert list(check_stale_years(builtin_report(2022))) == []
