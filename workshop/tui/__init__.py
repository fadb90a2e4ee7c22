"""The terminal UI: a thin layer over the core (``workshop.storage.store`` and friends).

Only this package imports Textual.
"""
