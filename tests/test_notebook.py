"""The analysis notebook in examples/ runs from top to bottom without error."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from hnjd_disclosure import builtin_report
from hnjd_disclosure.audit import audit

NOTEBOOK = Path(__file__).parent.parent / "examples" / "analysis.ipynb"


# Jupyter's own libraries warn about their configuration paths; not this project's concern.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("folder", ["examples", "elsewhere"])
def test_analysis_notebook_runs(tmp_path: Path, folder: str) -> None:
    """Every cell runs, from its folder or any other: the tables, the audit of each report,
    and a chart, with no warning (no missing glyph where no Chinese font is installed)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    cwd = NOTEBOOK.parent if folder == "examples" else tmp_path
    where = {"metadata": {"path": str(cwd)}}
    NotebookClient(nb, timeout=120, resources=where).execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    assert not [out.text for out in outputs if out.get("name") == "stderr"]
    html = "".join(out.get("data", {}).get("text/html", "") for out in outputs)
    assert "变化（百分点）" in html
    plain = [out.get("data", {}).get("text/plain", "") for out in outputs]
    counts = next(ast.literal_eval(text) for text in plain if text.startswith("{"))
    published = len(audit(builtin_report(2022)))
    assert list(counts.values()) == [published, 0, 0]
    assert any("image/png" in out.get("data", {}) for out in outputs)
