"""Write the 2023 report from the 2022 one: new -> fill in figures and part 8 -> check -> render.

The command line does the file work (``hnjd-disclosure new`` and ``render``, exactly as the
office would type them); the figures are filled in programmatically from ``figures-2023.toml``
(example figures, not real data), as they would be from an export of the admissions system,
and part 8 (the status of each checklist item) from ``checklist-2023.toml``.

``check`` audits the filled-in figures (every rate recomputed from its counts) and warns of
years left from last year's prose (revised here, :data:`REVISIONS`) before rendering.

Run: python examples/write_2023_report.py   (writes report-2023.toml and report-2023.txt)
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from hnjd_disclosure.draft import decide, dumps_draft_toml, fill_in, missing_figures

FIGURES = Path(__file__).with_name("figures-2023.toml")
CHECKLIST = Path(__file__).with_name("checklist-2023.toml")
DRAFT = Path("report-2023.toml")

#: The prose kept from 2022 that names last year (the draft marks such lines 核对年份, and
#: ``check`` warns of them, rule stale-year): revised as the office would. The 2023 notice
#: is an example, not a real document number.
REVISIONS = {
    "关于做好2022年高校信息公开年度报告工作的通知": "关于做好2023年高校信息公开年度报告工作的通知",
    "湘教办通〔2022〕30号": "湘教办通〔2023〕30号",
    "2022年部门预算和2021年度部门决算": "2023年部门预算和2022年度部门决算",
    "2021-2022学年": "2022-2023学年",
}


def revised(value: object) -> object:
    """``value`` (a draft's data) with every text of :data:`REVISIONS` replaced."""
    if isinstance(value, str):
        for old, new in REVISIONS.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, dict):
        return {key: revised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [revised(item) for item in value]
    return value


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``hnjd-disclosure`` as a user would, with this Python."""
    command = [sys.executable, "-m", "hnjd_disclosure", *args]
    print("$ hnjd-disclosure", " ".join(args))
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    print(done.stdout + done.stderr, end="")
    return done


def main() -> None:
    cli("new", "--year", "2023", "--from", "2022", "-o", str(DRAFT), "--force")

    # A draft is refused until every figure and every checklist status is filled in.
    if cli("render", str(DRAFT)).returncode != 2:
        raise SystemExit("render should refuse a draft with figures still to fill in")

    data = tomllib.loads(DRAFT.read_text(encoding="utf-8"))
    figures = tomllib.loads(FIGURES.read_text(encoding="utf-8"))
    data = fill_in(data, figures)
    print(f"填写了 {len(figures)} 个数字，尚缺 {len(missing_figures(data))} 个")
    data = revised(data)  # type: ignore[assignment]
    print(f"核对了沿用上年的 {len(REVISIONS)} 处年份")
    part_8 = tomllib.loads(CHECKLIST.read_text(encoding="utf-8"))
    disclosed = {e.pop("item"): e for e in part_8["entries"]}
    data = decide(data, disclosed, rest={"status": "not_stated"})
    print(f"第八部分：{len(disclosed)} 个事项已公开，其余适用事项报告未载明")
    DRAFT.write_text(dumps_draft_toml(data), encoding="utf-8")

    if cli("check", "--strict", str(DRAFT)).returncode != 0:
        raise SystemExit("check found problems in the filled-in report")
    if cli("render", str(DRAFT), "-o", "report-2023.txt", "--force").returncode != 0:
        raise SystemExit("render failed on the filled-in report")
    text = Path("report-2023.txt").read_text(encoding="utf-8")
    print("\n".join(text.splitlines()[:2]))


if __name__ == "__main__":
    main()
