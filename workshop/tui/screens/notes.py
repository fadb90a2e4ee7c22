"""The notes mode. (A first version: the programme and the rotation.)"""

from __future__ import annotations

from .overview import OverviewScreen


class NotesScreen(OverviewScreen):
    """Placeholder until the notes issue lands: shows the overview."""
