"""The secretariat mode: write the summaries and the recommendations, then export the documents.

Left, the three opening texts, each its own (the minutes' "Opsamling", the report's "Indledning",
the agenda item's "Sagsfremstilling"; an unwritten one shows the text that stands in for it), and
each station with its number of notes; right, the chosen text in an editor with what lies behind it
(the notes per category). A summary is
saved with ctrl+s, when another summary is chosen, when the mode is left, and a moment after
typing stops. ctrl+r opens the recommendations editor. F5 exports every document (F9 the
anonymized minutes, with the report of what was replaced shown on the screen; first, the places
where a word may be a name or the ordinary word are put to the secretariat); the command
palette offers each document on its own. The export runs beside the screen with a progress bar,
and the screen lists where each file went; in a browser (``workshop serve``) the files are also
handed to the browser as one download (a zip when there are several).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Static, TextArea

from workshop.documents.anonymize import Case
from workshop.documents.anonymizing.decisions import decide, preview
from workshop.documents.minutes import station_heading
from workshop.documents.registry import ExportChoice, Exported, ExportError, export_choices, export_many, snapshot_of
from workshop.documents.registry import title as document_title
from workshop.notes.recommendations import versions
from workshop.notes.review import stations_and_notes as station_notes
from workshop.notes.review import tally
from workshop.notes.summaries import Opening, prefilled_from, summary_of, text_for, write_opening, write_summary
from workshop.words import word

from ..components.export_status import ExportStatus, exported_message, shown_path
from ..components.key_footer import KeyFooter
from ..components.name_dialog import NameDialog
from ..components.saved_while_writing import SavedWhileWriting
from ..components.summary_list import OPENING_KEYS, OPENING_WORDS, OVERALL_KEY, SummaryList
from ..localise import localise_bindings
from ..session_view import PHONE_BELOW, SessionView, workshop_app

EXPORTS: dict[str, ExportChoice] = {choice.key: choice for choice in export_choices()}
"""What the secretariat can export, by the action's argument: "all", each document, "anonymized"."""


class ExportCommands(Provider):
    """The command palette's entries for each document, in the session's language."""

    def _commands(self) -> Iterable[tuple[str, str]]:
        language = workshop_app(self).language
        for key, choice in EXPORTS.items():
            yield word(choice.words, language), key

    async def discover(self) -> Hits:
        screen = self.screen
        if not isinstance(screen, SecretariatScreen):
            return
        where = word("export_where", screen.language)
        for text, key in self._commands():
            yield DiscoveryHit(text, partial(screen.action_export, key), help=where)

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, SecretariatScreen):
            return
        where = word("export_where", screen.language)
        matcher = self.matcher(query)
        for text, key in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(screen.action_export, key), help=where)


NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): the list and the text stacked (app.tcss, .-narrow)."""


class SecretariatScreen(SavedWhileWriting, SessionView, Screen[None]):
    """Summaries and exports."""

    AUTOSAVE_SECONDS: ClassVar[float] = 2.0
    """A summary is saved this long after typing stops (tests set it near zero)."""
    COMMANDS = {ExportCommands}

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="secretariat.save", tooltip="Save the summary being written"),
        Binding(
            "f5",
            "export('all')",
            "Export",
            id="secretariat.export",
            tooltip="Write every document into the exports folder: minutes, route cards, quote table, "
            "recommendations, agenda item and the two REFI-QDA files",
        ),
        Binding(
            "f9",
            "export('anonymized')",
            "Anonymized",
            id="secretariat.export_anonymized",
            tooltip="Write the minutes without any participant's or author's name",
        ),
        Binding(
            "ctrl+l",
            "focus_list",
            "Summaries",
            id="secretariat.list",
            show=False,
            tooltip="Move to the list of summaries",
        ),
        Binding(
            "ctrl+t,ctrl+e",
            "focus_text",
            "Write",
            id="secretariat.write",
            show=False,
            tooltip="Move to the summary's text (ctrl+e in a browser, which keeps ctrl+t for itself)",
        ),
        Binding(
            "ctrl+f",
            "review",
            "Review",
            id="secretariat.review",
            tooltip="All notes: filter, search, recode, the station x category matrix",
        ),
        Binding(
            "ctrl+b",
            "codebook",
            "Codebook",
            id="secretariat.codebook",
            tooltip="Rename, merge, split and delete categories",
        ),
        Binding(
            "ctrl+r",
            "recommendations",
            "Recommendations",
            id="secretariat.recommendations",
            tooltip="Write the recommendations, their themes and the proposed decision from the notes",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.key: str | None = None
        """The summary being written: OVERALL_KEY or a station id."""
        self.loaded = ""
        """The stored text of that summary when it was loaded or last saved."""
        self.draft = ""
        """The editor's text as last seen (kept so it can be saved while the screen closes)."""
        self._autosave: Timer | None = None
        self.exporting = False
        self._localised = self.language
        localise_bindings(self, self._localised)  # before the footer first shows the keys

    # Building ------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="secretariat-body"):
            yield SummaryList(id="summary-list")
            with Vertical(id="summary-side"):
                yield Static("", id="summary-title", markup=False)
                yield Static("", id="summary-facts", markup=False)
                yield TextArea(id="summary-text", soft_wrap=True, tab_behavior="focus")
        yield ExportStatus(id="export-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self.redraw()
        self.action_focus_text()  # F4 and typing: the words go into the summary

    def on_resize(self, event: events.Resize) -> None:
        """A phone's width: the list of summaries above the text, not a column of two letters beside it."""
        self.set_class(event.size.width < NARROW_BELOW, "-narrow")

    # Showing --------------------------------------------------------------------------------------
    def redraw(self) -> None:
        session = self.session
        listing = self.query_one(SummaryList)
        listing.show(session)
        key = listing.current_key() or OVERALL_KEY
        if key != self.key:
            self.choose(key)
            return
        self.show_facts()
        stored = self._stored()
        if stored != self.loaded:
            editor = self.query_one("#summary-text", TextArea)
            if editor.text == self.loaded:
                self.loaded = self.draft = stored
                editor.load_text(stored)
            elif editor.text != stored:
                self.notify(word("summary_clash", self.language), severity="warning", timeout=10, markup=False)
                self.loaded = stored

    def _station(self) -> str | None:
        return None if self.key is None or self.key in OPENING_KEYS else self.key

    def _opening(self) -> Opening | None:
        return OPENING_KEYS.get(self.key) if self.key is not None else None

    def _stored(self) -> str:
        """The text the editor shows: a summary, or an opening text (prefilled from another while unwritten)."""
        opening = self._opening()
        if opening is not None:
            return text_for(self.store.session, opening)
        return summary_of(self.store.session, self._station())

    def _write(self, text: str) -> bool:
        opening = self._opening()
        if opening is not None:
            return write_opening(self.store, opening, text)
        return write_summary(self.store, self._station(), text)

    def choose(self, key: str) -> None:
        """Show the summary ``key``, after saving the one being written."""
        if self.key is not None:
            self.save()
        self.key = key
        self.loaded = self.draft = self._stored()
        self.query_one("#summary-text", TextArea).load_text(self.loaded)
        self.show_facts()
        self.offer_draft()

    # What is typed and not saved yet: this device's draft (SavedWhileWriting) --------------------------
    def draft_place(self) -> str | None:
        return None if self.key is None else f"summary:{self.key}"

    def draft_what(self) -> str:
        station = self._station()
        if station is None:
            return word("draft_what_summary_overall", self.language)
        number = self.session.station_number(station) or station
        return word("draft_what_summary_station", self.language, number=number)

    def editor_text(self) -> str:
        return self.query_one("#summary-text", TextArea).text

    def put_in_editor(self, text: str) -> None:
        self.query_one("#summary-text", TextArea).load_text(text)
        self.draft = text

    def show_facts(self) -> None:
        session = self.store.session
        language = session.workshop.language
        entries = station_notes(session)
        counts = tally(session, entries)
        title = self.query_one("#summary-title", Static)
        facts = self.query_one("#summary-facts", Static)
        notes = word("notes", language).lower()
        station = self._station()
        opening = self._opening()
        if opening is not None and opening != "overall":
            title.update(word("opening_introduction" if opening == "introduction" else "opening_case", language))
            source = prefilled_from(session, opening)
            facts.update(
                word("opening_prefilled", language, source=word(OPENING_WORDS[source], language)) if source else ""
            )
            return
        if station is None:
            title.update(f"{word('summary', language)}: {session.workshop.title}")
            total = sum(counts.notes)
            counted = word("one_note" if total == 1 else "some_notes", language, count=total)
            parts = [f"{counted}, {len(entries)} {word('stations', language).lower()}"]
            parts += [f"{c.name} {sum(n)}" for c, n in counts.rows if sum(n)]
            if sum(counts.uncoded):
                parts.append(f"{word('uncoded', language)} {sum(counts.uncoded)}")
            facts.update(" · ".join(parts))
            return
        column = next((i for i, e in enumerate(entries) if e.station.id == station), None)
        if column is None:
            title.update(station)
            facts.update("")
            return
        entry = entries[column]
        title.update(station_heading(entry, language))
        parts = [f"{len(entry.notes)} {notes}"]
        parts += [f"{c.name} {len(found)}" for c, found in entry.by_category]
        if entry.uncoded:
            parts.append(f"{word('uncoded', language)} {len(entry.uncoded)}")
        lines = [" · ".join(parts)]
        lines += [f"? {question}" for question in entry.station.questions]
        facts.update("\n".join(lines))

    # Reacting ---------------------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != "summary-list":
            return
        key = event.row_key.value
        if key is not None and key != self.key:
            self.choose(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "summary-list":
            self.action_focus_text()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.draft = event.text_area.text
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if event.text_area.text != self.loaded:
            self._autosave = self.set_timer(self.AUTOSAVE_SECONDS, self.save)
            self.typed()

    # Actions ------------------------------------------------------------------------------------------
    def save(self, quiet: bool = False) -> bool:
        """Store the summary being written if it changed; True when something was saved."""
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self.key is None:
            return False
        if not quiet:
            self.draft = self.query_one("#summary-text", TextArea).text
        text = self.draft
        if text == self.loaded:
            return False
        if quiet:
            self._write(text)
            self.loaded = text
            self.saved_here()
            return True
        changed = self.workshop_app.attempt(partial(self._write, text))
        if changed is None:
            return False
        self.loaded = text
        self.saved_here()
        return True

    def action_save(self) -> None:
        if self.save():
            self.notify(word("summary_saved", self.language), markup=False)
        else:
            self.notify(word("nothing_new", self.language), markup=False)

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.save()
        self.app.push_screen(ReviewScreen())

    def action_codebook(self) -> None:
        from .codebook import CodebookScreen

        self.save()
        self.app.push_screen(CodebookScreen())

    def action_recommendations(self) -> None:
        from .recommendations import RecommendationsScreen

        self.save()
        self.app.push_screen(RecommendationsScreen())

    def action_focus_list(self) -> None:
        self.query_one(SummaryList).focus()

    def action_focus_text(self) -> None:
        """To the summary's text, with the cursor after what is written (to go on writing)."""
        editor = self.query_one("#summary-text", TextArea)
        editor.move_cursor(editor.document.end)
        self.set_focus(editor)

    def action_export(self, which: str = "all") -> None:
        """Write documents in a worker, showing progress; then list where they went.

        Anonymized, the places where a word is both a name and an ordinary word and the text cannot
        tell which are found first; if there are any, the secretariat decides them (NameDialog)
        before anything is written, and the decisions are kept in the session."""
        self._export(which, ask=True)

    def _export(self, which: str, *, ask: bool) -> None:
        if which not in EXPORTS:
            return
        if self.exporting:
            self.notify(word("export_running", self.language), severity="warning", markup=False)
            return
        self.save()
        choice = EXPORTS[which]
        kinds, anonymize = choice.kinds, choice.anonymize
        self.store.fold()
        self.workshop_app.show_notices()
        session = snapshot_of(self.store.session)
        history = versions(self.store)
        path = self.store.path
        status = self.query_one(ExportStatus)
        language = self.language
        what = ", ".join(document_title(k, language).lower() for k in kinds)
        status.started(word("exporting", language, what=what))
        self.exporting = True

        def report(fraction: float) -> None:
            self.app.call_from_thread(status.advanced, fraction)

        def work() -> None:
            try:
                if anonymize and ask:
                    self.app.call_from_thread(status.started, word("names_checking", language, what=what))
                    undecided = preview(session, kinds).undecided
                    if undecided:
                        self.app.call_from_thread(self._ask_names, which, undecided)
                        return
                    self.app.call_from_thread(status.started, word("exporting", language, what=what))
                done = export_many(session, path, kinds, anonymize=anonymize, progress=report, history=history)
            except ExportError as error:
                self.app.call_from_thread(self._export_failed, str(error))
            except Exception as error:  # noqa: BLE001 - tell the user, never crash the app
                self.app.call_from_thread(self._export_failed, f"{type(error).__name__}: {error}")
            else:
                self.app.call_from_thread(self._exported, done)

        self.run_worker(work, thread=True, exclusive=True, group="export", name="export")

    def _ask_names(self, which: str, cases: list[Case]) -> None:
        """The places to decide, in a dialog; then the export with the decisions, or nothing."""
        self.exporting = False

        def decided(chosen: list[tuple[Case, bool]] | None) -> None:
            if chosen is None:
                self.query_one(ExportStatus).finished([word("names_cancelled", self.language)])
                return
            decide(self.store, chosen)
            self._export(which, ask=False)

        self.app.push_screen(NameDialog(cases, self.language), decided)

    def _exported(self, done: Sequence[Exported]) -> None:
        self.exporting = False
        language = self.language
        lines = [f"{document_title(d.kind.name, language)}: {shown_path(d.path)}" for d in done]
        report: list[str] = []
        for document in done:
            if document.report is None:
                continue
            report += document.report.summary(language)
            if document.report_path is not None:
                report.append(word("export_report_at", language, path=shown_path(document.report_path)))
        self.query_one(ExportStatus).finished(lines + report)
        self.notify(exported_message(done, language), timeout=10, markup=False)
        if report:
            self.notify("\n".join(report), title=word("export_report_title", language), timeout=30, markup=False)
        if self.app.is_web:  # served in a browser: every file comes down too, several in one zip
            files = [document.path for document in done]
            files += [document.report_path for document in done if document.report_path is not None]
            self._deliver(files)

    def _deliver(self, paths: list[Path]) -> None:
        """Hand the written files to the browser as one download (they stay in exports/ as well).

        A browser takes one download a page starts by itself, so several files come as one zip
        (workshop.serving.downloads).
        """
        from workshop.serving.downloads import one_download

        name = ", ".join(path.name for path in paths)
        try:
            delivered, name, mime_type = one_download(paths, self.store.path, self.language)
            self.app.deliver_binary(delivered, save_filename=name, mime_type=mime_type)
        except Exception as error:  # noqa: BLE001 - the files are written; say the download failed
            self.notify(
                word("export_not_delivered", self.language, name=name, problem=error),
                severity="warning",
                markup=False,
            )

    def _export_failed(self, message: str) -> None:
        self.exporting = False
        self.query_one(ExportStatus).failed(word("export_failed", self.language, problem=message))
        self.notify(message, severity="error", timeout=10, markup=False)
