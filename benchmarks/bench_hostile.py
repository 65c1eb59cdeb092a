"""Time the readers on hostile inputs of growing size (printed, never asserted).

Run: ``.venv/bin/python benchmarks/bench_hostile.py [N]``. For each input built to make a
reader do more than linear work, prints the time at sizes n, 2n, 4n and 8n (``N`` is n, by
default 40,000 repetitions). Linear readers double their time with the size; a quadratic
one quadruples it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hnjd_disclosure import ParseError
from hnjd_disclosure.parse import (
    audit_text,
    extract_figures,
    html_to_text,
    parse_report,
    read_header,
)

TEXT = (Path(__file__).parent.parent / "tests" / "data" / "hnjd-2022-report.txt").read_text(
    encoding="utf-8"
)
_PROCUREMENT = "公开信息共131条，"


def _procurement(n: int) -> str:
    """The published text with a procurement line holding ``n`` counts in 条."""
    return TEXT.replace(_PROCUREMENT, _PROCUREMENT + "1条" * n)


#: name -> (reader, input of size n)
HOSTILE: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "table cells 「1  」*n": (extract_figures, lambda n: "1  " * n),
    "table cells 「|1」*n": (extract_figures, lambda n: "|1" * n),
    "「1」+n*2.5 spaces+「人」": (read_header, lambda n: "1" + " " * (5 * n // 2) + "人"),
    "procurement 「1条」*n": (parse_report, _procurement),
    # web pages: markup some HTMLParser releases rescan to the end, deep nesting, and cells
    # (312,500 repetitions make 8n 10 MB of <td>)
    "page 「<a」*n": (html_to_text, lambda n: "<a" * n),
    "page 「<!--」*n": (html_to_text, lambda n: "<!--" * n),
    "page 「<div>」*n": (html_to_text, lambda n: "<div>" * n),
    "page 「<td>」*n": (html_to_text, lambda n: "<table><tr>" + "<td>" * n),
    # linear but heavy: about 28 s and 280 MB a million characters (MAX_FIGURE_CHARS)
    "dense figures 「1%」*n": (audit_text, lambda n: "1%" * n),
}


def timed(fn: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(ParseError):
        fn(text)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    for name, (fn, make) in HOSTILE.items():
        times = [timed(fn, make(n * k)) for k in (1, 2, 4, 8)]
        shown = "  ".join(f"{k}n {t:8.3f} s" for k, t in zip((1, 2, 4, 8), times, strict=True))
        print(f"{name:<28} {fn.__name__:<16} n={n}: {shown}", flush=True)


if __name__ == "__main__":
    main()
