"""Taking names out: whole names, parts of names, genitives, capitals; ordinary words stay."""

from __future__ import annotations

from workshop.documents.anonymize import Redactor, names_to_hide


def test_whole_names_and_their_parts_go():
    redact = Redactor(["Åse Lund", "Ida Skov"])
    assert redact("Åse Lund mente, at Ida var enig") == "[navn] mente, at [navn] var enig"
    assert redact("Lund og Skov") == "[navn] og [navn]"


def test_genitives_and_capitals_go_too():
    redact = Redactor(["Mikkel Berg"])
    assert redact("Mikkels idé og MIKKEL BERG's forslag") == "[navn] idé og [navn] forslag"


def test_hyphenated_names():
    redact = Redactor(["Marie-Louise Eskerod"])
    assert redact("Marie-Louise sagde") == "[navn] sagde"
    assert redact("Louise sagde") == "[navn] sagde"


def test_a_surname_that_is_an_ordinary_word_stays_in_lower_case():
    redact = Redactor(["Ida Skov", "Grete Sand"])
    assert redact("en tur i skov og sand") == "en tur i skov og sand"


def test_an_author_written_in_lower_case_goes():
    assert Redactor(["testa"])("skrevet af testa") == "skrevet af [navn]"


def test_the_placeholder_follows_the_language():
    assert Redactor(["Åse"], "[name]")("Åse said") == "[name] said"


def test_no_names_changes_nothing():
    assert Redactor([])("Åse Lund") == "Åse Lund"


def test_names_to_hide_are_participants_and_authors(store):
    store.add_note("s1", 1, "x", author="Nora Notesen")
    names = names_to_hide(store.session)
    assert "Nora Notesen" in names and "Åse Lund" in names and "Bodil" not in names
