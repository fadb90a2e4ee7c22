"""Progress of an export and where each file went."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static


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
