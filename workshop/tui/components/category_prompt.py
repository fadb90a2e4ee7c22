"""The type-to-find-or-create prompt: a few letters narrow the codebook down, enter applies.

Typing filters the categories fuzzily ("ldl" finds "Ledelse"); up/down move through the
matches; enter takes the highlighted one. A name no category has yet is offered as a new
category ("+ Opret ..."), which gets the next free key. Returns a
:class:`~workshop.notes.capture.Choice`, or None on escape.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop.model.session import Session
from workshop.notes.capture import Choice, prompt_choices
from workshop.words import word

from ..localise import localise_bindings
from ..session_view import workshop_app
from .category_keys import category_style


class CategoryPrompt(ModalScreen[Choice | None]):
    """Find a category by typing, or create one (unless ``create`` is False)."""

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("down", "move(1)", "Next", show=False, id="prompt.down", tooltip="Highlight the next category"),
        Binding("up", "move(-1)", "Previous", show=False, id="prompt.up", tooltip="Highlight the previous category"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without coding"),
    ]

    def __init__(self, note_text: str = "", *, create: bool = True, title: str | None = None) -> None:
        super().__init__()
        self.note_text = note_text
        self.create = create
        self.title_text = title
        self.choices: list[Choice] = []

    @property
    def session(self) -> Session:
        return workshop_app(self).store.session

    def compose(self) -> ComposeResult:
        language = self.session.workshop.language
        with Vertical():
            yield Static(self.title_text or word("choose_category", language), classes="prompt-title", markup=False)
            if self.note_text:
                yield Static(Text(self.note_text, no_wrap=True, overflow="ellipsis"), classes="prompt-note")
            yield Input(id="prompt-input", placeholder=word("prompt_hint", language))
            yield OptionList(id="prompt-choices")

    def on_mount(self) -> None:
        localise_bindings(self, self.session.workshop.language)
        self._fill("")
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def _fill(self, text: str) -> None:
        session = self.session
        language = session.workshop.language
        choices = prompt_choices(session, text)
        if not self.create:
            choices = [c for c in choices if not c.creates]
        self.choices = choices
        options = self.query_one(OptionList)
        options.clear_options()
        for choice in choices:
            if choice.creates:
                label = Text.assemble(
                    ("+ ", "bold"), (f"{word('create', language)} ", "bold"), (f"«{choice.name}»", "italic")
                )
            else:
                category = session.category(choice.category_id or "")
                label = Text()
                key = category.key if category else None
                label.append(f"{key} " if key else "  ", style="bold")
                label.append(choice.name, style=category_style(category.colour if category else ""))
            options.add_option(Option(label))
        if choices:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not self.choices:
            return
        current = options.highlighted if options.highlighted is not None else -step
        options.highlighted = (current + step) % len(self.choices)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.choices):
            return
        self.dismiss(self.choices[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
