"""Imports run one way: base -> inputs -> model -> checks -> report -> api -> cli, with no circles.

Every ``import econ...`` of every module is read from its source (those inside functions and
``TYPE_CHECKING`` blocks included), so a layer that reaches up, even lazily, is caught.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "econ"
# lowest first; a module may import its own layer and those below it
LAYERS = ("base", "inputs", "model", "checks", "report", "api", "cli")
BASE_MODULES = {"errors", "i18n", "units", "interrupts", "numbers", "collector"}
API_MODULES = {"api", "notebook"}


def layer_of(module: str) -> str:
    """The layer of a module named ``econ.a.b``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "api"  # econ/__init__.py re-exports the notebook API
    head = parts[1]
    if head in LAYERS[1:] and head not in API_MODULES:
        return head
    if head in API_MODULES:
        return "api"
    if head in BASE_MODULES:
        return "base"
    raise AssertionError(f"{module}: a module outside the layers {LAYERS}; add it to one in tests/test_layers.py")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every ``econ`` import in the file at ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "econ"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] == "econ":
            if node.module == "econ":  # from econ import i18n, units (a module), __version__ (a constant)
                found += [(node.lineno, f"econ.{alias.name}") for alias in node.names if alias.name != "__version__"]
            else:
                found.append((node.lineno, node.module))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    assert {layer_of(module_name(path)) for path in SOURCES} == set(LAYERS)


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE.parent)))
def test_imports_run_one_way(path: Path) -> None:
    importer = module_name(path)
    rank = LAYERS.index(layer_of(importer))
    upward = [f"line {line}: {module} ({layer_of(module)})" for line, module in imported_modules(path)
              if LAYERS.index(layer_of(module)) > rank]
    assert upward == [], f"{importer} ({layer_of(importer)}) imports a higher layer: {'; '.join(upward)}"
