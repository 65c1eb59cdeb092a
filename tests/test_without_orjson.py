"""The same document gives the same result whatever is installed (issue 12, point 6).

orjson is optional. With it installed the loader parses with it, and it reads an integer
beyond 64 bits (above 2**64 - 1 or below -2**63) as a float where json reads it exactly; it
also refuses to write one. Each test here runs the loader (and the writers) twice: with
orjson, and with ``import orjson`` failing as if it were not installed. The results must be
equal: the same report and the same written text, or the same error with the same message.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnjd_disclosure import io
from hnjd_disclosure.draft import PLACEHOLDER
from hnjd_disclosure.errors import DataError
from hnjd_disclosure.model import AnnualReport
from hnjd_disclosure.schema import json_schema

from .strategies import data_places, data_replaced, reports

orjson = pytest.importorskip("orjson")

REPORT = io.builtin_report(2022)
DATA: dict[str, Any] = json.loads(io.dumps_json(REPORT))

#: Just inside and just outside what orjson reads as an integer, and far outside.
BIG = [2**64 - 1, 2**64, 10**20, 10**30, -(2**63), -(2**63) - 1, -(10**20)]
OUTSIDE = [n for n in BIG if not -(2**63) <= n < 2**64]

Where = tuple[str | int, ...]


@contextmanager
def orjson_unavailable() -> Iterator[None]:
    """``import orjson`` fails inside, as when it is not installed."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "orjson", None)  # import raises ImportError
        io._orjson.cache_clear()
        try:
            assert io._orjson() is None
            yield
        finally:
            io._orjson.cache_clear()


def outcome(load: Callable[[], AnnualReport]) -> tuple[object, ...]:
    """What loading gives: the report and every text written from it, or the error."""
    try:
        report = load()
    except DataError as exc:
        return ("error", type(exc).__name__, str(exc), exc.source, tuple(exc.issues))
    return ("report", report, io.dumps_json(report), io.dumps_json_bytes(report))


def both_ways(load: Callable[[], AnnualReport]) -> tuple[object, ...]:
    """The outcome with orjson, checked equal to the outcome without it."""
    assert io._orjson() is orjson
    fast = outcome(load)
    with orjson_unavailable():
        plain = outcome(load)
    assert fast == plain
    return fast


def leaves(data: object) -> list[tuple[Where, object]]:
    """Every scalar of parsed data, with its path."""
    return [(path, v) for path, v in data_places(data) if not isinstance(v, dict | list)]


def holds_float(node: object) -> bool:
    return any(isinstance(value, float) for _, value in leaves(node))


INT_PATHS = [path for path, value in leaves(DATA) if type(value) is int]
SOME_PATHS: list[Where] = [
    ("year",),  # bounded: 1949..9999
    ("stated_part_count",),  # bounded: 1..99
    ("overview", "media", "news_articles"),  # a count: no upper bound
    ("proactive", "admissions", "planned"),  # a count with rules between fields
    ("requests", "requests", "received"),  # the whole of a sum
    ("checklist", "entries", 0, "item"),  # bounded: 1..50; shared entries
    ("institution",),  # a string
    ("part_names", 0),  # a string in a list
    ("overview", "media"),  # an object
    ("unknown_key",),  # not in the model
]


class TestBigIntegers:
    def test_orjson_reads_them_as_floats(self) -> None:
        """The premise: without the fix, orjson gives these documents different data."""
        for n in BIG:
            assert type(orjson.loads(str(n))) is (int if n not in OUTSIDE else float)
            assert json.loads(str(n)) == n

    @pytest.mark.parametrize("path", SOME_PATHS, ids=lambda p: ".".join(map(str, p)))
    @pytest.mark.parametrize("n", BIG)
    def test_same_result(self, path: Where, n: int) -> None:
        """A big integer anywhere: the same report, or the same error."""
        doc = json.dumps(data_replaced(DATA, path, n), ensure_ascii=False)
        assert holds_float(orjson.loads(doc)) == (n in OUTSIDE)
        both_ways(lambda: io.loads_json(doc))
        both_ways(lambda: io.loads_json(doc.encode(), source="r.json"))

    def test_accepted_where_a_count_may_be_that_large(self) -> None:
        """The case of the issue: orjson refused it with "got 1e+20", json accepts it."""
        doc = json.dumps(data_replaced(DATA, ("overview", "media", "news_articles"), 10**20))
        kind, report, text, compact = both_ways(lambda: io.loads_json(doc))
        assert kind == "report"
        assert isinstance(report, AnnualReport)
        assert report.overview.media is not None
        assert report.overview.media.news_articles.value == 10**20
        # and it is written exactly, and read back to the same report, either way
        assert isinstance(text, str)
        assert isinstance(compact, bytes)
        assert "100000000000000000000" in text
        assert io.loads_json(text) == io.loads_json(compact) == report
        with orjson_unavailable():
            assert io.loads_json(text) == io.loads_json(compact) == report

    @pytest.mark.parametrize("n", [2**64, -(2**63) - 1])
    def test_every_integer_of_the_2022_report(self, n: int) -> None:
        """Each integer of the built-in report replaced in turn: the same result."""
        kinds = set()
        for path in INT_PATHS:
            doc = json.dumps(data_replaced(DATA, path, n), ensure_ascii=False).encode()
            kinds.add(both_ways(lambda doc=doc: io.loads_json(doc))[0])  # type: ignore[misc]
        assert kinds == ({"report", "error"} if n > 0 else {"error"})

    @pytest.mark.parametrize(
        "doc",
        [
            "100000000000000000000",
            "[18446744073709551616]",
            '{"year": -9223372036854775809}',
            '{"year": 100000000000000000000, "institution": 1e20}',
            "[" * 100 + "1" + "0" * 30 + "]" * 100,
            "1" + "0" * 5000,  # past the int() digit limit of json, infinite for orjson
            '{"year": 1e400}',
            '{"year": NaN}',
        ],
    )
    def test_same_error_outside_the_model(self, doc: str) -> None:
        """Documents that are not reports at all give the same error either way."""
        assert both_ways(lambda: io.loads_json(doc))[0] == "error"

    def test_in_a_draft(self) -> None:
        """A draft holding a big integer: the same MissingFiguresError (the same figures
        named missing and invalid)."""
        data = data_replaced(DATA, ("proactive", "admissions", "planned"), PLACEHOLDER)
        data = data_replaced(data, ("proactive", "admissions", "admitted"), 10**20)
        doc = json.dumps(data, ensure_ascii=False)
        kind, name, *_ = both_ways(lambda: io.loads_json(doc))
        assert (kind, name) == ("error", "MissingFiguresError")

    def test_files_and_many(self, tmp_path: Path) -> None:
        """Through load() (a file read as UTF-8 text) and load_many (bytes), the same."""
        good = json.dumps(data_replaced(DATA, ("complaints", "complaints"), 10**25))
        bad = json.dumps(data_replaced(DATA, ("year",), 10**25))
        for name, doc in (("good.json", good), ("bad.json", bad)):
            (tmp_path / name).write_text(doc, encoding="utf-8")
            both_ways(lambda name=name: io.load(tmp_path / name))  # type: ignore[misc]
        assert both_ways(lambda: io.load_many([good.encode()])[0])[0] == "report"
        assert both_ways(lambda: io.load_many([good.encode(), bad.encode()])[0])[0] == "error"


class TestFloatsAreRefused:
    """The loader lets json decide a document only when orjson's data is refused. That
    gives json's result for every document because the model refuses every float (orjson's
    data differs from json's only in floats where json has integers)."""

    def test_schema_has_no_number(self) -> None:
        """The JSON Schema of a report admits no number that is not an integer."""
        types = {value for path, value in leaves(json_schema()) if "type" in path[-2:]}
        assert "number" not in types
        assert "integer" in types

    def test_every_leaf_of_the_2022_report(self) -> None:
        """Any scalar of the built-in report replaced by a number with a fraction is refused,
        either way (``1e20`` and ``5300.0`` are integers to JSON and to its Schema)."""
        for path, _ in leaves(DATA):
            doc = json.dumps(data_replaced(DATA, path, 0.5)).encode()
            result = both_ways(lambda doc=doc: io.loads_json(doc))  # type: ignore[misc]
            assert result[0] == "error", path

    @given(reports(with_checklist=True), st.data())
    def test_generated_reports(self, report: AnnualReport, data: st.DataObject) -> None:
        """Generated reports (every optional part present or not): a big integer or a float
        put in place of any scalar gives the same result either way; a float is refused."""
        doc = json.loads(io.dumps_json(report))
        path, _ = data.draw(st.sampled_from(list(leaves(doc))))
        value = data.draw(st.sampled_from([*OUTSIDE, 1e20, 1.0, 0.5]))
        text = json.dumps(data_replaced(doc, path, value), ensure_ascii=False).encode()
        result = both_ways(lambda: io.loads_json(text))
        if isinstance(value, float) and not value.is_integer():
            assert result[0] == "error"


class TestWriting:
    @given(reports(), st.sampled_from(OUTSIDE))
    def test_big_count_written_the_same(self, report: AnnualReport, n: int) -> None:
        """A report holding an integer orjson cannot write is written by json, the same text
        and bytes as without orjson, and read back to the same report."""
        data = json.loads(io.dumps_json(report))
        data["complaints"]["complaints"] = abs(n)
        data["requests"]["requests"]["received"] = abs(n)
        big = io.loads_json(json.dumps(data))
        with_orjson = outcome(lambda: big)
        with orjson_unavailable():
            assert outcome(lambda: big) == with_orjson
        _, _, text, compact = with_orjson
        assert isinstance(text, str)
        assert isinstance(compact, bytes)
        assert io.loads_json(text) == io.loads_json(compact) == big
