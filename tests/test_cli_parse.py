"""The parse, extract and check commands on text files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hnjd_disclosure import builtin_report, load
from hnjd_disclosure.cli import main

from .conftest import DATA

TEXT = DATA / "hnjd-2022-report.txt"


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def test_parse_to_stdout_is_toml() -> None:
    status, out = _run("parse", str(TEXT))
    assert status == 0
    assert 'institution = "湖南机电职业技术学院"' in out


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_parse_to_file(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / ("report" + suffix)
    status, _ = _run("parse", str(TEXT), "-o", str(target))
    assert status == 0
    assert load(target).proactive == builtin_report(2022).proactive
    # never overwrites without --force
    assert _run("parse", str(TEXT), "-o", str(target))[0] == 2


def test_parse_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    status, _ = _run("parse", str(bad))
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "line 1, column 1" in err


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gbk.txt"
    bad.write_bytes(b"\xd1\xa7\xff\xfe")
    assert _run("extract", str(bad))[0] == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_extract_text_and_json() -> None:
    status, out = _run("extract", str(TEXT))
    assert status == 0
    assert "percent\t99.90%\t录取率\t5295/5300" in out
    status, out = _run("extract", str(TEXT), "--json")
    document = json.loads(out)
    assert document["header"]["institution"] == "湖南机电职业技术学院"
    assert document["header"]["period_start"] == "2021-09-01"
    assert out.index('"header"') < out.index('"figures"')
    rows = document["figures"]
    rate = next(r for r in rows if r["text"] == "99.90%")
    assert rate["basis"] == "rate-name"
    assert rate["part"]["value"] == "5295"
    assert rate["whole"]["value"] == "5300"
    assert rate["kind"] == "percent"
    assert isinstance(rate["span"], list)


def test_check_text_file() -> None:
    status, out = _run("check", str(TEXT), "--json")
    document = json.loads(out)
    assert status == 0  # a warning only
    assert [f["rule"] for f in document["findings"]] == ["rate-matches-counts"]
    status, _ = _run("check", str(DATA / "reports" / "xiaoxiang-normal-2022-halfwidth.txt"))
    assert status == 1  # an error


@pytest.mark.parametrize("suffix", [".md", ".text", ".TXT"])
def test_check_text_suffixes(tmp_path: Path, suffix: str) -> None:
    """A .md or .text file is a report's text, like .txt."""
    copy = tmp_path / ("rep" + suffix)
    copy.write_text(TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    status, out = _run("check", str(copy), "--json")
    assert status == 0
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["rate-matches-counts"]


@pytest.mark.parametrize("command", ["parse", "extract", "check"])
def test_too_large_names_the_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    monkeypatch.setattr("hnjd_disclosure.parse.MAX_CHARS", 10)
    big = tmp_path / "big.txt"
    big.write_text("一" * 11, encoding="utf-8")
    assert _run(command, str(big))[0] == 2
    err = capsys.readouterr().err
    assert f"{big}: text too large: 11 characters (the limit is 10)" in err


@pytest.mark.parametrize("command", ["parse", "extract", "check"])
def test_large_valid_text_is_too_large_not_bad_utf8(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    """A text file past 4 bytes a character of the limit is called too large (a 90 MB file was
    called "not UTF-8 text (byte 80000000)", the reading having stopped inside a character)."""
    monkeypatch.setattr("hnjd_disclosure.parse.MAX_CHARS", 10)
    big = tmp_path / "big.txt"
    big.write_text("一" * 14, encoding="utf-8")
    assert _run(command, str(big))[0] == 2
    err = capsys.readouterr().err
    assert f"{big}: file too large: 42 bytes (the limit is 40)" in err
    assert "UTF-8" not in err


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_device_text_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    """A link to a device is refused before reading: one line, exit 2."""
    link = tmp_path / "dev.txt"
    link.symlink_to(target)
    assert _run("check", str(link))[0] == 2
    err = capsys.readouterr().err
    assert err == f"hnjd-disclosure: {link}: cannot read: not a regular file (character device)\n"


@pytest.mark.parametrize(
    ("command", "refused"), [("check", True), ("extract", True), ("parse", False)]
)
def test_figure_checks_have_a_lower_limit(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    refused: bool,
) -> None:
    """check and extract on a text refuse it past MAX_FIGURE_CHARS (dense figures cost about
    28 s and 280 MB a million characters); parse keeps MAX_CHARS."""
    monkeypatch.setattr("hnjd_disclosure.parse._text.MAX_FIGURE_CHARS", 1000)
    dense = tmp_path / "dense.txt"
    dense.write_text("1%" * 501, encoding="utf-8")
    status = _run(command, str(dense))[0]
    err = capsys.readouterr().err
    assert ("text too large: 1002 characters (the limit is 1000)" in err) is refused
    assert status == 2
