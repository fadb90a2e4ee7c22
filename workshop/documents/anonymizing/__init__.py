"""Taking people out of exported text (``--anonymize``), so a municipality can rely on it, while the
committee's own words stay as they were written.

What goes, wherever it stands (notes, summaries, recommendations, headings, table cells, the
rotation, the file's properties, the quote table, the files' names):

* every participant's, host's and note author's name and each part of it, with the Danish
  genitive ("Pernilles", "Jens'", "Lund's"), inside compounds ("Pernille-sagen"), spelled with
  "aa" or "å" (Søgaard/Søgård, Aase/Åse) and split over a line's end ("Søren-⏎sen");
* e-mail addresses, Danish phone numbers (also "tlf.12345678" and "8612 3456/2345 6789"),
  CPR-like numbers (also "cpr.010203-1234" and "010203–1234"), links to a person's profile
  (:mod:`.patterns`).

Each distinct person gets one stable pseudonym, numbered in the session's order: participants
"Deltager 3", note-takers who are not participants "Skribent 1"; a full name is one pseudonym,
also when a line break splits it. Hosts are removed like everyone else, or kept as their role
("Vært 1") with ``hosts="roles"``. A part two people share becomes "[navn]".

A name that is also an ordinary word ("hans", "bo", "by", "kan"; :mod:`.lexicon` asks a real
Danish spelling dictionary) is replaced only where it stands as a name: capitalised inside a
sentence, beside another part of the person's name, after "v.", in an author's or member's field
(a text that is only the name). Written in lower case on its own it is the word and stays ("så de
unge kan blive i kommunen", "hans leder"). Where the text cannot tell (capitalised at a sentence's
start, in capitals, "lene" that may be "læne") the case is listed in the report with its context,
replaced until the secretariat decides it, and the decision is kept in the session
(:mod:`.decisions`) for the next export.
"""

from workshop.documents.anonymizing.anonymizer import (
    Anonymizer,
    Decisions,
    Person,
    anonymizer_for,
    anonymous_file_stem,
    decisions_of,
)
from workshop.documents.anonymizing.report import AnonymizationReport, Case, HostPolicy, OrdinaryWord

__all__ = [
    "AnonymizationReport",
    "Anonymizer",
    "Case",
    "Decisions",
    "HostPolicy",
    "OrdinaryWord",
    "Person",
    "anonymizer_for",
    "anonymous_file_stem",
    "decisions_of",
]
