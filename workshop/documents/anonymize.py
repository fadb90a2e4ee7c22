"""Taking people out of exported text (``--anonymize``), so a municipality can rely on it.

What goes, wherever it stands (notes, summaries, recommendations, headings, table cells, the
rotation, the file's properties, the quote table):

* every participant's, host's and note author's name and each part of it, in any case ("Jytte",
  "jytte", "JYTTE SCHMIDT"), with the Danish genitive ("Pernilles", "Jens'", "Lund's") and inside
  compounds ("Pernille-sagen");
* e-mail addresses ("jytte.schmidt@norddjurs.dk"), Danish phone numbers ("+45 12 34 56 78",
  "1234 5678") and CPR-like numbers ("010203-1234").

Each distinct person gets a stable pseudonym, numbered in the session's order, so the text still
reads: participants "Deltager 3", note-takers who are not participants "Skribent 1". Hosts, by
default, are removed like everyone else ("Deltager 22"); ``hosts="roles"`` keeps them as their
role, "Vært 1" for the host of station 1. A part of a name that two people share ("Kasper" when
there are two) becomes "[navn]": it cannot be told whose it is. Consecutive names are one person
("Åse Lund mente" -> "Deltager 1 mente"); a genitive keeps its ending ("Deltager 1's pointe").

Nothing is left to judgement: a name written in lower case goes too, even when it is also an
ordinary word ("bo", "sand"). Every replacement is counted in an :class:`AnonymizationReport`,
and the replaced words that are also ordinary Danish words (:data:`ORDINARY_WORDS`) are listed
with where they stood, so a person can check the file before it is sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import get_args

from workshop.documents.format import HostPolicy
from workshop.model.session import Session
from workshop.words import word

HOST_POLICIES: tuple[HostPolicy, ...] = get_args(HostPolicy)
"""How hosts are anonymized: like everyone else ("pseudonym", the default) or kept as their role ("roles": "Vært 1")."""

ORDINARY_WORDS: frozenset[str] = frozenset(
    """
    ager anker april as ask aske bager bak birk bjørn bo bonde borg bro brun dag dal dam degn due ebbe elm eng
    fisker fjord frost fugl glad grøn gry hans hede helle hjort holm hvid høj kaj kamp karl kim kirk kok krog kusk
    lind line lise liv lund lykke lyng maj mark mose munk møller nord ravn rask ro rose sand skjold skov skytte
    smed sol sommer sort sten stig storm strand svend syd tom toft tue ulv vang vest vibe vinter ørn øst
    """.split()
)
"""Common Danish words that are also first names or surnames ("bo" is to live, "sand" true, "skov" a forest).

When one of these is replaced because someone in the session is called so, the report lists it."""

_LETTERS = r"[^\W\d_]"
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_CPR = re.compile(r"(?<![\w+/.,-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d[ -]?\d{4}(?![\w/]|[.,]\d)")
_PHONE = re.compile(
    r"(?<![\w+/.,-])(?:(?:\+|00)[ ]?45[ -]?)?"
    r"(?:\d{8}|\d\d(?:[ ]\d\d){3}|\d\d(?:-\d\d){3}|\d\d(?:\.\d\d){3}|[2-9]\d{3}[ ]\d{4})"
    r"(?![\w/]|[.,]\d)"
)
_DIGIT = re.compile(r"\d")
SHORT_TEXT = 64
"""Texts up to this long are remembered once filtered (marks, headings, names of groups repeat)."""
_GENITIVE = ("'s", "’s", "es", "s", "'", "’")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class Person:
    """Someone whose name is taken out: the name as the session writes it, and what stands instead."""

    name: str
    kind: str
    """"participant", "host" or "author"."""
    pseudonym: str


@dataclass
class OrdinaryWord:
    """A replaced word that is also an ordinary Danish word: how often, and where it stood."""

    word: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    """Up to three places, as the anonymized text reads around it."""


@dataclass
class AnonymizationReport:
    """What anonymizing one document replaced: counts per kind and the ordinary words a person should check."""

    names: int = 0
    """Replaced names (a first name and surname together count once)."""
    people: int = 0
    """Distinct people whose names were found."""
    ambiguous: int = 0
    """Name parts two people share, replaced by "[navn]"."""
    emails: int = 0
    phones: int = 0
    cpr_numbers: int = 0
    ordinary: dict[str, OrdinaryWord] = field(default_factory=dict)
    """Replaced words that are also ordinary Danish words, by the word in lower case."""
    hosts: HostPolicy = "pseudonym"
    """The policy the hosts were handled by."""
    seen: set[str] = field(default_factory=set, repr=False)
    """The pseudonyms used (to count people; never written out)."""

    @property
    def total(self) -> int:
        """Every replacement of every kind."""
        return self.names + self.emails + self.phones + self.cpr_numbers

    def lines(self, language: str, document: str = "") -> list[str]:
        """The report as lines of text, for the file beside the export and for the app to show."""
        if document:
            lines = [word("anon_report_title", language, document=document)]
        else:
            lines = [word("anon_report_title_plain", language)]
        lines.append(word("anon_report_private", language))
        lines.append("")
        lines.append(word("anon_report_counts", language))
        people = self._people_words(language)
        lines.append(f"  {word('anon_kind_names', language)}: {self.names} ({people})")
        if self.ambiguous:
            lines.append(f"  {word('anon_kind_ambiguous', language)}: {self.ambiguous}")
        lines.append(f"  {word('anon_kind_emails', language)}: {self.emails}")
        lines.append(f"  {word('anon_kind_phones', language)}: {self.phones}")
        lines.append(f"  {word('anon_kind_cpr', language)}: {self.cpr_numbers}")
        lines.append("")
        lines.append(word(f"anon_hosts_{self.hosts}", language))
        lines.append("")
        if self.ordinary:
            lines.append(word("anon_ordinary_head", language))
            for entry in sorted(self.ordinary.values(), key=lambda e: (-e.count, e.word)):
                lines.append(f"  «{entry.word}»: {word('anon_times', language, count=entry.count)}")
                lines.extend(f"      … {example} …" for example in entry.examples)
        else:
            lines.append(word("anon_ordinary_none", language))
        return lines

    def _people_words(self, language: str) -> str:
        return word("anon_people_one" if self.people == 1 else "anon_people", language, count=self.people)

    def summary(self, language: str) -> list[str]:
        """One or two lines for a screen or the command line: the counts, and the ordinary words to check."""
        lines = [
            word(
                "anon_summary",
                language,
                names=self.names,
                people=self._people_words(language),
                emails=self.emails,
                phones=self.phones,
                cpr=self.cpr_numbers,
            )
        ]
        if self.ordinary:
            listed = ", ".join(f"«{w}»" for w in sorted(self.ordinary))
            key = "anon_summary_ordinary_one" if len(self.ordinary) == 1 else "anon_summary_ordinary"
            lines.append(word(key, language, words=listed))
        return lines

    def text(self, language: str, document: str = "") -> str:
        """The report as one text (what is written beside the export)."""
        return "\n".join(self.lines(language, document)) + "\n"


def _name_parts(name: str) -> list[str]:
    """ "Marie-Louise Eskerod" -> ["Marie-Louise", "Marie", "Louise", "Eskerod"] (parts of two letters or more)."""
    parts: list[str] = []
    for piece in re.findall(rf"{_LETTERS}+(?:[-'’]{_LETTERS}+)*", name):
        parts.append(piece)
        if "-" in piece or "'" in piece or "’" in piece:
            parts += re.split(r"[-'’]", piece)
    return [p for p in dict.fromkeys(parts) if len(p) >= 2]


Trie = dict[str, "Trie"]
"""Letters down to the words' ends ("" marks an end)."""


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching exactly these words, factored into a trie (fast with hundreds of names)."""
    trie: Trie = {}
    for text in words:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: Trie) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = f"(?:{body})?"
        return body

    return pattern(trie)


class Anonymizer:
    """A text filter that takes every person of a session out of the text, and counts what it did.

    Call it on each piece of text of one document (the Word writer and the quote table do);
    :attr:`report` then says what was replaced.
    """

    def __init__(self, session: Session, language: str = "da", *, hosts: HostPolicy = "pseudonym") -> None:
        self.language = language
        self.report = AnonymizationReport(hosts=hosts)
        self.people = _people(session, language, hosts)
        owners: dict[str, set[int]] = {}
        for index, person in enumerate(self.people):
            for part in _name_parts(person.name):
                owners.setdefault(part.casefold(), set()).add(index)
        self.owners = owners
        """A name part in lower case -> the people whose name has it."""
        self._seen: dict[str, tuple[str, tuple[int, ...], dict[str, int]]] = {}
        """Short texts filtered before: the result, and what it counted (names, ambiguous, e-mails, phones, CPR)."""
        self.ambiguous_placeholder = word("name_placeholder", language)
        self._email = word("anon_email", language)
        self._phone = word("anon_phone", language)
        self._cpr = word("anon_cpr", language)
        if owners:
            names = sorted(owners, key=lambda n: (-len(n), n))
            name = _alternation(names)
            suffix = "(?:" + "|".join(re.escape(g) for g in _GENITIVE) + ")?"
            self._names: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)(?:{name})(?:[ \t\u00a0]+(?:{name}))*{suffix}(?!\w)", re.IGNORECASE
            )
            self._one = re.compile(rf"(?:{name})", re.IGNORECASE)
        else:
            self._names = None

    # The filter ------------------------------------------------------------------------------
    def __call__(self, text: str) -> str:
        if not text:
            return text
        if len(text) > SHORT_TEXT:
            return self._filter(text)
        # Short texts repeat ("(Gruppe 1, runde 1)" under every note): filter each once, and count every time.
        known = self._seen.get(text)
        report = self.report
        if known is not None:
            result, counts, ordinary = known
            report.names += counts[0]
            report.ambiguous += counts[1]
            report.emails += counts[2]
            report.phones += counts[3]
            report.cpr_numbers += counts[4]
            for plain, count in ordinary.items():
                report.ordinary[plain].count += count
            return result
        before = (report.names, report.ambiguous, report.emails, report.phones, report.cpr_numbers)
        ordinary_before = {w: e.count for w, e in report.ordinary.items()}
        result = self._filter(text)
        after = (report.names, report.ambiguous, report.emails, report.phones, report.cpr_numbers)
        ordinary = {
            w: e.count - ordinary_before.get(w, 0)
            for w, e in report.ordinary.items()
            if e.count != ordinary_before.get(w, 0)
        }
        if len(self._seen) < 10_000:
            self._seen[text] = (result, tuple(a - b for a, b in zip(after, before)), ordinary)
        return result

    def _filter(self, text: str) -> str:
        """The text with every person, e-mail address, phone and CPR number replaced (counted in the report)."""
        report = self.report
        if "@" in text:
            text, count = _EMAIL.subn(self._email, text)
            report.emails += count
        if _DIGIT.search(text):
            text, count = _CPR.subn(self._cpr, text)
            report.cpr_numbers += count
            text, count = _PHONE.subn(self._phone, text)
            report.phones += count
        if self._names is not None:
            text = self._names.sub(self._replace_run, text)
        return text

    def _replace_run(self, match: re.Match[str]) -> str:
        """One run of name words ("Åse Lund", "Pernilles") -> its pseudonym(s)."""
        run = match.group()
        tokens = _SPACES.split(run)
        genitive = ""
        last = tokens[-1]
        if not self._one.fullmatch(last):
            for ending in _GENITIVE:
                if last.casefold().endswith(ending) and self._one.fullmatch(last[: -len(ending)]):
                    genitive = ending
                    tokens[-1] = last[: -len(ending)]
                    break
        pieces: list[str] = []
        start = 0
        while start < len(tokens):
            owners = set(self.owners.get(tokens[start].casefold(), set()))
            end = start + 1
            while end < len(tokens):
                shared = owners & self.owners.get(tokens[end].casefold(), set())
                if not shared:
                    break
                owners = shared
                end += 1
            pieces.append(self._pseudonym(owners, tokens[start:end]))
            start = end
        result = " ".join(pieces)
        if genitive:
            result += "'s"
        self._note_ordinary(match, tokens, genitive, result)
        return result

    def _pseudonym(self, owners: set[int], words: list[str]) -> str:
        self.report.names += 1
        if len(owners) == 1:
            person = self.people[next(iter(owners))]
            if person.pseudonym not in self.report.seen:
                self.report.seen.add(person.pseudonym)
                self.report.people = len(self.report.seen)
            return person.pseudonym
        self.report.ambiguous += 1
        return self.ambiguous_placeholder

    def _note_ordinary(self, match: re.Match[str], tokens: list[str], genitive: str, result: str) -> None:
        """Count a replaced word that is also an ordinary Danish word, with a little of the text around it."""
        for token in tokens:
            plain = token.casefold()
            if plain not in ORDINARY_WORDS and (plain + genitive.casefold()) not in ORDINARY_WORDS:
                continue
            entry = self.report.ordinary.setdefault(plain, OrdinaryWord(plain))
            entry.count += 1
            if len(entry.examples) < 3:
                text = match.string
                before = text[max(0, match.start() - 40) : match.start()]
                after = text[match.end() : match.end() + 40]
                if match.start() > 40:
                    before = before.split(" ", 1)[-1]  # no half word at the edge
                if match.end() + 40 < len(text):
                    after = after.rsplit(" ", 1)[0]
                shown = f"{self._quietly(before)}[{match.group()} → {result}]{self._quietly(after)}"
                entry.examples.append(" ".join(shown.split()))

    def _quietly(self, text: str) -> str:
        """Text around an example in the report, its names replaced without being counted again."""
        if self._names is None:
            return text
        return self._names.sub(lambda _: self.ambiguous_placeholder, text)


def _people(session: Session, language: str, hosts: HostPolicy) -> list[Person]:
    """Everyone to take out, each once, with their pseudonym: participants, then hosts, then other note-takers."""
    people: list[Person] = []
    index: dict[str, Person] = {}

    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    for member in session.people():
        name = member.name.strip()
        if name and key(name) not in index:
            person = Person(name, "participant", word("anon_participant", language, number=len(people) + 1))
            people.append(person)
            index[key(name)] = person
    for number, station in enumerate(session.stations, start=1):
        name = station.host.strip()
        if not name:
            continue
        found = index.get(key(name))
        if hosts == "roles":
            if found is not None and found.kind == "host":
                continue
            role = word("anon_host", language, number=number)
            if found is not None:
                found.kind, found.pseudonym = "host", role
            else:
                person = Person(name, "host", role)
                people.append(person)
                index[key(name)] = person
        elif found is None:
            person = Person(name, "host", word("anon_participant", language, number=len(people) + 1))
            people.append(person)
            index[key(name)] = person
    authors = 0
    for note in session.notes:
        name = note.author.strip()
        if name and key(name) not in index:
            authors += 1
            person = Person(name, "author", word("anon_author", language, number=authors))
            people.append(person)
            index[key(name)] = person
    return people


def anonymizer_for(session: Session, language: str | None = None, *, hosts: HostPolicy = "pseudonym") -> Anonymizer:
    """The filter that takes every participant, host and note author of the session out of a document's text."""
    return Anonymizer(session, language or session.workshop.language, hosts=hosts)
