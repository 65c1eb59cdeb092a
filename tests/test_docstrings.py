"""Every public function, class, method and property has a docstring with an example.

The public API is what the public modules (no ``_`` in the dotted name) list in ``__all__``,
and the public methods and properties of those classes that the library defines (on the class
or on a private base class; not those inherited from ``str``, ``Enum``...). The examples are run
by pytest's ``--doctest-modules``; this test only checks that each one has one.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from types import ModuleType

import hnjd_disclosure

# Public names that need no example of their own, each with the reason. Keep this short: an
# example is the rule. Empty for now; an entry looks like
#     "hnjd_disclosure.module.name": "why an example would show nothing useful",
ALLOWED: dict[str, str] = {}


def _public_modules() -> Iterator[ModuleType]:
    yield hnjd_disclosure
    for info in pkgutil.walk_packages(hnjd_disclosure.__path__, "hnjd_disclosure."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


def _ours(obj: object) -> bool:
    module = str(getattr(obj, "__module__", ""))
    return module == "hnjd_disclosure" or module.startswith("hnjd_disclosure.")


def _members(cls: type) -> Iterator[tuple[type, str, object]]:
    """The public methods and properties of ``cls`` that this library defines.

    Each comes with the class that defines it, which may be a private base class.
    """
    for name in dir(cls):
        if name.startswith("_"):
            continue
        owner = next((base for base in cls.__mro__ if name in vars(base)), None)
        if owner is None or not _ours(owner):
            continue  # inherited from the standard library (str, Enum, Exception, tuple)
        attr = vars(owner)[name]
        if isinstance(attr, (classmethod, staticmethod)):
            yield owner, name, attr.__func__
        elif isinstance(attr, (property, functools.cached_property)) or inspect.isfunction(attr):
            yield owner, name, attr


def _public_api() -> dict[str, object]:
    """Every public function, class, method and property, by qualified name."""
    api: dict[str, object] = {}
    for module in _public_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(inspect.unwrap(obj))):
                continue  # constants are documented where they are defined
            if not _ours(obj):
                continue
            # Re-exported names are checked once, under the module that defines them.
            qualified = f"{obj.__module__}.{obj.__qualname__}"
            api[qualified] = obj
            if inspect.isclass(obj):
                for owner, member, attr in _members(obj):
                    api[f"{owner.__module__}.{owner.__qualname__}.{member}"] = attr
    return api


def _has_example(obj: object) -> bool:
    # Its own docstring: inspect.getdoc would take an overridden method's from the base class.
    return ">>>" in (getattr(obj, "__doc__", None) or "")


def test_every_public_module_lists_its_names() -> None:
    # A public module without __all__ would escape the check below.
    assert [m.__name__ for m in _public_modules() if not hasattr(m, "__all__")] == []


def test_public_api_is_found() -> None:
    api = _public_api()
    assert "hnjd_disclosure.io.builtin_report" in api
    assert "hnjd_disclosure.compare.Comparison.to_text" in api
    assert "hnjd_disclosure.render.docx.render_docx" in api


def test_every_public_object_has_an_example() -> None:
    api = _public_api()
    missing = sorted(
        name for name, obj in api.items() if name not in ALLOWED and not _has_example(obj)
    )
    assert missing == [], "no '>>>' example in the docstring of:\n" + "\n".join(missing)


def test_allowed_names_exist_and_lack_examples() -> None:
    # An entry that is no longer needed is removed, so the list stays the exceptions only.
    api = _public_api()
    for name in ALLOWED:
        assert name in api, f"{name} is allowed but not public"
        assert not _has_example(api[name]), f"{name} has an example now: remove it from ALLOWED"
