"""The app's styles live in .tcss files, where Textual users look for them: none in Python strings.

tui/app.tcss holds the app's and its modes' first screens'; every other screen has its own beside it (CSS_PATH).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

import workshop.tui
from workshop.tui.components import round_clock
from workshop.tui.screens import board

PACKAGE = Path(__file__).parents[1] / "workshop"
STYLESHEET = PACKAGE / "tui" / "app.tcss"
CSS_NAMES = re.compile(r"(^|_)CSS(_PATH)?$")
CSS_RULE = re.compile(r"[\w#.&>-]\s*\{[^{}]*\b[a-z-]+\s*:\s*[^;{}]+;")
"""A selector, then a brace and a declaration (``Foo { height: 1; }``): what a stylesheet holds."""


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_python_file_holds_css():
    found: list[str] = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(PACKAGE.parent)
        for node in ast.walk(tree):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for target in targets:
                if isinstance(target, ast.Name) and CSS_NAMES.search(target.id) and target.id != "CSS_PATH":
                    found.append(f"{where}:{node.lineno}: {target.id} = ...")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CSS_RULE.search(node.value):
                found.append(f"{where}:{node.lineno}: a string with a CSS rule")
    assert found == [], "styles belong in a .tcss file (tui/app.tcss, or the screen's own):\n" + "\n".join(found)


def stylesheets() -> list[Path]:
    return sorted(PACKAGE.rglob("*.tcss"))


def test_each_stylesheet_is_loaded_by_a_screen_or_the_app_and_ships_with_the_package():
    """app.tcss at the start; each other one when its screens are first shown (their CSS_PATH)."""
    loaded = {STYLESHEET}
    for module in pkgutil.walk_packages(workshop.tui.__path__, "workshop.tui."):
        importlib.import_module(module.name)
    for cls in all_subclasses(DOMNode):
        path = cls.__dict__.get("CSS_PATH")
        if cls.__module__.startswith("workshop.") and isinstance(path, str):
            loaded.add((Path(inspect.getfile(cls)).parent / path).resolve())
    assert set(stylesheets()) == loaded
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"tui/*.tcss", "tui/*/*.tcss"' in pyproject  # [tool.setuptools.package-data]


def test_the_stylesheets_parse():
    for path in stylesheets():
        sheet = Stylesheet(variables=App[None]().get_css_variables())  # the theme's $accent, $panel, ...
        sheet.read(path)
        sheet.parse()
        assert sheet.rules, path


def all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= all_subclasses(sub)
    return found


def widget_and_screen_names() -> set[str]:
    """Every Textual type name a rule may start with: the app's own widgets and screens, and Textual's."""
    for module in pkgutil.walk_packages(workshop.tui.__path__, "workshop.tui."):
        importlib.import_module(module.name)
    return {cls.__name__ for cls in all_subclasses(DOMNode)} | {"DOMNode"}


def test_every_rule_names_a_widget_or_screen_that_exists():
    """A rule left behind by a renamed or removed widget is found here, not by a user."""
    for path in stylesheets():
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        named = set(re.findall(r"(?:^|[\s,>])([A-Z]\w*)(?=[\s.#:>{,])", text, flags=re.M))
        assert named - widget_and_screen_names() == set(), path.name


def test_the_clocks_colours_agree_with_the_rich_text_drawn_in_python():
    """The clock's colours are used in the stylesheets and in Rich text alike: one value each."""
    python = {
        "clock-warning": round_clock.WARNING_COLOUR,
        "clock-critical": round_clock.CRITICAL_COLOUR,
        "clock-overtime": round_clock.OVERTIME_BACKGROUND,
        "board-accent": board.ACCENT,
    }
    defined = 0
    for path in stylesheets():
        variables = dict(re.findall(r"^\$([\w-]+):\s*([^;]+);", path.read_text(encoding="utf-8"), flags=re.M))
        for name, value in variables.items():
            assert python[name] == value, f"{path.name}: ${name}"
            defined += 1
    assert defined >= len(python)
