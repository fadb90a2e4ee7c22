"""The app: one store, three modes (facilitator, note-taker, secretariat), one clock."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from workshop.storage.store import ChangeRefused, Store

from .localise import localise_bindings
from .messages import SessionChanged

POLL_SECONDS = 0.5
"""How often other instances' changes are taken in (they show within 1 s)."""
IDLE_FOLD_SECONDS = 30.0
"""After this long without a change, the journal is folded into the TOML file."""

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _facilitator() -> Screen:
    from .screens.facilitator import FacilitatorScreen

    return FacilitatorScreen()


def _notes() -> Screen:
    from .screens.notes import NotesScreen

    return NotesScreen()


def _secretariat() -> Screen:
    from .screens.secretariat import SecretariatScreen

    return SecretariatScreen()


def _mode_screens() -> dict[str, Callable[[], Screen]]:
    """Each mode's screen, imported when the mode is first opened (a faster start)."""
    return {"facilitator": _facilitator, "notes": _notes, "secretariat": _secretariat}




class WorkshopApp(App[None]):
    """The workshop app over an open :class:`~workshop.storage.store.Store`."""

    CSS_PATH = "app.tcss"
    TITLE = "workshop"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Show every key of this screen"),
        Binding("f2", "switch_mode('facilitator')", "Facilitator", id="app.mode.facilitator",
                tooltip="The programme, the round clock and the rotation board"),
        Binding("f3", "switch_mode('notes')", "Notes", id="app.mode.notes",
                tooltip="Capture and code notes at a station"),
        Binding("f4", "switch_mode('secretariat')", "Secretariat", id="app.mode.secretariat",
                tooltip="Review, summarise and export the minutes"),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", show=False, tooltip="Undo your last change"),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", show=False, tooltip="Redo what you undid"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Save everything and quit"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        mode: str = "facilitator",
        station: str | None = None,
        clock: Clock | None = None,
        poll: bool = True,
    ) -> None:
        self.store = store
        self.station = station
        """The station a note-taker is pinned to (``--station``)."""
        self.clock: Clock = clock or system_clock
        """The wall clock; tests pass a frozen one."""
        screens = _mode_screens()
        if mode not in screens:
            raise ValueError(f"no mode {mode!r}; use one of {', '.join(screens)}")
        self.polling = poll
        self._seen_version = store.version
        self._last_change = time.monotonic()
        # The app opens straight into its mode: no blank default screen is built, styled and
        # painted first (a faster start).
        self.DEFAULT_MODE = mode  # type: ignore[misc]
        super().__init__()
        for name, screen in screens.items():
            self.add_mode(name, screen)
        localise_bindings(self, self.language)
        self.title = store.session.workshop.title
        self.sub_title = store.path.name

    @property
    def language(self) -> str:
        return self.store.session.workshop.language

    def on_mount(self) -> None:
        if self.polling:
            self.set_interval(POLL_SECONDS, self.poll_store, name="poll-store")
        self.show_notices()

    # Keeping the screens in step with the store ----------------------------------------------
    def poll_store(self) -> None:
        """Take in other instances' changes and hand edits; fold after a quiet spell."""
        try:
            self.store.poll()
        except Exception as error:  # noqa: BLE001 - never crash the evening over a poll
            self.notify(f"Could not read the journal: {error}", severity="error")
            return
        self.show_notices()
        self.broadcast_if_changed()
        if self.store.pending() and time.monotonic() - self._last_change > IDLE_FOLD_SECONDS:
            self.store.fold()
            self.show_notices()

    def broadcast_if_changed(self) -> None:
        if self.store.version != self._seen_version:
            self._seen_version = self.store.version
            self._last_change = time.monotonic()
            self.screen.post_message(SessionChanged(self.store.version))

    def changed(self) -> None:
        """Call after this instance changed the store: redraw what shows the session."""
        self.broadcast_if_changed()

    def show_notices(self) -> None:
        while self.store.notices:
            self.notify(self.store.notices.pop(0), severity="warning", timeout=15, markup=False)

    def attempt(self, change: Callable[[], object]) -> object | None:
        """Run a change and return what it returns; a refused one is told to the user and gives None."""
        _, result = self._run_change(change)
        return result

    def saved(self, change: Callable[[], object]) -> bool:
        """Run a change that returns nothing; True when it went through, False when refused."""
        ok, _ = self._run_change(change)
        return ok

    def _run_change(self, change: Callable[[], object]) -> tuple[bool, object | None]:
        try:
            result = change()
        except ChangeRefused as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
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
        self.push_screen(HelpScreen(binding_rows(self.screen), f"Keys - {self.current_mode}"))

    def action_undo(self) -> None:
        event = self.attempt(self.store.undo)
        self.notify(f"Undone: {event.label.removeprefix('undo: ')}" if event else "Nothing to undo")

    def action_redo(self) -> None:
        event = self.attempt(self.store.redo)
        self.notify(f"Redone: {event.label.removeprefix('redo: ')}" if event else "Nothing to redo")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every action of the current screen, then the app's own."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            node = active.node

            def run(node=node, action=binding.action) -> None:
                self.call_later(node.run_action, action)

            yield SystemCommand(binding.description, binding.tooltip or binding.description, run)
        yield from super().get_system_commands(screen)

