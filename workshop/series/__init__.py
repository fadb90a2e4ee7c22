"""A series of meetings: every version of every recommendation, the timeline, the decisions and follow-up.

:mod:`workshop.series.versions` computes the versions from the meetings' sessions,
:mod:`workshop.series.timeline` the timeline, :mod:`workshop.series.load` reads a series through
the store, :mod:`workshop.series.show` words it for ``workshop series show``.
"""

SERIES_OPTIONS: tuple[str, ...] = ("recommendations", "changes", "timeline", "status", "memo")
"""The ``workshop export SERIES --format`` values, in this order."""
