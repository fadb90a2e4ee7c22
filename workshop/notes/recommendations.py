"""The committee's recommendations: read them, write them through the store, and see what the evening changed.

A recommendation follows the template of the slides (seed 000): a title, a short introduction
and seven sections (Formål, Mål, Indsatser, Opfølgning, Baseline, Ressourcer og økonomi, Næste
step). The secretariat writes drafts before the evening; at the stations the groups "unfold and
qualify" them, and a note can be linked to the section it qualifies (``Note.recommendation`` and
``Note.section``) or cited as evidence (``Recommendation.notes``).

Reading (no store needed): :func:`numbered`, :func:`by_theme`, :func:`theme_of`,
:func:`for_station` (the note-taker's draft), :func:`cited_notes`, :func:`linked_notes`,
:func:`bullets_of`, :func:`folded`.

Changing (each one change in the store's journal: durable at once, shared with every other app,
undoable with ctrl+z): :func:`create`, :func:`edit`, :func:`write_section`, :func:`cite_note`,
:func:`uncite_note`, :func:`link_note`, :func:`unlink_note`, :func:`delete`, :func:`move`,
:func:`reorder`, :func:`write_theme`, :func:`write_proposed_decision`. They raise
:class:`RecommendationError` (words in the session's language) when the recommendation, note or
section does not exist, and the store's ChangeRefused when the result would not be valid.

History: every saved version is in the journal. :func:`versions` lists them (oldest first) and
:func:`evening_changes` compares each recommendation as it stood before the evening began with
now, for the report's "Hvad aftenen ændrede".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from workshop.model.recommendations import SECTION_NAMES, Agenda, Recommendation, SectionName, Theme
from workshop.model.session import Note, Session, now
from workshop.storage.change_labels import change_label
from workshop.storage.operations import NoteChanged, Op, SectionChanged, dump_section
from workshop.storage.writer import SessionWriter
from workshop.words import word

__all__ = [
    "EDITABLE",
    "SECTION_NAMES",
    "EveningChange",
    "RecommendationError",
    "ThemeGroup",
    "Version",
    "bullets_of",
    "by_theme",
    "cite_note",
    "cited_notes",
    "create",
    "delete",
    "edit",
    "evening_changes",
    "evening_start",
    "find",
    "folded",
    "for_station",
    "link_note",
    "linked_notes",
    "move",
    "numbered",
    "reorder",
    "section_title",
    "theme_of",
    "uncite_note",
    "unlink_note",
    "versions",
    "write_proposed_decision",
    "write_section",
    "write_theme",
]

EDITABLE: tuple[str, ...] = ("title", "theme", "intro", *SECTION_NAMES, "station")
"""The fields :func:`edit` changes (the id and the cited notes have their own functions)."""


class RecommendationError(KeyError):
    """A change that cannot be made (the recommendation, note or section does not exist); the words say why."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


# Reading ------------------------------------------------------------------------------------------


def section_title(section: str, language: str, *, short: bool = False) -> str:
    """ "Indsatser", "Næste step (efter politisk stillingtagen)" (``short``: "Næste step")."""
    key = f"section_short_{section}" if short and section == "next_step" else f"section_{section}"
    return word(key, language)


def find(session: Session, recommendation_id: str) -> Recommendation | None:
    """The recommendation with this id, if there is one."""
    return next((r for r in session.recommendations if r.id == recommendation_id), None)


def numbered(session: Session) -> list[tuple[int, Recommendation]]:
    """The recommendations with their numbers across the report (1, 2, ...), in the report's order.

    The report groups them by theme (:func:`by_theme`), so the numbers follow that grouping:
    "Anbefaling 4" is the first of the second theme when the first has three.
    """
    groups = by_theme(session)
    return [(number, rec) for group in groups for number, rec in group.recommendations]


def theme_of(session: Session, recommendation: Recommendation) -> str:
    """The recommendation's theme: its own, else its station's theme (the station's name), else ""."""
    if recommendation.theme.strip():
        return recommendation.theme.strip()
    if recommendation.station is not None:
        station = session.station(recommendation.station)
        if station is not None:
            return station.name
    return ""


@dataclass(frozen=True)
class ThemeGroup:
    """One theme of the report: its name, its introduction and its numbered recommendations."""

    name: str
    """The theme ("" for recommendations without one: the report calls them "Øvrige anbefalinger")."""
    intro: str
    """The theme's introduction ([[themes]] intro), "" when none is written."""
    recommendations: list[tuple[int, Recommendation]] = field(default_factory=list)


def by_theme(session: Session) -> list[ThemeGroup]:
    """The recommendations grouped by theme, numbered across the report.

    Themes come in the order of ``[[themes]]`` first, then in the order their first
    recommendation stands; recommendations keep their order within a theme.
    """
    intros = {t.name.strip().casefold(): t for t in session.themes}
    order: dict[str, list[Recommendation]] = {}
    names: dict[str, str] = {}
    for theme in session.themes:
        order.setdefault(theme.name.strip().casefold(), [])
        names.setdefault(theme.name.strip().casefold(), theme.name.strip())
    for recommendation in session.recommendations:
        name = theme_of(session, recommendation)
        order.setdefault(name.casefold(), []).append(recommendation)
        names.setdefault(name.casefold(), name)
    groups: list[ThemeGroup] = []
    number = 0
    for key, members in order.items():
        if not members:
            continue
        listed: list[tuple[int, Recommendation]] = []
        for recommendation in members:
            number += 1
            listed.append((number, recommendation))
        written = intros.get(key)
        groups.append(ThemeGroup(names[key], written.intro if written is not None else "", listed))
    return groups


def for_station(session: Session, station_id: str) -> list[tuple[int, Recommendation]]:
    """The (numbered) draft recommendations a station unfolds: those with this station, or with its theme."""
    station = session.station(station_id)
    theme = station.name.strip().casefold() if station is not None else None
    return [
        (number, rec)
        for number, rec in numbered(session)
        if rec.station == station_id
        or (rec.station is None and theme is not None and rec.theme.strip().casefold() == theme)
    ]


def cited_notes(session: Session, recommendation: Recommendation) -> list[Note]:
    """The notes the recommendation cites, in the order cited (notes deleted since are left out)."""
    notes = {n.id: n for n in session.notes}
    return [notes[i] for i in dict.fromkeys(recommendation.notes) if i in notes]


def linked_notes(session: Session, recommendation_id: str) -> dict[str, list[Note]]:
    """Section -> the notes linked to that section of the recommendation (in the order written)."""
    found: dict[str, list[Note]] = {}
    for note in session.notes:
        if note.recommendation == recommendation_id and note.section:
            found.setdefault(note.section, []).append(note)
    return {s: found[s] for s in SECTION_NAMES if s in found}


def bullets_of(text: str) -> list[tuple[bool, str]]:
    """A section's text as (is a bullet, text) blocks: a line starting with "- " is a bullet, a blank line
    ends a paragraph."""
    blocks: list[tuple[bool, str]] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            blocks.append((False, "\n".join(paragraph)))
            paragraph.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith("- ") or stripped == "-":
            close()
            blocks.append((True, stripped[2:].strip()))
        elif not stripped:
            close()
        else:
            paragraph.append(stripped)
    close()
    return blocks


def folded(recommendation: Recommendation, language: str, width: int = 60) -> list[str]:
    """The note-taker's folded view: the title and one line per written section, cut to ``width``."""
    lines = [recommendation.title]
    for section in SECTION_NAMES:
        text = " ".join(getattr(recommendation, section).split())
        if text:
            line = f"{section_title(section, language, short=True)}: {text}"
            lines.append(line if len(line) <= width else line[: max(width - 1, 1)] + "…")
    return lines


# Changing -------------------------------------------------------------------------------------------


def _section(session: Session, name: str, after: Sequence[Recommendation | Theme] | Agenda) -> Op:
    """Replace one of the report's parts ("recommendations", "themes", "agenda") in one operation."""
    if isinstance(after, Agenda):
        value: Any = after.model_dump(mode="json")
    else:
        value = [item.model_dump(mode="json") for item in after]
    return SectionChanged(name, dump_section(session, name), value)


def _gone(store: SessionWriter, recommendation_id: str) -> RecommendationError:
    return RecommendationError(word("recommendation_gone", store.language, id=recommendation_id))


def _index(store: SessionWriter, session: Session, recommendation_id: str) -> int:
    for index, recommendation in enumerate(session.recommendations):
        if recommendation.id == recommendation_id:
            return index
    raise _gone(store, recommendation_id)


def _replaced(session: Session, index: int, recommendation: Recommendation) -> list[Recommendation]:
    recommendations = list(session.recommendations)
    recommendations[index] = recommendation
    return recommendations


def next_id(session: Session, used_before: Iterable[str] = ()) -> str:
    """A free id: r1, r2, ... (the first number above every "r<number>" in use, or ever used: ``used_before``).

    An id is never given twice, so a deleted recommendation's history is not mistaken for a new one's.
    """
    used = {r.id for r in session.recommendations} | set(used_before)
    numbers = [int(i[1:]) for i in used if i[:1] == "r" and i[1:].isdigit()]
    number = max(numbers, default=0) + 1
    while f"r{number}" in used:
        number += 1
    return f"r{number}"


def _check_fields(store: SessionWriter, session: Session, fields: dict[str, Any]) -> None:
    unknown = [f for f in fields if f not in EDITABLE]
    if unknown:
        raise RecommendationError(
            word("recommendation_unknown_field", store.language, field=unknown[0], known=", ".join(EDITABLE))
        )
    if "title" in fields and not str(fields["title"]).strip():
        raise RecommendationError(word("recommendation_no_title", store.language))
    station = fields.get("station")
    if station is not None and session.station(station) is None:
        raise RecommendationError(word("recommendation_unknown_station", store.language, id=station))


def create(
    store: SessionWriter,
    title: str,
    *,
    theme: str = "",
    station: str | None = None,
    intro: str = "",
    at: int | None = None,
    **sections: str,
) -> Recommendation:
    """Add a recommendation (a draft before the evening, or one written after); returns it with its new id.

    ``theme`` defaults to the station's theme in the report; ``at`` puts it at that place in
    the order (default: last); ``sections`` are the template's sections by name (purpose=...).
    """
    created: list[Recommendation] = []
    earlier = {v.recommendation_id for v in versions(store)}

    def build(session: Session) -> list[Op]:
        fields: dict[str, Any] = {"title": title, "theme": theme, "station": station, "intro": intro, **sections}
        _check_fields(store, session, fields)
        recommendation = Recommendation(id=next_id(session, earlier), **fields)
        recommendations = list(session.recommendations)
        recommendations.insert(len(recommendations) if at is None else max(0, at), recommendation)
        created[:] = [recommendation]
        return [_section(session, "recommendations", recommendations)]

    store.change(change_label("recommendation_created", title=title.strip()), build)
    return find(store.session, created[0].id) or created[0]


def edit(store: SessionWriter, recommendation_id: str, **fields: Any) -> Recommendation:
    """Change fields of a recommendation: title, theme, intro, station or any of the seven sections."""

    def build(session: Session) -> list[Op]:
        _check_fields(store, session, fields)
        index = _index(store, session, recommendation_id)
        before = session.recommendations[index]
        after = before.model_copy(update=fields)
        if after == before:
            return []
        return [_section(session, "recommendations", _replaced(session, index, after))]

    current = find(store.session, recommendation_id)
    title = fields.get("title") or (current.title if current is not None else recommendation_id)
    store.change(change_label("recommendation_edited", title=str(title).strip()), build)
    found = find(store.session, recommendation_id)
    if found is None:
        raise _gone(store, recommendation_id)
    return found


def write_section(store: SessionWriter, recommendation_id: str, section: str, text: str) -> bool:
    """Save one section's text (as the editor does while typing); True when it changed something."""
    if section not in (*SECTION_NAMES, "intro"):
        raise RecommendationError(
            word("recommendation_unknown_section", store.language, section=section, known=", ".join(SECTION_NAMES))
        )

    def build(session: Session) -> list[Op]:
        index = _index(store, session, recommendation_id)
        before = session.recommendations[index]
        if getattr(before, section) == text:
            return []
        after = before.model_copy(update={section: text})
        return [_section(session, "recommendations", _replaced(session, index, after))]

    current = find(store.session, recommendation_id)
    if current is None:
        raise _gone(store, recommendation_id)
    if section == "intro":
        what = word("recommendation_intro", store.language)
    else:
        what = section_title(section, store.language)
    label = change_label("recommendation_section", section=what, title=current.title)
    return store.change(label, build) is not None


def _note(store: SessionWriter, session: Session, note_id: str) -> Note:
    found = next((n for n in session.notes if n.id == note_id), None)
    if found is None:
        raise RecommendationError(word("recommendation_note_gone", store.language, id=note_id))
    return found


def cite_note(store: SessionWriter, recommendation_id: str, note_id: str) -> bool:
    """Cite a note in a recommendation (kept as the note's id); True when it was not cited yet."""

    def build(session: Session) -> list[Op]:
        _note(store, session, note_id)
        index = _index(store, session, recommendation_id)
        before = session.recommendations[index]
        if note_id in before.notes:
            return []
        after = before.model_copy(update={"notes": [*before.notes, note_id]})
        return [_section(session, "recommendations", _replaced(session, index, after))]

    return store.change(change_label("note_cited", title=_title(store, recommendation_id)), build) is not None


def uncite_note(store: SessionWriter, recommendation_id: str, note_id: str) -> bool:
    """Take a cited note out of a recommendation; True when it was cited."""

    def build(session: Session) -> list[Op]:
        index = _index(store, session, recommendation_id)
        before = session.recommendations[index]
        if note_id not in before.notes:
            return []
        after = before.model_copy(update={"notes": [n for n in before.notes if n != note_id]})
        return [_section(session, "recommendations", _replaced(session, index, after))]

    return store.change(change_label("note_uncited", title=_title(store, recommendation_id)), build) is not None


def link_note(store: SessionWriter, note_id: str, recommendation_id: str, section: SectionName | str) -> Note:
    """Link a note to the section of a recommendation it qualifies ("Indsatser"); returns the note."""
    if section not in SECTION_NAMES:
        raise RecommendationError(
            word("recommendation_unknown_section", store.language, section=section, known=", ".join(SECTION_NAMES))
        )

    def build(session: Session) -> list[Op]:
        _index(store, session, recommendation_id)
        before = _note(store, session, note_id)
        if before.recommendation == recommendation_id and before.section == section:
            return []
        after = before.model_copy(update={"recommendation": recommendation_id, "section": section, "updated": now()})
        return [NoteChanged(before, after)]

    label = change_label(
        "note_linked", section=section_title(section, store.language), title=_title(store, recommendation_id)
    )
    store.change(label, build)
    return _note(store, store.session, note_id)


def unlink_note(store: SessionWriter, note_id: str) -> Note:
    """Take away a note's link to a recommendation's section; returns the note."""

    def build(session: Session) -> list[Op]:
        before = _note(store, session, note_id)
        if before.recommendation is None and before.section is None:
            return []
        after = before.model_copy(update={"recommendation": None, "section": None, "updated": now()})
        return [NoteChanged(before, after)]

    store.change(change_label("note_unlinked"), build)
    return _note(store, store.session, note_id)


def delete(store: SessionWriter, recommendation_id: str) -> None:
    """Delete a recommendation; notes linked to it lose the link (undo brings both back)."""

    def build(session: Session) -> list[Op]:
        index = _index(store, session, recommendation_id)
        recommendations = [r for i, r in enumerate(session.recommendations) if i != index]
        ops = [_section(session, "recommendations", recommendations)]
        moment = now()
        for note in session.notes:
            if note.recommendation == recommendation_id:
                unlinked = note.model_copy(update={"recommendation": None, "section": None, "updated": moment})
                ops.append(NoteChanged(note, unlinked))
        return ops

    store.change(change_label("recommendation_deleted", title=_title(store, recommendation_id)), build)


def move(store: SessionWriter, recommendation_id: str, to: int) -> bool:
    """Move a recommendation to place ``to`` (from 0) in the report's order; True when it moved."""

    def build(session: Session) -> list[Op]:
        index = _index(store, session, recommendation_id)
        recommendations = list(session.recommendations)
        moving = recommendations.pop(index)
        place = min(max(to, 0), len(recommendations))
        if place == index:
            return []
        recommendations.insert(place, moving)
        return [_section(session, "recommendations", recommendations)]

    return store.change(change_label("recommendation_moved", title=_title(store, recommendation_id)), build) is not None


def reorder(store: SessionWriter, ids: Sequence[str]) -> bool:
    """Put the recommendations in this order (ids not named keep their order, after the named ones)."""

    def build(session: Session) -> list[Op]:
        known = {r.id: r for r in session.recommendations}
        for recommendation_id in ids:
            if recommendation_id not in known:
                raise _gone(store, recommendation_id)
        wanted = list(dict.fromkeys(ids))
        ordered = [known[i] for i in wanted] + [r for r in session.recommendations if r.id not in wanted]
        if [r.id for r in ordered] == [r.id for r in session.recommendations]:
            return []
        return [_section(session, "recommendations", ordered)]

    return store.change(change_label("recommendations_reordered"), build) is not None


def write_theme(store: SessionWriter, name: str, intro: str) -> bool:
    """Write a theme's introduction (the theme is added to [[themes]] when new); True when it changed something."""
    name = name.strip()

    def build(session: Session) -> list[Op]:
        themes = list(session.themes)
        for index, theme in enumerate(themes):
            if theme.name.strip().casefold() == name.casefold():
                if theme.intro == intro:
                    return []
                themes[index] = theme.model_copy(update={"intro": intro})
                break
        else:
            themes.append(Theme(name=name, intro=intro))
        return [_section(session, "themes", themes)]

    return store.change(change_label("theme_written", theme=name), build) is not None


def write_proposed_decision(store: SessionWriter, text: str) -> bool:
    """Write the agenda item's "Indstilling" (what the administration proposes the committee decides)."""

    def build(session: Session) -> list[Op]:
        if session.agenda.proposed_decision == text:
            return []
        return [_section(session, "agenda", session.agenda.model_copy(update={"proposed_decision": text}))]

    return store.change(change_label("proposed_decision_written"), build) is not None


def _title(store: SessionWriter, recommendation_id: str) -> str:
    found = find(store.session, recommendation_id)
    if found is None:
        raise _gone(store, recommendation_id)
    return found.title


# History --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One saved version of a recommendation, as the journal keeps it."""

    seq: int
    """The change's number in the journal."""
    at: dt.datetime
    """When it was saved."""
    author: str
    """Who saved it."""
    label: str
    """What the change was (its catalogue label; :func:`workshop.storage.change_labels.describe_change` words it)."""
    recommendation_id: str
    recommendation: Recommendation | None
    """The recommendation after the change; None when the change deleted it."""
    before: Recommendation | None = None
    """The recommendation just before the change; None when the change created it."""


def versions(store: SessionWriter, recommendation_id: str | None = None) -> list[Version]:
    """Every saved version of one recommendation (or of all, for None), oldest first, undos and redos included.

    Read from the journal beside the session file, so it spans restarts; a session whose
    journal was removed has no versions before that.
    """
    found: list[Version] = []
    for event in store.changes_since(0):
        for op in event.ops:
            if op.get("t") != "section" or op.get("name") != "recommendations":
                continue
            before = {r["id"]: r for r in op.get("before") or [] if isinstance(r, dict) and "id" in r}
            after = {r["id"]: r for r in op.get("after") or [] if isinstance(r, dict) and "id" in r}
            for rid in dict.fromkeys([*after, *before]):
                if recommendation_id is not None and rid != recommendation_id:
                    continue
                if before.get(rid) == after.get(rid):
                    continue
                data, previous = after.get(rid), before.get(rid)
                found.append(
                    Version(
                        seq=event.seq,
                        at=_moment(event.at),
                        author=event.author,
                        label=event.label,
                        recommendation_id=rid,
                        recommendation=Recommendation.model_validate(data) if data is not None else None,
                        before=Recommendation.model_validate(previous) if previous is not None else None,
                    )
                )
    return found


def _moment(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return dt.datetime.min


def evening_start(session: Session) -> dt.datetime | None:
    """When the evening began: the first programme item's recorded start (the facilitator's clock), if any."""
    starts = [record.start for record in session.live.actual]
    return min(starts) if starts else None


@dataclass(frozen=True)
class EveningChange:
    """How one recommendation differs from its draft as it stood before the evening."""

    number: int
    """Its number in the report (0 for one removed during the evening)."""
    title: str
    status: str
    """"new", "removed", "changed" or "unchanged"."""
    sections: list[str] = field(default_factory=list)
    """The fields that changed ("title", "intro", "actions", ...), in the template's order."""


_COMPARED = ("title", "theme", "intro", *SECTION_NAMES)


def evening_changes(
    session: Session, history: Iterable[Version], since: dt.datetime | None = None
) -> list[EveningChange] | None:
    """Each recommendation compared with how it stood before ``since`` (default: :func:`evening_start`).

    How it stood is read from the history: the version just before its first change after
    ``since``; a recommendation without changes since then is unchanged. None when the evening
    has not begun (no start is recorded and none is given).
    """
    since = since or evening_start(session)
    if since is None:
        return None
    drafts: dict[str, Recommendation | None] = {}
    for version in history:
        if version.at >= since and version.recommendation_id not in drafts:
            drafts[version.recommendation_id] = version.before
    changes: list[EveningChange] = []
    current = {r.id for r in session.recommendations}
    for number, recommendation in numbered(session):
        if recommendation.id not in drafts:
            changes.append(EveningChange(number, recommendation.title, "unchanged"))
            continue
        draft = drafts[recommendation.id]
        if draft is None:
            changes.append(EveningChange(number, recommendation.title, "new"))
            continue
        differ = [f for f in _COMPARED if _plain(getattr(draft, f)) != _plain(getattr(recommendation, f))]
        changes.append(EveningChange(number, recommendation.title, "changed" if differ else "unchanged", differ))
    for rid, draft in drafts.items():
        if draft is not None and rid not in current:
            changes.append(EveningChange(0, draft.title, "removed"))
    return changes


def _plain(value: object) -> str:
    """A field's text with its spacing evened out (a re-typed space is not a change)."""
    if isinstance(value, str):
        return " ".join(value.split())
    return json.dumps(value, sort_keys=True, default=str)
