"""Loading many reports at once, in this process or in worker processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from hnjd_disclosure import io
from hnjd_disclosure.draft import PLACEHOLDER
from hnjd_disclosure.errors import DataError, MissingFiguresError
from hnjd_disclosure.model import AnnualReport

from .strategies import reports

REPORT = io.builtin_report(2022)
DOC = io.dumps_json(REPORT).encode()


def _institution(report: AnnualReport) -> str:
    return report.institution


class TestLoadMany:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_bytes_and_paths_in_order(self, tmp_path: Path, workers: int) -> None:
        """JSON bytes and .toml/.json paths load to the same reports, in the given order."""
        io.save(REPORT, tmp_path / "r.toml")
        io.save(REPORT, tmp_path / "r.json")
        sources: list[io.Source] = [DOC, tmp_path / "r.toml", str(tmp_path / "r.json"), DOC]
        assert io.load_many(sources, workers=workers) == [REPORT] * 4

    @pytest.mark.parametrize("workers", [1, 2])
    def test_bad_document_named_by_index(self, workers: int) -> None:
        """A bad document raises DataError naming it by its index and the field path."""
        bad = DOC.replace(b'"99.90%"', b"99.9")
        with pytest.raises(DataError) as info:
            io.load_many([DOC, bad, DOC], workers=workers)
        assert info.value.source == "<document 1>"
        assert info.value.issues[0].path == "proactive.admissions.admission_rate"

    def test_empty(self) -> None:
        """No sources, no reports (and no pool is started)."""
        assert io.load_many([], workers=4) == []

    @pytest.mark.parametrize("workers", [0, -1, True, 1.5])
    def test_workers_must_be_positive(self, workers: object) -> None:
        """workers is a whole number of processes, at least one."""
        with pytest.raises(ValueError, match="workers must be an integer >= 1"):
            io.load_many([DOC], workers=workers)  # type: ignore[arg-type]


class TestMapReports:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_applies_in_the_workers(self, workers: int) -> None:
        """fn's results come back in order, one per source."""
        assert io.map_reports(_institution, [DOC] * 5, workers=workers) == [REPORT.institution] * 5

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a DataError naming the file."""
        with pytest.raises(DataError, match="cannot read"):
            io.map_reports(_institution, [tmp_path / "none.json"])


class TestJsonWithoutOrjson:
    """orjson is optional: without it, JSON reads and writes exactly the same."""

    @given(reports())
    def test_same_text_and_bytes(self, report: AnnualReport) -> None:
        """dumps_json and dumps_json_bytes give the same output with or without orjson."""
        fast = io.dumps_json(report), io.dumps_json_bytes(report)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(io, "_orjson", lambda: None)
            assert (io.dumps_json(report), io.dumps_json_bytes(report)) == fast
            assert io.loads_json(fast[1]) == report

    @pytest.mark.parametrize(
        "doc",
        [b"{", b"[1,]", b'{"a": NaN}', b"\xff", '\ufeff{"year": 1}', b'{"year": 1e999}'],
    )
    def test_same_errors(self, doc: str | bytes) -> None:
        """Malformed documents give the same messages with or without orjson."""
        with pytest.raises(DataError) as fast:
            io.loads_json(doc)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(io, "_orjson", lambda: None)
            with pytest.raises(DataError) as plain:
                io.loads_json(doc)
        assert str(fast.value) == str(plain.value)

    def test_duplicate_keys_refused(self) -> None:
        """A key given twice is refused with or without orjson (both keep the last value)."""
        doc = DOC.replace(b'"year": 2022', b'"year": 2021, "year": 2022')
        assert doc != DOC
        with pytest.raises(DataError, match="year: duplicate key"):
            io.loads_json(doc)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(io, "_orjson", lambda: None)
            with pytest.raises(DataError, match="year: duplicate key"):
                io.loads_json(doc)


class TestDraftsStillRefused:
    """Valid reports skip the walk for draft placeholders; drafts are refused however written."""

    @pytest.mark.parametrize(
        "encode",
        [
            lambda d: json.dumps(d, ensure_ascii=False).encode(),
            lambda d: json.dumps(d, ensure_ascii=True).encode(),  # 待填写 as \u escapes
            lambda d: json.dumps(d, ensure_ascii=False).encode("utf-16"),
            lambda d: json.dumps(d, ensure_ascii=True),
        ],
    )
    def test_placeholder_in_any_encoding(self, encode: Any) -> None:
        """A figure still marked 待填写 raises MissingFiguresError naming it."""
        data = json.loads(io.dumps_json(REPORT))
        data["proactive"]["admissions"]["planned"] = PLACEHOLDER
        with pytest.raises(MissingFiguresError, match="proactive.admissions.planned"):
            io.loads_json(encode(data))

    def test_placeholder_in_toml(self) -> None:
        """The same in TOML."""
        text = io.dumps_toml(REPORT).replace("planned = 5300", f'planned = "{PLACEHOLDER}"')
        with pytest.raises(MissingFiguresError, match="proactive.admissions.planned"):
            io.loads_toml(text)
