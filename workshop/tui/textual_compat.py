"""Every place the app leans on Textual's internals, in one module.

Textual is pinned to one version (``TEXTUAL_VERSION``, the same pin as pyproject.toml) because
a few things the app needs have no public API in it:

* the key descriptions in Danish: a node's binding map has no public setter
  (:func:`node_bindings`, :func:`replace_bindings`, :func:`add_binding`);
* keys taken in the order they were typed (Textual's open issue #6605): a key that reaches a
  widget after focus has moved on is handed to the focused widget (:func:`forward_event`), and
  a widget's own bindings are looked up by key (:func:`bindings_for_key`);
* a footer that rebuilds only when its keys change: Textual's ``FooterKey`` lives in the
  private ``textual.widgets._footer`` and the footer's "ready" flag is private
  (:data:`FooterKey`, :func:`footer_ready`);
* the stylesheet parsed once, not three times, before the first screen (:func:`parse_css_once`);
* 10,000 notes in a table in a blink: :class:`FixedWidthDataTable` adds rows in bulk and skips
  measuring cells when every column has a fixed width;
* every mode's screens, so a change of the session reaches the screens not shown now too
  (:func:`screen_stacks`);
* the command palette's "No matches found" in the session's language (:func:`say_no_matches`);
* Esc and a digit typed fast reach the app as alt+digit (:func:`esc_digit_as_alt`): Textual reads
  them as the characters macOS's Option key gives ("¡", "™", ..., "§"), which typed "§" into a
  Danish note instead of coding it;
* two ways around Textual's own work that use no private name, and so live beside the parts
  that use them: a note field that works out its theme's styles only when they change
  (:mod:`workshop.tui.components.steady_text_area`) and buttons given the classes Textual would add
  as they are mounted (:func:`button_classes`);
* tests and benchmarks that read the app's notifications, hand it a key as the terminal driver
  does, and see the output of each frame (:func:`notifications`, :func:`deliver_key`,
  :func:`watch_frames`).

No other module of ``workshop`` touches a private Textual name (``tests/test_textual_compat.py``
checks that, and that each name used here still exists with the shape used here), so a Textual
upgrade fails loudly here, in one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING, Any, ClassVar, Generic, cast

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.command import CommandList, CommandPalette
from textual.css.model import RuleSet, SelectorType
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation
from textual.dom import DOMNode
from textual.geometry import Size
from textual.message import Message
from textual.notifications import Notification
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import AwaitMount

__all__ = [
    "TEXTUAL_VERSION",
    "FixedWidthDataTable",
    "FooterKey",
    "add_binding",
    "bindings_for_key",
    "deliver_key",
    "footer_ready",
    "forward_event",
    "node_bindings",
    "notifications",
    "parse_css_once",
    "replace_bindings",
    "say_no_matches",
    "screen_stacks",
    "watch_frames",
]

TEXTUAL_VERSION = "8.2.8"
"""The one Textual version this module is written against (pyproject.toml pins the same)."""


# Key bindings --------------------------------------------------------------------------------


ESC_DIGITS = tuple(f"\x1b{digit}" for digit in "123456789")
"""Esc followed by 1-9 within the terminal's escape delay: the sequences Textual maps to Option-key characters."""


def esc_digit_as_alt() -> None:
    """Let Esc and a digit typed fast be alt+digit, as the note-taker means them (to the notes, then code).

    Textual 8.2.8 turns them into what macOS's Option key types in WezTerm ("\x1b1" -> "¡", "\x1b6" -> "§"):
    a note-taker's fast "esc 1" put "¡" in the note. Without these entries Textual's parser reads the
    pair as alt+1 ... alt+9, which the notes screen binds to coding. Called once, when the app starts.
    """
    table = cast(dict[str, Any], ANSI_SEQUENCES_KEYS)  # a dict, typed as a read-only Mapping
    for sequence in ESC_DIGITS:
        table.pop(sequence, None)


def node_bindings(node: DOMNode) -> BindingsMap:
    """The key bindings a node declares itself (its ``BINDINGS``, as Textual keeps them)."""
    return node._bindings


def replace_bindings(node: DOMNode, bindings: BindingsMap) -> None:
    """Give ``node`` these key bindings instead of its own (call ``refresh_bindings`` after)."""
    node._bindings = bindings


def add_binding(bindings: BindingsMap, binding: Binding) -> None:
    """Add one binding to a binding map, exactly as Textual adds a declared one."""
    bindings._add_binding(binding)


def translated_bindings(bindings: BindingsMap, words: Callable[[Binding], tuple[str, str] | None]) -> BindingsMap:
    """A copy of ``bindings`` with the description and tooltip ``words`` gives a binding (others kept)."""
    translated = BindingsMap()
    for _key, binding in bindings:
        found = words(binding)
        if found is not None:
            description, tooltip = found
            binding = dataclasses.replace(binding, description=description, tooltip=tooltip)
        add_binding(translated, binding)
    return translated


def bindings_for_key(node: DOMNode, key: str) -> list[Binding]:
    """The node's own bindings for ``key`` (not its parents'), in the order they were declared."""
    return list(node_bindings(node).key_to_bindings.get(key, ()))


# Screens -------------------------------------------------------------------------------------


def screen_stacks(app: App[Any]) -> list[list[Screen[Any]]]:
    """Every mode's stack of screens (bottom first), the modes not shown now too.

    Textual lists only the current mode's stack publicly (``App.screen_stack``); a change of the
    session has to reach the screens of the other modes as well.
    """
    return [list(stack) for stack in app._screen_stacks.values()]


# The command palette -------------------------------------------------------------------------


def say_no_matches(palette: CommandPalette, text: str) -> None:
    """Make a mounted ``palette`` say ``text`` where Textual's says "No matches found" (in English only).

    Textual adds that line to the palette's list as an option with a private id; this hands the
    list an option with ``text`` instead, in the same place and shape.
    """
    commands = palette.query_one(CommandList)
    add_option = commands.add_option

    def add(option: Option | VisualType | None = None) -> CommandList:
        if isinstance(option, Option) and option.id == CommandPalette._NO_MATCHES:
            option = Option(Align.center(Text(text, style="not bold")), disabled=True, id=option.id)
        return add_option(option)

    commands.add_option = add  # type: ignore[method-assign]


# Keys ----------------------------------------------------------------------------------------


def forward_event(widget: Widget, event: events.Event) -> None:
    """Hand ``event`` to ``widget`` as if it had been sent there first (it does not bubble back)."""
    widget._forward_event(event)


def deliver_key(app: App[Any], key: str, character: str | None = None) -> None:
    """Give the app a key the way the terminal driver does (for benchmarks: no test pilot)."""
    driver = app._driver
    if driver is None:
        raise RuntimeError("the app is not running: no driver to deliver a key through")
    driver.send_message(events.Key(key, character))


# The footer ----------------------------------------------------------------------------------


def footer_ready(footer: Footer) -> bool:
    """Whether the footer has built its keys at least once (until then it shows none)."""
    return bool(footer._bindings_ready)


# Notifications and frames (tests and benchmarks) --------------------------------------------


def notifications(app: App[Any]) -> list[Notification]:
    """The notifications the app shows now (the toasts), oldest first."""
    return list(app._notifications)


def watch_frames(app: App[Any], seen: Callable[[str], None]) -> None:
    """Call ``seen`` with the terminal output of every frame the app draws from now on.

    The headless driver of ``run_test`` throws the output away; this renders each frame as a real
    terminal driver would, so a benchmark measures the whole way to the screen.
    """
    original = app._display

    def display(screen: Screen[Any], renderable: RenderableType | None) -> None:
        original(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            seen(renderable.render_segments(app.console))

    app._display = display  # type: ignore[method-assign]


# The stylesheet ------------------------------------------------------------------------------


class ParseOnceStylesheet(Stylesheet):
    """A stylesheet that parses each piece of CSS once while the theme's variables stay the same.

    Textual 8.2.8 parses all of an app's CSS three times before its first screen: once, again in a
    fresh stylesheet when it sets the theme's variables (the very same ones), and a third time when
    the first widgets add their default CSS (setting the variables emptied the cache of parsed
    rules). tui/app.tcss is most of that CSS: the two parses more cost some 15 ms of every start.
    This one keeps what it parsed while the variables are the same, and parses only what was added;
    new variables (another theme) are parsed anew, as Textual does.

    Private names: ``Stylesheet._variables`` (the variables the rules were parsed with),
    ``Stylesheet._require_parse`` (CSS was added since the last parse) and ``Stylesheet._parse_rules``
    (parses one piece of CSS).
    """

    _parsed_variables: dict[str, str] | None = None
    """The variables the rules were last parsed with (None: not parsed yet, or parse anew)."""

    parsed_in_this_process: ClassVar[dict[tuple[object, ...], list[RuleSet]]] = {}
    """Every piece of CSS parsed in this process, by what Textual keys it by and the variables it was parsed
    with: an app started later in the same process, or forked from it (the apps of ``workshop serve``'s warm
    parent, which showed a screen once before forking), parses none of it again. Textual's rules are not
    changed once parsed (a stylesheet copies them into its own list), so apps may share them."""

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, frozenset(self._variables.items()))
        parsed = self.parsed_in_this_process.get(key)
        if parsed is None:
            parsed = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self.parsed_in_this_process[key] = parsed
        return parsed

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # what was parsed with them still holds
        self._parsed_variables = None
        super().set_variables(variables)

    def parse(self) -> None:
        super().parse()
        self._parsed_variables = self._variables

    def reparse(self) -> None:
        if self._parsed_variables is not None and self._parsed_variables == self._variables:
            if self._require_parse:
                self.parse()  # the CSS added since: the rest comes from the cache
            return
        super().reparse()
        self._parsed_variables = self._variables


def parse_css_once(app: App[Any]) -> None:
    """Give ``app`` (not yet running) a stylesheet that parses its CSS once (:class:`ParseOnceStylesheet`)."""
    stylesheet = ParseOnceStylesheet(variables=app.stylesheet._variables)
    stylesheet.source = dict(app.stylesheet.source)
    app.stylesheet = stylesheet


# The app -------------------------------------------------------------------------------------


class CrashKeepingApp(App[None]):
    """An app that keeps the error that ended it (``crash``) and prints no traceback on the terminal.

    ``workshop run`` then writes the traceback to a log file of the user's only and says where in
    one line. Textual's own handling still ends the app with return code 1 (and a test's
    ``run_test`` still raises the error).

    Private names: ``App._handle_exception(error)`` (called with an error nothing handled) and
    ``App._exit_renderables`` (what Textual prints after the screen is restored).
    """

    crash: Exception | None = None
    """The error that ended the app, if one did."""

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        """Show a frame; one drawn while updates are held back (a batch) is drawn again, whole, next time.

        Textual 8.2.8 draws the first screen inside a batch, throws that frame away and then sends
        only what changed since it: the terminal showed the title and the rotation, and the rest
        came with the next full frame, some 20 ms later (at the screen's next refresh tick). Marking
        the whole screen as changed again makes the first frame that reaches the terminal a full one.

        Private names: ``App._batch_count`` (updates held back), ``Screen._compositor`` and its
        ``_dirty_regions`` (what the next frame draws: all of it when the screen's region is there).
        """
        if renderable is not None and self._batch_count:
            _redraw_whole(screen)
        super()._display(screen, renderable)

    def _get_screen(self, screen: Screen[Any] | str) -> tuple[Screen[Any], AwaitMount]:
        """Textual's screen, which draws no frame while updates are held back (:func:`draw_no_frame_in_a_batch`).

        Private name: ``App._get_screen(screen)``, through which every screen the app shows comes.
        """
        found, mounted = super()._get_screen(screen)
        draw_no_frame_in_a_batch(found)
        style_once_when_shown(found)
        return found, mounted

    def _watch_app_focus(self, focus: bool) -> None:
        """The app gained or lost focus: Textual's own handling, without styling the whole screen again when
        no rule styles by the app's focus.

        Textual 8.2.8 styles every part of the screen again when the app gains or loses focus, for rules
        such as ``App:blur Input``. Through ``workshop serve`` that is twice as each browser connects
        (Textual's web driver starts blurred, then the page gives it focus) and each time a phone shows
        the tab again: two stylings of the note-taker's screen, some 25 ms of each browser's first screen.
        Only the parts a rule styles by the app's focus are styled again (:func:`styled_by_app_focus`:
        Textual's header title); the focused part is let go and taken back as in Textual.

        Private names: ``App._watch_app_focus`` (the watcher of ``app_focus``).
        """
        styled = styled_by_app_focus(self)
        if styled is None:
            super()._watch_app_focus(focus)
            return
        screen = self.screen
        screen.update_node_styles = _style_nothing  # type: ignore[method-assign]
        try:
            super()._watch_app_focus(focus)
        finally:
            del screen.update_node_styles
        for query in dict.fromkeys(styled):
            for node in screen.query(query):
                node.update_node_styles(animate=False)

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)
        self._exit_renderables.clear()


APP_FOCUS = frozenset({"focus", "blur"})
"""The pseudo-classes of the app's own focus (``App:focus``, ``App:blur``)."""
_QUERY_PREFIX = {SelectorType.TYPE: "", SelectorType.CLASS: ".", SelectorType.ID: "#"}


def styled_by_app_focus(app: App[Any]) -> list[str] | None:
    """What the app's focus styles: a query for each kind of part a rule styles by it, or None for everything.

    A rule styles by the app's focus when a part of its selector with ``:focus`` or ``:blur`` can
    match the app itself: by its type (``App``, the app's class), one of its classes, its id, or any
    node (``*``). Textual's Header has one, ``App:blur HeaderTitle``: the title dims while the app
    is not in focus, so ``["HeaderTitle"]``. ``#note-text:focus`` is not one: it is the note field's
    own focus, which Textual styles when the field gains or loses it. A rule that styles the app
    itself, or any node, by its focus: None (the whole screen is styled again, as in Textual).

    Private names: ``DOMNode._css_type_names`` (the type names a node's CSS matches).
    """
    names = app._css_type_names
    queries: list[str] = []
    for rule in app.stylesheet.rules:
        if APP_FOCUS.isdisjoint(rule.pseudo_classes):
            continue
        for selector_set in rule.selector_set:
            parts = selector_set.selectors
            by_app_focus = any(
                not APP_FOCUS.isdisjoint(part.pseudo_classes)
                and (
                    part.type in (SelectorType.UNIVERSAL, SelectorType.NESTED)
                    or (part.type == SelectorType.TYPE and part.name in names)
                    or (part.type == SelectorType.CLASS and part.name in app.classes)
                    or (part.type == SelectorType.ID and part.name == app.id)
                )
                for part in parts
            )
            if not by_app_focus:
                continue
            styled = parts[-1]
            if len(parts) == 1 or styled.type not in _QUERY_PREFIX:
                return None
            queries.append(_QUERY_PREFIX[styled.type] + styled.name)
    return queries


def _style_nothing(animate: bool = True) -> None:
    """Stands in for a screen's ``update_node_styles`` while the app's focus changes (no rule styles by it)."""


def _redraw_whole(screen: Screen[Any]) -> None:
    """The screen's next frame draws all of it (what was drawn and dropped in a batch never reached the terminal)."""
    compositor = screen._compositor
    compositor._dirty_regions.add(compositor.size.region)


def draw_no_frame_in_a_batch(screen: Screen[Any]) -> None:
    """While the app holds updates back, ``screen`` draws no frame; the next one it draws is whole.

    Textual 8.2.8 draws the first screen twice inside the batch of the app's start (the frames are
    dropped, updates being held back), and then again for the terminal: drawing all of it costs some
    10 ms of every start here. The screen's region is marked as changed instead, so the first frame
    after the batch draws everything once. A screen in a terminal only (inline apps draw as Textual does).

    Private name: ``Screen._compositor_refresh`` (draws a frame of the screen; this wraps it on the screen).
    """
    if "_compositor_refresh" in vars(screen):
        return
    draw = screen._compositor_refresh

    def refresh() -> None:
        app = screen.app
        if app._batch_count and not app.is_inline and screen is app.screen:
            _redraw_whole(screen)
            return
        draw()

    screen._compositor_refresh = refresh  # type: ignore[method-assign]


def style_once_when_shown(screen: Screen[Any]) -> None:
    """A screen shown for the first time is not styled a second time: its parts were styled as they were mounted.

    Textual 8.2.8 styles every part of a screen again each time the screen is shown (``ScreenResume``
    asks for it), for the styles a hidden screen may have missed. A screen not hidden since it was
    mounted has missed nothing, yet its first showing paid for a second styling of every part: some
    11 ms of each start here, and of each browser's first screen under ``workshop serve``. So the
    first showing, and any before the screen is first hidden (``ScreenSuspend``), styles nothing
    again; after that, every showing does, as in Textual.

    Public names only (``post_message``, ``ScreenResume.refresh_styles``), wrapped on the screen.
    """
    if "post_message" in vars(screen):
        return
    post = screen.post_message
    hidden_since_styled = False

    def post_message(message: Message) -> bool:
        nonlocal hidden_since_styled
        if isinstance(message, events.ScreenSuspend):
            hidden_since_styled = True
        elif isinstance(message, events.ScreenResume):
            if not hidden_since_styled:
                message.refresh_styles = False
            hidden_since_styled = False
        return post(message)

    screen.post_message = post_message  # type: ignore[method-assign]


# Buttons -------------------------------------------------------------------------------------


def button_classes(variant: str, classes: str | None = None) -> str:
    """``classes`` and the classes Textual's ``Button`` adds for ``variant`` as it is mounted.

    A Button in Textual 8.2.8 that is not flat adds ``-style-default`` as it is mounted (``watch_flat``),
    and ``-{variant}`` for any variant but the default one (``watch_variant``); each addition styles the
    button anew. With them given from the start there is nothing left to add (the note-taker's screen
    has some twenty such buttons, each styled once instead of twice).
    """
    own = ["-style-default"] if variant == "default" else ["-style-default", f"-{variant}"]
    return " ".join([*(classes.split() if classes else []), *own])


# A table of many rows ------------------------------------------------------------------------


class FixedWidthDataTable(DataTable[CellType], Generic[CellType]):
    """A DataTable for thousands of one-line rows whose columns all have a fixed width.

    ``DataTable.add_row`` updates the cursor and its caches after every row (about 1 s for 10,000
    rows) and later measures every cell of every new row (1.2 s more). :meth:`append_rows` does
    for each row what ``add_row`` does to the table's data and the updates once; and while every
    column has a fixed width, sizing the table measures nothing. With an auto-width column it
    measures as DataTable does.
    """

    def append_rows(self, keys: Sequence[str], rows: Sequence[Sequence[CellType]]) -> None:
        """Add one-line rows, named by ``keys``, at the bottom of the table."""
        start = self.row_count
        locations, data, table_rows, new_rows = self._row_locations, self._data, self.rows, self._new_rows
        column_keys = [column.key for column in self.ordered_columns]
        for offset, (key, cells) in enumerate(zip(keys, rows)):
            if len(cells) > len(column_keys):
                raise ValueError("More values provided than there are columns.")
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            locations[row_key] = start + offset
            data[row_key] = dict(zip_longest(column_keys, cells))
            table_rows[row_key] = Row(row_key, 1, None, False)
            new_rows.add(row_key)
        if self.row_count == start:
            return
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate
        if start == 0 and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self.check_idle()
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """With fixed column widths there is nothing to measure: only the table's size changes."""
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width, self._total_row_height + header)
