"""The app's styles live in workshop/tui/app.tcss, where Textual users look for them: none in Python strings."""

from __future__ import annotations

import ast
import importlib
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
    assert found == [], "styles belong in workshop/tui/app.tcss:\n" + "\n".join(found)


def test_the_only_stylesheet_is_the_apps_and_it_ships_with_the_package():
    assert sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.tcss")) == ["tui/app.tcss"]
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"tui/*.tcss"' in pyproject  # [tool.setuptools.package-data]


def test_the_stylesheet_parses():
    sheet = Stylesheet(variables=App[None]().get_css_variables())  # the theme's $accent, $panel, ...
    sheet.read(STYLESHEET)
    sheet.parse()
    assert len(sheet.rules) > 100


def widget_and_screen_names() -> set[str]:
    """Every Textual type name a rule may start with: the app's own widgets and screens, and Textual's."""
    for module in pkgutil.walk_packages(workshop.tui.__path__, "workshop.tui."):
        importlib.import_module(module.name)
    names: set[str] = set()
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def test_every_rule_names_a_widget_or_screen_that_exists():
    """A rule left behind by a renamed or removed widget is found here, not by a user."""
    text = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.S)
    named = set(re.findall(r"(?:^|[\s,>])([A-Z]\w*)(?=[\s.#:>{,])", text, flags=re.M))
    assert named - widget_and_screen_names() == set()


def test_the_clocks_colours_agree_with_the_rich_text_drawn_in_python():
    """The clock's colours are used in the stylesheet and in Rich text alike: one value each."""
    variables = dict(re.findall(r"^\$([\w-]+):\s*([^;]+);", STYLESHEET.read_text(encoding="utf-8"), flags=re.M))
    assert variables["clock-warning"] == round_clock.WARNING_COLOUR
    assert variables["clock-critical"] == round_clock.CRITICAL_COLOUR
    assert variables["clock-overtime"] == round_clock.OVERTIME_BACKGROUND
    assert variables["board-accent"] == board.ACCENT
