"""Render the built-in 2022 report as Chinese text, to the screen and to a file.

Run: python examples/render_2022.py   (writes report-2022.txt in the current directory)
"""

from __future__ import annotations

from pathlib import Path

import hnjd_disclosure as hd


def main() -> None:
    report = hd.builtin_report(2022)
    text = hd.render(report)
    Path("report-2022.txt").write_text(text, encoding="utf-8")
    # The title lines, then where the full text went.
    print("\n".join(text.splitlines()[:2]))
    print(f"全文 {len(text)} 字，已写入 report-2022.txt")


if __name__ == "__main__":
    main()
