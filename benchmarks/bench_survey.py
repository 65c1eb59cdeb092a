"""The survey's cost against the text reader's, on a generated folder of reports.

    .venv/bin/python benchmarks/bench_survey.py              # 10,000 reports of about 10 KB
    .venv/bin/python benchmarks/bench_survey.py --reports 1000 --rounds 1

Writes a folder of ``--reports`` reports (the published 2022 text and, one in four, the
rendered report with part 8; each copy with its own institution, year and figures, so no two
documents are alike), then
times, in turns (one round = each command once, cold start of a fresh process each):

* ``extract``: read every file and run :func:`hnjd_disclosure.parse.extract_figures` on it;
* ``survey``: :func:`hnjd_disclosure.survey.survey` over the folder, with 1 worker, then with
  each of ``--workers``.

Prints each timing, the ratio survey / extract (target: at most 2) and the speed-up with
workers, and the peak memory of each process (the survey keeps one compact row a report, so
its memory grows with the rows, not with the texts: compare ``--reports 2000`` with 10,000).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

EXTRACT = """
import resource, sys
from pathlib import Path
from hnjd_disclosure.parse import extract_figures
n = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    n += len(extract_figures(path.read_text(encoding="utf-8")))
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

SURVEY = """
import resource, sys
from hnjd_disclosure.survey import survey
result = survey([sys.argv[1]], workers=int(sys.argv[2]))
print(len(result.rows), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_NUMBER = re.compile(r"(?<![0-9.])[1-9][0-9]{1,4}(?![0-9.]|年|月|日|学年|届|号)")


def texts() -> list[str]:
    from hnjd_disclosure import builtin_report
    from hnjd_disclosure.render import render

    published = (ROOT / "tests" / "data" / "hnjd-2022-report.txt").read_text(encoding="utf-8")
    return [render(builtin_report(2022), checklist=True), published]


def varied(text: str, i: int, rng: random.Random) -> str:
    """``text`` as institution ``i`` would print it: its own name, year and figures."""
    year = 2015 + i % 10
    out = text.replace("湖南机电职业技术学院", f"第{i}号职业技术学院")
    out = out.replace("2022", str(year)).replace("2021", str(year - 1))
    return _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-9, 9))), out)


def write_folder(folder: Path, reports: int) -> int:
    rng = random.Random(2022)
    rendered, published = texts()
    # three published texts (11 KB) to one rendered with part 8 (19 KB): about 13 KB on average
    bases = [published, published, published, rendered]
    size = 0
    for i in range(reports):
        text = varied(bases[i % len(bases)], i, rng)
        path = folder / f"{i // 1000:02d}" / f"report-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        size += path.write_bytes(text.encode("utf-8"))
    return size


def timed(code: str, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    return time.perf_counter() - start, done.stdout.split()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, nargs="*", default=[2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = write_folder(folder, args.reports)
        print(f"{args.reports:,} reports, {size / args.reports / 1000:.1f} KB each on average")
        runs: dict[str, list[float]] = {}
        memory: dict[str, str] = {}
        for _ in range(args.rounds):
            for name, code, extra in [
                ("extract", EXTRACT, []),
                ("survey 1 worker", SURVEY, ["1"]),
                *[(f"survey {w} workers", SURVEY, [str(w)]) for w in args.workers],
            ]:
                seconds, peak = timed(code, str(folder), *extra)
                runs.setdefault(name, []).append(seconds)
                memory[name] = peak
        base = statistics.median(runs["extract"])
        one = statistics.median(runs["survey 1 worker"])
        for name, seconds in runs.items():
            median = statistics.median(seconds)
            print(
                f"{name:20} {median:8.1f} s  {args.reports / median:7.0f} reports/s  "
                f"{median / base:5.2f}x extract  {median and one / median:5.2f}x faster than "
                f"1 worker  peak {int(memory[name]) / 1024:.0f} MB"
            )
        print(f"survey / extract: {one / base:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
