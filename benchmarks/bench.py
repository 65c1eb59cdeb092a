"""Side-by-side benchmarks of hnjd_disclosure against orjson, pydantic v2 and msgspec.

Run (after ``pip install -e . --group bench``)::

    .venv/bin/python benchmarks/bench.py            # everything, 12-20 minutes on 2 shared cores
    .venv/bin/python benchmarks/bench.py --quick    # fewer turns and a smaller corpus
    .venv/bin/python benchmarks/bench.py --profile  # the profile of each target instead

Figures that are compared are timed in turns (A, B, C, A, B, C, ...; several rounds, each
long enough to be timed well, with the garbage collector on, as in real use), in one process,
on this machine, so that a busy moment of a shared machine slows them alike. Each figure is
printed as the minimum and the median of its rounds; each ratio as the median of the ratios
of the rounds (paired: A and B of the same round) and the ratio of the minimums. A target is
judged on the median of the paired ratios.

The load figures come in two kinds: "cold" clears the loader's sharing cache (the figures
shared between reports) before each document, as a command-line run or a single request sees
it; "warm" loads the same documents again, the cache holding them all.

Two pydantic v2 models are generated here from the attrs model: the one of the earlier runs
(a Python after-validator on every model, running the rules of the class or nothing), and an
idiomatic one (a discriminated union on ``status`` for the checklist entries, whose fields
the status requires are required and whose forbidden fields do not exist; an after-validator
only on the classes that have a rule between fields). Both, and the msgspec Struct, hold the
same fields with the same constraints as the attrs model: strict types, no unknown keys,
one-line non-empty strings, the published forms of percentages (``99.90%``), 万 figures and
rankings as patterns, integer bounds, and the same rules between fields (checked on
documents that break each rule, see :func:`check_models`). They keep percentages as checked
strings where the library builds Decimal-based values, which only flatters them.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime
import enum
import functools
import gc
import itertools
import os
import platform
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated, Any, Final, Literal

import attrs
import msgspec
import orjson
import pydantic

import hnjd_disclosure as hd
from hnjd_disclosure import _fastpath
from hnjd_disclosure import io as hio
from hnjd_disclosure._layout import BREAK_CLASS, SPACE_CLASS
from hnjd_disclosure.audit import audit
from hnjd_disclosure.errors import ModelError
from hnjd_disclosure.model import (
    AnnualReport,
    ChecklistEntry,
    DisclosureStatus,
    ItemList,
    OtherMatters,
    Overview,
    Procurement,
    StudentAffairsDomain,
    TeachingDomain,
)
from hnjd_disclosure.model import _fields as F
from hnjd_disclosure.model.checklist import FIELDS_BY_STATUS, ONE_OF_BY_STATUS, STATUS_FIELDS
from hnjd_disclosure.parse import extract_figures, parse_report
from hnjd_disclosure.quantities import Count, Ranking, StatedPercent, WanFigure
from hnjd_disclosure.records import records

# --------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------

ROUNDS = 7
MIN_TIME = 0.2

#: Seconds per call of one function, one figure per round.
Samples = list[float]


@attrs.frozen
class Timed:
    """A function to time, with what to do before each round (not timed) and, if it must not
    be autoranged, how many calls a round makes."""

    fn: Callable[[], object]
    setup: Callable[[], object] = lambda: None
    number: int | None = None


def turns(
    fns: dict[str, Callable[[], object] | Timed], rounds: int | None = None
) -> dict[str, Samples]:
    """Seconds per call of each function, timed in turns (A, B, C, A, B, C, ...) so that a
    busy moment of the machine slows all of them alike: ``rounds`` figures for each."""
    timed = {name: fn if isinstance(fn, Timed) else Timed(fn) for name, fn in fns.items()}
    timers = {}
    numbers = {}
    for name, t in timed.items():

        def setup(t: Timed = t) -> None:
            t.setup()
            gc.enable()

        timers[name] = timer = timeit.Timer(t.fn, setup=setup)
        numbers[name] = t.number or max(1, int(timer.autorange()[0] * MIN_TIME / 0.2))
    samples: dict[str, Samples] = {name: [] for name in fns}
    for _ in range(rounds or ROUNDS):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(numbers[name]) / numbers[name])
    return samples


def best(fn: Callable[[], object], *, rounds: int = 3) -> float:
    """Seconds per call of one function measured alone: the best of ``rounds``."""
    return min(turns({"fn": fn}, rounds)["fn"])


def us(seconds: float) -> str:
    return f"{seconds * 1e6:11.1f} µs"


RESULTS: list[tuple[str, str]] = []


def show(name: str, samples: Samples, per: int = 1) -> Samples:
    """Print a figure (per document when ``per`` > 1): the minimum and the median."""
    scaled = [s / per for s in samples]
    print(f"  {name:<46} {us(min(scaled))} {us(statistics.median(scaled))}")
    return scaled


def paired(a: Samples, b: Samples) -> float:
    """The median of the ratios a/b of the same rounds."""
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def ratio(name: str, a: Samples, b: Samples, bound: float | None = None) -> float:
    """Print a / b: the median of the paired ratios, the ratio of the minimums; and the
    verdict against ``bound`` (on the median), recorded for the summary."""
    value, of_min = paired(a, b), min(a) / min(b)
    line = f"  {name:<46} {value:9.2f}x {of_min:9.2f}x"
    if bound is not None:
        verdict = "met" if value <= bound else "NOT MET"
        line += f"   (target <= {bound})  {verdict}"
        RESULTS.append((name, f"{value:.2f}x (min {of_min:.2f}x; target <= {bound})  {verdict}"))
    print(line)
    return value


def heading(title: str) -> None:
    print(f"\n== {title}")
    print(f"  {'':<46} {'minimum':>14} {'median':>14}")


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


def _initiative(m: Any) -> None:
    if "。" in m.title:
        raise ValueError("title must not contain 。")


def _period(m: Any) -> None:
    if m.start >= m.end:
        raise ValueError("end must be after start")


def _employment(m: Any) -> None:
    placed = _count(m.placed)
    if placed > _count(m.graduates):
        raise ValueError("placed > graduates")
    if _count(m.enlisted) > placed or _count(m.upgraded) > placed:
        raise ValueError("part > placed")
    if _count(m.in_province) + _count(m.out_of_province) > placed:
        raise ValueError("located > placed")


def _admissions(m: Any) -> None:
    if _count(m.registered) > _count(m.admitted):
        raise ValueError("registered > admitted")


def _request_counts(m: Any) -> None:
    answered = sum(
        _count(getattr(m, k))
        for k in ("granted", "partially_granted", "refused", "not_held", "other_outcome")
    )
    if answered > _count(m.received):
        raise ValueError("answered > received")


def _contact(m: Any) -> None:
    if "：" in m.office:
        raise ValueError("office must not contain a colon")


def _other_matters(m: Any) -> None:
    if m.contact_intro and m.contact is None:
        raise ValueError("contact is required")


def _checklist_entry(m: Any) -> None:
    required, allowed = FIELDS_BY_STATUS[DisclosureStatus(m.status)]
    for field in required:
        if not getattr(m, field).strip():
            raise ValueError(f"{field} is required")
    for field in STATUS_FIELDS:
        if field not in required + allowed and getattr(m, field):
            raise ValueError(f"{field} is not allowed")
    one_of = ONE_OF_BY_STATUS.get(DisclosureStatus(m.status), ())
    if one_of and not any(
        (v.strip() if isinstance(v, str) else v) for v in (getattr(m, f) for f in one_of)
    ):
        raise ValueError(f"one of {one_of} is required")


def _checklist(m: Any) -> None:
    if len({e.item for e in m.entries}) != len(m.entries):
        raise ValueError("an item is listed twice")


#: The rules between fields that the attrs classes check in __attrs_post_init__, by class.
RULES: dict[str, Callable[[Any], None]] = {
    "Initiative": _initiative,
    "Period": _period,
    "Employment": _employment,
    "Admissions": _admissions,
    "RequestCounts": _request_counts,
    "Contact": _contact,
    "OtherMatters": _other_matters,
    "ChecklistEntry": _checklist_entry,
    "Checklist": _checklist,
}


def _rules(name: str, m: Any) -> None:
    rule = RULES.get(name)
    if rule is not None:
        rule(m)


def _field_kind(a: attrs.Attribute[Any]) -> str:
    if a.type is str:
        parts = a.validator.validators if isinstance(a.validator, F.AllOf) else (a.validator,)
        return "line" if parts and parts[0] == F.OneLine() else "optional_line"
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
    """A frozen, strict pydantic v2 model of ``cl`` that forbids unknown keys, as in the
    earlier runs: a Python after-validator on every model (running the rules of the class,
    if any), the status rules of the checklist entries checked in Python."""
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
        __config__=_PYDANTIC_CONFIG,
        __validators__={"check": model_validator(mode="after")(check)},
        **fields,
    )
    done[cl] = model
    return model


_PYDANTIC_CONFIG = pydantic.ConfigDict(extra="forbid", frozen=True, strict=True)


def _line_pattern(*, empty: bool, excluded: str = "") -> str:
    """The model's one-line pattern (:data:`~hnjd_disclosure.model._fields.ONE_LINE`), also
    refusing the characters ``excluded``, for pydantic's regex engine (its end of text is
    ``\\z``; the model's ``(?![\\s\\S])`` is ECMA-262's)."""
    chars = "".join("\\" + c if c in "\\]^-" else c for c in excluded)
    edge, inner = f"[^{SPACE_CLASS}{chars}]", f"[^{BREAK_CLASS}{chars}]"
    body = f"{edge}(?:{inner}*{edge})?"
    return f"^(?:{body})?\\z" if empty else f"^{body}\\z"


def _refused_characters(rule: F.Refuses) -> str | None:
    """The characters ``rule`` refuses anywhere when that is all it refuses (``。``,
    ``[：:]``), which a pattern states; None for any other rule."""
    found = re.fullmatch(r"\[([^\]^\\-]+)\]|([^\[\]^\\.*+?(){}|$])", rule.pattern)
    return None if found is None else found[1] or found[2]


def _allowed(rule: F.Refuses | F.AfterNumber, value: str) -> str:
    if not rule.allows(value):
        raise ValueError(f"refused by {rule.pattern!r}")
    return value


def _idiomatic_text(a: attrs.Attribute[Any]) -> Any:
    """The pydantic type of a text field or a tuple of texts with every rule the attrs field
    has, as a pydantic user writes them: the one-line rule and the characters refused
    anywhere as one pattern, each other rule (``Refuses`` rules such as a heading at the start, and
    ``AfterNumber`` rules) an ``AfterValidator`` calling the model's own rule, ``NotEmpty`` as
    ``min_length``. None for a field of another kind."""
    from pydantic import AfterValidator, Field, StringConstraints

    parts = a.validator.validators if isinstance(a.validator, F.AllOf) else (a.validator,)
    if not parts or not isinstance(parts[0], F.OneLine | F.Lines):
        return None
    items = isinstance(parts[0], F.Lines)
    excluded, after, at_least = "", [], 0
    for part in parts[1:]:
        if isinstance(part, F.Refuses) and (chars := _refused_characters(part)) is not None:
            excluded += chars
        elif isinstance(part, F.Refuses | F.AfterNumber):
            after.append(AfterValidator(functools.partial(_allowed, part)))
        elif isinstance(part, F.NotEmpty):
            at_least = 1
        else:
            raise TypeError(f"no pydantic form of the rule {part!r}")
    empty = not items and parts[0].empty  # type: ignore[union-attr]
    pattern = StringConstraints(pattern=_line_pattern(empty=empty, excluded=excluded))
    text = Annotated[str, pattern, *after]  # type: ignore[valid-type]
    if not items:
        return text
    return Annotated[tuple[text, ...], Field(min_length=at_least)]  # type: ignore[valid-type]


def _relations(cl: type) -> Callable[[Any], None]:
    """The attrs class's own rules between fields (its ``__attrs_post_init__``), run on a
    pydantic instance: its figures given back their type, its item lists as the attrs
    class, so that the rules read them as they read the attrs objects."""
    fields = attrs.fields(attrs.resolve_types(cl))

    def check(m: Any) -> None:
        values = {}
        for a in fields:
            value = getattr(m, a.name)
            if a.type is Count:
                value = Count(value=value, unit=a.validator.unit)
            elif _inner_class(a) is ItemList and value is not None:
                value = ItemList(lead=value.lead, items=value.items, tail=value.tail)
            values[a.name] = value
        try:
            cl.__attrs_post_init__(types.SimpleNamespace(**values))  # type: ignore[attr-defined]
        except ModelError as exc:
            raise ValueError(str(exc)) from None

    return check


def _inner_class(a: attrs.Attribute[Any]) -> Any:
    return next((t for t in (a.type, *typing.get_args(a.type)) if attrs.has(t)), None)


def _line_without(char: str) -> str:
    """LINE, without ``char`` anywhere (the model of the runs before issue 11's rules)."""
    return rf"^[^\S\r\n]*[^\s{char}][^\r\n{char}]*$"


#: The idiomatic model of the earlier runs, with the rules of issue 6 only: the two rules
#: then between fields that a pattern states (a title ends at 。, the office at ：).
ISSUE6_PATTERNS = {
    ("Initiative", "title"): _line_without("。"),
    ("Contact", "office"): _line_without("："),
}


#: The rules between fields of the idiomatic model of the earlier runs (issue 6), left to an
#: after-validator: all but those the union and the two patterns state.
ISSUE6_RULES = {
    name: rule
    for name, rule in RULES.items()
    if name not in {"ChecklistEntry", "Initiative", "Contact"}
}
#: The rules left to an after-validator in the idiomatic model: those between fields. The
#: bench's own statement of a rule where the attrs class's needs figures (counts, percentages)
#: the pydantic model keeps as plain values; the attrs class's own rule (:func:`_relations`)
#: for the rules of issue 11 (what a text is read back as), which read only texts and lists.
IDIOMATIC_RULES = {
    **ISSUE6_RULES,
    **{
        cl.__name__: _relations(cl)
        for cl in (
            ItemList,
            Overview,
            OtherMatters,
            Procurement,
            StudentAffairsDomain,
            TeachingDomain,
        )
    },
}


def build_pydantic_idiomatic(cl: type, done: dict[type, Any], *, every_rule: bool = True) -> Any:
    """The constraints of the attrs model, written as a pydantic user would: the checklist
    entries as a discriminated union on ``status`` (what a status requires is a required
    field, what it forbids is no field at all, refused as an unknown key), the rules that are
    patterns as patterns, the other rules of a text as ``AfterValidator`` s
    (:func:`_idiomatic_text`), and an after-validator only on the classes with a rule between
    fields. Without ``every_rule``, the model of the earlier runs: the rules of issue 6 only
    (the constraints of :func:`build_pydantic`), none of those issue 11 added."""
    if cl in done:
        return done[cl]
    if cl is ChecklistEntry:
        done[cl] = _checklist_entry_union(every_rule=every_rule)
        return done[cl]
    from pydantic import Field, StringConstraints, model_validator

    name = cl.__name__
    fields: dict[str, Any] = {}
    for a in attrs.fields(attrs.resolve_types(cl)):
        tp = _idiomatic_text(a) if every_rule else None
        if tp is None:
            own = None if every_rule else ISSUE6_PATTERNS.get((name, a.name))
            tp = _field_type(
                a,
                lambda p, own=own: Annotated[str, StringConstraints(pattern=own or p)],
                lambda low, high: Annotated[int, Field(ge=low, le=high)],
                lambda c: build_pydantic_idiomatic(c, done, every_rule=every_rule),
            )
        fields[a.name] = (tp, ... if a.default is attrs.NOTHING else a.default)
    validators = {}
    rule = (IDIOMATIC_RULES if every_rule else ISSUE6_RULES).get(name)
    if rule is not None:

        def check(self: Any, rule: Callable[[Any], None] = rule) -> Any:
            rule(self)
            return self

        validators["check"] = model_validator(mode="after")(check)
    model = pydantic.create_model(  # type: ignore[call-overload]
        name, __config__=_PYDANTIC_CONFIG, __validators__=validators, **fields
    )
    done[cl] = model
    return model


def _checklist_entry_union(*, every_rule: bool) -> Any:
    """A checklist entry: one model per status, told apart by ``status``."""
    from pydantic import Field, StringConstraints, model_validator

    item = (Annotated[int, Field(ge=1, le=BOUNDS["item"][1])], ...)
    if every_rule:
        of = {a.name: _idiomatic_text(a) for a in attrs.fields(ChecklistEntry)[2:]}
        optional_line = of["url"]  # what a status requires is a line that is not empty
        line = Annotated[str, StringConstraints(pattern=_line_pattern(empty=False))]
    else:
        line = Annotated[str, StringConstraints(pattern=LINE)]
        optional_line = Annotated[str, StringConstraints(pattern=OPTIONAL_LINE)]
        of = {"channels": tuple[line, ...]}  # type: ignore[valid-type]

    def where(self: Any) -> Any:
        if not (self.channels or self.url.strip() or self.note.strip()):
            raise ValueError("channels: required when disclosed, unless url or note is given")
        return self

    variants = [
        pydantic.create_model(
            "Disclosed",
            __config__=_PYDANTIC_CONFIG,
            __validators__={"where": model_validator(mode="after")(where)},
            item=item,
            status=(Literal["disclosed"], ...),
            channels=(of["channels"], ()),
            url=(optional_line, ""),
            evidence=(line, ...),
            note=(optional_line, ""),
        ),
        *(
            pydantic.create_model(
                name,
                __config__=_PYDANTIC_CONFIG,
                item=item,
                status=(Literal[status], ...),
                reason=(line, ...),
            )
            for name, status in (
                ("NotApplicable", "not_applicable"),
                ("NotDisclosed", "not_disclosed"),
            )
        ),
        pydantic.create_model(
            "NotStated",
            __config__=_PYDANTIC_CONFIG,
            item=item,
            status=(Literal["not_stated"], ...),
        ),
    ]
    return Annotated[typing.Union[tuple(variants)], Field(discriminator="status")]  # noqa: UP007


def build_msgspec(cl: type, done: dict[type, Any]) -> Any:
    """A frozen msgspec Struct of ``cl`` that forbids unknown keys (msgspec is always strict);
    ``__post_init__`` only on the classes with a rule between fields."""
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
    rule = RULES.get(cl.__name__)
    namespace = {} if rule is None else {"__post_init__": rule}
    struct = msgspec.defstruct(
        cl.__name__,
        fields,
        kw_only=True,
        frozen=True,
        forbid_unknown_fields=True,
        omit_defaults=True,
        namespace=namespace,
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


#: Free texts that stay as the template (or the world) has them in a varied document: the
#: part names, headings and legal bases of the template, web addresses, telephone numbers,
#: province names, and the texts a template sentence ends with (a list's lead ends with its
#: 包括, the contact's intro with ：).
TEMPLATE_TEXTS = frozenset(
    {"part_names", "heading", "channels_heading", "domains_heading", "url", "telephone"}
    | {"home_province", "provinces", "issuer", "doc_no", "contact_intro"}
)


def _vary_texts(cl: type, data: dict[str, Any], vary: Callable[[str], str]) -> None:
    """Give every free text of ``data`` (a document of class ``cl``) its own words."""
    for a in attrs.fields(attrs.resolve_types(cl)):
        value = data.get(a.name)
        if value is None:
            continue
        kind = _field_kind(a)
        if cl.__name__ == "LegalBasis" or a.name in TEMPLATE_TEXTS:
            continue
        if cl.__name__ == "ItemList" and a.name == "lead":
            continue
        if kind in ("line", "optional_line") and value:
            data[a.name] = vary(value)
        elif kind == "lines":
            data[a.name] = [vary(x) for x in value]
        elif kind in ("nested", "optional_nested"):
            _vary_texts(_inner(a), value, vary)
        elif kind == "nested_tuple":
            for item in value:
                _vary_texts(_inner(a), item, vary)


def _own_words(school: str, counter: Iterator[int], text: str) -> str:
    """``text`` in a school's own words: its name and a number added, before a final 。 (a
    sentence stays a sentence: a list's tail must end at its first 。)."""
    own = f"（{school}{next(counter)}）"
    return f"{text[:-1]}{own}。" if text.endswith("。") else f"{text}{own}"


def varied_corpus(n: int, seed: int = 2022) -> list[bytes]:
    """``n`` documents that differ in every figure and every text the school writes.

    The figures of :func:`corpus`, and every count of requests and complaints too; every free
    text (paragraphs, initiatives, lists, the contact, the checklist's evidence, channels,
    notes and reasons) in the school's own words, each a new string: so the loader's sharing
    cache finds nothing of one document in another but small numbers. Each checklist entry
    carries text of its own: a disclosed one also a note, one the 2022 report leaves
    unstated becomes not disclosed, with a reason.
    """
    rnd = random.Random(seed + 1)
    out = []
    for doc in corpus(n, seed):
        d = orjson.loads(doc)
        school = d["institution"]
        media = d["overview"]["media"]
        media["douyin_videos"] = rnd.randint(0, 2000)
        media["weibo_reads"] = _wan(rnd.randint(10_000, 20_000_000))
        requests = d["requests"]["requests"]
        requests["received"] = left = rnd.randint(0, 60)
        for key in ("granted", "partially_granted", "refused", "not_held", "other_outcome"):
            requests[key] = part = rnd.randint(0, left)
            left -= part
        for key in ("complaints", "reconsiderations", "lawsuits"):
            d["complaints"][key] = rnd.randint(0, 12)
        for entry in d["checklist"]["entries"]:
            item = entry["item"]
            if entry["status"] == "not_stated":
                entry["status"] = "not_disclosed"
                entry["reason"] = f"本年度未单独公开第{item}项"
            elif entry["status"] == "disclosed":
                entry["note"] = f"第{item}项于{rnd.randint(1, 12)}月公开"
        counter = itertools.count(rnd.randint(0, 1000))
        _vary_texts(AnnualReport, d, functools.partial(_own_words, school, counter))
        out.append(orjson.dumps(d))
    return out


# --------------------------------------------------------------------------------------
# The benchmarks
# --------------------------------------------------------------------------------------


def _audit_and_records(report: AnnualReport) -> int:
    """The work done for each report of a corpus, after loading it."""
    return len(records(report)) + len(audit(report))


def _each(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
    def run() -> None:
        for x in items:
            fn(x)

    return run


def _cold(docs: list[bytes]) -> Callable[[], None]:
    """Load each document with the sharing cache cleared first (the clearing is counted:
    it frees what the cache held, as the end of a process or of a request would)."""
    shared = _fastpath._shared

    def run() -> None:
        for d in docs:
            shared.clear()
            hio.loads_json(d)

    return run


def bench_report(tag: str, name: str, docs: list[bytes], models: dict[str, Any]) -> None:
    """Load and dump of the documents (time per document), side by side, in turns."""
    print(
        f"\n== load and dump: {name} ({len(docs)} documents, "
        f"{statistics.mean(map(len, docs)) / 1024:.1f} KiB each)"
    )
    pyd, idiomatic, ms = models["pydantic"], models["idiomatic"], models["msgspec"]
    reports = [hio.loads_json(d) for d in docs]
    pyd_models = [pyd.model_validate_json(d) for d in docs]
    idiomatic_models = [idiomatic.model_validate_json(d) for d in docs]
    decoder = msgspec.json.Decoder(ms)
    ms_structs = [decoder.decode(d) for d in docs]
    for r, m, i in zip(reports, pyd_models, idiomatic_models, strict=True):
        assert hio.loads_json(hio.dumps_json(r)) == r
        assert pyd.model_validate_json(m.model_dump_json()) == m
        assert idiomatic.model_validate_json(i.model_dump_json()) == i
    k = len(docs)
    heading(f"{tag}: load, per document")
    shared = _fastpath._shared
    load_all = _each(hio.loads_json, docs)
    fns: dict[str, Callable[[], object] | Timed] = {
        "orjson": _each(orjson.loads, docs),
        "msgspec": _each(decoder.decode, docs),
        "pydantic": _each(pyd.model_validate_json, docs),
        "idiomatic": _each(idiomatic.model_validate_json, docs),
        "idiomatic6": _each(models["idiomatic6"].model_validate_json, docs),
        "cold": _cold(docs),
        # the cache filled with these very documents before each round
        "warm": Timed(load_all, setup=load_all),
    }
    if k > 1:  # each document once a round, the cache kept between them (cleared before)
        fns["once"] = Timed(load_all, setup=shared.clear, number=1)
    t = turns(fns)
    floor = show("orjson.loads (floor)", t["orjson"], k)
    show("msgspec Struct decode", t["msgspec"], k)
    old = show("pydantic v2, after-validator on every model", t["pydantic"], k)
    pyd_load = show("pydantic v2, idiomatic, every rule", t["idiomatic"], k)
    issue6 = show("pydantic v2, idiomatic, rules of issue 6", t["idiomatic6"], k)
    cold = show("hnjd loads_json, cold cache (cleared per doc)", t["cold"], k)
    if k > 1:
        show("hnjd loads_json, each doc once, cache kept", t["once"], k)
    warm = show("hnjd loads_json, warm cache (same docs again)", t["warm"], k)
    print(f"  {'ratios':<46} {'median':>12} {'of minimums':>10}")
    ratio(f"{tag}: idiomatic pydantic / earlier pydantic", pyd_load, old)
    ratio(f"{tag}: idiomatic pydantic / orjson.loads", pyd_load, floor)
    ratio(f"{tag}: cold load / orjson.loads", cold, floor)
    ratio(f"{tag}: cold load / warm load", cold, warm)
    ratio(f"{tag}: warm load / idiomatic pydantic", warm, pyd_load)
    if k > 1:
        ratio(f"{tag}: each doc once / idiomatic pydantic", t["once"], t["idiomatic"])
    ratio(f"{tag}: cold load / earlier pydantic", cold, old)
    ratio(f"{tag}: cold load / idiomatic, rules of issue 6", cold, issue6)
    ratio(f"{tag}: cold load / idiomatic pydantic", cold, pyd_load, 1.0)

    plain = [orjson.loads(d) for d in docs]
    encoder = msgspec.json.Encoder()
    heading(f"{tag}: dump, per document")
    t = turns(
        {
            "orjson": _each(orjson.dumps, plain),
            "msgspec": _each(encoder.encode, ms_structs),
            "pydantic": _each(pyd.__pydantic_serializer__.to_json, pyd_models),
            "idiomatic": _each(idiomatic.__pydantic_serializer__.to_json, idiomatic_models),
            "indent": _each(lambda m: m.model_dump_json(indent=2), idiomatic_models),
            "dump": _each(hio.dumps_json_bytes, reports),
            "text": _each(hio.dumps_json, reports),
        }
    )
    floor = show("orjson.dumps of plain data (floor)", t["orjson"], k)
    show("msgspec encode", t["msgspec"], k)
    old = show("pydantic v2 to_json, earlier model", t["pydantic"], k)
    pyd_dump = show("pydantic v2 to_json, idiomatic model", t["idiomatic"], k)
    show("pydantic v2 model_dump_json(indent=2), idiomatic", t["indent"], k)
    dump = show("hnjd dumps_json_bytes", t["dump"], k)
    show("hnjd dumps_json (indented text)", t["text"], k)
    print(f"  {'ratios':<46} {'median':>12} {'of minimums':>10}")
    ratio(f"{tag}: dump / orjson.dumps", dump, floor)
    ratio(f"{tag}: dump / earlier pydantic", dump, old)
    ratio(f"{tag}: dump / idiomatic pydantic", dump, pyd_dump, 0.6)


def bench_2022() -> None:
    """Render (with and without part 8), audit and parse of the 2022 report, in turns with
    its load."""
    print("\n== load, render, audit, parse: the built-in 2022 report")
    report = hd.builtin_report(2022)
    doc = hio.dumps_json(report, indent=None).encode()
    text = hd.render(report)
    heading("2022 report")
    t = turns(
        {
            "warm": Timed(lambda: hio.loads_json(doc), setup=lambda: hio.loads_json(doc)),
            "cold": _cold([doc]),
            "render": lambda: hd.render(report),
            "render8": lambda: hd.render(report, checklist=True),
            "audit": lambda: audit(report),
            "parse": lambda: parse_report(text),
        }
    )
    warm = show("load, warm cache", t["warm"])
    cold = show("load, cold cache", t["cold"])
    render = show("render (text, as published: no part 8)", t["render"])
    render8 = show("render (text, with part 8)", t["render8"])
    audited = show("audit", t["audit"])
    parsed = show("parse_report (of the text without part 8)", t["parse"])
    print(f"  {'ratios':<46} {'median':>12} {'of minimums':>10}")
    ratio("render without part 8 / warm load", render, warm)
    ratio("render with part 8 / cold load", render8, cold)
    ratio("render with part 8 / warm load", render8, warm, 1.0)
    ratio("audit / warm load", audited, warm, 0.5)
    ratio("parse_report / render (the same text)", parsed, render, 3.0)
    big = "\n\n".join([text] * 20)
    seconds = best(lambda: extract_figures(big))
    mb_s = len(big.encode()) / seconds / 1e6
    print(f"  {'extract_figures':<46} {mb_s:9.2f} MB/s")
    verdict = "met" if mb_s >= 2 else "NOT MET"
    RESULTS.append(("extract_figures", f"{mb_s:.2f} MB/s (target >= 2)  {verdict}"))


def bench_corpus(docs: list[bytes], workers: int, rounds: int) -> None:
    print(f"\n== corpus: {len(docs)} varied reports, load + audit + records, in turns")
    heading(f"{len(docs)} documents, {rounds} rounds")
    # Like the work measured, keep nothing but a number per document: holding 10,000 parsed
    # documents would make the collector, not the parsing, the floor.
    t = turns(
        {
            "floor": lambda: [len(orjson.loads(d)) for d in docs],
            "one": lambda: [_audit_and_records(hio.loads_json(d)) for d in docs],
            "many": lambda: hio.map_reports(_audit_and_records, docs, workers=workers),
        },
        rounds,
    )
    floor = show(f"orjson.loads x {len(docs)} (floor)", t["floor"])
    one = show("load + audit + records, 1 process", t["one"])
    many = show(f"same with map_reports(workers={workers})", t["many"])
    print(f"  {'ratios':<46} {'median':>12} {'of minimums':>10}")
    ratio("corpus: 1 process / orjson.loads", one, floor, 10.0)
    ratio(f"corpus: workers={workers} / orjson.loads", many, floor)
    ratio(f"corpus: 1 process / workers={workers} (speed-up)", one, many)
    loaded = best(lambda: hio.load_many(docs, workers=workers))
    print(f"  {f'load_many(workers={workers}), best of 3':<46} {us(loaded)}")


def bench_memory(docs: list[bytes]) -> None:
    print(f"\n== memory per loaded report (tracemalloc, {len(docs)} varied documents)")
    _fastpath._shared.clear()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    reports = [hio.loads_json(d) for d in docs]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    per_report = (after - before) / len(reports)
    size = statistics.mean(map(len, docs))
    print(f"  {'JSON per document':<46} {size / 1024:9.1f} KiB")
    print(f"  {'memory per loaded report (cache included)':<46} {per_report / 1024:9.1f} KiB")
    value = per_report / size
    verdict = "met" if value <= 3 else "NOT MET"
    print(f"  {'memory / JSON size':<46} {value:9.2f}x   (target <= 3.0)  {verdict}")
    RESULTS.append(("memory / JSON size", f"{value:.2f}x (target <= 3.0)  {verdict}"))
    del reports


def walls(cmds: dict[str, list[str]], runs: int) -> dict[str, tuple[Samples, Samples]]:
    """Wall times and CPU times (user + system, of the child) of each command, run in turns.

    Bytecode caching is switched back on (this environment may set PYTHONDONTWRITEBYTECODE):
    an installed package has its .pyc files, as the dependencies here do; the first turns
    write them and are not counted. On a busy machine the wall time also counts the waits
    for a processor; the CPU time does not.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, tuple[Samples, Samples]] = {name: ([], []) for name in cmds}
    for turn in range(runs + 2):
        for name, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            if turn >= 2:
                times[name][0].append(wall)
                times[name][1].append(cpu)
    return times


def bench_cold_start(runs: int) -> None:
    print(f"\n== cold start ({runs} runs of each, in turns)")
    heading("whole processes")
    bindir = Path(sys.executable).parent
    cli = [str(bindir / "hnjd-disclosure"), "render", "--year", "2022"]
    bare = [sys.executable, "-c", "import attrs, cattrs, babel.numbers, babel.dates"]
    t = walls({"bare": bare, "cli": cli}, runs)
    bare_wall = show("python -c 'import attrs, cattrs, babel...'", t["bare"][0])
    cli_wall = show("hnjd-disclosure render --year 2022", t["cli"][0])
    bare_cpu = show("the import, CPU time (user + system)", t["bare"][1])
    cli_cpu = show("the command, CPU time (user + system)", t["cli"][1])
    print(f"  {'ratios':<46} {'median':>12} {'of minimums':>10}")
    ratio("cold start: cli / bare import, CPU time", cli_cpu, bare_cpu)
    ratio("cold start: cli / bare import", cli_wall, bare_wall, 1.3)


# --------------------------------------------------------------------------------------
# Profiles of the targets (--profile)
# --------------------------------------------------------------------------------------


def profile(title: str, fn: Callable[[], object], number: int, top: int = 14) -> None:
    """The top entries of cProfile (by own time) of ``number`` calls of ``fn``."""
    print(f"\n== profile: {title} ({number} calls)")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(number):
        fn()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)


def profiles(docs: list[bytes]) -> None:
    report = hd.builtin_report(2022)
    doc = hio.dumps_json(report, indent=None).encode()
    profile("load, cold cache, varied documents", _cold(docs[:200]), 5)
    profile("dumps_json_bytes, 2022", lambda: hio.dumps_json_bytes(report), 2000)
    profile("render with part 8, 2022", lambda: hd.render(report, checklist=True), 2000)
    profile("load, warm cache, 2022", lambda: hio.loads_json(doc), 2000)
    text = hd.render(report)
    profile("parse_report, 2022", lambda: parse_report(text), 500)
    profile(
        "corpus: load + audit + records",
        lambda: [_audit_and_records(hio.loads_json(d)) for d in docs[:1000]],
        1,
    )


# --------------------------------------------------------------------------------------


def _replaced(data: Any, path: tuple[object, ...], value: object) -> Any:
    """A copy of ``data`` with the value at ``path`` replaced."""
    d = orjson.loads(orjson.dumps(data))
    node = d
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return d


def check_models(models: dict[str, Any]) -> None:
    """Documents breaking each rule between fields are refused by the library and by every
    compared model alike: they check the same rules."""
    base = orjson.loads(hio.dumps_json(hd.builtin_report(2022)))
    entries = base["checklist"]["entries"]
    first = {s: next(i for i, e in enumerate(entries) if e["status"] == s) for s in _STATUSES}
    with_channels = next(
        i for i, e in enumerate(entries) if e["status"] == "disclosed" and e.get("channels")
    )
    employment = ("proactive", "admissions", "employment")
    breaks: list[tuple[tuple[object, ...], object]] = [
        (("checklist", "entries", first["disclosed"], "evidence"), ""),
        (("checklist", "entries", first["disclosed"], "reason"), "理由"),
        (("checklist", "entries", with_channels, "channels"), []),
        (("checklist", "entries", first["not_applicable"], "reason"), " "),
        (("checklist", "entries", first["not_applicable"], "note"), "说明"),
        (("checklist", "entries", first["not_stated"], "evidence"), "依据"),
        (("checklist", "entries", 1, "item"), entries[0]["item"]),
        (("overview", "initiatives", 0, "title"), "标题。"),
        (("other", "contact", "office"), "办公室：电话"),
        (("period", "end"), base["period"]["start"]),
        ((*employment, "placed"), 10**6),
        ((*employment, "enlisted"), 10**6),
        (("proactive", "admissions", "registered"), 10**6),
        (("requests", "requests", "granted"), 10**6),
        (("proactive", "admissions", "admission_rate"), "99.9"),
        (("unknown",), 1),
    ]
    # The rules the model gained with issue 11 (what a text would be read back as), which only
    # the idiomatic model states of the three compared.
    teaching = ("proactive", "teaching", "disclosed")
    later: list[list[tuple[tuple[object, ...], object]]] = [
        [(("overview", "paragraphs", 0), "1.概况")],
        [(("institution",), "湖南机电职业技术学院 ")],
        [(("proactive", "admissions", "heading"), "5项招生信息")],
        [((*teaching, "items", 0), "甲、乙")],
        [((*teaching, "tail"), "向社会公开。")],
        [((*teaching, "items"), ["甲"]), ((*teaching, "tail"), "。")],
        [
            (("proactive", "finance", "procurement", "lead"), "发布公开信息"),
            (("proactive", "finance", "procurement", "tail"), "，另发布通知3条。"),
        ],
        [(("other", "contact_intro"), "如有疑问，请联系")],
        [(("legal_basis", 0, "title"), "关于《通知》")],
    ]
    decoder = msgspec.json.Decoder(models["msgspec"])
    for changes in later:
        changed = base
        for path, value in changes:
            changed = _replaced(changed, path, value)
        doc = orjson.dumps(changed)
        with contextlib.suppress(ValueError):
            hio.loads_json(doc)
            raise AssertionError((changes, "hnjd accepts it"))
        with contextlib.suppress(ValueError):
            models["idiomatic"].model_validate_json(doc)
            raise AssertionError((changes, "the idiomatic model accepts it"))
    for path, value in breaks:
        doc = orjson.dumps(_replaced(base, path, value))
        refused = []
        for name, load in (
            ("hnjd", hio.loads_json),
            ("pydantic", models["pydantic"].model_validate_json),
            ("idiomatic", models["idiomatic"].model_validate_json),
            ("idiomatic6", models["idiomatic6"].model_validate_json),
            ("msgspec", decoder.decode),
        ):
            try:
                load(doc)
            except (ValueError, msgspec.ValidationError):
                refused.append(name)
        assert len(refused) == 5, (path, value, refused)


_STATUSES = ("disclosed", "not_applicable", "not_stated")


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


SECTIONS: Final = ("2022", "corpus-docs", "2022-render", "corpus", "memory", "cold-start")


def main(argv: Iterable[str] | None = None) -> None:
    global ROUNDS, MIN_TIME
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, smaller corpus")
    parser.add_argument("--corpus", type=int, default=None, help="corpus size (10000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--profile", action="store_true", help="print the targets' profiles")
    parser.add_argument(
        "--only", nargs="*", choices=SECTIONS, help="the sections to run (all by default)"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.quick:
        ROUNDS, MIN_TIME = 3, 0.05
    size = args.corpus or (1000 if args.quick else 10_000)
    print(machine())
    print(datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"))
    docs = varied_corpus(size)
    if args.profile:
        profiles(docs)
        return
    models = {
        "pydantic": build_pydantic(AnnualReport, {}),
        "idiomatic": build_pydantic_idiomatic(AnnualReport, {}),
        "idiomatic6": build_pydantic_idiomatic(AnnualReport, {}, every_rule=False),
        "msgspec": build_msgspec(AnnualReport, {}),
    }
    check_models(models)
    only = set(
        args.only or ("2022", "corpus-docs", "2022-render", "corpus", "memory", "cold-start")
    )
    one = [hio.dumps_json(hd.builtin_report(2022), indent=None).encode()]
    if "2022" in only:
        bench_report("2022", "the built-in 2022 report", one, models)
    if "corpus-docs" in only:
        bench_report("varied", "varied corpus, first 200", docs[:200], models)
    if "2022-render" in only:
        bench_2022()
    if "corpus" in only:
        bench_corpus(docs, args.workers, 3 if args.quick else 5)
    if "memory" in only:
        bench_memory(docs[:1000])
    if "cold-start" in only:
        bench_cold_start(5 if args.quick else 20)
    print("\n== targets (median of the paired ratios of the rounds)")
    for name, verdict in RESULTS:
        print(f"  {name:<46} {verdict}")


if __name__ == "__main__":
    main()
