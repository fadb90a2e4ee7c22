"""The secretariat's summaries: one per station and an overall one ("Opsamling").

Stored in the session's ``[summary]`` table through the store, so they are durable at once,
shared with every other app instance, undoable, and exported with the minutes.
"""

from __future__ import annotations

from workshop.model.session import Session, Summaries
from workshop.storage.change_labels import change_label
from workshop.storage.operations import Op, section_op
from workshop.storage.store import Store
from workshop.words import word

OVERALL = None
"""The key of the overall summary (station summaries are keyed by station id)."""


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


def write_summary(store: Store, station: str | None, text: str) -> bool:
    """Store a summary; True when it changed something.

    The change is computed inside the store's transaction from the newest session, so two
    people writing the summaries of two stations at the same time both keep theirs.
    """

    def edit(session: Session) -> list[Op]:
        if station is not None and session.station(station) is None:
            raise KeyError(word("station_gone", store.language, id=station))
        op = section_op(session, "summary", with_summary(session.summary, station, text))
        return [] if op["before"] == op["after"] else [op]

    return store.change(_label(store.session, station), edit) is not None


def _label(session: Session, station: str | None) -> str:
    """What undo says: "samlet opsamling skrevet", "opsamling for Ledelse som fag skrevet"."""
    if station is None:
        return change_label("overall_summary_written")
    found = session.station(station)
    return change_label("summary_written", station=found.name if found is not None else station)
