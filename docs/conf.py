"""Sphinx configuration: MyST pages (guides in Chinese), furo, API reference from docstrings.

The JSON Schema, the field reference, the rate formulas, the command-line reference and the
list of error classes are generated at build time from the code (``_ext/reference.py``), so
the documentation cannot drift from it.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import jieba
from sphinx.application import Sphinx

import hnjd_disclosure
from hnjd_disclosure.schema import json_schema

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "hnjd_disclosure"
author = "hnjd_disclosure developers"
copyright = "hnjd_disclosure developers"
release = version = "0.1.0"
language = "zh_CN"
# The search index splits Chinese text into words with jieba (without it, no Chinese word is
# indexed); its start-up messages are not the build's.
jieba.setLogLevel(logging.WARNING)

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinx.ext.autosummary",
    "sphinx_copybutton",
    "reference",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_generated", "conftest.py"]

# Summary tables only (the API pages list their objects with ``autosummary``, no stub pages).
autosummary_generate = False
autodoc_member_order = "bysource"
# Types in the signature: a separate list of parameters would come after the docstring's
# "Raises" section.
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# The guides are Chinese (language above), the API reference English: locale/ keeps the
# labels autodoc writes on the API pages (Parameters, Raises, Bases, [source]) in English.
locale_dirs = ["locale"]

html_theme = "furo"
html_title = f"hnjd_disclosure {release}"
html_static_path = ["_static"]
# Long lines (output, tables of fields) scroll inside their box instead of running out of it.
html_css_files = ["custom.css"]

# The copy button copies the commands and the Python, not the prompts or the output shown.
copybutton_prompt_text = r"\$ |>>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

_GENERATED = Path(__file__).parent / "_generated"


def _generate(_: Sphinx) -> None:
    schema = json_schema()
    _GENERATED.mkdir(exist_ok=True)
    (_GENERATED / "schema.json").write_text(
        json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "version": hnjd_disclosure.__name__}
