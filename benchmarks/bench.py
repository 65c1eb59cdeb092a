"""Side-by-side benchmarks of hnjd_disclosure against orjson, pydantic v2 and msgspec.

Run (after ``pip install -e . --group bench``)::

    .venv/bin/python benchmarks/bench.py            # everything, 5-10 minutes on 2 cores
    .venv/bin/python benchmarks/bench.py --quick    # fewer repeats and a smaller corpus

Every figure is the best of several timed repeats (each repeat runs long enough to be
measured well, with the garbage collector on, as in real use), in one process, on this
machine; figures that are compared are timed in turns, so that a busy moment of a shared
machine slows them alike; every ratio compares two figures of the same run.

The pydantic model and the msgspec Struct are generated here from the attrs model so
they hold the same fields, with the same constraints: strict types, no unknown keys,
one-line non-empty strings, the published forms of percentages (``99.90%``), 万 figures and
rankings as patterns, integer bounds, and the same rules between fields. They keep
percentages as checked strings where the library builds Decimal-based values, which only
flatters them.
"""

from __future__ import annotations

import argparse
import datetime
import enum
import gc
import importlib
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated, Any

import attrs
import msgspec
import orjson
import pydantic

import hnjd_disclosure as hd
from hnjd_disclosure import convert
from hnjd_disclosure import io as hio
from hnjd_disclosure.model import AnnualReport, DisclosureStatus
from hnjd_disclosure.model import _fields as F
from hnjd_disclosure.model.checklist import _FIELDS_BY_STATUS, _ONE_OF_BY_STATUS, _STATUS_FIELDS
from hnjd_disclosure.quantities import Count, Ranking, StatedPercent, WanFigure

# --------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------

REPEATS = 7
MIN_TIME = 0.2


def best(fn: Callable[[], object], *, repeats: int | None = None) -> float:
    """Seconds per call: the best of ``repeats`` timed runs of at least MIN_TIME each."""
    timer = timeit.Timer(fn, setup=gc.enable)
    number, _ = timer.autorange()
    number = max(1, int(number * MIN_TIME / 0.2))
    runs = timer.repeat(repeat=repeats or REPEATS, number=number)
    return min(runs) / number


def race(fns: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Seconds per call of each function, timed in turns so that a busy moment of the machine
    slows all of them alike; the best of REPEATS turns."""
    timers = {name: timeit.Timer(fn, setup=gc.enable) for name, fn in fns.items()}
    numbers = {}
    for name, timer in timers.items():
        number, _ = timer.autorange()
        numbers[name] = max(1, int(number * MIN_TIME / 0.2))
    best_of = dict.fromkeys(fns, float("inf"))
    for _ in range(REPEATS):
        for name, timer in timers.items():
            elapsed = timer.timeit(numbers[name]) / numbers[name]
            best_of[name] = min(best_of[name], elapsed)
    return best_of


def us(seconds: float) -> str:
    return f"{seconds * 1e6:9.1f} µs"


RESULTS: list[tuple[str, str]] = []


def show(name: str, seconds: float) -> float:
    print(f"  {name:<44} {us(seconds)}")
    return seconds


def ratio(name: str, value: float, target: str | None = None, ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("  met" if ok else "  NOT MET")
    line = f"  {name:<44} {value:9.2f}x" + (f"   (target {target}){verdict}" if target else "")
    print(line)
    if target:
        RESULTS.append((name, f"{value:.2f}x (target {target}){verdict}"))


# --------------------------------------------------------------------------------------
# An equivalent pydantic v2 model and msgspec Struct, generated from the attrs model
# --------------------------------------------------------------------------------------

LINE = r"^[^\S\r\n]*\S[^\r\n]*$"
OPTIONAL_LINE = r"^[^\r\n]*$"
PERCENT = r"^(0|[1-9][0-9]{0,5})(\.[0-9]{1,6})?%$"
WAN = r"^(0|[1-9][0-9]{0,7})(\.[0-9]{1,4})?万$"
RANKING = r"^前(?:([1-9][0-9]{0,5})|([零一二三四五六七八九十百千]{1,8}))名$"
# Bounds of the whole_number fields (the attrs model keeps them in its validators).
BOUNDS = {"year": (1949, 9999), "stated_part_count": (1, 99), "item": (1, 50)}


def _count(x: Any) -> int:
    return x if isinstance(x, int) else x.value


def _rules(name: str, m: Any) -> None:
    """The rules between fields that the attrs classes check in __attrs_post_init__."""
    if name == "Initiative" and "。" in m.title:
        raise ValueError("title must not contain 。")
    if name == "Period" and m.start >= m.end:
        raise ValueError("end must be after start")
    if name == "Employment":
        placed = _count(m.placed)
        if placed > _count(m.graduates):
            raise ValueError("placed > graduates")
        if _count(m.enlisted) > placed or _count(m.upgraded) > placed:
            raise ValueError("part > placed")
        if _count(m.in_province) + _count(m.out_of_province) > placed:
            raise ValueError("located > placed")
    if name == "Admissions" and _count(m.registered) > _count(m.admitted):
        raise ValueError("registered > admitted")
    if name == "RequestCounts":
        answered = sum(
            _count(getattr(m, k))
            for k in ("granted", "partially_granted", "refused", "not_held", "other_outcome")
        )
        if answered > _count(m.received):
            raise ValueError("answered > received")
    if name == "Contact" and "：" in m.office:
        raise ValueError("office must not contain a colon")
    if name == "OtherMatters" and m.contact_intro and m.contact is None:
        raise ValueError("contact is required")
    if name == "ChecklistEntry":
        required, allowed = _FIELDS_BY_STATUS[DisclosureStatus(m.status)]
        for field in required:
            if not getattr(m, field).strip():
                raise ValueError(f"{field} is required")
        for field in _STATUS_FIELDS:
            if field not in required + allowed and getattr(m, field):
                raise ValueError(f"{field} is not allowed")
        one_of = _ONE_OF_BY_STATUS.get(DisclosureStatus(m.status), ())
        if one_of and not any(
            (v.strip() if isinstance(v, str) else v) for v in (getattr(m, f) for f in one_of)
        ):
            raise ValueError(f"one of {one_of} is required")
    if name == "Checklist" and len({e.item for e in m.entries}) != len(m.entries):
        raise ValueError("an item is listed twice")


def _field_kind(a: attrs.Attribute[Any]) -> str:
    if a.type is str:
        return "line" if a.validator is F._line else "optional_line"
    if a.type is int:
        return "int"
    for kind, tp in (
        ("count", Count),
        ("percent", StatedPercent),
        ("wan", WanFigure),
        ("ranking", Ranking),
        ("date", datetime.date),
    ):
        if a.type is tp:
            return kind
    if isinstance(a.type, type) and issubclass(a.type, enum.Enum):
        return "enum"
    if attrs.has(a.type):
        return "nested"
    if str(a.type).startswith("tuple[str"):
        return "lines"
    if str(a.type).startswith("tuple["):
        return "nested_tuple"
    return "optional_nested"


def _inner(a: attrs.Attribute[Any]) -> type:
    if attrs.has(a.type):
        return a.type  # type: ignore[no-any-return]
    args = [x for x in a.type.__args__ if x is not type(None) and x is not Ellipsis]
    return args[0]  # type: ignore[no-any-return]


PATTERNS = {
    "line": LINE,
    "optional_line": OPTIONAL_LINE,
    "percent": PERCENT,
    "wan": WAN,
    "ranking": RANKING,
}


def _field_type(
    a: attrs.Attribute[Any],
    pattern: Callable[[str], Any],
    integer: Callable[[int, int | None], Any],
    nested: Callable[[type], Any],
) -> Any:
    """The field's type with its constraints, in the terms of one library."""
    kind = _field_kind(a)
    if kind in PATTERNS:
        return pattern(PATTERNS[kind])
    if kind == "lines":
        return tuple[pattern(LINE), ...]  # type: ignore[misc]
    if kind == "int":
        return integer(*BOUNDS.get(a.name, (0, None)))
    if kind == "count":
        return integer(0, None)
    if kind == "date":
        return datetime.date
    if kind == "enum":
        return a.type  # both libraries read an Enum from its value
    if kind == "nested":
        return nested(a.type)
    if kind == "nested_tuple":
        return tuple[nested(_inner(a)), ...]  # type: ignore[misc]
    return nested(_inner(a)) | None


def build_pydantic(cl: type, done: dict[type, Any]) -> Any:
    """A frozen, strict pydantic v2 model of ``cl`` that forbids unknown keys."""
    if cl in done:
        return done[cl]
    from pydantic import Field, StringConstraints, model_validator

    fields: dict[str, Any] = {}
    for a in attrs.fields(attrs.resolve_types(cl)):
        tp = _field_type(
            a,
            lambda p: Annotated[str, StringConstraints(pattern=p)],
            lambda low, high: Annotated[int, Field(ge=low, le=high)],
            lambda c: build_pydantic(c, done),
        )
        fields[a.name] = (tp, ... if a.default is attrs.NOTHING else a.default)
    name = cl.__name__

    def check(self: Any) -> Any:
        _rules(name, self)
        return self

    model = pydantic.create_model(  # type: ignore[call-overload]
        name,
        __config__=pydantic.ConfigDict(extra="forbid", frozen=True, strict=True),
        __validators__={"check": model_validator(mode="after")(check)},
        **fields,
    )
    done[cl] = model
    return model


def build_msgspec(cl: type, done: dict[type, Any]) -> Any:
    """A frozen msgspec Struct of ``cl`` that forbids unknown keys (msgspec is always strict)."""
    if cl in done:
        return done[cl]
    meta = msgspec.Meta
    fields: list[Any] = []
    for a in attrs.fields(attrs.resolve_types(cl)):
        tp = _field_type(
            a,
            lambda p: Annotated[str, meta(pattern=p)],
            lambda low, high: Annotated[int, meta(ge=low, le=high) if high else meta(ge=low)],
            lambda c: build_msgspec(c, done),
        )
        default = () if a.default is attrs.NOTHING else (a.default,)
        fields.append((a.name, tp, *default))
    name = cl.__name__

    def post_init(self: Any) -> None:
        _rules(name, self)

    struct = msgspec.defstruct(
        name,
        fields,
        kw_only=True,
        frozen=True,
        forbid_unknown_fields=True,
        omit_defaults=True,
        namespace={"__post_init__": post_init},
    )
    done[cl] = struct
    return struct


# --------------------------------------------------------------------------------------
# A generated corpus: the 2022 report with every figure varied, consistently
# --------------------------------------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    if whole == 0:
        return "0.00%"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{value}%"


def _wan(n: int) -> str:
    return f"{(Decimal(n) / 10000).quantize(Decimal('0.1'), ROUND_HALF_UP)}万"


def corpus(n: int, seed: int = 2022) -> list[bytes]:
    """``n`` valid report documents (JSON bytes) of varied schools, figures and lengths."""
    base = orjson.loads(hio.dumps_json(hd.builtin_report(2022)))
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        d = orjson.loads(orjson.dumps(base))
        d["institution"] = f"第{i}职业技术学院"
        d["year"] = rnd.randint(2013, 2024)
        media = d["overview"]["media"]
        for k in ("news_articles", "external_reports", "wechat_issues", "weibo_posts"):
            media[k] = rnd.randint(0, 2000)
        media["wechat_followers"] = rnd.randint(1000, 200000)
        media["weibo_followers"] = _wan(rnd.randint(1000, 200000))
        media["douyin_followers"] = _wan(rnd.randint(1000, 200000))
        media["wechat_ranking"] = rnd.choice(["前百名", "前50名", "前10名", "前二十名"])
        adm = d["proactive"]["admissions"]
        adm["planned"] = planned = rnd.randint(1000, 9000)
        adm["admitted"] = admitted = planned - rnd.randint(0, 50)
        adm["registered"] = registered = admitted - rnd.randint(0, 300)
        adm["admission_rate"] = _pct(admitted, planned)
        adm["registration_rate"] = _pct(registered, admitted)
        adm["provinces"] = adm["provinces"][: rnd.randint(1, 10)]
        adm["stated_province_count"] = len(adm["provinces"])
        emp = adm["employment"]
        emp["graduates"] = grads = rnd.randint(1000, 9000)
        emp["placed"] = placed = grads - rnd.randint(0, 600)
        emp["enlisted"] = enlisted = rnd.randint(0, min(100, placed))
        emp["upgraded"] = upgraded = rnd.randint(0, min(800, placed))
        emp["in_province"] = inside = rnd.randint(0, placed)
        emp["out_of_province"] = outside = placed - inside - rnd.randint(0, 20) if placed else 0
        emp["out_of_province"] = max(outside, 0)
        emp["placement_rate"] = _pct(placed, grads)
        emp["enlisted_share"] = _pct(enlisted, placed)
        emp["upgraded_share"] = _pct(upgraded, placed)
        emp["in_province_share"] = _pct(inside, placed)
        emp["out_of_province_share"] = _pct(emp["out_of_province"], placed)
        d["proactive"]["finance"]["procurement"]["notices"] = rnd.randint(0, 500)
        paragraphs = d["overview"]["paragraphs"]
        d["overview"]["paragraphs"] = paragraphs * rnd.randint(1, 3)
        out.append(orjson.dumps(d))
    return out


# --------------------------------------------------------------------------------------
# Optional parts of the library (audit and parse land on their own branches)
# --------------------------------------------------------------------------------------


def optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        print(f"  (skipped: {module}.{name} does not exist yet)")
        return None
    return fn  # type: ignore[no-any-return]


def flat_records(report: AnnualReport) -> dict[str, Any]:
    """Dotted path -> plain value: flat records until hnjd_disclosure.records exists."""
    record: dict[str, Any] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else key, value)
        elif not isinstance(node, list):
            record[prefix] = node

    walk("", convert.unstructure(report))
    return record


def _audit_and_records(report: AnnualReport) -> int:
    """The work done for each report of a corpus, after loading it."""
    findings = _AUDIT(report) if _AUDIT is not None else ()
    return len(_RECORDS(report)) + len(findings)


_AUDIT: Callable[[AnnualReport], Any] | None = None
_RECORDS: Callable[[AnnualReport], Any] = flat_records


# --------------------------------------------------------------------------------------
# The benchmarks
# --------------------------------------------------------------------------------------


def bench_report(tag: str, name: str, docs: list[bytes], pyd: Any, ms: Any) -> dict[str, float]:
    """Load and dump of the documents (time per document), side by side."""
    print(
        f"\n== load and dump: {name} ({len(docs)} documents, "
        f"{statistics.mean(map(len, docs)) / 1024:.1f} KiB each)"
    )
    reports = [hio.loads_json(d) for d in docs]
    pyd_models = [pyd.model_validate_json(d) for d in docs]
    decoder = msgspec.json.Decoder(ms)
    ms_structs = [decoder.decode(d) for d in docs]
    for r, d in zip(reports, docs, strict=True):
        assert hio.loads_json(hio.dumps_json(r)) == r
        m = pyd.model_validate_json(d)
        assert pyd.model_validate_json(m.model_dump_json()) == m

    def each(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        def run() -> None:
            for x in items:
                fn(x)

        return run

    k = len(docs)
    plain = [orjson.loads(d) for d in docs]
    encoder = msgspec.json.Encoder()
    to_json = pyd.__pydantic_serializer__.to_json
    loads = race(
        {
            "orjson.loads": each(orjson.loads, docs),
            "msgspec load": each(decoder.decode, docs),
            "pydantic load": each(pyd.model_validate_json, docs),
            "load": each(hio.loads_json, docs),
        }
    )
    dumps = race(
        {
            "orjson.dumps": each(orjson.dumps, plain),
            "msgspec dump": each(encoder.encode, ms_structs),
            "pydantic dump": each(to_json, pyd_models),
            "pydantic indent": each(lambda m: m.model_dump_json(indent=2), pyd_models),
            "dump": each(hio.dumps_json_bytes, reports),
            "dump text": each(hio.dumps_json, reports),
        }
    )
    t = {name: seconds / k for name, seconds in (loads | dumps).items()}
    show("orjson.loads (floor)", t["orjson.loads"])
    show("msgspec Struct decode", t["msgspec load"])
    show("pydantic v2 model_validate_json", t["pydantic load"])
    show("hnjd loads_json", t["load"])
    show("orjson.dumps of plain data (floor)", t["orjson.dumps"])
    show("msgspec encode", t["msgspec dump"])
    show("pydantic v2 serializer.to_json (bytes)", t["pydantic dump"])
    show("pydantic v2 model_dump_json(indent=2)", t["pydantic indent"])
    show("hnjd dumps_json_bytes", t["dump"])
    show("hnjd dumps_json (indented text)", t["dump text"])
    ratio(f"{tag}: load / orjson.loads", t["load"] / t["orjson.loads"])
    ratio(f"{tag}: load / msgspec", t["load"] / t["msgspec load"])
    ratio(f"{tag}: pydantic load / orjson.loads", t["pydantic load"] / t["orjson.loads"])
    ratio(
        f"{tag}: load / pydantic",
        t["load"] / t["pydantic load"],
        "<= 1.0",
        t["load"] <= t["pydantic load"],
    )
    ratio(f"{tag}: dump / orjson.dumps", t["dump"] / t["orjson.dumps"])
    ratio(f"{tag}: dump / msgspec", t["dump"] / t["msgspec dump"])
    ratio(
        f"{tag}: dump / pydantic",
        t["dump"] / t["pydantic dump"],
        "<= 0.6",
        t["dump"] <= 0.6 * t["pydantic dump"],
    )
    return t


def bench_2022(load: float) -> None:
    print("\n== audit, render, parse: the built-in 2022 report")
    report = hd.builtin_report(2022)
    render = show("render (text)", best(lambda: hd.render(report)))
    ratio("render / load", render / load, "<= 2.0", render <= 2 * load)
    audit = optional("hnjd_disclosure.audit", "audit")
    if audit is not None:
        t = show("audit", best(lambda: audit(report)))
        ratio("audit / load", t / load, "<= 0.5", t <= 0.5 * load)
    text = hd.render(report)
    parse_report = optional("hnjd_disclosure.parse", "parse_report")
    if parse_report is not None:
        t = show("parse_report", best(lambda: parse_report(text)))
        ratio("parse_report / render", t / render, "<= 3.0", t <= 3 * render)
    extract = optional("hnjd_disclosure.parse", "extract_figures")
    if extract is not None:
        big = "\n\n".join([text] * 20)
        t = best(lambda: extract(big), repeats=3)
        mb_s = len(big.encode()) / t / 1e6
        print(f"  {'extract_figures':<44} {mb_s:9.2f} MB/s")
        RESULTS.append(
            (
                "extract_figures",
                f"{mb_s:.2f} MB/s (target >= 2){'  met' if mb_s >= 2 else '  NOT MET'}",
            )
        )


def bench_corpus(docs: list[bytes], workers: int) -> None:
    global _AUDIT, _RECORDS
    print(f"\n== corpus: {len(docs)} generated reports, load + audit + flat records")
    _AUDIT = optional("hnjd_disclosure.audit", "audit")
    _RECORDS = optional("hnjd_disclosure.records", "records") or flat_records
    # Like the work measured below, keep nothing but a number per document: holding 10,000
    # parsed documents would make the collector, not the parsing, the floor.
    floor = best(lambda: [len(orjson.loads(d)) for d in docs], repeats=3)
    show(f"orjson.loads x {len(docs)} (floor)", floor)
    one = best(lambda: [_audit_and_records(hio.loads_json(d)) for d in docs], repeats=3)
    show("load + audit + records, 1 process", one)
    ratio("1 process / orjson.loads", one / floor, "<= 10", one <= 10 * floor)
    many = best(lambda: hio.map_reports(_audit_and_records, docs, workers=workers), repeats=3)
    show(f"same with map_reports(workers={workers})", many)
    ratio(f"workers={workers} / orjson.loads", many / floor)
    ratio(f"speed-up with {workers} workers", one / many)
    loaded = best(lambda: hio.load_many(docs, workers=workers), repeats=3)
    show(f"load_many(workers={workers}), reports returned", loaded)


def bench_memory(docs: list[bytes]) -> None:
    print("\n== memory per loaded report (tracemalloc)")
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    reports = [hio.loads_json(d) for d in docs]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    per_report = (after - before) / len(reports)
    size = statistics.mean(map(len, docs))
    print(f"  {'JSON per document':<44} {size / 1024:9.1f} KiB")
    print(f"  {'memory per loaded report':<44} {per_report / 1024:9.1f} KiB")
    ratio("memory / JSON size", per_report / size, "<= 3.0", per_report <= 3 * size)
    del reports


def walls(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, run in turns.

    Bytecode caching is switched back on (this environment may set PYTHONDONTWRITEBYTECODE):
    an installed package has its .pyc files, as the dependencies here do; the first turns
    write them and are not counted.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for turn in range(runs + 2):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
            if turn >= 2:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def bench_cold_start(runs: int) -> None:
    print(f"\n== cold start (median wall time of {runs} runs)")
    bindir = Path(sys.executable).parent
    cli = [str(bindir / "hnjd-disclosure"), "render", "--year", "2022"]
    bare = [sys.executable, "-c", "import attrs, cattrs, babel.numbers, babel.dates"]
    t = walls({"bare": bare, "cli": cli}, runs)
    t_bare = show("python -c 'import attrs, cattrs, babel...'", t["bare"])
    t_cli = show("hnjd-disclosure render --year 2022", t["cli"])
    ratio("cli / bare import", t_cli / t_bare, "<= 1.3", t_cli <= 1.3 * t_bare)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}, orjson {orjson.__version__}"
    )


def main(argv: Iterable[str] | None = None) -> None:
    global REPEATS, MIN_TIME
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller corpus")
    parser.add_argument("--corpus", type=int, default=None, help="corpus size (10000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.quick:
        REPEATS, MIN_TIME = 3, 0.05
    size = args.corpus or (1000 if args.quick else 10_000)
    print(machine())
    pyd = build_pydantic(AnnualReport, {})
    ms = build_msgspec(AnnualReport, {})
    one = [hio.dumps_json(hd.builtin_report(2022), indent=None).encode()]
    t = bench_report("2022", "the built-in 2022 report", one, pyd, ms)
    docs = corpus(size)
    bench_report("corpus", "generated corpus, first 200", docs[:200], pyd, ms)
    bench_2022(t["load"])
    bench_corpus(docs, args.workers)
    bench_memory(docs[:1000])
    bench_cold_start(5 if args.quick else 20)
    print("\n== targets")
    for name, verdict in RESULTS:
        print(f"  {name:<44} {verdict}")


if __name__ == "__main__":
    main()
