"""The built documentation: the search index finds Chinese words, the scripts it needs exist.

``sphinx-build -W`` does not notice a search that never finishes (Sphinx 9.0 wrote a
``language_data.js`` calling a ``ChineseStemmer`` it did not define) nor an index without
Chinese words (without jieba): these tests read the built site. The docs are built once for
the module (about 15 seconds).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build = ["-W", "--keep-going", "-q", "-b", "html", "-d", str(out / "doctrees")]
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", *build, str(DOCS), str(out / "html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out / "html"


def _search_index(site: Path) -> dict[str, object]:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index: dict[str, object] = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return index


class TestSearch:
    @pytest.mark.parametrize("term", ["录取率", "报到率", "清单", "草稿"])
    def test_finds_chinese_terms(self, site: Path, term: str) -> None:
        """A Chinese term is in the index, with the guide pages that use it."""
        index = _search_index(site)
        terms = index["terms"]
        assert isinstance(terms, dict)
        assert term in terms, f"{term} is not in the search index"
        pages = terms[term] if isinstance(terms[term], list) else [terms[term]]
        docnames = index["docnames"]
        assert isinstance(docnames, list)
        assert len(pages) >= 2, [docnames[i] for i in pages]

    def test_finds_the_admission_rate_on_the_audit_page(self, site: Path) -> None:
        """录取率 leads to the audit guide, which explains it."""
        index = _search_index(site)
        terms, docnames = index["terms"], index["docnames"]
        assert isinstance(terms, dict)
        assert isinstance(docnames, list)
        assert "audit" in {docnames[i] for i in terms["录取率"]}

    def test_language_data_defines_what_it_uses(self, site: Path) -> None:
        """Every ``*Stemmer`` that language_data.js refers to is defined in it."""
        script = (site / "_static" / "language_data.js").read_text(encoding="utf-8")
        used = set(re.findall(r"\b(\w*Stemmer)\b", script))
        defined = set(re.findall(r"\b(?:var|let|const|class|function)\s+(\w*Stemmer)\b", script))
        assert used <= defined, f"used but not defined: {sorted(used - defined)}"
