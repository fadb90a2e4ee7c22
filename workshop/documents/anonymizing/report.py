"""What anonymizing one document did, worded for the secretariat: counts, the ordinary words
that were replaced because they stood as a name, and every case it could not decide alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workshop.words import word

HostPolicy = Literal["pseudonym", "roles"]
"""Anonymized, hosts are replaced like everyone else ("pseudonym") or kept as their role ("roles": "Vært 1")."""


@dataclass
class OrdinaryWord:
    """A replaced word that is also an ordinary word: how often, and where it stood."""

    word: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    """Up to three places, as the anonymized text reads around it."""


@dataclass
class Case:
    """A word that is both a person's name and an ordinary word, where the text does not tell which
    ("Hans leder …" at a sentence's start): the secretariat decides, and the decision is kept."""

    word: str
    """The word as written ("Hans")."""
    context: str
    """The text around it, whitespace made single, the word in brackets: the decision's key in the session."""
    shown: str
    """The same, with every other name taken out: what the report and the app show."""
    replaced: bool
    """What the document got: True, the pseudonym (the default while undecided); False, the word kept."""
    decided: bool = False
    """True when the secretariat's decision was used."""
    count: int = 0

    @property
    def key(self) -> tuple[str, str]:
        return (self.word.casefold(), self.context)


@dataclass
class AnonymizationReport:
    """What anonymizing one document replaced: counts per kind, the ordinary words, the undecided cases."""

    names: int = 0
    """Replaced names (a first name and surname together count once)."""
    people: int = 0
    """Distinct people whose names were found."""
    ambiguous: int = 0
    """Name parts two people share, replaced by "[navn]"."""
    emails: int = 0
    phones: int = 0
    cpr_numbers: int = 0
    profiles: int = 0
    """Links to a person's profile, or web addresses built from a name."""
    kept: int = 0
    """Words that are a person's name but stood as the ordinary word, and were kept."""
    ordinary: dict[str, OrdinaryWord] = field(default_factory=dict)
    """Replaced words that are also ordinary words (they stood as a name), by the word in lower case."""
    cases: dict[tuple[str, str], Case] = field(default_factory=dict)
    """The cases that were not clear from the text, by word and context."""
    hosts: HostPolicy = "pseudonym"
    """The policy the hosts were handled by."""
    seen: set[str] = field(default_factory=set, repr=False)
    """The pseudonyms used (to count people; never written out)."""

    @property
    def total(self) -> int:
        """Every replacement of every kind."""
        return self.names + self.emails + self.phones + self.cpr_numbers + self.profiles

    @property
    def undecided(self) -> list[Case]:
        """The cases nobody has decided yet, in the order met."""
        return [case for case in self.cases.values() if not case.decided]

    def lines(self, language: str, document: str = "") -> list[str]:
        """The report as lines of text, for the file beside the export and for the app to show."""
        if document:
            lines = [word("anon_report_title", language, document=document)]
        else:
            lines = [word("anon_report_title_plain", language)]
        lines.append(word("anon_report_private", language))
        lines.append("")
        lines.append(word("anon_report_counts", language))
        lines.append(f"  {word('anon_kind_names', language)}: {self.names} ({self._people_words(language)})")
        if self.ambiguous:
            lines.append(f"  {word('anon_kind_ambiguous', language)}: {self.ambiguous}")
        lines.append(f"  {word('anon_kind_emails', language)}: {self.emails}")
        lines.append(f"  {word('anon_kind_phones', language)}: {self.phones}")
        lines.append(f"  {word('anon_kind_cpr', language)}: {self.cpr_numbers}")
        lines.append(f"  {word('anon_kind_profiles', language)}: {self.profiles}")
        lines.append("")
        lines.append(word(f"anon_hosts_{self.hosts}", language))
        lines.append("")
        if self.ordinary:
            lines.append(word("anon_ordinary_head", language))
            for entry in sorted(self.ordinary.values(), key=lambda e: (-e.count, e.word)):
                lines.append(f"  «{entry.word}»: {times(entry.count, language)}")
                lines.extend(f"      … {example} …" for example in entry.examples)
        else:
            lines.append(word("anon_ordinary_none", language))
        if self.kept:
            lines.append(word("anon_kept", language, count=self.kept))
        lines.append("")
        if self.undecided:
            lines.extend(self.case_lines(language))
        else:
            lines.append(word("anon_undecided_none", language))
        decided = [case for case in self.cases.values() if case.decided]
        if decided:
            lines.append(word("anon_decided_head", language, count=len(decided)))
            for case in decided:
                what = word("anon_case_replaced" if case.replaced else "anon_case_kept", language)
                lines.append(f"  «{case.word}» ({what}): … {case.shown} …")
        return lines

    def case_lines(self, language: str) -> list[str]:
        """The undecided cases, numbered, each in its context, and what to do about them."""
        undecided = self.undecided
        if not undecided:
            return []
        lines = [word("anon_undecided_head", language, count=len(undecided))]
        for number, case in enumerate(undecided, start=1):
            what = word("anon_case_replaced" if case.replaced else "anon_case_kept", language)
            lines.append(f"  {number}. «{case.word}» ({times(case.count, language)}, {what}): … {case.shown} …")
        lines.append(word("anon_undecided_how", language))
        return lines

    def _people_words(self, language: str) -> str:
        return word("anon_people_one" if self.people == 1 else "anon_people", language, count=self.people)

    def summary(self, language: str) -> list[str]:
        """A few lines for a screen or the command line: the counts, the ordinary words, the undecided cases."""
        counted = [
            counted_words(self.names, "anon_n_names", language) + f" ({self._people_words(language)})",
            counted_words(self.emails, "anon_n_emails", language),
            counted_words(self.phones, "anon_n_phones", language),
            counted_words(self.cpr_numbers, "anon_n_cpr", language),
        ]
        if self.profiles:
            counted.append(counted_words(self.profiles, "anon_n_profiles", language))
        lines = [word("anon_summary", language, counts=", ".join(counted))]
        if self.ordinary:
            listed = ", ".join(f"«{w}»" for w in sorted(self.ordinary))
            key = "anon_summary_ordinary_one" if len(self.ordinary) == 1 else "anon_summary_ordinary"
            lines.append(word(key, language, words=listed))
        undecided = self.undecided
        if undecided:
            key = "anon_summary_undecided_one" if len(undecided) == 1 else "anon_summary_undecided"
            lines.append(word(key, language, count=len(undecided)))
        return lines

    def text(self, language: str, document: str = "") -> str:
        """The report as one text (what is written beside the export)."""
        return "\n".join(self.lines(language, document)) + "\n"


def counted_words(count: int, key: str, language: str) -> str:
    """ "1 navn", "2 navne": the catalogue's ``key_one`` for one, ``key`` for any other number."""
    return word(key + "_one" if count == 1 else key, language, count=count)


def times(count: int, language: str) -> str:
    """ "1 gang", "3 gange"."""
    return counted_words(count, "anon_times", language)
