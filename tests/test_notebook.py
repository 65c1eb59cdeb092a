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
def test_analysis_notebook_runs() -> None:
    """Every cell runs: the tables, the audit of each report, and a chart."""
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    where = {"metadata": {"path": str(NOTEBOOK.parent)}}
    NotebookClient(nb, timeout=120, resources=where).execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = "".join(out.get("data", {}).get("text/html", "") for out in outputs)
    assert "变化（百分点）" in html
    plain = [out.get("data", {}).get("text/plain", "") for out in outputs]
    counts = next(ast.literal_eval(text) for text in plain if text.startswith("{"))
    published = len(audit(builtin_report(2022)))
    assert list(counts.values()) == [published, 0, 0]
    assert any("image/png" in out.get("data", {}) for out in outputs)
