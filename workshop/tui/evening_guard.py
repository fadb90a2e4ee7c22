"""Setup and schedule changes while the evening runs: never a silent move, never a started round rewritten.

The screens make every change of the setup and the schedule through :func:`guarded_change`
(the rehearsal and the keeper are in :mod:`workshop.planning.evening_guard`). Before
the evening (and after it) that is just the change. While the clock runs, the change is first
worked out on a copy of the session (:class:`Rehearsal`, a stand-in for the store), and
:func:`~workshop.scheduling.evening_changes.evening_change` says what it would do to the rounds:

* nobody moves: the change is made at once;
* someone would be somewhere else in a round: :class:`EveningChangeDialog` shows the rounds before
  and after, and the change is made only when the facilitator says so;
* it cannot be made without rewriting a round that has started: it is refused, saying why.

The change itself runs through :class:`Keeper`, which adds, inside the same store transaction
(one journal entry, one ctrl+z), the explicit rotation that keeps the started rounds as they
were; it is worked out again from the newest session, and refused if someone else changed the
rounds meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.model.problems import Problem
from workshop.planning.evening_guard import Change, Keeper, applied, rehearse
from workshop.scheduling.evening_changes import during_evening, evening_change
from workshop.storage.writer import ChangeRefused, SessionWriter
from workshop.words import word

from .components.evening_dialog import EveningChangeDialog
from .session_view import InApp, workshop_app

__all__ = ["Change", "guarded_change"]


def guarded_change(node: InApp, change: Change, done: Callable[[], None] | None = None, *, title: str = "") -> bool:
    """Make ``change``; while the evening runs, only as described in the module's notes.

    Returns True when the change was made now. False when it was refused (the app said why) or
    waits for the facilitator's answer; ``done`` runs once it has been made, now or after the
    answer. ``title`` is the question the dialog asks (by default: this change moves people).
    """
    app = workshop_app(node)
    store = app.store

    def make(through: SessionWriter) -> bool:
        made = app.saved(lambda: change(through))
        if made and done is not None:
            done()
        return made

    before = store.session
    if not during_evening(before):
        return make(store)
    after = rehearse(store, change)
    if after is None:
        return make(store)  # refused: the store says why, in its words
    outcome = evening_change(before, after)
    language = store.language
    if outcome.problem:
        refusal = ChangeRefused([Problem(outcome.problem, word("evening_fix", language))], language)
        node.app.notify(str(refusal), severity="error", timeout=10, markup=False)
        return False
    if not outcome.moves_people:
        return make(Keeper(store, outcome))
    before_copy = applied(before, [])
    asked_from = node.app.screen

    def answered(yes: bool | None) -> None:
        if not yes:
            node.app.notify(word("evening_cancelled", language), markup=False)
            return
        if make(Keeper(store, outcome)) and node.app.screen is asked_from and asked_from.is_modal:
            asked_from.dismiss(None)  # the form the change was typed in: done with it

    question = title or word("evening_title", language)
    node.app.push_screen(EveningChangeDialog(question, outcome, before_copy, after), answered)
    return False
