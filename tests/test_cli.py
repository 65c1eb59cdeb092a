"""The command line: one-line errors with exit status 2, no traceback, nothing written."""

from __future__ import annotations

import io as stdio
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hnjd_disclosure import builtin_report, dumps_json, dumps_toml, loads_json, render
from hnjd_disclosure.cli import main

GOOD_TOML = dumps_toml(builtin_report(2022))


def run(*argv: str) -> tuple[int, str]:
    """Run the command line in-process; argparse's own exits count as statuses too."""
    out = stdio.StringIO()
    try:
        status = main(list(argv), stdout=out)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    return status, out.getvalue()


class TestRender:
    def test_builtin_year(self, published_text: str) -> None:
        """render --year 2022 --as-published prints the published text; without the flag, the
        published text is followed by part 8."""
        status, out = run("render", "--year", "2022", "--as-published")
        assert status == 0
        assert re.sub(r"\s", "", out) == re.sub(r"\s", "", published_text)
        status, whole = run("render", "--year", "2022")
        assert status == 0
        assert re.sub(r"\s", "", whole).startswith(re.sub(r"\s", "", published_text) + "八、")

    def test_data_file(self, tmp_path: Path) -> None:
        """render FILE renders a data file, with its changed figure."""
        path = tmp_path / "r.toml"
        path.write_text(GOOD_TOML.replace("planned = 5300", "planned = 5301"), encoding="utf-8")
        status, out = run("render", str(path))
        assert status == 0
        assert "计划招生5301人" in out

    def test_output_refuses_to_overwrite(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o does not replace an existing file without --force."""
        target = tmp_path / "out.txt"
        target.write_text("keep", encoding="utf-8")
        assert run("render", "--year", "2022", "-o", str(target))[0] == 2
        assert target.read_text(encoding="utf-8") == "keep"
        assert "use --force" in capsys.readouterr().err
        assert run("render", "--year", "2022", "-o", str(target), "--force")[0] == 0
        assert target.read_text(encoding="utf-8").startswith("湖南机电职业技术学院")

    @pytest.mark.parametrize("force", [[], ["--force"]])
    def test_output_never_replaces_a_special_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], force: list[str]
    ) -> None:
        """-o naming a FIFO (or a device, such as /dev/full) is refused in one line, even
        with --force, and the FIFO stays a FIFO."""
        fifo = tmp_path / "out.txt"
        os.mkfifo(fifo)
        status, out = run("render", "--year", "2022", "-o", str(fifo), *force)
        assert (status, out) == (2, "")
        err = capsys.readouterr().err
        assert (
            err == f"hnjd-disclosure: {fifo}: cannot write: not a regular file (FIFO); "
            "refusing to replace it\n"
        )
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
        assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]

    def test_output_is_readable_as_the_umask_allows(self, tmp_path: Path) -> None:
        """render -o, convert -o and schema -o write files as any program does (0o666 less
        the umask), not private to their owner."""
        old = os.umask(0o022)
        try:
            for argv in (
                ["render", "--year", "2022", "--format", "html", "-o"],
                ["convert", "--year", "2022", "-o"],
                ["schema", "-o"],
            ):
                target = tmp_path / f"{argv[0]}.json"
                assert run(*argv, str(target))[0] == 0
                assert stat.S_IMODE(target.stat().st_mode) == 0o644, argv
        finally:
            os.umask(old)


BAD_INPUTS = {
    "malformed TOML": ("r.toml", 'institution = "x\n', "r.toml: malformed TOML"),
    "malformed JSON": ("r.json", "{", "r.json: malformed JSON"),
    "wrong type": (
        "r.toml",
        GOOD_TOML.replace("planned = 5300", 'planned = "abc"'),
        'r.toml: proactive.admissions.planned: expected an integer >= 0, got "abc"',
    ),
    "string number": (
        "r.toml",
        GOOD_TOML.replace("planned = 5300", 'planned = "5300"'),
        'r.toml: proactive.admissions.planned: expected an integer >= 0, got "5300"',
    ),
    "missing key": (
        "r.toml",
        GOOD_TOML.replace("graduates = 4846\n", ""),
        "r.toml: proactive.admissions.employment.graduates: required key missing",
    ),
    "unknown key": (
        "r.toml",
        GOOD_TOML.replace("planned = 5300", "planned = 5300\nplaned = 1"),
        "r.toml: proactive.admissions.planed: unknown key",
    ),
    "negative count": (
        "r.toml",
        GOOD_TOML.replace("notices = 131", "notices = -131"),
        "r.toml: proactive.finance.procurement.notices: expected an integer >= 0, got -131",
    ),
    "part larger than whole": (
        "r.toml",
        GOOD_TOML.replace("registered = 5112", "registered = 5296"),
        "r.toml: proactive.admissions.registered: must not be larger than admitted (5295)",
    ),
    "bad JSON value": (
        "r.json",
        dumps_json(builtin_report(2022)).replace('"99.90%"', "99.9"),
        "r.json: proactive.admissions.admission_rate: expected a percentage",
    ),
    "lone surrogate": (
        "r.json",
        dumps_json(builtin_report(2022)).replace("湖南机电职业技术学院", "湖南\\ud800", 1),
        "r.json: institution: must be Unicode text, got a lone surrogate (U+D800) at character 3",
    ),
    "deep JSON": ("r.json", "[" * 100_000, "r.json: malformed JSON: nested too deeply"),
    "deep TOML": ("r.toml", "a = " + "[" * 100_000, "r.toml: malformed TOML: nested too deeply"),
    "long JSON integer": (
        "r.json",
        '{"year": ' + "9" * 4301 + "}",
        "r.json: malformed JSON: an integer of more than 4300 digits",
    ),
    "long TOML integer": (
        "r.toml",
        GOOD_TOML.replace("planned = 5300", "planned = " + "5" * 5000),
        "r.toml: malformed TOML: an integer of more than 4300 digits",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=list(BAD_INPUTS))
def test_bad_input_gives_one_line_and_exit_2(
    case: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad data: one line naming the file and the field path, exit 2, no output file."""
    name, content, expected = case
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out_file = tmp_path / "out.txt"
    status, out = run("render", str(path), "-o", str(out_file))
    err = capsys.readouterr().err
    assert status == 2
    assert out == ""
    assert not out_file.exists()
    assert err.count("\n") == 1
    assert err.startswith(f"hnjd-disclosure: {tmp_path / expected}")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["render", "--year", "2019"], "no built-in report for year 2019"),
        (["render", "missing.toml"], "missing.toml: cannot read"),
        (["render", "--year", "twenty"], "expected a year of 4 digits such as 2022"),
        (["render"], "one of the arguments"),
        (["render", "report.yaml"], "report.yaml: expected a .toml or .json file"),
    ],
)
def test_usage_errors(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown years, missing files and bad arguments: one line, exit 2."""
    status, _ = run(*argv)
    assert status == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("to", ["toml", "json"])
def test_convert_refuses_a_lone_surrogate(
    to: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A paragraph that could not be written ("\\ud800" in JSON) is refused at load, naming
    its field, before anything is written (it was a UnicodeEncodeError traceback)."""
    text = dumps_json(builtin_report(2022)).replace("学校高度重视", "学校\\ud800高度重视", 1)
    assert "\\ud800" in text
    source = tmp_path / "r.json"
    source.write_text(text, encoding="utf-8")
    for argv in (["convert", "--to", to], ["convert", "-o", str(tmp_path / f"out.{to}")]):
        status, out = run(*argv, str(source))
        assert (status, out) == (2, "")
        err = capsys.readouterr().err
        assert err.startswith(f"hnjd-disclosure: {source}: overview.paragraphs[0]: must be Unicode")
        assert err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


#: Spellings int() reads as 2022 that are not a year as the command line takes it.
NOT_YEARS = ["2_022", "\uff12\uff10\uff12\uff12", "+2022", " 2022 ", "02022", "2022\n", "-2022"]


@pytest.mark.parametrize("text", NOT_YEARS, ids=repr)
@pytest.mark.parametrize(
    "argv",
    [
        ["render", "--year", "{}"],
        ["convert", "--year", "{}"],
        ["check", "--year", "{}"],
        ["new", "--year", "{}", "--from", "2022"],
        ["new", "--year", "2023", "--from", "{}"],
        ["diff", "{}", "2022"],
        ["diff", "2022", "{}"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_a_year_is_4_ascii_digits(
    argv: list[str], text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every year argument takes 4 ASCII digits only: no silent reading of 2_022, full-width
    digits, a sign, spaces or a leading zero as 2022. One line, exit 2, nothing printed."""
    status, out = run(*(a.replace("{}", text) for a in argv))
    assert (status, out) == (2, "")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "expected a year of 4 digits such as 2022" in err
    assert repr(text) in err


def test_diff_still_reads_files_and_years(tmp_path: Path) -> None:
    """diff takes 4-digit years and data files (a name with digits in it too)."""
    path = tmp_path / "2022.toml"
    path.write_text(GOOD_TOML, encoding="utf-8")
    assert run("diff", "2022", str(path))[0] == 0
    assert run("new", "--year", "2023", "--from", str(path))[0] == 0


def test_convert_round_trips(tmp_path: Path) -> None:
    """convert writes data that loads back to the same report."""
    target = tmp_path / "r.json"
    assert run("convert", "--year", "2022", "-o", str(target))[0] == 0
    assert loads_json(target.read_text(encoding="utf-8")) == builtin_report(2022)


def test_schema_command() -> None:
    """schema prints the JSON Schema."""
    status, out = run("schema")
    assert status == 0
    assert '"$schema": "https://json-schema.org/draft/2020-12/schema"' in out


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (RuntimeError("boom"), "internal error: RuntimeError: boom"),
        (KeyError("x"), "internal error: KeyError: 'x'"),
        (ValueError("two\nlines"), "internal error: ValueError: two lines"),
        (RecursionError(), "internal error: RecursionError"),
    ],
)
def test_unexpected_exception_is_one_line(
    error: Exception, line: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug (any exception the commands do not expect) still gives one line and exit 2,
    asking for a report, not a traceback."""
    from hnjd_disclosure import cli

    def broken(args: object, stdout: object) -> int:
        raise error

    monkeypatch.setattr(cli, "_render", broken)
    assert run("render", "--year", "2022") == (2, "")
    assert capsys.readouterr().err == f"hnjd-disclosure: {line} (please report this)\n"


def test_module_entry_point() -> None:
    """python -m hnjd_disclosure runs the same command line, with exit status 2 on bad input."""
    proc = subprocess.run(
        [sys.executable, "-m", "hnjd_disclosure", "render", "--year", "1999"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == "hnjd-disclosure: no built-in report for year 1999 (available: 2022)\n"
    assert "Traceback" not in proc.stderr


class TestRenderFormats:
    @pytest.mark.parametrize(
        ("fmt", "start"), [("markdown", "# 湖南机电"), ("html", "<!DOCTYPE html>")]
    )
    def test_text_formats_to_stdout(self, fmt: str, start: str) -> None:
        """Markdown and HTML go to standard output and include part 8."""
        status, out = run("render", "--year", "2022", "--format", fmt)
        assert status == 0
        assert out.startswith(start)
        assert "八、清单事项公开情况表" in out

    def test_text_includes_part_8_unless_as_published(self) -> None:
        """The text is the whole report, part 8 included; --as-published leaves it out, as the
        2022 text was published, and is then exactly the published text's render."""
        status, out = run("render", "--year", "2022")
        assert status == 0
        assert "八、清单事项公开情况表" in out
        status, plain = run("render", "--year", "2022", "--as-published")
        assert status == 0
        assert "八、清单事项公开情况表" not in plain
        assert plain == render(builtin_report(2022))
        assert out.startswith(plain.rstrip("\n"))

    @pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
    def test_as_published_with_another_format_is_a_usage_error(
        self, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--as-published with a format that always includes part 8 is refused in one line,
        not silently ignored, and nothing is written."""
        target = tmp_path / f"report.{fmt}"
        status, out = run(
            "render", "--year", "2022", "--format", fmt, "--as-published", "-o", str(target)
        )
        assert (status, out) == (2, "")
        assert capsys.readouterr().err == (
            f"hnjd-disclosure: --as-published is for --format text: {fmt} always includes part 8, "
            "the checklist table\n"
        )
        assert not target.exists()

    def test_html_file_is_not_overwritten(self, tmp_path: Path) -> None:
        """-o writes the page; a second run refuses to replace it without --force."""
        target = tmp_path / "report.html"
        assert run("render", "--year", "2022", "--format", "html", "-o", str(target))[0] == 0
        first = target.read_bytes()
        target.write_text("keep", encoding="utf-8")
        assert run("render", "--year", "2022", "--format", "html", "-o", str(target))[0] == 2
        assert target.read_text(encoding="utf-8") == "keep"
        args = ("render", "--year", "2022", "--format", "html", "-o", str(target), "--force")
        assert run(*args)[0] == 0
        assert target.read_bytes() == first

    def test_docx_needs_a_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """docx is binary: without -o it is refused in one line, exit status 2."""
        pytest.importorskip("docx")
        status, out = run("render", "--year", "2022", "--format", "docx")
        assert (status, out) == (2, "")
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "-o FILE" in err

    def test_docx_file(self, tmp_path: Path) -> None:
        """-o FILE writes a .docx (a zip) atomically, leaving no temporary file."""
        pytest.importorskip("docx")
        target = tmp_path / "report.docx"
        assert run("render", "--year", "2022", "--format", "docx", "-o", str(target))[0] == 0
        assert target.read_bytes()[:2] == b"PK"
        assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]

    def test_docx_without_the_extra(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without python-docx, --format docx says how to install it and exits 2."""
        monkeypatch.setitem(sys.modules, "docx", None)
        target = tmp_path / "report.docx"
        status, _ = run("render", "--year", "2022", "--format", "docx", "-o", str(target))
        assert status == 2
        err = capsys.readouterr().err
        assert (
            err == 'hnjd-disclosure: this needs python-docx: pip install "hnjd-disclosure[docx]"\n'
        )
        assert not target.exists()


class TestParserForOneCommand:
    """build_parser(command) parses and helps exactly as the full parser does."""

    ARGVS = (
        ["render", "--year", "2022", "--format", "html", "-o", "x.html", "--force"],
        ["render", "report.toml", "--as-published"],
        ["schema"],
        ["convert", "--year", "2022", "--to", "json"],
        ["new", "--year", "2023", "--from", "2022"],
        ["check", "r.txt", "--json", "--strict"],
        ["diff", "2021", "2022", "--table", "--all"],
        ["parse", "r.txt", "-o", "r.toml"],
        ["extract", "r.txt", "--json"],
    )

    @pytest.mark.parametrize("argv", ARGVS, ids=lambda argv: argv[0])
    def test_same_namespace(self, argv: list[str]) -> None:
        from hnjd_disclosure.cli import build_parser

        assert build_parser(argv[0]).parse_args(argv) == build_parser().parse_args(argv)

    @pytest.mark.parametrize("argv", ARGVS, ids=lambda argv: argv[0])
    def test_same_help_and_errors(self, argv: list[str]) -> None:
        from hnjd_disclosure.cli import build_parser

        def outcome(parser_command: str | None, args: list[str]) -> tuple[object, str, str]:
            out, err = stdio.StringIO(), stdio.StringIO()
            saved = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = out, err
            try:
                build_parser(parser_command).parse_args(args)
                code: object = None
            except SystemExit as exc:
                code = exc.code
            finally:
                sys.stdout, sys.stderr = saved
            return code, out.getvalue(), err.getvalue()

        for args in ([argv[0], "--help"], [argv[0], "--no-such-option"], [argv[0]]):
            assert outcome(argv[0], args) == outcome(None, args)
        assert outcome(argv[0], [argv[0], "--help"])[1].startswith(
            f"usage: hnjd-disclosure {argv[0]}"
        )


class TestOutputArgument:
    def test_empty_output_is_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-o "" is a usage error, not standard output in silence."""
        assert run("render", "--year", "2022", "-o", "")[0] == 2
        assert "expected a file name (or - for standard output)" in capsys.readouterr().err

    def test_dash_is_standard_output(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """-o - writes to standard output and creates no file named -."""
        monkeypatch.chdir(tmp_path)
        status, out = run("render", "--year", "2022", "-o", "-")
        assert status == 0
        assert out.startswith("湖南机电职业技术学院")
        assert list(tmp_path.iterdir()) == []

    def test_new_year_0000(self, capsys: pytest.CaptureFixture[str]) -> None:
        """new --year 0000 says the year is out of range (it said "no built-in report for -1")."""
        assert run("new", "--year", "0000")[0] == 2
        assert "expected a year from 1949 to 9999, got '0000'" in capsys.readouterr().err


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM while the output is being written removes the temporary file (exit 143)."""
    script = (
        "import os, sys, time\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fsync = stall\n"
        "from hnjd_disclosure.cli import entry\n"
        "sys.argv = ['hnjd-disclosure', 'render', '--year', '2022', '-o', "
        f"{str(tmp_path / 'r.txt')!r}]\n"
        "entry()\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        assert next(p.name for p in tmp_path.iterdir()).endswith(".tmp")
        child.terminate()
        assert child.wait(timeout=30) == 143
    assert list(tmp_path.iterdir()) == []


class TestHelpAndVersion:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the installed version."""
        from importlib.metadata import version

        assert run("--version")[0] == 0
        assert capsys.readouterr().out == f"hnjd-disclosure {version('hnjd-disclosure')}\n"

    def test_check_help_names_text_files(self, capsys: pytest.CaptureFixture[str]) -> None:
        """check --help says the file may be a report's text too."""
        assert run("check", "--help")[0] == 0
        help_text = " ".join(capsys.readouterr().out.split())
        assert ".toml or .json" in help_text
        assert all(suffix in help_text for suffix in (".txt", ".md", ".html", ".docx"))


def test_diff_json_follows_all(tmp_path: Path) -> None:
    """diff --json lists only the changed figures, every figure with --all (it gave the same)."""
    changed = GOOD_TOML.replace("planned = 5300", "planned = 5301")
    path = tmp_path / "r.toml"
    path.write_text(changed, encoding="utf-8")
    import json

    some = json.loads(run("diff", "2022", str(path), "--json")[1])["changes"]
    every = json.loads(run("diff", "2022", str(path), "--json", "--all")[1])["changes"]
    assert {c["path"] for c in some} == {
        "proactive.admissions.planned",
        "proactive.admissions.admission_rate",
    }
    assert len(every) > len(some)
