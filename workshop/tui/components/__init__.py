"""Reusable widgets, each drawing one part of the session."""
