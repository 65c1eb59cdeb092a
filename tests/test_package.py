"""The package namespace: the main names at once, the other modules on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("module", "name"),
    [("records", "to_dataframe"), ("audit", "audit"), ("compare", "compare"), ("stats", "rate")],
)
def test_modules_are_attributes(module: str, name: str) -> None:
    """hd.records, hd.audit, hd.compare, hd.stats work right after `import hnjd_disclosure`
    (they raised AttributeError), in a fresh interpreter."""
    code = f"import hnjd_disclosure as hd; print(callable(hd.{module}.{name}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout == "True\n", done.stderr


def test_other_names_still_raise() -> None:
    """A name that is neither an attribute nor a module raises AttributeError."""
    import hnjd_disclosure as hd

    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        hd.nothing  # noqa: B018
    assert {"audit", "records"} <= set(dir(hd))
