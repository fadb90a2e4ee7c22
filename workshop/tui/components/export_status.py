"""Progress of an export and where each file went."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from workshop.documents.registry import Exported
from workshop.words import word


def shown_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it, else in full."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


class ExportStatus(Vertical):
    """A progress bar while documents are written, then one line per file (hidden until then)."""

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=100, show_eta=False, id="export-progress")
        yield Static("", id="export-log", markup=False)

    def started(self, line: str) -> None:
        """Show the bar at zero, with ``line`` ("Eksporterer referat …") under it."""
        self.add_class("-used", "-running")
        self.query_one(ProgressBar).update(total=100, progress=0)
        self.query_one("#export-log", Static).update(line)

    def advanced(self, fraction: float) -> None:
        """Move the bar on to ``fraction`` (0-1) of the way."""
        self.query_one(ProgressBar).update(progress=round(fraction * 100, 1))

    def finished(self, lines: list[str]) -> None:
        """Hide the bar and list where each file went, one line each."""
        self.remove_class("-running")
        self.query_one("#export-log", Static).update("\n".join(lines))

    def failed(self, line: str) -> None:
        """Hide the bar and say what went wrong (``line``, in the session's language)."""
        self.remove_class("-running")
        self.query_one("#export-log", Static).update(line)


def exported_message(done: Sequence[Exported], language: str) -> str:
    """The toast after an export: the folder named once, then each file's name on a line of its own.

    A toast is 40 columns at 80x24: a whole path would be split mid-name ("…dagsordenspunkt.do / cx").
    """
    folders: dict[Path, list[str]] = {}
    for document in done:
        folders.setdefault(document.path.parent, []).append(document.path.name)
    lines: list[str] = []
    for folder, names in folders.items():
        lines.append(word("exported_to", language, count=len(names), folder=shown_path(folder).rstrip("/") + "/"))
        lines += [f"• {name}" for name in names]
    return "\n".join(lines)
