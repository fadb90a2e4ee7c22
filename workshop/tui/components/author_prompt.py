"""Who writes on this device (without ``--author``): the name it remembered, or asked once in a dialog.

The note-taker's screen and the comment mode ask the same way; only their words and what a
"not now" signs differ.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from workshop.storage.authors import clean_name, remembered_author
from workshop.words import word

from ..session_view import workshop_app
from .note_dialogs import TextDialog


def ask_who_writes(
    screen: Screen[Any],
    *,
    who: str,
    hint: str,
    signed: str,
    unnamed: Callable[[], str],
    named: Callable[[], None] | None = None,
) -> None:
    """Sign as the name this device remembered, or ask for one (the dialog's words ``who`` and ``hint``).

    Every outcome is said with the word ``signed``. "Not now" signs ``unnamed()`` this time only
    (asked again next time); a name given is remembered for this device, and ``named`` is called.
    """
    app = workshop_app(screen)
    if not app.ask_author:
        return
    language = app.language
    name = remembered_author(app.store.path, app.device)
    if name:
        app.sign_as(name, remember=False)
        screen.notify(word(signed, language, name=name), markup=False)
        return

    def check(text: str) -> str | None:
        return None if clean_name(text) else word("author_needed", language)

    def given(text: str | None) -> None:
        if text is None:
            unnamed_name = unnamed()
            app.sign_as(unnamed_name, remember=False)
            screen.notify(word(signed, language, name=unnamed_name), markup=False)
            return
        name = clean_name(text)
        problem = app.sign_as(name)
        if problem is not None:  # the name is used all the same, only not remembered
            screen.notify(problem, severity="warning", markup=False)
        screen.notify(word(signed, language, name=name), markup=False)
        if named is not None:
            named()

    dialog = TextDialog(word(who, language), hint=word(hint, language), submit=check)
    screen.app.push_screen(dialog, given)
