"""Write the 2023 report from the 2022 one: new -> fill in figures and part 8 -> check -> render.

The command line does the file work (``hnjd-disclosure new`` and ``render``, exactly as the
office would type them); the figures are filled in programmatically from ``figures-2023.toml``
(example figures, not real data), as they would be from an export of the admissions system,
and part 8 (the status of each checklist item) from ``checklist-2023.toml``.

``check`` audits the filled-in figures (every rate recomputed from its counts) before rendering.

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
    part_8 = tomllib.loads(CHECKLIST.read_text(encoding="utf-8"))
    disclosed = {e.pop("item"): e for e in part_8["entries"]}
    data = decide(data, disclosed, rest={"status": "not_stated"})
    print(f"第八部分：{len(disclosed)} 个事项已公开，其余适用事项报告未载明")
    DRAFT.write_text(dumps_draft_toml(data), encoding="utf-8")

    if cli("check", str(DRAFT)).returncode != 0:
        raise SystemExit("check found errors in the filled-in report")
    if cli("render", str(DRAFT), "-o", "report-2023.txt", "--force").returncode != 0:
        raise SystemExit("render failed on the filled-in report")
    text = Path("report-2023.txt").read_text(encoding="utf-8")
    print("\n".join(text.splitlines()[:2]))


if __name__ == "__main__":
    main()
