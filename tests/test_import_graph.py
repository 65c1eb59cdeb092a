"""The package's import graph, lazy imports (inside functions) included: no cycle, and no
module imports another module's private names (``from .quantities import _show``)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import hnjd_disclosure

PACKAGE = Path(hnjd_disclosure.__file__).parent
NAME = "hnjd_disclosure"


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        dotted = ".".join((NAME, *path.relative_to(PACKAGE).with_suffix("").parts))
        found[dotted.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _known(name: str) -> str | None:
    """The module that ``name`` is or is in (``pkg.mod.attr`` is in ``pkg.mod``)."""
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name if name in MODULES else None


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    base = parts if MODULES[module].name == "__init__.py" else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(module: str) -> Iterator[tuple[str, str | None]]:
    """``(module imported, name imported from it)`` for every import of ``module``, at any depth
    of the syntax tree (``if TYPE_CHECKING:`` and function bodies included)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _known(alias.name)
                if target is not None:
                    yield target, None
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            if not source.startswith(NAME):
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in MODULES:
                    yield submodule, None
                elif (target := _known(source)) is not None:
                    yield target, alias.name


GRAPH = {m: {t for t, _ in _imports(m) if t != m} for m in MODULES}


def _cycle_from(start: str) -> list[str] | None:
    """A path of imports from ``start`` back to ``start``, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for target in sorted(GRAPH[module]):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_the_graph_is_read() -> None:
    """The walk finds the modules and their imports, lazy ones included."""
    assert f"{NAME}.audit" in MODULES
    assert f"{NAME}.model" in GRAPH[f"{NAME}.audit"]
    assert f"{NAME}.records" in GRAPH[NAME]  # imported inside a function of the package


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_cycle(module: str) -> None:
    """No module imports itself back through others, even inside a function."""
    cycle = _cycle_from(module)
    assert cycle is None, " -> ".join(cycle or ())


def test_no_private_name_imported() -> None:
    """A name a module imports from another module of the package is public there."""
    private = [
        f"{module} imports {name} from {target}"
        for module in MODULES
        for target, name in _imports(module)
        if name is not None
        and name.startswith("_")
        and not name.startswith("__")
        and target != module
    ]
    assert private == []
