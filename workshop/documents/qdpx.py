"""The coded notes for analysis programs: a REFI-QDA project (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA and QualCoder.

A zip with ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``, valid against the REFI-QDA 1.0
``Project.xsd``) and one plain-text file per note in the lowercase ``sources/`` folder:

* each note is a ``<TextSource>`` named "Station 1, Gruppe 2, runde 1 (3)"; its categories are
  codings of its whole text;
* its station, round and group are variables of the source ("Station", "Runde", "Gruppe") and
  sets ("Station 1 – Ledelse som fag", "Runde 1", "Gruppe 2"), so a program can filter by any;
* the codebook is the one of :mod:`workshop.documents.qdc`, with the same stable GUIDs;
* the note-takers are the project's users (anonymized: "Skribent 1").

Empty parts are left out rather than written empty (the schema does not allow an empty
``<Sets/>`` or ``<Sources/>``).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

from workshop.documents.format import DocumentFormat, ExportOptions
from workshop.documents.printable import printable
from workshop.documents.qdc import (
    ORIGIN,
    as_guid,
    category_guid,
    category_guids,
    codes_xml,
    guid,
    session_namespace,
    xml_attr,
    xml_text,
)
from workshop.model.session import Note, Session
from workshop.notes.review import categories_of, in_order
from workshop.words import word
from workshop.words.phrases import group_and_round

PROJECT_NS = "urn:QDA-XML:project:1.0"
SOURCES = "sources"
"""The folder inside the zip that holds the notes' text (lowercase, as the standard writes it)."""
PROGRESS_EVERY = 500


_OFFSETS: dict[tuple[int, int, int, int], dt.timedelta] = {}


def _stamp(moment: dt.datetime) -> str:
    """An xsd:dateTime in UTC: 2026-03-12T18:20:00Z (a time without a zone is local time, as notes keep it)."""
    if moment.tzinfo is None:
        hour = (moment.year, moment.month, moment.day, moment.hour)
        offset = _OFFSETS.get(hour)
        if offset is None:
            local = moment.replace(minute=0, second=0, microsecond=0).astimezone()
            offset = _OFFSETS[hour] = local.utcoffset() or dt.timedelta()
        moment = moment - offset
    else:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    return f"{day}T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"


def project_xml(session: Session, options: ExportOptions, notes: list[tuple[Note, str, str]]) -> str:
    """The ``project.qde`` text for these notes, each with its source's GUID and its text as the source holds it."""
    language = options.language
    redact: Callable[[str], str] = options.redactor(session) or (lambda text: text)
    namespace = session_namespace(session)
    moment = _stamp(options.when())
    numbers = {s.id: n for n, s in enumerate(session.stations, start=1)}
    groups = {g.id: g.name for g in session.groups}
    code_guids = category_guids(session)
    station_names = {s.id: redact(entry_title(session, s.id, language)) for s in session.stations}

    users: dict[str, str] = {}
    for note, _, _ in notes:
        author = note.author.strip()
        if author and author not in users:
            users[author] = guid(namespace, "user", author)

    out: list[str] = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<Project xmlns="{PROJECT_NS}" name="{xml_attr(redact(session.workshop.title))}" origin="{xml_attr(ORIGIN)}" '
        f'creationDateTime="{moment}" modifiedDateTime="{moment}">',
    ]
    if users:
        out.append("  <Users>")
        out += [f'    <User guid="{g}" name="{xml_attr(redact(name))}"/>' for name, g in users.items()]
        out.append("  </Users>")
    if session.categories:
        out.append("  <CodeBook>")
        out.append(codes_xml(session, redact, indent="    "))
        out.append("  </CodeBook>")

    variables = {
        "station": (guid(namespace, "variable", "station"), word("station", language), "Text"),
        "round": (guid(namespace, "variable", "round"), word("round", language), "Integer"),
        "group": (guid(namespace, "variable", "group"), word("group", language), "Text"),
    }
    if notes:
        out.append("  <Variables>")
        out += [
            f'    <Variable guid="{g}" name="{xml_attr(name)}" typeOfVariable="{kind}"/>'
            for g, name, kind in variables.values()
        ]
        out.append("  </Variables>")

    sets: dict[tuple[str, str], list[str]] = {}
    set_names: dict[tuple[str, str], str] = {}
    progress = options.progress or (lambda done, total: None)
    if notes:
        out.append("  <Sources>")
        for index, (note, source, text) in enumerate(notes, start=1):
            number = numbers.get(note.station)
            station = f"{word('station', language)} {number}" if number else note.station
            group = redact(groups.get(note.group or "", note.group or ""))
            name = f"{station}, {group_and_round(group, note.round, language)} ({index})"
            user = users.get(note.author.strip())
            created = f' creatingUser="{user}"' if user else ""
            out.append(
                f'    <TextSource guid="{source}" name="{xml_attr(name)}" plainTextPath="internal://{source}.txt"'
                f'{created} creationDateTime="{_stamp(note.created)}" modifiedDateTime="{_stamp(note.updated)}">'
            )
            codes = categories_of(session, note)
            if codes and text:
                selection = guid(namespace, "selection", note.id)
                out.append(
                    f'      <PlainTextSelection guid="{selection}" name="{xml_attr(name)}" startPosition="0" '
                    f'endPosition="{len(text)}"{created}>'
                )
                for category in codes:
                    coding = guid(namespace, "coding", note.id, category.id)
                    out.append(f'        <Coding guid="{coding}"{created}>')
                    target = code_guids.get(category.id) or category_guid(session, category)
                    out.append(f'          <CodeRef targetGUID="{target}"/>')
                    out.append("        </Coding>")
                out.append("      </PlainTextSelection>")
            values = [("station", station, "TextValue"), ("round", str(note.round), "IntegerValue")]
            if group:
                values.append(("group", group, "TextValue"))
            for variable, value, element in values:
                out.append(
                    f'      <VariableValue><VariableRef targetGUID="{variables[variable][0]}"/>'
                    f"<{element}>{xml_text(value)}</{element}></VariableValue>"
                )
            out.append("    </TextSource>")
            station_name = station_names.get(note.station) or redact(entry_title(session, note.station, language))
            for key, label in (
                (("station", note.station), station_name),
                (("round", str(note.round)), f"{word('round', language)} {note.round}"),
                (("group", note.group or ""), group),
            ):
                if key[1] and label:
                    sets.setdefault(key, []).append(source)
                    set_names.setdefault(key, label)
            if index % PROGRESS_EVERY == 0:
                progress(index, len(notes))
        out.append("  </Sources>")
    if sets:
        out.append("  <Sets>")
        for key, members in sets.items():
            out.append(f'    <Set guid="{guid(namespace, "set", *key)}" name="{xml_attr(set_names[key])}">')
            out += [f'      <MemberSource targetGUID="{member}"/>' for member in members]
            out.append("    </Set>")
        out.append("  </Sets>")
    out.append("</Project>")
    return "\n".join(out) + "\n"


def entry_title(session: Session, station_id: str, language: str) -> str:
    """ "Station 1 – Ledelse som fag" (without the host: a set is about the theme)."""
    from workshop.words.phrases import station_title

    for number, station in enumerate(session.stations, start=1):
        if station.id == station_id:
            return station_title(number, station.name, "", language)
    return station_id


def write_project(session: Session, target: Path, options: ExportOptions | None = None) -> None:
    """Write the ``.qdpx`` project (a zip) to ``target``."""
    options = options or ExportOptions(session.workshop.language)
    redact = options.redactor(session)
    if redact is not None and options.redact is None:
        options = ExportOptions(
            language=options.language,
            anonymize=True,
            hosts=options.hosts,
            moment=options.moment,
            progress=options.progress,
            redact=redact,
        )
    namespace = session_namespace(session)
    notes = [
        (note, as_guid(namespace, note.id, "note"), redact(printable(note.text)) if redact else printable(note.text))
        for note in in_order(session, session.notes)
    ]
    progress = options.progress or (lambda done, total: None)
    progress(0, len(notes))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("project.qde", project_xml(session, options, notes))
        for _, source, text in notes:  # a note is small: stored as it is, which opens as fast and writes faster
            archive.writestr(f"{SOURCES}/{source}.txt", text.encode("utf-8"), compress_type=zipfile.ZIP_STORED)
    progress(len(notes), len(notes))


FORMAT = DocumentFormat(
    name="qdpx",
    option="qdpx",
    extension=".qdpx",
    file_word="file.qdpx",
    title="document_qdpx",
    export="export_qdpx",
    write=write_project,
    word_file=False,
)
"""The REFI-QDA project in the registry of documents (``workshop export --format qdpx``)."""
