"""The secretariat mode. (A first version: the programme and the rotation.)"""

from __future__ import annotations

from .overview import OverviewScreen


class SecretariatScreen(OverviewScreen):
    """Placeholder until the secretariat issue lands: shows the overview."""
