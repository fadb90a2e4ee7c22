"""Anonymizing, as the documents and the app import it: see :mod:`workshop.documents.anonymizing`."""

from workshop.documents.anonymizing import (
    AnonymizationReport,
    Anonymizer,
    Case,
    HostPolicy,
    OrdinaryWord,
    Person,
    anonymizer_for,
    anonymous_file_stem,
    decisions_of,
)

HOST_POLICIES: tuple[HostPolicy, ...] = ("pseudonym", "roles")
"""How hosts are anonymized: like everyone else ("pseudonym", the default) or kept as their role ("roles": "Vært 1")."""

__all__ = [
    "HOST_POLICIES",
    "AnonymizationReport",
    "Anonymizer",
    "Case",
    "HostPolicy",
    "OrdinaryWord",
    "Person",
    "anonymizer_for",
    "anonymous_file_stem",
    "decisions_of",
]
