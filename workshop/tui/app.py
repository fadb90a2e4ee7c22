"""The app: one store, three modes (facilitator, note-taker, secretariat), one clock."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakSet

from textual import events
from textual.app import ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.pilot import Pilot

from workshop.storage.authors import remember_author
from workshop.storage.change_labels import describe_change
from workshop.storage.lanes import lanes_for_mode
from workshop.storage.store import Store, default_author
from workshop.storage.writer import ChangeRefused
from workshop.words import word

from .keys import screen_keys
from .localise import localise_bindings
from .messages import SessionChanged
from .session_app import Clock, SessionApp
from .session_view import SessionView, refusal_text, workshop_app
from .textual_compat import CrashKeepingApp, esc_digit_as_alt, parse_css_once, say_no_matches, screen_stacks

T = TypeVar("T")

POLL_SECONDS = 0.5
"""How often other instances' changes are taken in (they show within 1 s)."""
QUIT_PAUSE_SECONDS = 1.5
"""In a browser, how long ctrl+q's word on what was saved and what kept as a draft stays before the app ends."""
IDLE_FOLD_SECONDS = 30.0
"""After this long without a change, the journal is folded into the TOML file."""


def system_clock() -> dt.datetime:
    """The time now, to the second (what the round clock runs on outside the tests)."""
    return dt.datetime.now().replace(microsecond=0)


def _facilitator() -> Screen[Any]:
    from .screens.facilitator import FacilitatorScreen

    return FacilitatorScreen()


def _notes() -> Screen[Any]:
    from .screens.notes import NotesScreen

    return NotesScreen()


def _secretariat() -> Screen[Any]:
    from .screens.secretariat import SecretariatScreen

    return SecretariatScreen()


def _comment() -> Screen[Any]:
    from .screens.comment import CommentScreen

    return CommentScreen()


def _mode_screens() -> dict[str, Callable[[], Screen[Any]]]:
    """Each mode's screen, imported when the mode is first opened (a faster start)."""
    return {"facilitator": _facilitator, "notes": _notes, "secretariat": _secretariat}


ONLY_MODES: dict[str, Callable[[], Screen[Any]]] = {"comment": _comment}
"""Modes that stand alone: an app opened in one has no other mode and offers no key to switch (a member's
comment link can only comment)."""


class StoppedBanner(Static):
    """The lasting warning on every screen once the session is no longer saved (``store.stopped``).

    Its journal was deleted or replaced while the app was open: the app saved its version in
    ``.backups`` and writes no more. The banner says so, and what to do, until the app is closed.
    """

    def __init__(self, language: str) -> None:
        super().__init__(word("stopped_banner", language), markup=False, classes="stopped-banner")


class Palette(CommandPalette):
    """Textual's command palette, saying that nothing matches in the session's language."""

    def on_mount(self) -> None:
        say_no_matches(self, word("palette_no_matches", workshop_app(self).language))


def collect_garbage_again() -> None:
    """After the first screen: the objects made so far live as long as the app, so the collector may skip them.

    ``workshop run`` turns Python's cyclic garbage collector off while the app starts (tens of
    thousands of objects are made and none is garbage; the collector's passes cost some 30 ms of the
    start), and the first screen turns it back on here.
    """
    gc.freeze()
    gc.enable()


class WorkshopApp(CrashKeepingApp):
    """The workshop app over an open :class:`~workshop.storage.store.Store`."""

    CSS_PATH = "app.tcss"
    TITLE = "workshop"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Show every key of this screen"),
        Binding(
            "f2",
            "switch_mode('facilitator')",
            "Facilitator",
            id="app.mode.facilitator",
            tooltip="The programme, the round clock and the rotation board",
        ),
        Binding(
            "f3", "switch_mode('notes')", "Notes", id="app.mode.notes", tooltip="Capture and code notes at a station"
        ),
        Binding(
            "f4",
            "switch_mode('secretariat')",
            "Secretariat",
            id="app.mode.secretariat",
            tooltip="Review, summarise and export the minutes",
        ),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", show=False, tooltip="Undo your last change"),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", show=False, tooltip="Redo what you undid"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Save everything and quit"),
        # Declared here (not left to Textual) so that it has an id and speaks the session's language.
        Binding(
            "ctrl+p",
            "command_palette",
            "Palette",
            id="app.palette",
            show=False,
            priority=True,
            tooltip="Find a command of this screen by name",
        ),
    ]

    def __init__(
        self,
        store: Store,
        *,
        mode: str = "facilitator",
        station: str | None = None,
        clock: Clock | None = None,
        poll: bool = True,
        ask_author: bool | None = None,
        device: str | None = None,
        browser: bool | None = None,
    ) -> None:
        self.store = store
        if device:
            store.device = device
        self.station = station
        """The station a note-taker is pinned to (``--station``)."""
        self.ask_author = store.author == default_author() if ask_author is None else ask_author
        """True until the note-taker has said their name: ``workshop run`` had no ``--author`` and this
        device has given none before. Until then the changes are signed by the mode ("Facilitator"),
        never by the computer's login, which every browser on the serving computer would share."""
        self._browser = browser
        self._quitting = False
        self.clock: Clock = clock or system_clock
        """The wall clock; tests pass a frozen one."""
        screens = {mode: ONLY_MODES[mode]} if mode in ONLY_MODES else _mode_screens()
        self.only_mode = mode in ONLY_MODES
        """True in a mode that stands alone (the comment mode): no other mode can be opened."""
        if mode not in screens:
            raise ValueError(f"no mode {mode!r}; use one of {', '.join(screens)}")
        if self.ask_author:
            store.author = word(f"unnamed_{mode}", store.language)
        self.polling = poll
        self.crash = None
        """The error that ended the app, if one did (a bug): ``workshop run`` then says where its log is."""
        self._seen_version = store.version
        self._last_change = time.monotonic()
        # The app opens straight into its mode: no blank default screen is built, styled and
        # painted first (a faster start).
        self.DEFAULT_MODE = mode  # type: ignore[misc]
        super().__init__()
        parse_css_once(self)  # Textual would parse the CSS three times before the first screen
        esc_digit_as_alt()  # a fast "esc 1" codes the note, not types "¡"
        self.session_changed_signal: Signal[int] = Signal(self, "session-changed")
        """Published with the store's version whenever the session changed, here or anywhere else.

        The one way changes reach the screens: the app hands each one on as a
        :class:`~.messages.SessionChanged` to every screen over the session, at once to the screens
        in view and to every other screen (another mode's, one under the screen on top) when it
        is shown again. Widgets that show the session on their own may subscribe too."""
        self._stale: WeakSet[Screen[Any]] = WeakSet()
        """The screens over the session that have not shown the latest change yet (not in view)."""
        for name, screen in screens.items():
            self.add_mode(name, screen)
        self._localised = self.language
        localise_bindings(self, self._localised)
        self.title = store.session.workshop.title
        self.sub_title = store.path.name

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In a mode that stands alone the mode keys (F2, F3, F4) are neither offered nor obeyed."""
        if action == "switch_mode" and self.only_mode:
            return False
        return super().check_action(action, parameters)

    async def action_switch_mode(self, mode: str) -> None:
        """Open ``mode``; never from a mode that stands alone (the comment link's app has no other)."""
        if self.only_mode:
            return
        await super().action_switch_mode(mode)

    @property
    def language(self) -> str:
        """ "da" or "en": the session's language, which every screen speaks."""
        return self.store.session.workshop.language

    @property
    def device(self) -> str:
        """This device's id (a browser's, a terminal's): its name, its undo and its drafts are its own."""
        return self.store.device

    @property
    def in_browser(self) -> bool:
        """Does the app run in a browser (``workshop serve``)? Its footer then shows keys a browser passes on."""
        return self.is_web if self._browser is None else self._browser

    def get_key_display(self, binding: Binding) -> str:
        """How a key is written; in a browser, a key the browser keeps for itself is never the one shown."""
        from .keys import browser_key

        if self.in_browser:
            key = browser_key(binding)
            if key != binding.key:
                return super().get_key_display(Binding(key, binding.action))
        return super().get_key_display(binding)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; in a browser, one that takes a closed tab's "quit" after the keys typed before it."""
        found = super().get_driver_class()
        if found.__module__ == "textual.drivers.web_driver" and found.__name__ == "WebDriver":
            from .in_order_web_driver import InOrderWebDriver

            return InOrderWebDriver
        return found

    def on_mount(self) -> None:
        self.session_changed_signal.subscribe(self, self._hand_on, immediate=True)
        self.screen_change_signal.subscribe(self, self._screen_shown, immediate=True)
        if self.polling:
            self.set_interval(POLL_SECONDS, self.poll_store, name="poll-store")
        self.show_notices()
        self.call_after_refresh(collect_garbage_again)

    # Keeping the screens in step with the store ----------------------------------------------
    def poll_store(self) -> None:
        """Take in other instances' changes and hand edits; fold after a quiet spell."""
        try:
            self.store.poll()
        except Exception as error:  # noqa: BLE001 - never crash the evening over a poll
            self.notify(word("journal_unreadable", self.language, error=error), severity="error", markup=False)
            return
        self.show_notices()
        self.broadcast_if_changed()
        if self.store.pending() and time.monotonic() - self._last_change > IDLE_FOLD_SECONDS:
            self.store.fold()
            self.show_notices()

    def broadcast_if_changed(self) -> None:
        """Publish :attr:`session_changed_signal` when the store holds a newer session than last time."""
        if self.store.version != self._seen_version:
            self._seen_version = self.store.version
            self._last_change = time.monotonic()
            if self.language != self._localised:  # the evening's language was changed in setup
                self._localised = self.language
                localise_bindings(self, self._localised)
            self.session_changed_signal.publish(self.store.version)

    def changed(self) -> None:
        """Call after this instance changed the store: every screen shows the change."""
        self.broadcast_if_changed()

    def _session_screens(self) -> list[Screen[Any]]:
        """Every screen over the session the app holds: each mode's stack, bottom to top."""
        return [screen for stack in screen_stacks(self) for screen in stack if isinstance(screen, SessionView)]

    def _hand_on(self, version: int) -> None:
        """The session changed: the screens in view redraw now, the others when they are shown again."""
        for screen in self._session_screens():
            if screen.is_current:
                self._stale.discard(screen)
                screen.post_message(SessionChanged(version))
            else:
                self._stale.add(screen)

    def _screen_shown(self, screen: Screen[Any]) -> None:
        """A screen came to the top (pushed, popped back to, its mode chosen): bring it up to date."""
        self._warn_stopped(screen)
        if screen in self._stale:
            self._stale.discard(screen)
            screen.post_message(SessionChanged(self.store.version))

    def sign_as(self, name: str, *, remember: bool = True) -> str | None:
        """Sign this device's notes by ``name`` from now on (and, ``remember``, the next time it opens the session).

        A problem keeping the name for next time is returned in words (the name is used all the same).
        """
        self.store.author = name
        self.ask_author = False
        if not remember:
            return None
        try:
            remember_author(self.store.path, self.device, name)
        except OSError as error:
            return word("author_not_kept", self.language, error=error)
        return None

    # Quitting: nothing typed is lost -----------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save everything and quit; what was typed and not saved is saved or kept as this device's draft, and said."""
        if self._quitting:
            self.exit()
            return
        self._quitting = True
        said = self.keep_typing()
        if not said:
            self.exit()
            return
        text = "\n".join(said)
        self.store.notices.append(text)
        self.notify(text, timeout=10, markup=False)
        if self.in_browser:  # the page goes with the app: the words stay a moment first
            self.set_timer(QUIT_PAUSE_SECONDS, self.exit)
        else:  # workshop run prints them once the app has gone
            self.exit()

    def keep_typing(self) -> list[str]:
        """Every screen over the session saves what it can and keeps the rest as a draft; what each did, in words."""
        said: list[str] = []
        for screen in self._session_screens():
            leave = getattr(screen, "on_leaving", None)
            if callable(leave):
                try:
                    said.extend(leave())
                except Exception:  # noqa: BLE001 - quitting goes on; the draft written while typing stays
                    continue
        return said

    def show_notices(self) -> None:
        """Tell the user what the store noticed, as it is noticed: another program merged its changes or
        took in a hand edit, comments were dropped (and where the copy is), a fold or backup failed.

        When the store stopped writing (its journal was deleted under the app), every screen also
        shows a lasting banner that says so (:class:`StoppedBanner`).
        """
        while self.store.notices:
            notice = self.store.notices.pop(0)
            stopped = notice == self.store.stopped  # in full for a minute; the banner stays
            self.notify(notice, severity="error" if stopped else "warning", timeout=60 if stopped else 15, markup=False)
        if self.store.stopped:
            try:
                screen = self.screen
            except ScreenStackError:  # before the first screen is shown: it gets the banner when shown
                return
            self._warn_stopped(screen)

    def _warn_stopped(self, screen: Screen[Any]) -> None:
        """Put the stopped store's banner on ``screen`` (dialogs show the one of the screen under them)."""
        if not self.store.stopped or isinstance(screen, ModalScreen) or screen.query(StoppedBanner):
            return
        # First in the screen's flow: under its header (docked), above everything else.
        screen.mount(StoppedBanner(self.language), before=0)

    def attempt(self, change: Callable[[], T]) -> T | None:
        """Run a change and return what it returns; a refused one is told to the user and gives None."""
        _, result = self._run_change(change)
        return result

    def saved(self, change: Callable[[], object]) -> bool:
        """Run a change that returns nothing; True when it went through, False when refused."""
        ok, _ = self._run_change(change)
        return ok

    def _run_change(self, change: Callable[[], T]) -> tuple[bool, T | None]:
        try:
            result = change()
        except ChangeRefused as error:
            self.notify(refusal_text(error, self.language), severity="error", timeout=8, markup=False)
            return False, None
        except KeyError as error:
            self.notify(str(error).strip("'\""), severity="error", timeout=8, markup=False)
            return False, None
        self.changed()
        return True, result

    # Actions ------------------------------------------------------------------------------------
    def action_help(self) -> None:
        from .help import (  # imported when first asked for (a faster start)
            HelpScreen,
            binding_rows,
        )

        if isinstance(self.screen, HelpScreen):
            return
        title = word("help_title", self.language, mode=word(f"mode_{self.current_mode}", self.language))
        self.push_screen(HelpScreen(binding_rows(self.screen), title, self.language))

    def action_undo(self) -> None:
        event = self.attempt(lambda: self.store.undo(lanes=lanes_for_mode(self.current_mode)))
        if event is None:
            self.notify(word("nothing_to_undo", self.language), markup=False)
        else:
            self.notify(word("undone", self.language, change=describe_change(event.label, self.language)), markup=False)

    def action_redo(self) -> None:
        event = self.attempt(lambda: self.store.redo(lanes=lanes_for_mode(self.current_mode)))
        if event is None:
            self.notify(word("nothing_to_redo", self.language), markup=False)
        else:
            self.notify(word("redone", self.language, change=describe_change(event.label, self.language)), markup=False)

    # The command palette ------------------------------------------------------------------------
    def action_command_palette(self) -> None:
        """The palette, with its search line in the session's language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = word("palette_placeholder", self.language)
            self.push_screen(Palette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen and of the app by name, then a screenshot.

        Textual's own entries (its widget keys, Theme, Keys, Quit) are left out: they speak
        English only, and the app's own keys already quit and show the keys.
        """
        seen: set[str] = {"command_palette"}  # the palette is open already
        for key in screen_keys(screen):
            if key.action in seen:
                continue
            seen.add(key.action)

            def run(node: DOMNode = key.node, action: str = key.action) -> None:
                self.call_later(self.run_action, action, node)

            details = key.tooltip if key.tooltip != key.description else ""
            yield SystemCommand(key.description, details, run)
        language = self.language
        if screen.maximized is not None:
            yield SystemCommand(word("minimize", language), word("minimize_help", language), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(word("maximize", language), word("maximize_help", language), screen.action_maximize)
        yield SystemCommand(
            word("screenshot", language),
            word("screenshot_help", language),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    # Textual's own notices, in the session's language --------------------------------------------
    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """A screenshot was saved: say where (instead of Textual's English notice)."""
        if event.name != "screenshot":
            return
        event.prevent_default()
        language = self.language
        text = (
            word("screenshot_saved", language)
            if event.path is None
            else word("screenshot_saved_to", language, path=event.path)
        )
        self.notify(text, title=word("screenshot", language), markup=False)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A screenshot could not be saved (instead of Textual's English notice)."""
        if event.name != "screenshot":
            return
        event.prevent_default()
        language = self.language
        self.notify(
            word("screenshot_failed", language), title=word("screenshot", language), severity="error", markup=False
        )


def _answers_its_screens(app: WorkshopApp) -> SessionApp:
    """Never called: mypy checks here that the app is what its screens and widgets ask for."""
    return app


REHEARSAL_SIZE = (44, 40)
"""The size of the rehearsal's screen: a phone held upright, as most note-takers' are (see :mod:`.session_view`)."""


def show_note_taker_once(store: Store) -> None:
    """Show the note-taker's screen at the session's first station, headless, as a browser's app would, then end.

    ``workshop serve``'s warm parent does this on a copy of the session before any browser comes
    (:func:`workshop.cli.warm.rehearse`): what Textual does the first time in a process is then done once.
    """

    async def leave(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.exit()

    stations = store.session.stations
    station = stations[0].id if stations else None
    app = WorkshopApp(store, mode="notes", station=station, poll=False, ask_author=False, browser=True)
    app.run(headless=True, size=REHEARSAL_SIZE, auto_pilot=leave)
