"""The analysis notebook in examples/ runs from top to bottom without error."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parent.parent / "examples" / "analysis.ipynb"


# Jupyter's own libraries warn about their configuration paths; not this project's concern.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_analysis_notebook_runs() -> None:
    """Every cell runs; the rates table has the 2022 and 2023 columns and the change."""
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    where = {"metadata": {"path": str(NOTEBOOK.parent)}}
    NotebookClient(nb, timeout=120, resources=where).execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = "".join(out.get("data", {}).get("text/html", "") for out in outputs)
    assert "变化（百分点）" in html
    assert "99.83%" in html
    assert any("image/png" in out.get("data", {}) for out in outputs)
