"""extract and check on web pages and Word files, and read_report_text, the edge that reads them."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import docx
import pytest

from hnjd_disclosure.cli import main
from hnjd_disclosure.errors import MissingExtraError, SourceError, TextTooLargeError
from hnjd_disclosure.io import read_report_text

from .conftest import DATA

TEXT = DATA / "hnjd-2022-report.txt"
PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>信息公开</title>
<script>var n = "5300人";</script></head><body><nav>首页 &gt; 信息公开</nav>
<p>计划招生5300人，实际录取5295人，录取率为99.90%。</p></body></html>"""


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def _unplaced(run: tuple[int, str]) -> tuple[int, object]:
    """A command's status and JSON output without offsets (the text file has blank lines)."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if not k.endswith("span")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return run[0], strip(json.loads(run[1]))


def _page(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _docx(tmp_path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path


class TestReadReportText:
    @pytest.mark.parametrize(
        ("charset", "encoding"),
        [("gb2312", "gbk"), ("GBK", "gb18030"), ("utf-8", "utf-8")],
    )
    def test_declared_charset(self, tmp_path: Path, charset: str, encoding: str) -> None:
        """<meta charset> within the first 4096 bytes says how a page is decoded; GB2312
        and GBK pages are read as GB18030 (which also has 〇 and 𠀀)."""
        text = PAGE.format(charset=charset)
        if encoding == "gb18030":
            text = text.replace("信息公开</p>", "信息公开〇𠀀</p>")
        path = _page(tmp_path, "r.html", text.encode(encoding))
        assert read_report_text(path) == "计划招生5300人，实际录取5295人，录取率为99.90%。\n"

    def test_http_equiv(self, tmp_path: Path) -> None:
        head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
        path = _page(tmp_path, "r.htm", (head + "<p>学院</p>").encode("gbk"))
        assert read_report_text(path) == "学院\n"  # (its GBK bytes are UTF-8 too)

    @pytest.mark.parametrize(
        ("data", "text"),
        [
            ("\ufeff<p>学院</p>".encode(), "学院\n"),
            ("\ufeff<p>学院</p>".encode("utf-16-le"), "学院\n"),
            ("\ufeff<p>学院</p>".encode("utf-16-be"), "学院\n"),
            ("<p>学院</p>".encode(), "学院\n"),
            ("<p>招生就业</p>".encode("gbk"), "招生就业\n"),
            ('<meta charset="utf-8"><p>招生就业</p>'.encode("gbk"), "招生就业\n"),
            ('<meta charset="no-such-codec"><p>学院</p>'.encode(), "学院\n"),
            (("<p>" + " " * 5000 + '<meta charset="big5">学院</p>').encode(), "学院\n"),
        ],
        ids=["bom-8", "bom-16le", "bom-16be", "utf-8", "gbk", "wrong-charset", "bad", "late"],
    )
    def test_without_a_usable_declaration(self, tmp_path: Path, data: bytes, text: str) -> None:
        """A BOM comes first; without a declaration (or a wrong one), UTF-8 if the bytes are
        UTF-8, else GB18030; a declaration after the first 4096 bytes is not looked at."""
        assert read_report_text(_page(tmp_path, "r.html", data)) == text

    def test_undecodable_page(self, tmp_path: Path) -> None:
        with pytest.raises(SourceError, match=r"r\.html: not text in utf-8, gb18030"):
            read_report_text(_page(tmp_path, "r.html", b"<p>\xff\xff</p>"))

    def test_word_file(self, tmp_path: Path) -> None:
        assert read_report_text(_docx(tmp_path, "学院", "", "5300人")) == "学院\n5300人\n"

    def test_damaged_word_file_names_the_file(self, tmp_path: Path) -> None:
        path = _page(tmp_path, "r.docx", b"PK\x03\x04garbage")
        with pytest.raises(SourceError, match=r"^.*r\.docx: not a Word document"):
            read_report_text(path)

    def test_other_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(SourceError, match=r"expected a file ending in \.txt, .*\.docx"):
            read_report_text(_page(tmp_path, "r.pdf", b"%PDF"))

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(SourceError, match="cannot read"):
            read_report_text(tmp_path / "none.html")

    def test_too_large(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The readers' limit holds for the text of a page, and bytes beyond four a
        character are not read at all."""
        monkeypatch.setattr("hnjd_disclosure.parse.MAX_CHARS", 10)
        with pytest.raises(TextTooLargeError):
            read_report_text(_page(tmp_path, "r.html", ("<p>" + "一" * 11).encode()))
        with pytest.raises(SourceError, match="file too large: 44 bytes"):
            read_report_text(_page(tmp_path, "r.htm", b"<p>" + b" " * 40 + b"x"))

    def test_without_python_docx(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(MissingExtraError):
            read_report_text(_page(tmp_path, "r.docx", b"PK"))


class TestCommands:
    @pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
    def test_extract_and_check_a_page(self, tmp_path: Path, suffix: str) -> None:
        path = _page(tmp_path, "r" + suffix, PAGE.format(charset="gb2312").encode("gbk"))
        status, out = _run("extract", str(path))
        assert status == 0
        assert "99.90%" in out
        assert "5300人" in out
        status, out = _run("check", str(path), "--json")
        assert status == 0
        assert [f["rule"] for f in json.loads(out)["findings"]] == ["rate-matches-counts"]

    def test_the_published_report_as_a_word_file(self, tmp_path: Path) -> None:
        """The 2022 text, one paragraph per line, gives the same figures and findings."""
        lines = [ln for ln in TEXT.read_text(encoding="utf-8").splitlines() if ln.strip()]
        path = _docx(tmp_path, *lines)
        assert _unplaced(_run("extract", str(path), "--json")) == _unplaced(
            _run("extract", str(TEXT), "--json")
        )
        assert _unplaced(_run("check", str(path), "--json")) == _unplaced(
            _run("check", str(TEXT), "--json")
        )

    @pytest.mark.parametrize("command", ["extract", "check"])
    @pytest.mark.parametrize(
        ("name", "data", "message"),
        [
            ("r.docx", b"not a zip", "r.docx: not a Word document (.docx)"),
            ("r.html", b"\xff\xfe\xff\xdb", "r.html: not text in utf-16-le"),
        ],
        ids=["docx", "html"],
    )
    def test_bad_file_is_one_line(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        command: str,
        name: str,
        data: bytes,
        message: str,
    ) -> None:
        path = _page(tmp_path, name, data)
        assert _run(command, str(path))[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert message in err
        assert "Traceback" not in err

    def test_docx_without_the_extra(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = _docx(tmp_path, "5300人")
        monkeypatch.setitem(sys.modules, "docx", None)
        assert _run("extract", str(path))[0] == 2
        err = capsys.readouterr().err
        assert err == (
            f"hnjd-disclosure: {path}: this needs python-docx: "
            'pip install "hnjd-disclosure[docx]"\n'
        )

    @pytest.mark.parametrize("command", ["extract", "check"])
    def test_help_names_the_formats(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert ".html" in out
        assert ".docx" in out
