"""Anonymizing, measured: what leaks, which ordinary words are replaced, and how long it takes,
beside the naive way (every name part replaced wherever the word stands), in one run.

    python benchmarks/anonymize.py [--sentences 2000] [--repeats 3] [--seed 19]

Two sets of text (issue 19):

* generated sentences with made-up people's names and numbers planted where a name or a number
  stands: the full name, over a line break, in capitals, in lower case beside the surname,
  capitalised inside a sentence, genitives, hyphenated at a line's end, aa for å, "v. Navn",
  "Navn-sagen", "tlf.12345678", two numbers with a slash, "cpr.010203-1234", "010203–1234",
  profile links and e-mail addresses built from the name. A *leak* is a planted name or
  number still readable afterwards;
* the corpus of ordinary Danish sentences in tests/data/ordinary_danish.txt, anonymized with
  people whose names are all ordinary words ("Hans Kan", "Bo Lund", ...). An *ordinary word
  replaced* is a word of the corpus that is gone afterwards without the secretariat having been
  asked; the places the text cannot decide (a sentence's start, "lene") are counted as *asked*:
  replaced until decided, listed in the report, kept once the secretariat says "the word".

``--sentences`` is the number of generated sentences; the corpus is repeated to about as many.
A small size (``--sentences 50 --repeats 1``) runs in CI (tests/test_anonymize_benchmark.py).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from workshop.documents.anonymizing import Anonymizer  # noqa: E402
from workshop.documents.anonymizing.anonymizer import name_parts  # noqa: E402
from workshop.documents.anonymizing.patterns import fold  # noqa: E402
from workshop.model.session import Group, Note, Session, Station, Workshop  # noqa: E402

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "ordinary_danish.txt"
CORPUS_PEOPLE = (
    "Hans Kan, Lene By, Bo Lund, Kim Holm, Per Sand, Stig Strand, Line Storm, Lise Frost, Mark Vinter, "
    "Karl Sommer, Helle Due, Signe Ravn, Maj Lykke, Sten Vibe, Tom Birk, Ask Dam, Gry Bak, Dag Borg, Sol Krog, "
    "Liv Møller, Svend Fisker, Vang Bonde, Kaj Kusk, Finn Skov"
).split(", ")
FILLER = (
    "vi mente at der skulle mere tid til sparring og faglig udvikling på tværs i hverdagen med "
    "kollegaer ledere og elever når ny medarbejder starter i kommunen efter sommerferien"
).split()
PLAIN_FIRST = ["Jytte", "Pernille", "Kasper", "Marie-Louise", "Øjvind", "Rikke", "Aase"]
WORD_FIRST = ["Bo", "Hans", "Kim", "Per", "Sten", "Lise", "Maj", "Helle", "Karl", "Stig"]
SYLLABLES = ["ka", "lø", "mir", "van", "dre", "sø", "tur", "bæk", "gel", "strø", "vik", "gaa"]

# The naive way: every name part wherever the word stands, and the number shapes as they were before.
NAIVE_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
NAIVE_CPR = re.compile(r"(?<![\w+/.,-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d[ -]?\d{4}(?![\w/]|[.,]\d)")
NAIVE_PHONE = re.compile(
    r"(?<![\w+/.,-])(?:(?:\+|00)[ ]?45[ -]?)?"
    r"(?:\d{8}|\d\d(?:[ ]\d\d){3}|\d\d(?:-\d\d){3}|\d\d(?:\.\d\d){3}|[2-9]\d{3}[ ]\d{4})"
    r"(?![\w/]|[.,]\d)"
)


def session_of(names: list[str]) -> Session:
    return Session(
        workshop=Workshop(title="Aften"),
        stations=[Station(id="s1", name="Tema", host=names[0])],
        groups=[Group(id="g1", name="Gruppe 1", members=names[:-1])],
        notes=[Note(station="s1", round=1, text="x", author=names[-1])],
    )


def naive_for(session: Session) -> Callable[[str], str]:
    parts = sorted(
        {
            p
            for person in [m.name for m in session.people()] + [n.author for n in session.notes]
            for p in name_parts(person)
        },
        key=len,
        reverse=True,
    )
    names = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in parts) + r")(?!\w)", re.IGNORECASE)

    def naive(text: str) -> str:
        text = NAIVE_EMAIL.sub("[e-mail]", text)
        text = NAIVE_CPR.sub("[cpr-nr.]", text)
        text = NAIVE_PHONE.sub("[telefon]", text)
        return names.sub("Deltager", text)

    return naive


def planted(rng: random.Random, count: int) -> list[tuple[list[str], str, list[str]]]:
    """``count`` sentences, in groups of people: (the people, the sentence, what must not survive)."""
    cases = []
    while len(cases) < count:
        firsts = rng.sample(PLAIN_FIRST + WORD_FIRST, 4)
        lasts = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize() + "sen" for _ in firsts]
        names = [f"{f} {last}" for f, last in zip(firsts, lasts)]
        for _ in range(10):
            who = rng.randrange(len(names))
            first, last = firsts[who], lasts[who]
            phone, other = (str(rng.randint(20_000_000, 99_999_999)) for _ in range(2))
            cpr = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}"
            serial = f"{rng.randint(0, 9999):04d}"
            forms = [
                (f"{first} {last}", [first, last]),
                (f"{first}\n{last}", [first, last]),
                (f"{first.upper()} {last.upper()}", [first, last]),
                (f"{first.lower()} {last.lower()}", [first, last]),
                (first, [first]),
                (f"{first}s", [first]),
                (f"{last}s", [last]),
                (f"{last[:3]}-\n{last[3:]}", [last]),
                (last.replace("gaa", "gå"), [last]),
                (f"v. {first}", [first]),
                (f"{first}-sagen", [first]),
                (f"tlf.{phone}", [phone]),
                (f"{phone[:4]} {phone[4:]}/{other[:4]} {other[4:]}", [phone[:4] + phone[4:], other]),
                (f"cpr.{cpr}-{serial}", [cpr + serial]),
                (f"{cpr}–{serial}", [cpr + serial]),
                (f"linkedin.com/in/{first.lower()}-{last.lower()}", [first, last]),
                (f"facebook.com/{first.lower()}.{last.lower()}", [first, last]),
                (f"{first.lower()}.{last.lower()}@kommune.dk", [first, last]),
            ]
            plant, secrets = rng.choice(forms)
            words = " ".join(rng.choices(FILLER, k=rng.randint(2, 8)))
            cases.append((names, f"{words.capitalize()} sagde {plant} {words}.", secrets))
    return cases[:count]


def leaked(result: str, secrets: list[str]) -> int:
    """How many planted names or numbers are still readable (a name that is also a word: written as a name)."""
    words = set(re.findall(r"[^\W\d_]+", result))
    folded = {fold(w) for w in words}
    digits = re.sub(r"\D", "", result)
    count = 0
    for secret in secrets:
        if secret.isdigit():
            count += secret in digits
            continue
        parts = secret.split("-")
        count += any(
            p in words or p.upper() in words or p + "s" in words or (fold(p) in folded and p not in WORD_FIRST)
            for p in parts
        )
    return count


def corpus(size: int) -> list[str]:
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return (lines * (size // len(lines) + 1))[: max(size, len(lines))]


def replaced_words(before: str, after: str) -> int:
    """Words of ``before`` gone from ``after``."""
    remaining = re.findall(r"\w+", after)
    return sum(1 for w in re.findall(r"\w+", before) if w not in remaining)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = planted(rng, args.sentences)
    sentences = corpus(args.sentences)
    corpus_session = session_of(CORPUS_PEOPLE)

    started = time.perf_counter()
    Anonymizer(corpus_session)("Hans")  # the dictionary is loaded once per process: timed on its own
    loading = time.perf_counter() - started

    def ours() -> tuple[int, int, int, int]:
        leaks = 0
        groups: dict[tuple[str, ...], Anonymizer] = {}
        for names, text, secrets in cases:
            anonymize = groups.get(tuple(names))
            if anonymize is None:
                anonymize = groups[tuple(names)] = Anonymizer(session_of(names))
            leaks += leaked(anonymize(text), secrets)
        anonymize = Anonymizer(corpus_session)
        unasked = 0
        for sentence in sentences:
            asked = sum(case.count for case in anonymize.report.cases.values())
            result = anonymize(sentence)
            if sum(case.count for case in anonymize.report.cases.values()) == asked:
                unasked += replaced_words(sentence, result)
        asked_places = len(anonymize.report.cases)
        decided = Anonymizer(corpus_session, decisions={key: False for key in anonymize.report.cases})
        after = sum(replaced_words(sentence, decided(sentence)) for sentence in sentences)
        return leaks, unasked, asked_places, after

    def naive() -> tuple[int, int, int, int]:
        leaks = 0
        groups: dict[tuple[str, ...], Callable[[str], str]] = {}
        for names, text, secrets in cases:
            anonymize = groups.get(tuple(names))
            if anonymize is None:
                anonymize = groups[tuple(names)] = naive_for(session_of(names))
            leaks += leaked(anonymize(text), secrets)
        anonymize = naive_for(corpus_session)
        replaced = sum(replaced_words(sentence, anonymize(sentence)) for sentence in sentences)
        return leaks, replaced, 0, replaced

    results = {}
    times = {}
    for name, run in (("this way", ours), ("naive", naive)):
        measured = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            results[name] = run()
            measured.append(time.perf_counter() - started)
        times[name] = statistics.median(measured)

    secrets = sum(len(s) for _, _, s in cases)
    print(
        f"{len(cases)} generated sentences with {secrets} planted names and numbers; "
        f"{len(sentences)} ordinary sentences ({len(set(sentences))} different) with {len(CORPUS_PEOPLE)} word-names"
    )
    print(f"{'':40}{'this way':>14}{'naive (everywhere)':>22}")
    ours_result, naive_result = results["this way"], results["naive"]
    print(f"{'leaks':40}{ours_result[0]:>14}{naive_result[0]:>22}")
    print(f"{'ordinary words replaced unasked':40}{ours_result[1]:>14}{naive_result[1]:>22}")
    print(f"{'different places asked (decided once)':40}{ours_result[2]:>14}{'-':>22}")
    print(f"{'ordinary words replaced, decided':40}{ours_result[3]:>14}{naive_result[3]:>22}")
    print(f"{'time (median of ' + str(args.repeats) + ')':40}{times['this way']:>12.3f} s{times['naive']:>20.3f} s")
    print(f"{'loading the Danish dictionary':40}{loading:>12.3f} s{'-':>22}")


if __name__ == "__main__":
    main()
