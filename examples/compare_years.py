"""Compare two years: the published rates of 2022 and 2023, as a table and a PNG chart.

The 2022 report is built in; the 2023 one is drafted from it and filled in with the example
figures of ``figures-2023.toml`` and part 8 of ``checklist-2023.toml`` (not real data). The
chart needs matplotlib (the ``plot`` extra: ``pip install "hnjd-disclosure[plot]"``); without
it the table is still printed.

Run: python examples/compare_years.py   (writes rates.png in the current directory)
"""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path

import hnjd_disclosure as hd
from hnjd_disclosure.compare import Change, compare
from hnjd_disclosure.convert import TOML, structure_report
from hnjd_disclosure.draft import decide, draft_from, fill_in
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.records import PUBLISHED

FIGURES = Path(__file__).with_name("figures-2023.toml")
CHECKLIST = Path(__file__).with_name("checklist-2023.toml")
CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "SimHei")


def report_2023() -> AnnualReport:
    figures = tomllib.loads(FIGURES.read_text(encoding="utf-8"))
    data = fill_in(draft_from(hd.builtin_report(2022), 2023), figures)
    part_8 = tomllib.loads(CHECKLIST.read_text(encoding="utf-8"))
    disclosed = {e.pop("item"): e for e in part_8["entries"]}
    data = decide(data, disclosed, rest={"status": "not_stated"})
    return structure_report(data, source=FIGURES.name, data_format=TOML)


def rate_changes(old: AnnualReport, new: AnnualReport) -> list[Change]:
    """The published percentages of both reports, with their change in points."""
    return [
        c
        for c in compare(old, new).changes
        if c.kind == "percent" and c.source == PUBLISHED and c.points is not None
    ]


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns; a Chinese character takes two."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - columns, 0)


def chart(changes: list[Change], target: Path) -> bool:
    """Draw the rates of both years side by side; False when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import font_manager
    except ImportError:
        return False
    installed = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FONTS if name in installed]
    if cjk:
        plt.rcParams["font.family"] = cjk[0]
    labels = [c.label for c in changes]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.4
    xs = range(len(changes))
    ax.bar([x - width / 2 for x in xs], [float(c.old or 0) for c in changes], width, label="2022")
    ax.bar([x + width / 2 for x in xs], [float(c.new or 0) for c in changes], width, label="2023")
    ax.set_xticks(list(xs))
    ax.set_xticklabels(labels if cjk else [f"rate {n + 1}" for n in xs])
    ax.set_ylabel("%")
    ax.legend()
    fig.autofmt_xdate(rotation=30)
    fig.tight_layout()
    fig.savefig(target, dpi=100)
    plt.close(fig)
    return True


def main() -> None:
    changes = rate_changes(hd.builtin_report(2022), report_2023())
    print(f"{pad('指标', 20)}{'2022':>8}{'2023':>8}  变化（百分点）")
    for c in changes:
        print(f"{pad(c.label, 20)}{c.old:>7}%{c.new:>7}%  {c.points:+}")
    if chart(changes, Path("rates.png")):
        print("图表已保存：rates.png")
    else:
        print('未安装 matplotlib，跳过图表（pip install "hnjd-disclosure[plot]"）')


if __name__ == "__main__":
    main()
