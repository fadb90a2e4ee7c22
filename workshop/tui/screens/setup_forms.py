"""Small forms over the screens: edit a programme item, a station, a person, one value.

A form calls its ``save`` function with the values typed; it closes only when ``save``
returns True (a refused change keeps it open, and the app tells why).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from workshop.tui.localise import localise_bindings
from workshop.words import word

from ..components.in_order_keys import InOrderKeys


class FormField(InOrderKeys, Input):
    """A line of a form: Tab, Enter, ctrl+s and Esc take effect where they were typed.

    (Typed fast, "Kaffe Tab 30" must put 30 in the next field, and "Kaffe Enter a" must save
    "Kaffe" before the "a" counts; see :mod:`..components.in_order_keys`.)
    """

    in_order = frozenset({"form.next", "form.previous", "form.save", "form.cancel"})

    async def action_submit(self) -> None:
        """Enter saves the form now, with the values as they are at this key."""
        screen = self.screen
        if isinstance(screen, FormScreen):
            screen.action_save()


@dataclass
class Field:
    """One field of a form."""

    key: str
    label: str
    value: str = ""
    kind: Literal["text", "number", "choice", "lines"] = "text"
    choices: Sequence[tuple[str, str]] = ()
    """For "choice": (shown, value) pairs."""
    suggestions: Sequence[str] = field(default_factory=tuple)
    """For "text": words offered while typing (any other text is fine too)."""


class FormScreen(ModalScreen[dict[str, Any] | None]):
    """A modal form: Enter (in a line) or ctrl+s saves, Esc cancels."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen #form {
        width: 70; max-width: 95%;
        height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    FormScreen #form-title { text-style: bold; color: $accent; margin-bottom: 1; }
    FormScreen Label { margin-top: 1; color: $text-muted; }
    FormScreen TextArea { height: 6; }
    FormScreen #form-problem { color: $error; height: auto; }
    FormScreen #form-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save and close"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("tab", "app.focus_next", "Next field", show=False, id="form.next",
                tooltip="Go to the next field"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, id="form.previous",
                tooltip="Go back to the field before"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        save: Callable[[dict[str, Any]], bool],
        language: str = "da",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.save_values = save
        self.language = language
        localise_bindings(self, language)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(self.form_title, id="form-title")
            for spec in self.fields:
                yield Label(spec.label)
                ident = f"field-{spec.key}"
                if spec.kind == "choice":
                    values = [value for _, value in spec.choices]
                    yield Select(
                        list(spec.choices),
                        value=spec.value if spec.value in values else values[0],
                        allow_blank=False,
                        id=ident,
                    )
                elif spec.kind == "lines":
                    yield TextArea(spec.value, id=ident, soft_wrap=True, show_line_numbers=False)
                else:
                    suggester = SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
                    yield FormField(
                        spec.value,
                        id=ident,
                        type="integer" if spec.kind == "number" else "text",
                        suggester=suggester,
                        select_on_focus=False,
                    )
            yield Static(id="form-problem")
            hint = "lines_hint" if any(f.kind == "lines" for f in self.fields) else "form_hint"
            yield Static(word(hint, self.language), id="form-hint")

    def on_mount(self) -> None:
        first = self.query(f"#field-{self.fields[0].key}").first() if self.fields else None
        if first is not None:
            first.focus()

    def values(self) -> dict[str, Any] | None:
        """The values typed, or None (with the problem shown) if one cannot be used."""
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.key}")
            if isinstance(widget, Select):
                result[spec.key] = widget.value
            elif isinstance(widget, TextArea):
                result[spec.key] = widget.text
            elif isinstance(widget, Input):
                text = widget.value
                if spec.kind == "number":
                    try:
                        result[spec.key] = int(text.strip())
                    except ValueError:
                        self.problem(f"{spec.label}: {word('whole_number', self.language)}")
                        widget.focus()
                        return None
                else:
                    result[spec.key] = text
        return result

    def problem(self, text: str) -> None:
        self.query_one("#form-problem", Static).update(text)

    def action_save(self) -> None:
        values = self.values()
        if values is None:
            return
        if self.save_values(values):
            self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a few choices (a group to move a person to); Esc cancels."""

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen #choice {
        width: 50; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    ChoiceScreen #choice-title { text-style: bold; color: $accent; }
    ChoiceScreen OptionList { height: auto; max-height: 20; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without choosing"),
    ]

    NONE = "__none__"
    """The value of a choice meaning "none" (a person without a group)."""

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], language: str = "da") -> None:
        super().__init__()
        self.choice_title = title
        self.choices = list(choices)
        localise_bindings(self, language)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="choice"):
            yield Static(self.choice_title, id="choice-title")
            yield OptionList(*[Option(shown, id=value) for shown, value in self.choices], id="choice-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
