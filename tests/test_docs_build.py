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


def _text(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


class TestReference:
    def test_every_field_with_its_chinese_name(self, site: Path) -> None:
        """The field reference lists every field of every object, with its label."""
        import typing

        import attrs

        from hnjd_disclosure.model import AnnualReport
        from hnjd_disclosure.model._fields import LABEL

        page = _text(site, "fields.html")
        todo: list[type] = [AnnualReport]
        seen: set[type] = set()
        while todo:
            cl = todo.pop()
            seen.add(cl)
            assert f"fields-{cl.__name__.lower()}" in page
            hints = typing.get_type_hints(cl)
            for a in attrs.fields(cl):
                assert (
                    f'<code class="docutils literal notranslate"><span class="pre">{a.name}' in page
                )
                assert a.metadata.get(LABEL), f"{cl.__name__}.{a.name} has no Chinese name"
                assert a.metadata[LABEL] in page
                for tp in (hints[a.name], *typing.get_args(hints[a.name])):
                    ours = attrs.has(tp) and tp.__module__.startswith("hnjd_disclosure.model")
                    if ours and tp not in seen:
                        todo.append(tp)
        assert len(seen) > 20

    def test_every_field_described(self, site: Path) -> None:
        """Each row of the generated field tables has a type, a default and a description."""
        rows = [
            line.split(" | ")
            for line in (DOCS / "_generated" / "fields.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")
        ]
        assert len(rows) > 120
        assert [
            r[0] for r in rows if not (r[2].strip() and r[4].strip() and r[5].strip(" |"))
        ] == []

    def test_the_50_checklist_items(self, site: Path) -> None:
        """The checklist page lists every item with what it does not apply to."""
        from hnjd_disclosure.checklist import checklist_2014

        page = _text(site, "checklist.html")
        assert all(item.text in page for item in checklist_2014().items)
        assert "高职院校：高职院校不招收研究生，无研究生招生信息" in page

    def test_report_order(self, site: Path) -> None:
        """Objects come in the order of the report, not alphabetically."""
        page = _text(site, "fields.html")
        order = ["annualreport", "overview", "proactivedisclosure", "requestdisclosure"]
        positions = [page.index(f'id="fields-{name}"') for name in order]
        assert positions == sorted(positions)

    def test_rates_with_their_wholes(self, site: Path) -> None:
        """The audit page gives each rate's formula: 省内就业占比 is a share of the placed."""
        page = _text(site, "audit.html")
        assert "省内就业 ÷ 毕业去向落实人数" in page
        assert "实际录取 ÷ 计划招生" in page

    @pytest.mark.parametrize(
        "option", ["--as-published", "--to", "--json", "--institution", "--kind", "--strict"]
    )
    def test_cli_options(self, site: Path, option: str) -> None:
        """Every option of the parser is in the CLI reference."""
        assert f'<span class="pre">{option}' in _text(site, "cli.html")

    def test_every_command(self, site: Path) -> None:
        """Every sub-command has its section."""
        from hnjd_disclosure.cli import _COMMANDS

        page = _text(site, "cli.html")
        assert all(f'id="cli-{name}"' in page for name in _COMMANDS)

    def test_copy_button_leaves_out_prompts(self, site: Path) -> None:
        """sphinx-copybutton is on, configured to strip ``$ `` and ``>>> ``."""
        script = _text(site, "_static/copybutton.js")
        options = _text(site, "_static/copybutton_funcs.js") + script
        assert "copybutton" in _text(site, "index.html")
        assert ">>> " in options
        assert "\\\\$ " in options or "\\$ " in options


class TestApi:
    @pytest.mark.parametrize("module", ["io", "draft", "audit", "model", "errors"])
    def test_one_page_per_module_with_a_summary_table(self, site: Path, module: str) -> None:
        """Each API page opens with a table of what its module exports."""
        page = _text(site, f"api/{module}.html")
        assert 'class="autosummary' in page

    def test_labels_in_english(self, site: Path) -> None:
        """The English API pages say Raises and [source], not Sphinx's Chinese labels."""
        page = _text(site, "api/io.html")
        assert "Raises" in page
        assert "[source]" in page
        assert "抛出" not in page
        assert "源代码" not in page
