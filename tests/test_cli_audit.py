"""The check and diff commands: findings in two languages, exit statuses, changes of figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hnjd_disclosure import builtin_report
from hnjd_disclosure.audit import audit
from hnjd_disclosure.records import field_label
from hnjd_disclosure.render.findings import finding_text
from hnjd_disclosure.stats import RATES

from .test_cli import GOOD_TOML, run

ADMITTED = "proactive.admissions.admitted"


def write(tmp_path: Path, content: str, name: str = "r.toml") -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


class TestCheck:
    def test_2022_prints_the_admission_rate_finding(self) -> None:
        """check --year 2022 prints exactly the admission-rate finding, in Chinese and English."""
        status, out = run("check", "--year", "2022")
        assert status == 0
        (finding,) = audit(builtin_report(2022))
        assert out == f"{finding_text(finding)}\n"
        assert out.count("proactive.admissions.admission_rate") == 1
        assert "录取率公布为99.90%" in out
        assert "admission rate published as 99.90%" in out
        assert "99.91%" in out

    def test_strict_fails_on_warnings(self) -> None:
        """--strict makes the one warning fail."""
        assert run("check", "--year", "2022", "--strict")[0] == 1

    def test_json(self) -> None:
        """--json prints the findings and their counts for machines."""
        status, out = run("check", "--year", "2022", "--json")
        assert status == 0
        data = json.loads(out)
        assert (data["errors"], data["warnings"]) == (0, 1)
        (finding,) = data["findings"]
        assert finding["path"] == "proactive.admissions.admission_rate"
        assert (finding["published"], finding["computed"]) == ("99.90%", "99.91%")
        assert finding["severity"] == "warning"

    def test_error_exits_1(self, tmp_path: Path) -> None:
        """A file with an error exits 1."""
        path = write(
            tmp_path, GOOD_TOML.replace("stated_province_count = 10", "stated_province_count = 11")
        )
        status, out = run("check", path)
        assert status == 1
        assert "proactive.admissions.stated_province_count" in out

    def test_clean_file(self, tmp_path: Path) -> None:
        """A file without findings says so in both languages and exits 0, even with --strict."""
        path = write(
            tmp_path, GOOD_TOML.replace('admission_rate = "99.90%"', 'admission_rate = "99.91%"')
        )
        status, out = run("check", path, "--strict")
        assert (status, out) == (0, "未发现问题。\nNo findings.\n")

    @pytest.mark.parametrize(
        "argv",
        [["check", "--year", "2019"], ["check", "missing.toml"], ["check"]],
    )
    def test_bad_input_exits_2(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """Bad input still gives one line and exit 2."""
        assert run(*argv)[0] == 2
        assert capsys.readouterr().err.count("\n") == 1


class TestDiff:
    def test_changed_count_and_the_rates_it_moves(self, tmp_path: Path) -> None:
        """diff 2022 against a copy with one changed count shows it and every rate it moves."""
        path = write(tmp_path, GOOD_TOML.replace("admitted = 5295", "admitted = 5290"))
        status, out = run("diff", "2022", path)
        assert status == 0
        lines = out.splitlines()
        moved = [
            field_label(spec.path)
            for spec in RATES
            if ADMITTED in (spec.part_path, spec.whole_path)
        ]
        assert len(lines) == 1 + len(moved)
        assert lines[0] == "实际录取较原报告减少5人"
        for label, line in zip(moved, lines[1:], strict=True):
            assert line.startswith(f"{label}（按计数计算）较原报告")
            assert line.endswith("个百分点")

    def test_json_and_table(self, tmp_path: Path) -> None:
        """--json lists every figure; --table prints the changed ones as Markdown."""
        path = write(tmp_path, GOOD_TOML.replace("admitted = 5295", "admitted = 5290"))
        status, out = run("diff", "2022", path, "--json")
        assert status == 0
        data = json.loads(out)
        changed = [c for c in data["changes"] if c["old"] != c["new"]]
        assert [(c["path"], c["source"], c["delta"]) for c in changed] == [
            (ADMITTED, "published", "-5"),
            ("proactive.admissions.admission_rate", "computed", "-0.10"),
            ("proactive.admissions.registration_rate", "computed", "0.10"),
        ]
        status, out = run("diff", path, "2022", "--table")
        assert out.splitlines()[2].startswith("| 实际录取 | 5290人 | 5295人 | +5 |")

    def test_no_change(self) -> None:
        """diff of a report with itself says there is no change."""
        assert run("diff", "2022", "2022") == (0, "与原报告相比，没有变化\n")

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["diff", "2022", "2019"], "no built-in report for year 2019"),
            (["diff", "2022", "missing.toml"], "missing.toml: cannot read"),
            (["diff", "2022"], "required"),
        ],
    )
    def test_bad_input_exits_2(
        self, argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Unknown years and missing files: one line, exit 2."""
        assert run(*argv)[0] == 2
        err = capsys.readouterr().err
        assert expected in err
        assert err.count("\n") == 1
