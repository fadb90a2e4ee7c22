"""The secretariat's summaries: one per station and an overall one ("Opsamling"), and the two texts
that open the other documents: the report's "Indledning" and the agenda item's "Sagsfremstilling".

Stored in the session's ``[summary]`` (and ``[agenda]``) tables through the store, so they are
durable at once, shared with every other app instance, undoable, and exported with the documents.

The three opening texts are each their own (:data:`OPENINGS`); one left empty is prefilled from
the others (:func:`text_for`): the editor shows it, and the document prints it, until it is
written.
"""

from __future__ import annotations

from typing import Literal, get_args

from workshop.model.session import Session, Summaries
from workshop.storage.change_labels import change_label
from workshop.storage.operations import Op, SectionChanged
from workshop.storage.writer import SessionWriter
from workshop.words import word

OVERALL = None
"""The key of the overall summary (station summaries are keyed by station id)."""


Opening = Literal["overall", "introduction", "case"]
"""The opening texts: the minutes' Opsamling, the report's Indledning, the agenda item's Sagsfremstilling."""
OPENINGS: tuple[Opening, ...] = get_args(Opening)

_PREFILL: dict[Opening, tuple[Opening, ...]] = {
    "overall": ("introduction", "case"),
    "introduction": ("overall", "case"),
    "case": ("introduction", "overall"),
}
"""Where an empty opening text is prefilled from, nearest first."""


def own_text(session: Session, which: Opening) -> str:
    """The opening text as written (empty when it is not)."""
    if which == "case":
        return session.agenda.case
    return session.summary.introduction if which == "introduction" else session.summary.overall


def text_for(session: Session, which: Opening) -> str:
    """The opening text a document prints: its own, or, while that is empty, the nearest written other."""
    for candidate in (which, *_PREFILL[which]):
        text = own_text(session, candidate)
        if text.strip():
            return text
    return ""


def prefilled(session: Session, which: Opening) -> bool:
    """True when the opening text is not written and another stands in for it."""
    return prefilled_from(session, which) is not None


def prefilled_from(session: Session, which: Opening) -> Opening | None:
    """The opening text that stands in for an unwritten one (None when it is written, or none is)."""
    if own_text(session, which).strip():
        return None
    return next((other for other in _PREFILL[which] if own_text(session, other).strip()), None)


def write_opening(store: SessionWriter, which: Opening, text: str) -> bool:
    """Store an opening text; True when it changed something."""
    if which == "overall":
        return write_summary(store, None, text)

    def edit(session: Session) -> list[Op]:
        if which == "case":
            op = SectionChanged.of(session, "agenda", session.agenda.model_copy(update={"case": text}))
        else:
            op = SectionChanged.of(session, "summary", session.summary.model_copy(update={"introduction": text}))
        return [] if not op.changed else [op]

    label = change_label("case_written") if which == "case" else change_label("introduction_written")
    return store.change(label, edit) is not None


def summary_of(session: Session, station: str | None) -> str:
    """The summary of a station, or the overall one for ``None``."""
    if station is None:
        return session.summary.overall
    return session.summary.stations.get(station, "")


def with_summary(summaries: Summaries, station: str | None, text: str) -> Summaries:
    """A copy with one summary replaced; an empty station summary is removed."""
    if station is None:
        return summaries.model_copy(update={"overall": text})
    stations = dict(summaries.stations)
    if text.strip():
        stations[station] = text
    else:
        stations.pop(station, None)
    return summaries.model_copy(update={"stations": stations})


def write_summary(store: SessionWriter, station: str | None, text: str) -> bool:
    """Store a summary; True when it changed something.

    The change is computed inside the store's transaction from the newest session, so two
    people writing the summaries of two stations at the same time both keep theirs.
    """

    def edit(session: Session) -> list[Op]:
        if station is not None and session.station(station) is None:
            raise KeyError(word("station_gone", store.language, id=station))
        op = SectionChanged.of(session, "summary", with_summary(session.summary, station, text))
        return [] if not op.changed else [op]

    return store.change(_label(store.session, station), edit) is not None


def _label(session: Session, station: str | None) -> str:
    """What undo says: "samlet opsamling skrevet", "opsamling for Ledelse som fag skrevet"."""
    if station is None:
        return change_label("overall_summary_written")
    found = session.station(station)
    return change_label("summary_written", station=found.name if found is not None else station)
