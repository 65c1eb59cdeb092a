"""Reports load and save as TOML and JSON losslessly; bad data is refused with its path."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from hnjd_disclosure import io
from hnjd_disclosure.errors import DataError, FileTooLargeError, UnknownYearError
from hnjd_disclosure.model import AnnualReport

from .strategies import reports

REPORT = io.builtin_report(2022)


class TestRoundTrip:
    @given(reports())
    def test_toml(self, report: AnnualReport) -> None:
        """Every generated report survives TOML unchanged."""
        assert io.loads_toml(io.dumps_toml(report)) == report

    @given(reports())
    def test_json(self, report: AnnualReport) -> None:
        """Every generated report survives JSON unchanged."""
        assert io.loads_json(io.dumps_json(report)) == report

    def test_files(self, tmp_path: Path) -> None:
        """save then load gives the same report, in both formats."""
        for name in ("r.toml", "r.json"):
            io.save(REPORT, tmp_path / name)
            assert io.load(tmp_path / name) == REPORT

    def test_published_figures_stay_as_published(self) -> None:
        """The data keeps 99.90% and 1.9万 as printed strings, counts as integers."""
        data = json.loads(io.dumps_json(REPORT))
        assert data["proactive"]["admissions"]["admission_rate"] == "99.90%"
        assert data["proactive"]["admissions"]["planned"] == 5300
        assert data["overview"]["media"]["weibo_followers"] == "1.9万"


class TestSave:
    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        """save does not replace an existing file without force, and leaves it intact."""
        target = tmp_path / "r.toml"
        target.write_text("keep", encoding="utf-8")
        with pytest.raises(FileExistsError):
            io.save(REPORT, target)
        assert target.read_text(encoding="utf-8") == "keep"
        io.save(REPORT, target, force=True)
        assert io.load(target) == REPORT

    def test_leaves_no_temporary_file(self, tmp_path: Path) -> None:
        """An atomic write leaves only the target behind."""
        io.save(REPORT, tmp_path / "r.json")
        assert [p.name for p in tmp_path.iterdir()] == ["r.json"]

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """Only .toml and .json are data files."""
        with pytest.raises(DataError, match="expected a .toml or .json file"):
            io.save(REPORT, tmp_path / "r.yaml")


def _data() -> dict[str, Any]:
    return tomllib.loads(io.dumps_toml(REPORT))


def _set(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[key]
    node[last] = value
    return data


def _messages(data: dict[str, Any]) -> list[str]:
    with pytest.raises(DataError) as info:
        io.loads_json(json.dumps(data, default=str), source="report.json")
    return [str(issue) for issue in info.value.issues]


class TestJsonNumbers:
    def test_integral_number_is_an_integer(self) -> None:
        """5300.0 in JSON is the integer 5300 (JSON has one kind of number, as JSON Schema
        reads it); TOML's float 5300.0 stays refused."""
        text = io.dumps_json(REPORT).replace('"planned": 5300', '"planned": 5300.0')
        assert io.loads_json(text) == REPORT
        toml = io.dumps_toml(REPORT).replace("planned = 5300", "planned = 5300.0")
        with pytest.raises(DataError, match="got 5300.0"):
            io.loads_toml(toml)


class TestBadData:
    @pytest.mark.parametrize(
        ("path", "value", "expected"),
        [
            (
                "proactive.admissions.planned",
                "abc",
                'proactive.admissions.planned: expected an integer >= 0, got "abc"',
            ),
            (
                "proactive.admissions.planned",
                "12",
                'proactive.admissions.planned: expected an integer >= 0, got "12"',
            ),
            (
                "proactive.admissions.planned",
                True,
                "proactive.admissions.planned: expected an integer >= 0, got True",
            ),
            (
                "proactive.admissions.planned",
                5300.5,
                "proactive.admissions.planned: expected an integer >= 0, got 5300.5",
            ),
            (
                "proactive.admissions.planned",
                -1,
                "proactive.admissions.planned: expected an integer >= 0, got -1",
            ),
            (
                "proactive.admissions.registered",
                5296,
                "proactive.admissions.registered: must not be larger than admitted (5295), "
                "got 5296",
            ),
            (
                "proactive.admissions.admission_rate",
                99.9,
                'proactive.admissions.admission_rate: expected a percentage such as "99.90%", '
                "got 99.9",
            ),
            (
                "overview.media.weibo_followers",
                "19000",
                'overview.media.weibo_followers: expected a figure in 万 such as "1.9万", '
                'got "19000"',
            ),
            ("institution", 7, "institution: expected a string, got 7"),
            ("part_names", "概述", 'part_names: expected an array, got "概述"'),
            ("period", "2021", 'period: expected a table, got "2021"'),
            ("period.start", "2021/9/1", 'period.start: expected a date such as "2021-09-01"'),
            ("proactive.colour", "red", "proactive.colour: unknown key"),
        ],
    )
    def test_each_problem_names_its_path(self, path: str, value: object, expected: str) -> None:
        """A wrong type, bad value, relation or extra key is reported at its field path."""
        messages = _messages(_set(_data(), path, value))
        assert any(m.startswith(expected) for m in messages), messages

    def test_missing_key(self) -> None:
        """A missing required key is reported at its path."""
        data = _data()
        del data["proactive"]["admissions"]["employment"]["graduates"]
        assert _messages(data) == [
            "proactive.admissions.employment.graduates: required key missing"
        ]

    def test_every_problem_is_listed(self) -> None:
        """All problems are reported at once, not only the first."""
        data = _set(_set(_data(), "year", "2022"), "overview.heading", 1)
        assert len(_messages(data)) == 2

    def test_malformed_toml_names_line_and_column(self) -> None:
        """A TOML syntax error says where it is."""
        with pytest.raises(DataError, match=r"^x.toml: malformed TOML: .*line 2"):
            io.loads_toml("a = 1\nb = ]\nc = 2\n", source="x.toml")

    def test_malformed_json_names_line_and_column(self) -> None:
        """A JSON syntax error says where it is."""
        with pytest.raises(DataError, match=r"^x.json: malformed JSON: .*line 1 column 2"):
            io.loads_json("{", source="x.json")

    def test_toml_date_must_be_a_date(self) -> None:
        """A quoted date in TOML is refused with a hint, not parsed silently."""
        text = io.dumps_toml(REPORT).replace("start = 2021-09-01", 'start = "2021-09-01"')
        with pytest.raises(DataError, match="period.start: .*without quotes"):
            io.loads_toml(text)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a DataError naming the file."""
        with pytest.raises(DataError, match="nope.toml: cannot read"):
            io.load(tmp_path / "nope.toml")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file in another encoding is refused, not misread."""
        path = tmp_path / "gbk.toml"
        path.write_bytes("institution = '湖南'".encode("gbk"))
        with pytest.raises(DataError, match="not UTF-8"):
            io.load(path)


class TestLongNames:
    @pytest.mark.parametrize("size", [250, 255])
    def test_name_of_up_to_255_bytes(self, tmp_path: Path, size: int) -> None:
        """A valid long name is written (the temporary name added 19 bytes to it)."""
        name = "湖" * ((size - 4) // 3) + "x" * ((size - 4) % 3) + ".txt"
        assert len(name.encode()) == size
        io.write_text_atomic(tmp_path / name, "一")
        assert [p.name for p in tmp_path.iterdir()] == [name]


class TestBoundedReading:
    """Data files are read in bounded chunks; devices and FIFOs are refused before reading."""

    def test_device_refused_before_reading(self, tmp_path: Path) -> None:
        """A link to /dev/zero is refused at once, not read until memory runs out."""
        link = tmp_path / "zero.json"
        link.symlink_to("/dev/zero")
        with pytest.raises(DataError, match=r"zero.json: cannot read: not a regular file \("):
            io.load(link)

    def test_fifo_refused_without_blocking(self, tmp_path: Path) -> None:
        """A FIFO is refused in a subprocess that ends (it used to block forever)."""
        fifo = tmp_path / "pipe.toml"
        os.mkfifo(fifo)
        code = f"from hnjd_disclosure import io; io.load({str(fifo)!r})"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
        )
        assert "cannot read: not a regular file (FIFO)" in done.stderr

    def test_sparse_file_refused_by_its_size(self, tmp_path: Path) -> None:
        """A file larger than MAX_DATA_BYTES is refused by its size, before it is read."""
        big = tmp_path / "sparse.json"
        with big.open("wb") as handle:
            handle.truncate(2 * 1024**3)
        with pytest.raises(DataError) as info:
            io.load(big)
        limit = io.MAX_DATA_BYTES
        expected = f"file too large: {2 * 1024**3} bytes (the limit is {limit}) for a data file"
        assert info.value.issues == (("", expected),)

    def test_growing_file_read_up_to_the_limit(self) -> None:
        """A file whose size the system does not state is read no further than the limit."""
        if not Path("/proc/self/status").exists():
            pytest.skip("needs /proc")
        with pytest.raises(FileTooLargeError, match="more than 100 bytes"):
            io.read_bounded("/proc/self/status", 100)

    def test_limit_is_inclusive(self, tmp_path: Path) -> None:
        """A file of exactly the limit is read; one byte more is refused."""
        path = tmp_path / "r.json"
        path.write_bytes(b"x" * 10)
        assert io.read_bounded(path, 10) == b"x" * 10
        with pytest.raises(FileTooLargeError):
            io.read_bounded(path, 9)


class TestBuiltin:
    def test_2022_is_available(self) -> None:
        """The 2022 report is built in."""
        assert 2022 in io.available_years()
        assert REPORT.year == 2022

    @pytest.mark.parametrize("year", [2021, "2022", True])
    def test_unknown_year(self, year: object) -> None:
        """A year without a built-in report raises UnknownYearError."""
        with pytest.raises(UnknownYearError, match="no built-in report"):
            io.builtin_report(year)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The umask 022 (files rw-r--r--) for the test, restored after it."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


class TestWrittenFileModes:
    """Written files get the permissions any new file gets (0o666 minus the umask), and a
    replaced file keeps its own; what is not a regular file is never replaced."""

    @pytest.mark.usefixtures("umask_022")
    @pytest.mark.parametrize("writer", ["save", "text", "bytes"])
    def test_new_file_follows_the_umask(self, tmp_path: Path, writer: str) -> None:
        target = tmp_path / "r.json"
        if writer == "save":
            io.save(REPORT, target)
        elif writer == "text":
            io.write_text_atomic(target, "一")
        else:
            io.write_bytes_atomic(target, b"PK")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644

    def test_another_umask(self, tmp_path: Path) -> None:
        old = os.umask(0o027)
        try:
            io.write_text_atomic(tmp_path / "a.txt", "一")
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640

    @pytest.mark.usefixtures("umask_022")
    @pytest.mark.parametrize("mode", [0o600, 0o664, 0o444])
    def test_replaced_file_keeps_its_mode(self, tmp_path: Path, mode: int) -> None:
        target = tmp_path / "r.toml"
        target.write_text("old", encoding="utf-8")
        target.chmod(mode)
        io.save(REPORT, target, force=True)
        assert stat.S_IMODE(target.stat().st_mode) == mode
        assert io.load(target) == REPORT
        assert [p.name for p in tmp_path.iterdir()] == ["r.toml"]

    @pytest.mark.parametrize("force", [False, True])
    def test_never_replaces_what_is_not_a_regular_file(self, tmp_path: Path, force: bool) -> None:
        fifo = tmp_path / "fifo.txt"
        os.mkfifo(fifo)
        directory = tmp_path / "dir.txt"
        directory.mkdir()
        link = tmp_path / "link.txt"
        (tmp_path / "real.txt").write_text("keep", encoding="utf-8")
        link.symlink_to(tmp_path / "real.txt")
        for target, kind in ((fifo, "FIFO"), (directory, "directory"), (link, "symbolic link")):
            with pytest.raises(OSError, match=f"not a regular file \\({kind}\\)") as info:
                io.write_text_atomic(target, "new", force=force)
            assert not isinstance(info.value, FileExistsError)
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        assert directory.is_dir()
        assert link.is_symlink()
        assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "keep"
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "dir.txt",
            "fifo.txt",
            "link.txt",
            "real.txt",
        ]


class TestDuplicateKeys:
    """A JSON key given twice is refused with its path (TOML refuses it already)."""

    @pytest.mark.parametrize(
        ("old", "new", "path"),
        [
            (
                '"planned": 5300,',
                '"planned": 5300, "planned": 5301,',
                "proactive.admissions.planned",
            ),
            ('"year": 2022,', '"year": 2022, "year": 2022,', "year"),
            ('"item": 1,', '"item": 1, "item": 1,', "checklist.entries[0].item"),
        ],
    )
    def test_refused_with_the_path(self, old: str, new: str, path: str) -> None:
        """The document is refused, naming the key's path, whether or not the values differ."""
        text = io.dumps_json(REPORT, indent=None).replace(old, new, 1)
        assert text.count(new) == 1
        with pytest.raises(DataError) as info:
            io.loads_json(text, source="r.json")
        assert info.value.issues == ((path, "duplicate key (given more than once)"),)

    def test_escaped_spelling_is_the_same_key(self) -> None:
        """A key spelt once with escapes is the same key."""
        text = io.dumps_json(REPORT, indent=None).replace(
            '"year": 2022,', '"year": 2022, "y\\u0065ar": 1,'
        )
        with pytest.raises(DataError, match="year: duplicate key"):
            io.loads_json(text.encode())

    def test_file_too(self, tmp_path: Path) -> None:
        """A data file with a duplicate key is refused by load."""
        path = tmp_path / "r.json"
        path.write_text('{"year": 1, "year": 2}', encoding="utf-8")
        with pytest.raises(DataError, match="r.json: year: duplicate key"):
            io.load(path)


#: Documents that once escaped as a RecursionError or a ValueError (a traceback on the command
#: line): (name, text, the message expected after "source: ").
HOSTILE = {
    "deep JSON array": ("r.json", "[" * 100_000, "malformed JSON: nested too deeply"),
    "deep JSON object": ("r.json", '{"a":' * 100_000, "malformed JSON: nested too deeply"),
    "deep JSON value of a field": (
        "r.json",
        '{"institution": ' + "[" * 995 + "]" * 995 + "}",
        "",  # parsed or not, a DataError
    ),
    "deep JSON with escapes": ("r.json", '{"a\\u0041": ' + "[" * 990 + "]" * 990 + "}", ""),
    "deep TOML array": ("r.toml", "a = " + "[" * 100_000, "malformed TOML: nested too deeply"),
    "deep TOML inline table": (
        "r.toml",
        "a = " + "{b = " * 100_000,
        "malformed TOML: nested too deeply",
    ),
    "not so deep TOML array": ("r.toml", "institution = " + "[" * 900 + "]" * 900, ""),
    "deep TOML keys with a placeholder": ("r.toml", "a" + ".a" * 5000 + ' = "待填写"', ""),
    "long JSON integer": (
        "r.json",
        '{"year": ' + "1" * 5000 + "}",
        "malformed JSON: an integer of more than 4300 digits",
    ),
    "long TOML integer": (
        "r.toml",
        "year = " + "1" * 5000,
        "malformed TOML: an integer of more than 4300 digits",
    ),
}


class TestHostileDocuments:
    @pytest.mark.parametrize("case", HOSTILE.values(), ids=list(HOSTILE))
    def test_data_error_not_a_crash(self, case: tuple[str, str, str]) -> None:
        """Nesting past the interpreter's recursion limit and integers past its digit limit
        are a DataError naming the document, like any malformed document."""
        name, text, expected = case
        with pytest.raises(DataError) as info:
            io.loads(text, io.format_of(name), source=name)
        assert str(info.value).startswith(f"{name}: {expected}")

    def test_json_bytes_too(self) -> None:
        """loads_json reads bytes (load_many's documents) with the same verdict."""
        with pytest.raises(DataError, match="^r.json: malformed JSON: nested too deeply$"):
            io.loads_json(b"[" * 100_000, source="r.json")
        with pytest.raises(DataError, match="integer of more than 4300 digits"):
            io.loads_json(b"[" + b"9" * 4301 + b"]", source="r.json")


class TestBuiltinData:
    """Each built-in report's TOML file is its source; the JSON beside it is read instead."""

    @pytest.mark.parametrize("year", io.available_years())
    def test_json_is_the_toml_as_dumps_json_writes_it(self, year: int) -> None:
        folder = Path(io.__file__).parent / "data" / "reports"
        source = io.loads_toml((folder / f"{year}.toml").read_text(encoding="utf-8"))
        compiled = (folder / f"{year}.json").read_text(encoding="utf-8")
        assert compiled == io.dumps_json(source), (
            f"{year}.json is stale: run `hnjd-disclosure convert {folder}/{year}.toml "
            f"-o {folder}/{year}.json --force`"
        )
        assert io.builtin_report(year) == source

    def test_without_json_the_toml_is_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder with only TOML files (a source checkout being edited) still works."""
        folder = Path(io.__file__).parent / "data" / "reports"
        (tmp_path / "2022.toml").write_bytes((folder / "2022.toml").read_bytes())
        monkeypatch.setattr(io, "_REPORTS", tmp_path)
        io.builtin_report.cache_clear()
        try:
            assert io.builtin_report(2022) == io.loads_toml(
                (folder / "2022.toml").read_text(encoding="utf-8")
            )
        finally:
            io.builtin_report.cache_clear()
