"""The facilitator mode. (A first version: the programme and the rotation.)"""

from __future__ import annotations

from .overview import OverviewScreen


class FacilitatorScreen(OverviewScreen):
    """Placeholder until the facilitator issue lands: shows the overview."""
