"""The documentation's examples: every command and every Python example of docs/*.md is run.

Each page runs in its own temporary directory (holding a copy of ``examples/``), its blocks
in order, so that a page can create a file with one command and read it in the next block.
``console`` blocks are shell sessions (``$`` starts a command, ``>`` continues it, the lines
after it are its expected output); ``pycon``/``python`` blocks with ``>>>`` are doctests
sharing one namespace per page. Expected output may elide with ``...`` and wrap lines
(doctest's ELLIPSIS and NORMALIZE_WHITESPACE).
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
        assert done.returncode == 0, f"{where}: `{command}` exited {done.returncode}:\n{got}"
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
