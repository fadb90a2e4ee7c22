"""Textual's internals are used in one module only, and they still are what that module expects.

``workshop/tui/textual_compat.py`` is the only place that touches a private Textual name. A
Textual upgrade that renames or reshapes one of them fails here, by name, instead of somewhere
in a screen; and a new private access anywhere else fails the scan at the bottom.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
import textual
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, TextArea
from textual.widgets.data_table import DuplicateKey, RowKey
from waiting import until

import workshop
from workshop.tui import textual_compat
from workshop.tui.components.touch_bar import TouchButton
from workshop.tui.textual_compat import (
    CrashKeepingApp,
    FixedWidthDataTable,
    FooterKey,
    add_binding,
    bindings_for_key,
    deliver_key,
    footer_ready,
    forward_event,
    node_bindings,
    notifications,
    parse_css_once,
    replace_bindings,
    say_no_matches,
    screen_stacks,
    translated_bindings,
    watch_frames,
)

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "workshop"
COMPAT = PACKAGE / "tui" / "textual_compat.py"
TEXTUAL = Path(textual.__file__).parent

MOVED = frozenset(
    {
        "_bindings",
        "_add_binding",
        "_forward_event",
        "_on_key",
        "_update_dimensions",
        "_row_locations",
        "_data",
        "_new_rows",
        "_require_update_dimensions",
        "_update_count",
        "_highlight_cursor",
        "_total_row_height",
        "_bindings_ready",
        "_notifications",
        "_driver",
        "_display",
        "_screen_stacks",
        "_NO_MATCHES",
    }
)
"""The private names the app used in other modules before they moved into textual_compat."""


def parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


# The pin --------------------------------------------------------------------------------------


def test_textual_is_the_version_the_compat_module_and_pyproject_name():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [d for d in project["dependencies"] if re.match(r"textual\s*==", d)]
    assert pins == [f"textual=={textual_compat.TEXTUAL_VERSION}"]
    assert textual.__version__ == textual_compat.TEXTUAL_VERSION


# Each private name, with the shape the compat module relies on --------------------------------


def test_a_node_keeps_its_own_bindings_in_a_bindings_map():
    class Keyed(Widget):
        BINDINGS = [Binding("x", "go", "Go", id="test.go")]

    node = Keyed()
    assert isinstance(node._bindings, BindingsMap)
    assert [b.id for _, b in node._bindings] == ["test.go"]
    assert parameters(BindingsMap._add_binding) == ["self", "binding"]
    assert isinstance(node._bindings.key_to_bindings, dict)


def test_widgets_forward_events_and_handle_keys_as_expected():
    assert parameters(Widget._forward_event) == ["self", "event"]
    assert inspect.iscoroutinefunction(TextArea._on_key)
    assert inspect.iscoroutinefunction(Input._on_key)


def test_the_app_keeps_its_driver_notifications_and_display():
    app = App[None]()
    assert app._driver is None
    assert len(app._notifications) == 0
    assert parameters(App._display) == ["self", "screen", "renderable"]
    from textual._compositor import CompositorUpdate

    assert parameters(CompositorUpdate.render_segments) == ["self", "console"]


def test_the_app_keeps_every_modes_stack_of_screens():
    app = App[None]()
    assert isinstance(app._screen_stacks, dict)
    assert screen_stacks(app) == [list(stack) for stack in app._screen_stacks.values()]


def test_the_palette_marks_its_no_matches_line_with_a_private_id():
    from textual.command import CommandList, CommandPalette

    assert isinstance(CommandPalette._NO_MATCHES, str)
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert "add_option(" in source and "id=self._NO_MATCHES" in source and '"No matches found"' in source
    assert parameters(CommandList.add_option) == ["self", "option"]


async def test_the_palette_says_no_matches_in_the_words_it_is_given():
    from textual.command import CommandList, CommandPalette

    class Palette(CommandPalette):
        def on_mount(self) -> None:
            say_no_matches(self, "Ingen kommando passer")

    class Probe(App[None]):
        pass

    app = Probe()
    async with app.run_test() as pilot:
        app.push_screen(Palette())
        await pilot.pause()
        await pilot.press(*"xyzzyq")
        options = app.screen.query_one(CommandList)

        def no_matches_shown() -> bool:  # after half a second without a match
            return any(options.get_option_at_index(i).id == Palette._NO_MATCHES for i in range(options.option_count))

        await until(pilot, no_matches_shown, "the no-match line")
        prompts = [str(options.get_option_at_index(i).prompt.renderable) for i in range(options.option_count)]
        assert prompts == ["Ingen kommando passer"]


def test_the_footer_keys_and_the_footers_ready_flag():
    from textual.reactive import Reactive
    from textual.widgets._footer import FooterKey as PrivateFooterKey

    assert FooterKey is PrivateFooterKey
    assert issubclass(FooterKey, Widget)
    assert isinstance(FooterKey.__dict__["compact"], Reactive)
    assert isinstance(Footer.__dict__["_bindings_ready"], Reactive)


def test_the_data_table_keeps_rows_as_the_fast_fill_expects():
    table: DataTable[str] = DataTable()
    for name in ("_row_locations", "_data", "rows", "_new_rows", "_require_update_dimensions", "_update_count"):
        assert hasattr(table, name), name
    assert isinstance(table._new_rows, set)
    assert table._require_update_dimensions is False
    assert isinstance(table._update_count, int)
    assert parameters(DataTable._highlight_cursor) == ["self"]
    assert parameters(DataTable._update_dimensions) == ["self", "new_rows"]
    assert isinstance(DataTable.__dict__["_total_row_height"], property)
    from textual.widgets.data_table import Row

    assert [f for f in Row.__dataclass_fields__] == ["key", "height", "label", "auto_height"]
    # The idle handler is what sizes the table after rows were added.
    assert "_update_dimensions(new_rows)" in inspect.getsource(DataTable._on_idle)


def test_textual_runs_a_mixins_public_key_handler_before_the_widgets_own():
    """InOrderKeys (a mixin before TextArea) relies on this order of the MRO's key handlers."""
    from textual.message_pump import MessagePump

    class Mixin:
        async def on_key(self, event: events.Key) -> None:
            pass

    class Field(Mixin, TextArea):
        pass

    handlers = [cls for cls, _ in Field()._get_dispatch_methods("on_key", events.Key("a", "a"))]
    assert handlers.index(Mixin) < handlers.index(TextArea)
    assert parameters(MessagePump._get_dispatch_methods) == ["self", "method_name", "message"]


# What each helper does ------------------------------------------------------------------------


class Keyed(Widget, can_focus=True):
    BINDINGS = [
        Binding("x", "go", "Go", id="test.go", tooltip="Go on"),
        Binding("y", "stay", "Stay", id="test.stay"),
    ]


class Two(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield Keyed()
        yield Footer()


def test_bindings_are_read_replaced_and_translated():
    node = Keyed()
    original = node_bindings(node)

    def danish(binding: Binding) -> tuple[str, str] | None:
        return ("Kør", "Kør videre") if binding.id == "test.go" else None

    replace_bindings(node, translated_bindings(original, danish))
    assert [(b.description, b.tooltip) for b in bindings_for_key(node, "x")] == [("Kør", "Kør videre")]
    assert [b.description for b in bindings_for_key(node, "y")] == ["Stay"]
    assert bindings_for_key(node, "z") == []
    replace_bindings(node, original)
    assert [b.description for b in bindings_for_key(node, "x")] == ["Go"]
    extra = BindingsMap()
    add_binding(extra, Binding("q", "quit", "Quit"))
    assert [key for key, _ in extra] == ["q"]


async def test_a_forwarded_key_is_typed_into_the_other_field():
    app = Two()
    async with app.run_test() as pilot:
        first, second = app.query_one("#first", Input), app.query_one("#second", Input)
        first.focus()
        await pilot.pause()
        forward_event(second, events.Key("å", "å"))
        await pilot.pause()
        assert (first.value, second.value) == ("", "å")


async def test_a_key_delivered_as_the_driver_does_reaches_the_focused_field():
    app = Two()
    async with app.run_test() as pilot:
        app.query_one("#second", Input).focus()
        await pilot.pause()
        deliver_key(app, "ø", "ø")
        await pilot.pause()
        assert app.query_one("#second", Input).value == "ø"
    with pytest.raises(RuntimeError, match="not running"):
        deliver_key(Two(), "a", "a")


def screen_text(outputs: list[str]) -> str:
    """The characters of terminal output, without its escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(outputs))


async def test_notifications_frames_and_the_footers_ready_flag():
    assert not footer_ready(Footer())
    app = Two()
    async with app.run_test() as pilot:
        outputs: list[str] = []
        watch_frames(app, outputs.append)
        app.query_one("#first", Input).focus()
        await pilot.press(*"Hej")
        await pilot.pause()
        assert "Hej" in screen_text(outputs)
        app.notify("Noten er gemt")
        await pilot.pause()
        assert [n.message for n in notifications(app)] == ["Noten er gemt"]
        assert footer_ready(app.query_one(Footer))


class Notes(App[None]):
    def __init__(self, auto_width: bool = False) -> None:
        super().__init__()
        self.auto_width = auto_width

    def compose(self) -> ComposeResult:
        table: FixedWidthDataTable[Text] = FixedWidthDataTable(cursor_type="row")
        table.add_column("Note", width=None if self.auto_width else 30, key="text")
        table.add_column("Kategori", width=10, key="category")
        yield table


async def test_thousands_of_rows_are_added_at_once_and_sized_without_measuring():
    app = Notes()
    highlighted: list[int] = []

    def hook(message: object) -> None:
        if isinstance(message, DataTable.RowHighlighted):
            highlighted.append(message.cursor_row)

    async with app.run_test(size=(60, 20), message_hook=hook) as pilot:
        table = app.query_one(FixedWidthDataTable)
        keys = [f"n{i}" for i in range(3000)]
        table.append_rows(keys, [(Text(f"Note {i} – æøå"), Text("Ledelse")) for i in range(3000)])
        await pilot.pause()
        assert table.row_count == 3000
        assert table.get_row("n2999")[0].plain == "Note 2999 – æøå"
        assert table.get_row_index(RowKey("n10")) == 10
        assert table.virtual_size.height == 3000 + 1  # the rows and the header
        assert table.columns[next(iter(table.columns))].content_width == len("Note")  # the heading, no cell
        assert highlighted and set(highlighted) == {0}  # the cursor landed on the first row
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        with pytest.raises(DuplicateKey):
            table.append_rows(["n5"], [(Text("igen"), Text(""))])
        table.append_rows(["short"], [(Text("kun tekst"),)])
        await pilot.pause()
        assert table.get_row("short")[1] is None


async def test_an_auto_width_column_is_measured_as_textual_does():
    app = Notes(auto_width=True)
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(FixedWidthDataTable)
        table.append_rows(["a", "b"], [(Text("kort"), Text("")), (Text("en noget længere note"), Text(""))])
        await pilot.pause()
        assert table.columns[next(iter(table.columns))].content_width == len("en noget længere note")


# Nothing else touches a private Textual name --------------------------------------------------


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@cache
def textual_private_names() -> frozenset[str]:
    """Every private name Textual's own source defines: methods, attributes, class attributes."""
    names: set[str] = set()
    for path in TEXTUAL.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(n for n in names if is_private(n))


def own_names(tree: ast.AST) -> set[str]:
    """Names a module defines itself: its functions and methods, class attributes, and what ``__init__`` sets."""
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            own.add(node.name)
            if node.name == "__init__":
                own.update(
                    n.attr
                    for n in ast.walk(node)
                    if isinstance(n, ast.Attribute)
                    and isinstance(n.ctx, ast.Store)
                    and isinstance(n.value, ast.Name)
                    and n.value.id == "self"
                )
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            own.add(node.target.id)
    return own


def _standard_library(value: ast.expr) -> bool:
    """``os._exit``, ``sys._getframe``: a name of Python's own modules, which Textual's happen to share."""
    return isinstance(value, ast.Name) and value.id in {"os", "sys"}


def private_textual_uses(source: str) -> list[tuple[int, str]]:
    """Where a module imports a private Textual module or touches a private Textual name."""
    tree = ast.parse(source)
    private = textual_private_names() - own_names(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "textual":
            if any(is_private(part) for part in node.module.split(".")):
                found.append((node.lineno, f"from {node.module} import"))
            found.extend((node.lineno, alias.name) for alias in node.names if is_private(alias.name))
        elif isinstance(node, ast.Import):
            found.extend(
                (node.lineno, f"import {a.name}")
                for a in node.names
                if a.name.split(".")[0] == "textual" and any(is_private(p) for p in a.name.split("."))
            )
        elif isinstance(node, ast.Attribute) and node.attr in private and not _standard_library(node.value):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in MOVED:
            found.append((node.lineno, f"def {node.name}"))
    return found


def test_the_scan_knows_the_names_that_moved_and_finds_them():
    assert textual_private_names() >= MOVED
    leaky = (
        "from textual.widgets._footer import FooterKey\n"
        "import textual._compositor\n"
        "def localise(node):\n"
        "    node._bindings = node._bindings\n"
        "class Table:\n"
        "    async def _on_key(self, event):\n"
        "        self._require_update_dimensions = True\n"
    )
    assert sorted(name for _, name in private_textual_uses(leaky)) == [
        "_bindings",
        "_bindings",
        "_require_update_dimensions",
        "def _on_key",
        "from textual.widgets._footer import",
        "import textual._compositor",
    ]
    own = "class Board:\n    def _target(self):\n        return self._target()\n"
    assert private_textual_uses(own) == []


def test_no_module_but_textual_compat_touches_a_private_textual_name():
    offenders = {}
    for path in sorted([*PACKAGE.rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]):
        if path == COMPAT:
            continue
        found = private_textual_uses(path.read_text(encoding="utf-8"))
        if found:
            offenders[path.relative_to(ROOT).as_posix()] = found
    assert offenders == {}, "use (or add) a helper in workshop/tui/textual_compat.py instead"


def test_no_widget_of_the_app_overrides_a_private_textual_method_or_attribute():
    for module in pkgutil.walk_packages(workshop.__path__, "workshop."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    offenders = []
    classes = [cls for cls in all_subclasses(DOMNode) if cls.__module__.startswith("workshop.")]
    assert any(cls.__name__ == "NoteTable" for cls in classes)
    for cls in classes:
        compat = (FixedWidthDataTable, CrashKeepingApp)
        ours = [k for k in cls.__mro__ if k.__module__.startswith("workshop.") and k not in compat]
        theirs = [k for k in cls.__mro__ if k.__module__.split(".")[0] == "textual"]
        # What Textual's own machinery puts on every subclass (merged bindings, CSS names, ...).
        machinery = set(type("Probe", (theirs[0],), {}).__dict__)
        for klass in ours:
            for name in klass.__dict__:
                if is_private(name) and name not in machinery and any(name in base.__dict__ for base in theirs):
                    offenders.append(f"{klass.__module__}.{klass.__qualname__}.{name}")
    assert sorted(set(offenders)) == []


def all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= all_subclasses(sub)
    return found


def test_the_stylesheet_keeps_its_variables_and_whether_css_was_added():
    """ParseOnceStylesheet reads Stylesheet._variables and Stylesheet._require_parse, and overrides three methods."""
    from textual.css.stylesheet import Stylesheet

    sheet = Stylesheet(variables={"tone": "red"})
    assert sheet._variables == {"tone": "red"}
    sheet.parse()
    assert sheet._require_parse is False
    sheet.add_source("Widget { color: $tone; }", read_from=("probe", ""))
    assert sheet._require_parse is True
    assert parameters(Stylesheet.set_variables) == ["self", "variables"]
    assert parameters(Stylesheet.parse) == ["self"]
    assert parameters(Stylesheet.reparse) == ["self"]


async def test_the_css_is_parsed_once_before_the_first_screen_and_a_new_theme_restyles(monkeypatch):
    """Textual parses the CSS of an app that opens in a mode (as WorkshopApp does) three times before the
    first screen; with parse_css_once, once."""
    from textual.widgets import Static

    Probe, parsed = parse_once_probe(monkeypatch, "Static { background: $primary; }")
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        ours = [read_from for read_from in parsed if read_from == (__file__, "Probe.CSS")]
        assert len(ours) == 1
        shown = app.query_one(Static)
        assert shown.styles.background == app.current_theme.to_color_system().primary
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert shown.styles.background == app.current_theme.to_color_system().primary
        assert len([read_from for read_from in parsed if read_from == (__file__, "Probe.CSS")]) == 2


async def test_a_frame_held_back_in_a_batch_is_drawn_whole_the_next_time():
    """Textual 8.2.8 draws the first screen inside a batch and drops that frame; the next one then held only
    what changed since (the terminal showed the title and the rotation, the rest a refresh tick later).
    CrashKeepingApp's screens draw no frame in a batch and mark the whole screen as changed instead, so the
    next frame is a full one (and a frame drawn and dropped all the same marks it too)."""
    from textual._compositor import LayoutUpdate
    from textual.screen import Screen
    from textual.widgets import Static

    assert parameters(App._get_screen) == ["self", "screen"]
    assert parameters(Screen._compositor_refresh) == ["self"]
    drawn: list[object] = []

    class Shown(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("probe")

    class Probe(CrashKeepingApp):
        MODES = {"probe": Shown}
        DEFAULT_MODE = "probe"

        def _display(self, screen: Screen[None], renderable: object) -> None:
            drawn.append(renderable)
            super()._display(screen, renderable)  # type: ignore[arg-type]

    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        compositor = screen._compositor
        assert isinstance(compositor._dirty_regions, set)
        assert app._batch_count == 0 and app.is_inline is False
        drawn.clear()
        with app.batch_update():
            screen._compositor_refresh()  # held back: nothing is drawn
        assert drawn == []
        assert compositor.size.region in compositor._dirty_regions
        assert isinstance(compositor.render_update(), LayoutUpdate)
        assert parameters(compositor.render_full_update) == ["simplify"]
        with app.batch_update():
            app._display(screen, compositor.render_full_update())  # drawn, and dropped: updates are held back
        assert compositor.size.region in compositor._dirty_regions


def test_the_app_internals_a_crash_goes_through_are_there():
    """CrashKeepingApp overrides App._handle_exception(error) and empties App._exit_renderables."""
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    app = App[None]()
    assert isinstance(app._exit_renderables, list)


async def test_a_crash_is_kept_and_its_traceback_not_printed():
    class Failing(CrashKeepingApp):
        def on_mount(self) -> None:
            raise RuntimeError("planted")

    app = Failing()
    with pytest.raises(RuntimeError, match="planted"):
        async with app.run_test():
            pass
    assert isinstance(app.crash, RuntimeError)
    assert app._exit_renderables == []
    assert app.return_code == 1


def test_esc_and_a_digit_typed_fast_are_alt_digit_not_an_option_key_character(monkeypatch):
    """A terminal sends Esc and a digit typed within its escape delay as one sequence; Textual 8.2.8 read
    "\\x1b1" as "¡" and "\\x1b6" as "§", so a note-taker's fast "esc 1" typed "¡" into the note."""
    import textual._parser
    from textual._xterm_parser import XTermParser

    from workshop.tui.textual_compat import esc_digit_as_alt

    esc_digit_as_alt()
    for digit in "123456789":
        parser = XTermParser()
        found = list(parser.feed(f"\x1b{digit}"))
        # The terminal driver ticks the parser; once the escape delay has passed it says what it read.
        monkeypatch.setattr(textual._parser, "get_time", lambda: float("inf"))
        found += list(parser.tick())
        monkeypatch.undo()
        assert [event.key for event in found if isinstance(event, events.Key)] == [f"alt+{digit}"]
    typed = [event for event in XTermParser().feed("§ 17") if isinstance(event, events.Key)]
    assert typed[0].character == "§"  # the Danish keyboard's own § still types §


async def test_a_screen_is_styled_once_when_first_shown_and_again_after_it_was_hidden(monkeypatch):
    """Textual styles every part of a screen again each time it is shown; a screen not hidden since it was
    mounted missed nothing, so CrashKeepingApp's screens skip that the first time. A style that changed while
    a screen was hidden still reaches it when it is shown again."""
    from textual.css import stylesheet
    from textual.screen import Screen
    from textual.widgets import Button, Static

    assert "refresh_styles" in inspect.signature(events.ScreenResume).parameters

    class Shown(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("probe", id="probe")

    class Other(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("other")

    class Buttons(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Button("Gem", id="plain", variant="primary", classes="touch")
            yield TouchButton("Gem", id="touch", variant="primary", classes="touch")
            yield Button("Fortryd", id="plain-default")
            yield TouchButton("Fortryd", id="touch-default")

    class Probe(CrashKeepingApp):
        CSS = "#probe { background: red; } .-late #probe { background: blue; }"
        MODES = {"probe": Shown, "other": Other, "buttons": Buttons}
        DEFAULT_MODE = "probe"

    styled: list[str] = []
    apply = stylesheet.Stylesheet.apply

    def counting(self: stylesheet.Stylesheet, node: DOMNode, **kwargs: object) -> None:
        styled.append(node.id or "")
        apply(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stylesheet.Stylesheet, "apply", counting)
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert styled.count("probe") == 1  # as it was mounted, not once more when shown
        probe = app.query_one("#probe", Static)
        assert probe.styles.background.rgb == (255, 0, 0)
        await app.switch_mode("other")
        await pilot.pause()
        probe.screen.add_class("-late", update=False)  # changed while the screen is hidden
        await app.switch_mode("probe")
        await pilot.pause()
        assert probe.styles.background.rgb == (0, 0, 255)  # shown again: styled again, as in Textual

        # Textual's Button adds its variant's classes as it is mounted, each addition styling it anew;
        # button_classes gives them from the start, so nothing is left to add and the button is styled once.
        styled.clear()
        await app.switch_mode("buttons")
        await pilot.pause()
        assert app.current_mode == "buttons", app.current_mode
        buttons = app.screen
        assert buttons.query_one("#touch").classes == buttons.query_one("#plain").classes
        assert buttons.query_one("#touch-default").classes == buttons.query_one("#plain-default").classes
        assert styled.count("touch") == 1 and styled.count("touch-default") == 1
        assert styled.count("plain") > 1 and styled.count("plain-default") > 1  # Textual's own, for scale


async def test_the_apps_focus_styles_again_only_the_parts_a_rule_styles_by_it(monkeypatch):
    """Textual styles every part of the screen again when the app gains or loses focus (a browser's page at
    every connection, a phone's tab); CrashKeepingApp styles only what a rule styles by the app's focus
    (Textual's own: the header title fades), and the focused field is let go and taken back as in Textual."""
    from textual.css import stylesheet
    from textual.screen import Screen
    from textual.widgets import Header, Static

    assert parameters(App._watch_app_focus) == ["self", "focus"]

    class Shown(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("probe", id="probe")
            yield Input(id="field")

    class Probe(CrashKeepingApp):
        CSS = "App:blur #probe { background: red; }"
        MODES = {"probe": Shown}
        DEFAULT_MODE = "probe"

    styled: list[str] = []
    apply = stylesheet.Stylesheet.apply

    def counting(self: stylesheet.Stylesheet, node: DOMNode, **kwargs: object) -> None:
        styled.append(type(node).__name__ + "#" + (node.id or ""))
        apply(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stylesheet.Stylesheet, "apply", counting)
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.query_one("#field", Input)
        field.focus()
        await pilot.pause()
        assert textual_compat.styled_by_app_focus(app) == ["HeaderTitle", "#probe"]
        probe = app.query_one("#probe", Static)
        title = app.query_one("HeaderTitle")
        styled.clear()
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert probe.styles.background.rgb == (255, 0, 0)
        assert title.styles.text_opacity == 0.5
        assert app.focused is None
        assert "Static#probe" in styled and "Header#" not in styled  # the two parts, not the whole screen
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert probe.styles.background.rgb != (255, 0, 0) and title.styles.text_opacity == 1.0
        assert app.focused is field


async def test_a_rule_that_styles_any_part_by_the_apps_focus_styles_the_whole_screen_again():
    from textual.screen import Screen
    from textual.widgets import Static

    class Shown(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("probe", id="probe")

    class Probe(CrashKeepingApp):
        CSS = "App:blur * { color: red; }"
        MODES = {"probe": Shown}
        DEFAULT_MODE = "probe"

    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert textual_compat.styled_by_app_focus(app) is None
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert app.query_one("#probe", Static).styles.color.rgb == (255, 0, 0)


async def test_css_parsed_once_in_a_process_is_not_parsed_again_by_the_next_app(monkeypatch):
    """ParseOnceStylesheet keeps every piece of CSS it parsed for the process: the next app (a browser's, forked
    from the warm parent that showed a screen once) parses none of it again; another theme parses anew."""
    from textual.css import stylesheet
    from textual.widgets import Static

    assert parameters(stylesheet.Stylesheet._parse_rules) == [
        "self",
        "css",
        "read_from",
        "is_default_rules",
        "tie_breaker",
        "scope",
    ]

    Probe, parsed = parse_once_probe(monkeypatch, "Static { background: $primary; }")
    for _ in range(2):
        app = Probe()
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.query_one(Static).styles.background == app.current_theme.to_color_system().primary
    assert [read_from for read_from in parsed if read_from == (__file__, "Probe.CSS")] == [(__file__, "Probe.CSS")]


def parse_once_probe(monkeypatch: pytest.MonkeyPatch, css: str) -> tuple[type[App[None]], list[object]]:
    """An app with this CSS that opens in a mode, with parse_css_once; and where each piece of CSS parsed from
    now on was read from (the app's own: ``(__file__, "Probe.CSS")``). Nothing parsed before counts."""
    from textual.css import stylesheet
    from textual.screen import Screen
    from textual.widgets import Static

    class Shown(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("probe")

    class Probe(App[None]):
        CSS = css
        MODES = {"probe": Shown}
        DEFAULT_MODE = "probe"

        def __init__(self) -> None:
            super().__init__()
            parse_css_once(self)

    parsed: list[object] = []
    original = stylesheet.parse

    def counting(scope: str, text: str, read_from: object, **kwargs: object) -> object:
        parsed.append(read_from)
        return original(scope, text, read_from, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    monkeypatch.setattr(textual_compat.ParseOnceStylesheet, "parsed_in_this_process", {})
    return Probe, parsed
