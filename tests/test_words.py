"""The word catalogue is whole: every word in both languages, every key the code asks for is there,
and every key binding of the app has its Danish description."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import string
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

import workshop
import workshop.tui
from workshop.words import CATALOGUE, KEYS, SECTIONS, has_word, word

PACKAGE = Path(workshop.__file__).parent


# (a) Both languages ---------------------------------------------------------------------------


@pytest.mark.parametrize("section", list(SECTIONS))
def test_every_word_of_a_section_is_there_in_danish_and_english(section):
    missing = {
        key: pair
        for key, pair in SECTIONS[section].items()
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(t, str) and t.strip() for t in pair))
    }
    assert missing == {}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_danish_and_english_fill_in_the_same_values():
    differ = {key: (da, en) for key, (da, en) in CATALOGUE.items() if fields(da) != fields(en)}
    assert differ == {}


# (b) Every key the code asks for ---------------------------------------------------------------


def literal_keys(node: ast.expr) -> list[str]:
    """The keys a first argument can be: a string, or either string of ``"a" if x else "b"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return literal_keys(node.body) + literal_keys(node.orelse)
    return []


def called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def asked_for(path: Path) -> list[tuple[int, str]]:
    """(line, catalogue key) of every ``word("key", ...)`` and ``change_label("key", ...)`` in a module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = called(node)
        if name == "word":
            found += [(node.lineno, key) for key in literal_keys(node.args[0])]
        elif name == "change_label":
            found += [(node.lineno, f"change_{key}") for key in literal_keys(node.args[0])]
    return found


def test_the_scan_finds_the_keys_the_code_asks_for(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        'word("round", "da")\n'
        'x = word("a_hint" if lines else "b_hint", language)\n'
        'store.transact(change_label("note_added"), build)\n'
        "word(kind, language)\n",
        encoding="utf-8",
    )
    assert asked_for(module) == [(1, "round"), (2, "a_hint"), (2, "b_hint"), (3, "change_note_added")]


def test_every_word_the_code_asks_for_is_in_the_catalogue():
    missing = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {key}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, key in asked_for(path)
        if not has_word(key)
    ]
    assert missing == []


def test_an_unknown_word_is_a_programming_error():
    with pytest.raises(KeyError):
        word("no-such-word", "da")


# (c) Every key binding has its Danish words -----------------------------------------------------


def tui_classes() -> list[type[DOMNode]]:
    """Every screen, widget and app class the app defines (every module of workshop.tui imported)."""
    classes: dict[str, type[DOMNode]] = {}
    for info in pkgutil.walk_packages(workshop.tui.__path__, "workshop.tui."):
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, DOMNode) and value.__module__.startswith("workshop.tui"):
                classes[f"{value.__module__}.{value.__qualname__}"] = value
    return list(classes.values())


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    declared = cls.__dict__.get("BINDINGS", [])
    return [b for b in declared if isinstance(b, Binding)]


def test_the_app_and_its_screens_are_found():
    names = {cls.__name__ for cls in tui_classes()}
    assert {"WorkshopApp", "FacilitatorScreen", "SecretariatScreen", "HelpScreen", "NoteTable", "ChoiceDialog"} <= names


def test_every_binding_has_an_id_with_a_danish_description():
    problems = []
    for cls in tui_classes():
        for binding in own_bindings(cls):
            where = f"{cls.__name__} {binding.key!r} ({binding.description!r})"
            if binding.id is None:
                problems.append(f"{where}: no id")
            elif binding.id not in KEYS:
                problems.append(f"{where}: no Danish words for {binding.id!r} in workshop/words/keys.py")
            else:
                description, tooltip = KEYS[binding.id]
                if bool(description) != bool(binding.description):
                    problems.append(f"{where}: Danish description {description!r}")
                if not tooltip:
                    problems.append(f"{where}: no Danish tooltip")
    assert problems == []


def test_every_danish_key_belongs_to_a_binding():
    used = {binding.id for cls in tui_classes() for binding in own_bindings(cls)}
    assert sorted(set(KEYS) - used) == []


def test_the_app_declares_the_palette_key_itself():
    from workshop.tui.app import WorkshopApp

    assert issubclass(WorkshopApp, App)
    assert [b.id for b in own_bindings(WorkshopApp) if b.action == "command_palette"] == ["app.palette"]


def test_a_station_named_as_workshop_new_names_it_is_not_said_twice():
    from workshop.words.phrases import station_title

    assert station_title(1, "Station 1", "", "da") == "Station 1"
    assert station_title(2, "Ledelse som fag", "Rikke", "da") == "Station 2 – Ledelse som fag v. Rikke"
    assert station_title(3, "Station 3", "Bo", "en") == "Station 3 with Bo"


# (d) Plain words: what a committee secretary reads -------------------------------------------------

TECHNICAL = {
    "journal (a case file in Danish municipal life; say «ændringsloggen» / the change log)": r"journal",
    "WAL (say the file's name, {name}-wal)": r"\bwal\b",
    "SQLite": r"sqlite",
    "fold (of the change log into the file)": r"\bfold(?:ed|ing|et ind|es ind)\b|\bfoldning",
    "GF(3), Galois, affine plane (say «et fast mønster»)": r"\bgf\s*\(|galois|affine? plane|affint plan",
    "Williams, carry-over (say «balanceret rækkefølge» / balanced order)": r"williams|carry-over",
    "hash, checksum": r"\bhash|\bsha-?\d|checksum|kontrolsum|\bcrc",
    "GUID, UUID": r"\b[gu]uid",
    "a machine or process (host:pid)": r"hostname|nodename|\bpid\b|\{by\}",
    "token (say «adgangsnøgle» / access token, or the flag's name)": r"(?<!access )\btoken",
}
"""Words a committee secretary does not know, by what to say instead; none stands on a screen, in a
message or in a document, in either language."""

NAMED_AS_TYPED = {
    "--new-journal": "workshop check's flag, typed as it stands",
    ".journal": "the ending of the change log's file name, which a session file must not have",
    "{name}-wal": "the file beside the change log that the user puts back after a crash",
    "--new-token": "workshop serve's flag",
    "--token": "workshop serve's flag",
}
"""File names and flags the user types or acts on: they stand as they are (the words around them are plain)."""


def technical_words(text: str) -> list[str]:
    """What in ``text`` a secretary would not understand (the names in :data:`NAMED_AS_TYPED` aside)."""
    for typed in NAMED_AS_TYPED:
        text = text.replace(typed, " ")
    return [what for what, pattern in TECHNICAL.items() if re.search(pattern, text, flags=re.IGNORECASE)]


def test_the_plain_word_check_finds_the_words_it_is_meant_to_find():
    assert technical_words("⚠ Gemmes ikke mere: journalen er væk.") != []
    assert technical_words("balanced order (a Williams design)") != []
    assert technical_words("affine plane over GF(3)") != []
    assert technical_words("its -wal file was deleted") != []
    assert technical_words("another program ({by}) merged") != []
    assert technical_words("the access token is kept; --new-token makes new links") == []
    assert technical_words("start en ny ændringslog med: workshop check aften.toml --new-journal") == []
    assert technical_words("læg filen {name}-wal tilbage; en sessionsfil kan ikke ende på .journal") == []
    assert technical_words("Fold toppen ud, eller fold den sammen igen") == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_word_of_the_catalogue_is_plain(language):
    index = 0 if language == "da" else 1
    found = {key: technical_words(pair[index]) for key, pair in CATALOGUE.items()}
    assert {key: words for key, words in found.items() if words} == {}


def test_every_danish_key_description_is_plain():
    found = {binding: technical_words(" ".join(texts)) for binding, texts in KEYS.items()}
    assert {binding: words for binding, words in found.items() if words} == {}


READ_BY_TOUCH = ("chosen", "no_station", "unfold_hint", "draft_more", "draft_back_note", "comment_line_keys")
"""What a note-taker or a committee member commenting reads on a phone or a tablet, where there is
no ctrl, Esc or F-key: a key named there comes with the button (the footer's word) to tap."""


@pytest.mark.parametrize("key", READ_BY_TOUCH)
@pytest.mark.parametrize("language", ["da", "en"])
def test_one_reading_by_touch_is_told_a_button_to_tap_not_only_a_key(key, language):
    text = word(key, language)
    if not re.search(r"\b(?:ctrl|alt|esc|f\d{1,2})\b", text, flags=re.IGNORECASE):
        return
    buttons = {description for description, _ in KEYS.values() if description} if language == "da" else None
    names = {q for pair in re.findall(r"«([^»]+)»|“([^”]+)”", text) for q in pair if q}
    alone = re.fullmatch(r"(\w[\w ]*) \((?:ctrl|alt|esc|f\d)[^)]*\)", text, flags=re.IGNORECASE)  # "Fold ud (ctrl+o)"
    if alone:
        names.add(alone.group(1))
    assert names, f"{key}: {text!r} names a key and no button"
    if buttons is not None:
        assert names <= buttons, f"{key}: {text!r} names {names - buttons}, which is no button's name"
