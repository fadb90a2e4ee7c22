"""Small forms over the screens: edit a programme item, a station, a person, one value.

A form calls its ``save`` function with the values typed; it closes only when ``save``
returns True (a refused change keeps it open, and the app tells why). To pick one of a few,
the screens use the app's one choice dialog, :class:`..components.note_dialogs.ChoiceDialog`.
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
from textual.widgets import Input, Label, Select, Static, TextArea

from workshop.words import word

from ..components.in_order_keys import InOrderKeys
from ..localise import localise_bindings


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

    CSS_PATH = "setup_forms.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save and close"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("tab", "app.focus_next", "Next field", show=False, id="form.next", tooltip="Go to the next field"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous field",
            show=False,
            id="form.previous",
            tooltip="Go back to the field before",
        ),
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
            yield Static(self.form_title, id="form-title", markup=False)
            for spec in self.fields:
                yield Label(spec.label, markup=False)
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
            yield Static(id="form-problem", markup=False)
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
