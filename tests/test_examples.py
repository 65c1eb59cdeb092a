"""Every script in examples/ runs, in a fresh directory, and does what it says."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

import hnjd_disclosure as hd
from hnjd_disclosure.audit import Findings, audit
from hnjd_disclosure.compare import compare
from hnjd_disclosure.render.findings import findings_text

EXAMPLES = Path(__file__).parent.parent / "examples"


def run_example(name: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def check_render_2022(out: str, cwd: Path) -> None:
    """The file written is the rendered built-in report."""
    text = (cwd / "report-2022.txt").read_text(encoding="utf-8")
    assert text == hd.render(hd.builtin_report(2022))
    assert out.splitlines()[:2] == text.splitlines()[:2]


def check_write_2023_report(out: str, cwd: Path) -> None:
    """The draft was refused, then filled in, checked clean and rendered as 2023."""
    assert "38 figures still to fill in (待填写)" in out
    assert "$ hnjd-disclosure check --strict report-2023.toml\n未发现问题。\n" in out
    report = hd.load(cwd / "report-2023.toml")
    figures = tomllib.loads((EXAMPLES / "figures-2023.toml").read_text(encoding="utf-8"))
    assert report.year == 2023
    assert report.proactive.admissions.planned.value == figures["proactive.admissions.planned"]
    assert (cwd / "report-2023.txt").read_text(encoding="utf-8") == hd.render(
        report, checklist=True
    )
    assert "2023年信息公开年度报告" in out


def check_audit_and_fix(out: str, cwd: Path) -> None:
    """The finding is printed, fixed in the corrected file, and the corrected file is clean."""
    original = hd.builtin_report(2022)
    findings = audit(original)
    assert out.startswith(findings_text(findings))
    corrected = hd.load(cwd / "report-2022-corrected.toml")
    assert audit(corrected) == Findings()
    changed = compare(original, corrected).changed
    assert [(c.path, f"{c.new}%") for c in changed] == [(findings[0].path, findings[0].computed)]


def check_compare_years(out: str, cwd: Path) -> None:
    """One line per published rate with both years' values and the change; a PNG chart."""
    old = hd.builtin_report(2022).proactive.admissions
    figures = tomllib.loads((EXAMPLES / "figures-2023.toml").read_text(encoding="utf-8"))
    new_rate = figures["proactive.admissions.admission_rate"]
    line = next(line for line in out.splitlines() if line.startswith("录取率"))
    change = hd.StatedPercent.parse(new_rate).value - old.admission_rate.value
    assert line.split() == ["录取率", str(old.admission_rate), new_rate, f"{change:+}"]
    assert len([line for line in out.splitlines() if line.split()[-1][0] in "+-"]) == 7
    assert (cwd / "rates.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "图表已保存：rates.png" in out


CHECKS: dict[str, Callable[[str, Path], None]] = {
    "audit_and_fix.py": check_audit_and_fix,
    "compare_years.py": check_compare_years,
    "render_2022.py": check_render_2022,
    "write_2023_report.py": check_write_2023_report,
}


def test_every_example_is_checked() -> None:
    """Each script in examples/ has a check here, so none goes untested."""
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_example(name: str, tmp_path: Path) -> None:
    """The example runs in an empty directory and produces what it promises."""
    CHECKS[name](run_example(name, tmp_path), tmp_path)


def test_compare_years_without_matplotlib(tmp_path: Path) -> None:
    """Without matplotlib the comparison still prints its table and skips the chart."""
    blocker = tmp_path / "blocker" / "matplotlib"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('hidden for the test')\n")
    # The blocker first, then the package under test (the tree's, not an installed one).
    paths = [str(blocker.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths))
    out = run_example("compare_years.py", tmp_path, env=env)
    assert "未安装 matplotlib，跳过图表" in out
    assert out.splitlines()[1].startswith("录取率")
    assert not (tmp_path / "rates.png").exists()
