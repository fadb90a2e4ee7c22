"""The filter: every person of a session taken out of a text, the committee's own words left as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop.documents.anonymizing import lexicon
from workshop.documents.anonymizing.patterns import (
    CPR,
    DIGIT,
    EMAIL,
    HYPHEN_BREAK,
    LETTERS,
    LINK,
    PHONE,
    PROFILE,
    RUN_GAP,
    fold,
)
from workshop.documents.anonymizing.report import AnonymizationReport, Case, HostPolicy, OrdinaryWord
from workshop.words import word

if TYPE_CHECKING:
    from workshop.model.session import Session

SHORT_TEXT = 64
"""Texts up to this long are remembered once filtered (marks, headings, names of groups repeat)."""
GENITIVES = ("'s", "’s", "es", "s", "'", "’")
CONTEXT = 40
"""Characters of text either side of an undecided word that identify its case (and show it)."""

_SENTENCE_END = re.compile(r"(?:[.!?:;…]|\n|(?:^|\n)[ \t]*(?:[-–•*]|\d+[.)]))$")
LOOK_BACK = 80
"""How far before a word its sentence's start, «v.» or a field's label is looked for."""
FIELD = 200
"""A text this long or shorter may be a field (an author, a member): only the name."""
_OPENERS = " \t\u00a0\"'«»“”„‘’([*_"
_BY = re.compile(r"(?:^|[^\w])v\.[ \t\u00a0]*$", re.IGNORECASE)
"""«v. Rikke»: the host of a station, in the seed's slides."""

Decisions = Mapping[tuple[str, str], bool]
"""The secretariat's decisions: (word in lower case, context) -> True for a name (replaced), False for the word."""


@dataclass
class Person:
    """Someone whose name is taken out: the name as the session writes it, and what stands instead."""

    name: str
    kind: str
    """"participant", "host" or "author"."""
    pseudonym: str


@dataclass
class _Token:
    start: int
    end: int
    text: str
    """As written, with a genitive ending."""
    genitive: str
    owners: set[int]


def _bare(token: _Token) -> str:
    """The token without its genitive ending."""
    return token.text[: len(token.text) - len(token.genitive)]


def name_parts(name: str) -> list[str]:
    """ "Marie-Louise Eskerod" -> ["Marie-Louise", "Marie", "Louise", "Eskerod"] (parts of two letters or more)."""
    parts: list[str] = []
    for piece in re.findall(rf"{LETTERS}+(?:[-'’]{LETTERS}+)*", name):
        parts.append(piece)
        if "-" in piece or "'" in piece or "’" in piece:
            parts += re.split(r"[-'’]", piece)
    return [p for p in dict.fromkeys(parts) if len(p) >= 2]


Trie = dict[str, "Trie"]


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching exactly these folded words (å also as "aa"), factored into a trie."""
    trie: Trie = {}
    for text in words:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def letter(char: str) -> str:
        return "(?:å|aa)" if char == "å" else re.escape(char)

    def pattern(node: Trie) -> str:
        branches = [letter(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


class Anonymizer:
    """A text filter that takes every person of a session out of the text, and counts what it did.

    Call it on each piece of text of one document (the Word writer and the quote table do);
    :attr:`report` then says what was replaced and which cases it could not decide.
    ``decisions`` are the secretariat's answers to such cases (kept in the session);
    ``undecided_as_name`` is what an unanswered case gets: the pseudonym (True, the default:
    nothing personal leaves unasked) or the word kept.
    """

    def __init__(
        self,
        session: Session,
        language: str = "da",
        *,
        hosts: HostPolicy = "pseudonym",
        decisions: Decisions | None = None,
        undecided_as_name: bool = True,
    ) -> None:
        self.language = language
        self.report = AnonymizationReport(hosts=hosts)
        self.people = people_of(session, language, hosts)
        self.decisions = dict(decisions if decisions is not None else decisions_of(session))
        self.undecided_as_name = undecided_as_name
        self.dictionaries = lexicon.dictionaries_for(language)
        owners: dict[str, set[int]] = {}
        for index, person in enumerate(self.people):
            for part in name_parts(person.name):
                owners.setdefault(fold(part), set()).add(index)
        self.owners = owners
        """A folded name part -> the people whose name has it."""
        self._seen: dict[str, tuple[str, AnonymizationReport]] = {}
        self.ambiguous_placeholder = word("name_placeholder", language)
        self._email = word("anon_email", language)
        self._phone = word("anon_phone", language)
        self._cpr = word("anon_cpr", language)
        self._profile = word("anon_profile", language)
        self._names: re.Pattern[str] | None = None
        if owners:
            names = alternation(sorted(owners, key=lambda n: (-len(n), n)))
            genitive = "|".join(re.escape(g) for g in GENITIVES)
            self._names = re.compile(rf"(?<!\w)(?P<name>{names})(?P<gen>{genitive})?(?!\w)", re.IGNORECASE)
            self._inside = re.compile(names, re.IGNORECASE)

    # The filter ------------------------------------------------------------------------------
    def __call__(self, text: str) -> str:
        if not text:
            return text
        if len(text) > SHORT_TEXT:
            return self._filter(text)
        # Short texts repeat ("(Gruppe 1, runde 1)" under every note): filter each once, count every time.
        known = self._seen.get(text)
        if known is not None:
            result, delta = known
            _add(self.report, delta)
            return result
        before = _copy(self.report)
        result = self._filter(text)
        if len(self._seen) < 10_000:
            self._seen[text] = (result, _difference(self.report, before))
        return result

    def _filter(self, text: str) -> str:
        """The text with every person, e-mail address, phone and CPR number, profile link replaced (counted)."""
        report = self.report
        if "@" in text:
            text, count = EMAIL.subn(self._email, text)
            report.emails += count
        if "/" in text:
            text, count = PROFILE.subn(self._profile, text)
            report.profiles += count
            if self._names is not None:
                text = LINK.sub(self._link, text)
        if DIGIT.search(text):
            text, count = CPR.subn(self._cpr, text)
            report.cpr_numbers += count
            text, count = PHONE.subn(self._phone, text)
            report.phones += count
        if self._names is not None:
            if "\n" in text or "\u00ad" in text:
                text = HYPHEN_BREAK.sub(self._join, text)
            text = self._replace_names(text)
        return text

    def _link(self, match: re.Match[str]) -> str:
        """A web address with a name in it ("kommune.dk/medarbejdere/pernille-larsen") -> "[profil]"."""
        folded = fold(match.group())
        if any(len(part) >= 3 and part in folded for part in self.owners):
            self.report.profiles += 1
            return self._profile
        return match.group()

    def _join(self, match: re.Match[str]) -> str:
        """ "Søren-⏎sen" -> "Sørensen" when the joined word is a name (then taken out like any other)."""
        joined = match.group(1) + match.group(2)
        names = self._names
        if names is not None and names.fullmatch(joined):
            return joined
        return match.group()

    def _replace_names(self, text: str) -> str:
        assert self._names is not None
        tokens = [
            _Token(m.start(), m.end(), m.group(), m.group("gen") or "", set(self.owners.get(fold(m["name"]), set())))
            for m in self._names.finditer(text)
        ]
        if not tokens:
            return text
        pieces: list[str] = []
        position = 0
        run: list[_Token] = [tokens[0]]
        for token in tokens[1:]:
            previous = run[-1]
            if not previous.genitive and RUN_GAP.fullmatch(text, previous.end, token.start):
                run.append(token)
                continue
            pieces.append(text[position : run[0].start])
            pieces.append(self._replace_run(text, run))
            position = run[-1].end
            run = [token]
        pieces.append(text[position : run[0].start])
        pieces.append(self._replace_run(text, run))
        pieces.append(text[run[-1].end :])
        return "".join(pieces)

    def _replace_run(self, text: str, run: list[_Token]) -> str:
        """One run of name words ("Åse Lund", "Pernilles", "hans") -> pseudonyms, or the words kept."""
        out: list[str] = []
        start = 0
        whole = (
            len(text) <= FIELD
            and not text[: run[0].start].strip(_OPENERS + ",.;:!?")
            and not text[run[-1].end :].strip(_OPENERS + ",.;:!?)]\"'»”’")
        )
        while start < len(run):
            owners = set(run[start].owners)
            parts = {fold(_bare(run[start]))}
            end = start + 1
            while end < len(run):
                shared = owners & run[end].owners
                part = fold(_bare(run[end]))
                if not shared or part in parts:  # another person, or the same name once more
                    break
                owners = shared
                parts.add(part)
                end += 1
            segment = run[start:end]
            if start:
                out.append(text[run[start - 1].end : segment[0].start])
            if self._is_name(text, segment, whole):
                replaced = self._pseudonym(owners)
                if segment[-1].genitive:
                    replaced += "'s"
                self._note_ordinary(text, segment, replaced)
                out.append(replaced)
            else:
                self.report.kept += 1
                out.append(text[segment[0].start : segment[-1].end])
            start = end
        return "".join(out)

    # Deciding --------------------------------------------------------------------------------
    def _word(self, token: _Token) -> bool:
        """Is the token, as written, an ordinary word too ("hans", "bo", "bos")?"""
        return lexicon.is_word(token.text, self.dictionaries)

    def _is_name(self, text: str, segment: list[_Token], whole: bool) -> bool:
        """Does this word (or these words of one person) stand as a name here?"""
        words = [self._word(token) for token in segment]
        if not all(words):
            if len(segment) > 1 or segment[0].text[0].isupper():
                return True
            token = segment[0]
            if not lexicon.spelled_like_a_word(token.text, self.dictionaries):
                return True  # "jytte", "pernilles": names, whatever their case
            return self._ask(text, token)  # "lene": the name, or "læne" spelled the old way?
        lower = [token.text[0].islower() for token in segment]
        if whole or _BY.search(text, max(0, segment[0].start - LOOK_BACK), segment[0].start):
            return True  # an author's or a member's field; «v. Rikke»
        if len(segment) > 1:
            # "Bo Sand" is a name; "bo sand" beside each other may be, or "i hans by" the words
            return not all(lower) or self._ask(text, segment[0], segment[-1])
        token = segment[0]
        if lower[0]:
            return False  # "hvor de kan bo", "hans leder": the ordinary word
        if text[token.end : token.end + 1] == "-" and text[token.end + 1 : token.end + 2].isalpha():
            return True  # "Bo-sagen": a name in a compound keeps its capital and a hyphen
        if token.text.isupper() and len(token.text) > 1:
            return self._ask(text, token)  # "HANS" in a heading
        if self._sentence_start(text, token.start):
            return self._ask(text, token)  # "Hans leder …": his, or Hans?
        return True  # capitalised inside a sentence: a name

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        before = text[max(0, start - LOOK_BACK) : start].rstrip(_OPENERS)
        return not before or bool(_SENTENCE_END.search(before))

    def _ask(self, text: str, token: _Token, last: _Token | None = None) -> bool:
        """A case the text does not decide: the secretariat's decision, else the default; listed in the report."""
        end = (last or token).end
        written = text[token.start : end]
        context = context_of(text, token.start, end)
        key = (written.casefold(), context)
        decided = key in self.decisions
        replaced = self.decisions[key] if decided else self.undecided_as_name
        case = self.report.cases.get(key)
        if case is None:
            before, after = text[max(0, token.start - CONTEXT) : token.start], text[end : end + CONTEXT]
            if token.start > CONTEXT:
                before = before.split(" ", 1)[-1]  # no half word at the edge
            if end + CONTEXT < len(text):
                after = after.rsplit(" ", 1)[0]
            shown = f"{self._quietly(before)}[{written}]{self._quietly(after)}"
            case = self.report.cases[key] = Case(written, context, " ".join(shown.split()), replaced, decided)
        case.count += 1
        return replaced

    # Counting --------------------------------------------------------------------------------
    def _pseudonym(self, owners: set[int]) -> str:
        self.report.names += 1
        if len(owners) == 1:
            person = self.people[next(iter(owners))]
            if person.pseudonym not in self.report.seen:
                self.report.seen.add(person.pseudonym)
                self.report.people = len(self.report.seen)
            return person.pseudonym
        self.report.ambiguous += 1
        return self.ambiguous_placeholder

    def _note_ordinary(self, text: str, segment: list[_Token], result: str) -> None:
        """Count a replaced word that is also an ordinary word, with a little of the text around it."""
        start, end = segment[0].start, segment[-1].end
        for token in segment:
            if not self._word(token):
                continue
            plain = token.text.casefold()
            entry = self.report.ordinary.setdefault(plain, OrdinaryWord(plain))
            entry.count += 1
            if len(entry.examples) < 3:
                before = text[max(0, start - CONTEXT) : start]
                after = text[end : end + CONTEXT]
                if start > CONTEXT:
                    before = before.split(" ", 1)[-1]  # no half word at the edge
                if end + CONTEXT < len(text):
                    after = after.rsplit(" ", 1)[0]
                shown = f"{self._quietly(before)}[{text[start:end]} → {result}]{self._quietly(after)}"
                entry.examples.append(" ".join(shown.split()))

    def _quietly(self, text: str) -> str:
        """Text around an example in the report, the names in it replaced without being counted
        (a word in lower case that is also an ordinary word stays: "Vi kan ikke [lene] os tilbage")."""
        if self._names is None:
            return text

        def quiet(match: re.Match[str]) -> str:
            found = match.group()
            if found[0].islower() and lexicon.is_word(found, self.dictionaries):
                return found
            return self.ambiguous_placeholder

        return self._names.sub(quiet, text)


def context_of(text: str, start: int, end: int) -> str:
    """The text around a word, whitespace made single, the word in brackets: how a case is known again."""
    before = " ".join(text[max(0, start - CONTEXT) : start].split())
    after = " ".join(text[end : end + CONTEXT].split())
    return f"{before} [{text[start:end]}] {after}".strip()


def _copy(report: AnonymizationReport) -> AnonymizationReport:
    copy = AnonymizationReport(
        report.names, report.people, report.ambiguous, report.emails, report.phones, report.cpr_numbers
    )
    copy.profiles, copy.kept = report.profiles, report.kept
    copy.ordinary = {w: OrdinaryWord(w, e.count) for w, e in report.ordinary.items()}
    copy.cases = {k: Case(c.word, c.context, c.shown, c.replaced, c.decided, c.count) for k, c in report.cases.items()}
    return copy


def _difference(after: AnonymizationReport, before: AnonymizationReport) -> AnonymizationReport:
    """What filtering one text added to the report (to add again when the same text comes back)."""
    delta = AnonymizationReport(
        after.names - before.names,
        0,
        after.ambiguous - before.ambiguous,
        after.emails - before.emails,
        after.phones - before.phones,
        after.cpr_numbers - before.cpr_numbers,
    )
    delta.profiles, delta.kept = after.profiles - before.profiles, after.kept - before.kept
    for plain, entry in after.ordinary.items():
        count = entry.count - (before.ordinary[plain].count if plain in before.ordinary else 0)
        if count:
            delta.ordinary[plain] = OrdinaryWord(plain, count)
    for key, case in after.cases.items():
        count = case.count - (before.cases[key].count if key in before.cases else 0)
        if count:
            delta.cases[key] = Case(case.word, case.context, case.shown, case.replaced, case.decided, count)
    return delta


def _add(report: AnonymizationReport, delta: AnonymizationReport) -> None:
    report.names += delta.names
    report.ambiguous += delta.ambiguous
    report.emails += delta.emails
    report.phones += delta.phones
    report.cpr_numbers += delta.cpr_numbers
    report.profiles += delta.profiles
    report.kept += delta.kept
    for plain, entry in delta.ordinary.items():
        report.ordinary[plain].count += entry.count
    for key, case in delta.cases.items():
        report.cases[key].count += case.count


def people_of(session: Session, language: str, hosts: HostPolicy) -> list[Person]:
    """Everyone to take out, each once, with their pseudonym: participants, then hosts, then other note-takers."""
    people: list[Person] = []
    index: dict[str, Person] = {}

    def key(name: str) -> str:
        return fold(" ".join(name.split()))

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


def decisions_of(session: Session) -> dict[tuple[str, str], bool]:
    """The secretariat's decisions kept in the session (``[[anonymizing]]``)."""
    return {(d.word.casefold(), d.context): d.name for d in session.anonymizing}


def anonymizer_for(
    session: Session,
    language: str | None = None,
    *,
    hosts: HostPolicy = "pseudonym",
    decisions: Decisions | None = None,
) -> Anonymizer:
    """The filter that takes every participant, host and note author of the session out of a document's text."""
    return Anonymizer(session, language or session.workshop.language, hosts=hosts, decisions=decisions)


def anonymous_file_stem(stem: str, session: Session) -> str:
    """A file name's stem without anyone's name ("møde-med-pernille-larsen" -> "møde-med"): a session named
    after a person must not name them in its anonymized files' names."""
    owners = {fold(part) for person in people_of(session, "da", "pseudonym") for part in name_parts(person.name)}
    pieces = re.split(r"([-_. ]+)", stem)
    kept: list[str] = []
    for piece in pieces:
        folded = fold(piece)
        if folded in owners or any(len(o) >= 3 and o in folded for o in owners):
            continue
        kept.append(piece)
    cleaned = re.sub(r"([-_. ])[-_. ]+", r"\1", "".join(kept)).strip("-_. ")
    return cleaned or word("file.session", session.workshop.language)
