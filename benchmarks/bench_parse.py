"""Measure the readers on the published 2022 text (printed, never asserted).

Run: ``.venv/bin/python benchmarks/bench_parse.py``. Prints extract_figures throughput in
MB/s (of UTF-8 bytes), parse_report and render times for the 2022 text, and the times of
inputs built to make a regular expression backtrack.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from hnjd_disclosure import ParseError, builtin_report, render
from hnjd_disclosure.parse import audit_text, extract_figures, parse_report, read_header

TEXT = (Path(__file__).parent.parent / "tests" / "data" / "hnjd-2022-report.txt").read_text(
    encoding="utf-8"
)


def best(fn: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """The best of ``repeat`` timings of ``number`` calls, per call, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def main() -> None:
    report = builtin_report(2022)
    render(report)
    parse_report(TEXT)  # warm the caches (babel, regexes)
    size = len(TEXT.encode("utf-8"))
    t_extract = best(lambda: extract_figures(TEXT), number=20)
    print(
        f"extract_figures, 2022 text ({size} bytes): {t_extract * 1e3:.2f} ms, "
        f"{size / t_extract / 1e6:.2f} MB/s"
    )
    big = TEXT * (10_000_000 // len(TEXT) + 1)
    big = big[:10_000_000]
    big_size = len(big.encode("utf-8"))
    t_big = best(lambda: extract_figures(big), repeat=1)
    print(
        f"extract_figures, 10M characters ({big_size / 1e6:.1f} MB): {t_big:.2f} s, "
        f"{big_size / t_big / 1e6:.2f} MB/s"
    )
    for fn in (parse_report, read_header, audit_text):
        start = time.perf_counter()
        with contextlib.suppress(ParseError):
            fn(big)
        print(f"{fn.__name__}, 10M characters: {time.perf_counter() - start:.2f} s")
    t_render = best(lambda: render(report), number=50)
    t_parse = best(lambda: parse_report(TEXT), number=50)
    print(
        f"render(2022): {t_render * 1e3:.3f} ms; parse_report(2022 text): "
        f"{t_parse * 1e3:.3f} ms = {t_parse / t_render:.2f}x render"
    )
    t_header = best(lambda: read_header(TEXT), number=50)
    t_audit = best(lambda: audit_text(TEXT), number=20)
    print(f"read_header: {t_header * 1e3:.3f} ms; audit_text: {t_audit * 1e3:.2f} ms")
    hostile = {
        "100,000-digit number": "录取" + "9" * 100_000 + "人",
        "100,000 「%」": "%" * 100_000,
        "100,000 digits then %": "1" * 100_000 + "%",
        "50,000 「1%」": "1%" * 50_000,
        "100,000 「和」 in a part list": "全文包括" + "和" * 100_000 + "等八个部分",
    }
    for name, text in hostile.items():
        for fn in (extract_figures, read_header, audit_text, parse_report):
            start = time.perf_counter()
            with contextlib.suppress(ParseError):
                fn(text)
            print(f"{name:>30}  {fn.__name__:<16} {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
