"""What a command imports: ``hnjd-disclosure render --year 2022`` runs at every start of the
command line and must not load the modules only other commands use (each was milliseconds of
every start). Checked in a fresh interpreter, against what it had loaded before."""

from __future__ import annotations

import subprocess
import sys

import pytest

#: Modules the text of a built-in report needs none of.
NOT_FOR_RENDER = (
    "pathlib",  # with urllib.parse and ipaddress: the built-in data is joined with os.path
    "tomllib",  # the built-in reports are read from their JSON
    "importlib.resources",
    "cattrs",  # valid data takes the fast path
    "babel",
    "tqdm",
    "hnjd_disclosure.parse",
    "hnjd_disclosure.survey",
    "hnjd_disclosure.audit",
    "hnjd_disclosure.draft",
    "hnjd_disclosure.records",
    "hnjd_disclosure.stats",
    "hnjd_disclosure.compare",
    "hnjd_disclosure.schema",
    "hnjd_disclosure.render.html",
    "hnjd_disclosure.render.markdown",
    "hnjd_disclosure.render.docx",
)

_SCRIPT = """\
import io, sys
before = set(sys.modules)
from hnjd_disclosure.cli import main
status = main({argv!r}, io.StringIO())
print(status, *sorted(set(sys.modules) - before))
"""


def _imported(argv: list[str]) -> tuple[str, set[str]]:
    """The exit status of ``main(argv)`` in a fresh interpreter, and the modules it imported."""
    script = _SCRIPT.format(argv=argv)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    status, *modules = done.stdout.split()
    return status, set(modules)


@pytest.mark.parametrize(
    "argv", [["render", "--year", "2022"], ["render", "--year", "2022", "--as-published"]]
)
def test_render_imports_only_what_it_needs(argv: list[str]) -> None:
    status, imported = _imported(argv)
    assert status == "0"
    assert "hnjd_disclosure.render.text" in imported  # the check itself sees the imports
    unwanted = {m for m in imported if any(m == n or m.startswith(f"{n}.") for n in NOT_FOR_RENDER)}
    assert not unwanted
