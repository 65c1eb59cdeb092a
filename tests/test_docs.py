"""The documentation's examples: every command and every Python example of docs/*.md is run.

Each page runs in its own temporary directory (holding a copy of ``examples/``), its blocks
in order, so that a page can create a file with one command and read it in the next block.
``console`` blocks are shell sessions (``$`` starts a command, ``>`` continues it, the lines
after it are its expected output); ``pycon``/``python`` blocks with ``>>>`` are doctests
sharing one namespace per page. Expected output may elide with ``...`` and wrap lines
(doctest's ELLIPSIS and NORMALIZE_WHITESPACE). A command exits 0, unless its output ends with
a line ``（退出状态 N）``: then it must exit N (this works the same in every shell, where
``|| echo $?`` is bash's only).
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
EXAMPLES = DOCS.parent / "examples"
PAGES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
EXIT_STATUS = re.compile(r"^（退出状态 (\d+)）\n\Z", re.MULTILINE)


def blocks(page: Path) -> Iterator[tuple[str, str, int]]:
    """The runnable blocks of a page: (language, text, line number of the fence)."""
    text = page.read_text(encoding="utf-8")
    for match in FENCE.finditer(text):
        lang, body = match.group(1), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if lang == "console" or (lang in ("pycon", "python") and ">>>" in body):
            yield lang, body, line


def commands(body: str) -> Iterator[tuple[str, str]]:
    """The (command, expected output) pairs of a console block."""
    command: list[str] = []
    output: list[str] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            if command:
                yield "\n".join(command), "".join(output)
            command, output = [line[2:]], []
        elif line.startswith("> ") and command and not output:
            command.append(line[2:])
        else:
            output.append(line + "\n")
    if command:
        yield "\n".join(command), "".join(output)


def run_console(body: str, cwd: Path, where: str) -> None:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    checker = doctest.OutputChecker()
    for command, expected in commands(body):
        done = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {command}"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        got = done.stdout
        status = EXIT_STATUS.search(expected)
        if status is not None:
            expected = expected[: status.start()]
        want = int(status.group(1)) if status else 0
        assert done.returncode == want, f"{where}: `{command}` exited {done.returncode}:\n{got}"
        if not checker.check_output(expected, got, OPTIONS):
            diff = checker.output_difference(doctest.Example(command, expected), got, OPTIONS)
            pytest.fail(f"{where}: `{command}`\n{diff}")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command and doctest of the page runs and prints what the page shows."""
    # Pages run the examples as a user would, from the root of a clone.
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    globs: dict[str, object] = {"__name__": page.stem}
    for lang, body, line in blocks(page):
        where = f"{page.name}:{line}"
        if lang == "console":
            run_console(body, tmp_path, where)
            continue
        test = parser.get_doctest(body, globs, where, str(page), line)
        report: list[str] = []
        result = runner.run(test, out=report.append, clear_globs=False)
        assert result.failed == 0, "".join(report)
        globs = test.globs  # DocTest copies the namespace it is given


def _checklist_examples() -> Iterator[tuple[str, str]]:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group(1) == "toml" and "[[checklist.entries]]" in match.group(2):
                yield f"{page.name}:{text.count(chr(10), 0, match.start()) + 1}", match.group(2)


CHECKLIST_EXAMPLES = dict(_checklist_examples())


@pytest.mark.parametrize("where", CHECKLIST_EXAMPLES)
def test_checklist_example_pastes_into_a_draft(where: str) -> None:
    """A ``[[checklist.entries]]`` example of the docs, pasted at the end of a draft, loads.

    An excerpt of a draft (a status still 待填写) is refused as a draft, for those items only.
    """
    import tomllib

    from hnjd_disclosure import builtin_report, loads_toml
    from hnjd_disclosure.draft import PLACEHOLDER, decide, draft_from, dumps_draft_toml, fill_in
    from hnjd_disclosure.errors import MissingFiguresError

    example = CHECKLIST_EXAMPLES[where]
    items = {entry["item"] for entry in tomllib.loads(example)["checklist"]["entries"]}
    figures = tomllib.loads((EXAMPLES / "figures-2023.toml").read_text(encoding="utf-8"))
    data = fill_in(draft_from(builtin_report(2022), 2023), figures)
    data["checklist"]["entries"] = [
        e for e in data["checklist"]["entries"] if e["item"] not in items
    ]
    data = decide(data, {}, rest={"status": "not_stated"})
    text = dumps_draft_toml(data) + "\n" + example
    if PLACEHOLDER in example:
        with pytest.raises(MissingFiguresError) as info:
            loads_toml(text, source=where)
        assert (info.value.paths, set(info.value.undecided)) == ((), items)
        return
    report = loads_toml(text, source=where)
    assert report.checklist is not None
    assert {e.item for e in report.checklist.entries} >= items


def test_checklist_examples_found() -> None:
    assert any(where.startswith("data-format.md") for where in CHECKLIST_EXAMPLES)
    assert any(where.startswith("next-year.md") for where in CHECKLIST_EXAMPLES)


class TestErrorsPage:
    """docs/errors.md explains every error class and only messages the code can give."""

    PAGE = (DOCS / "errors.md").read_text(encoding="utf-8")
    SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS.parent / "src").rglob("*.py"))

    def test_every_error_class_has_a_section(self) -> None:
        """Each exception of errors.__all__ has its section (meaning and remedy)."""
        import inspect

        from hnjd_disclosure import errors

        classes = [
            name
            for name in errors.__all__
            if inspect.isclass(getattr(errors, name))
            and issubclass(getattr(errors, name), Exception)
        ]
        missing = [name for name in classes if f"(error-{name.lower()})=" not in self.PAGE]
        assert missing == []

    #: Messages of the standard library's readers that the library passes on.
    PASSED_ON = frozenset({"Cannot mutate immutable namespace"})

    def test_messages_are_the_codes(self) -> None:
        """Each message in the first column of a table is in the source (… for a value)."""
        rows = re.findall(r"^\| (`[^|]*`(?: / `[^|]*`)?) \|", self.PAGE, re.MULTILINE)
        assert len(rows) > 20
        for row in rows:
            for message in re.findall(r"`([^`]+)`", row):
                for piece in re.split(r"…|: ", message):
                    piece = piece.strip(" :()")
                    if len(piece) > 3 and piece not in self.PASSED_ON:
                        assert piece in self.SOURCE, f"{piece!r} (from {message!r}) is not in src/"


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_QUOTED = re.compile(rf'“|”|"[^"`\n]*[{_CJK}][^"`\n]*"')
_BROKEN = re.compile(rf"[{_CJK}]\n[ \t]*[{_CJK}]")
# texts.md is being extended on another branch: only its quotation marks and terms are kept here.
_REWRAPPED = [p for p in PAGES if p.name != "texts.md"]


def _prose(page: Path) -> str:
    """The page without its code blocks and inline code."""
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_one_kind_of_quotation_mark(page: Path) -> None:
    """Chinese prose quotes with 「」, not with "" or “”."""
    assert _QUOTED.findall(_prose(page)) == []


@pytest.mark.parametrize("page", _REWRAPPED, ids=[p.name for p in _REWRAPPED])
def test_no_line_break_inside_chinese_text(page: Path) -> None:
    """A line break between two Chinese characters shows as a stray space on the page."""
    assert [m.group() for m in _BROKEN.finditer(_prose(page))] == []


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_one_term_per_idea(page: Path) -> None:
    """The figure recomputed from the counts is 计算值 (the code's ``computed``), never 真实值."""
    assert "真实值" not in page.read_text(encoding="utf-8")
