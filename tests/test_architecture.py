"""The domain core never imports Textual; only workshop/tui does; the wings keep their layers (the import contracts)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "workshop"


def core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "tui" not in p.relative_to(PACKAGE).parts]


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                names.add(node.module)
            elif node.level and node.module:
                names.add("." * node.level + node.module)
    return names


def test_no_core_module_names_textual_or_the_tui():
    offenders = {}
    for path in core_modules():
        if path.relative_to(PACKAGE).as_posix() in ("cli/run.py", "cli/warm.py"):
            # The CLI opens the app for `workshop run`, late, inside that one command; the warm parent of
            # `workshop serve` imports it once, before forking each browser's `workshop run` from itself.
            continue
        bad = {n for n in imported_names(path) if n.split(".")[0] == "textual" or "tui" in n.split(".")}
        if bad:
            offenders[str(path.relative_to(PACKAGE))] = sorted(bad)
    assert offenders == {}


def test_importing_the_whole_core_loads_no_textual():
    modules = [
        "workshop." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in core_modules()
        if p.name not in ("__main__.py",)
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert len(modules) > 10


def test_the_import_contracts_hold():
    """lint-imports (pyproject.toml's [tool.importlinter]): no Textual in the core, and the wings keep their layers."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), f"{lint_imports} is missing: install the test extra (pip install -e '.[test]')"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=PACKAGE.parent, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
