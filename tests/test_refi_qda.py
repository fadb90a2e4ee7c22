"""REFI-QDA for analysts: the codebook (.qdc) and the coded notes (.qdpx) validate against the standard's schemas
and keep one GUID per category, so NVivo, ATLAS.ti, MAXQDA and QualCoder open them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_reading import words_in_every_part
from export_notes import NOTES, add_notes
from lxml import etree

from workshop.cli import main as cli
from workshop.documents.format import ExportOptions
from workshop.documents.qdc import codebook_xml, rgb, write_codebook
from workshop.documents.qdpx import write_project
from workshop.documents.registry import ExportError, export
from workshop.model.session import Session, Workshop
from workshop.storage.store import Store

SCHEMAS = Path(__file__).parent / "data" / "refi-qda"
CODEBOOK = "{urn:QDA-XML:codebook:1.0}"
PROJECT = "{urn:QDA-XML:project:1.0}"
GUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def valid(xsd: str, document: bytes) -> etree._Element:
    """The parsed document; fails the test with the schema's own words when it is not valid."""
    root = etree.fromstring(document)
    checker = schema(xsd)
    assert checker.validate(root), "\n".join(str(e) for e in checker.error_log)
    return root


@pytest.fixture
def coded(store):
    add_notes(store)
    return store


def read_project(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        root = valid("Project-mrt2019.xsd", archive.read("project.qde"))
        sources = {n: archive.read(n).decode("utf-8") for n in names if n != "project.qde"}
    return root, sources


# The codebook -----------------------------------------------------------------------------------


def test_the_codebook_validates_and_holds_every_category(coded, tmp_path):
    write_codebook(coded.session, tmp_path / "k.qdc")
    root = valid("Codebook.xsd", (tmp_path / "k.qdc").read_bytes())
    assert root.tag == f"{CODEBOOK}CodeBook"
    codes = root.findall(f"{CODEBOOK}Codes/{CODEBOOK}Code")
    assert [c.get("name") for c in codes] == ["Ledelse", "Uddannelse", "Rekruttering", "Fastholdelse"]
    assert [c.get("color") for c in codes] == ["#4E79A7", "#59A14F", "#F28E2B", "#E15759"]
    assert all(GUID.fullmatch(c.get("guid")) and c.get("isCodable") == "true" for c in codes)
    assert codes[0].findtext(f"{CODEBOOK}Description") == "Ledelse som fag, ledelsesspænd og udvikling af ledere."
    assert root.find(f"{CODEBOOK}Sets") is None  # no empty <Sets/>


def test_the_schema_is_strict_an_empty_sets_element_fails(coded):
    """What Taguette writes (an empty <Sets/>) does not validate; ours does not have one."""
    text = codebook_xml(coded.session).replace("</Codes>", "</Codes>\n  <Sets/>")
    checker = schema("Codebook.xsd")
    assert not checker.validate(etree.fromstring(text.encode("utf-8")))
    lower = codebook_xml(coded.session).replace('color="#4E79A7"', 'color="4e79a7"')
    assert not checker.validate(etree.fromstring(lower.encode("utf-8")))


def test_a_category_keeps_its_guid_from_export_to_export_and_in_the_session(session_path, tmp_path):
    def guids() -> list[str]:
        store = Store.open(session_path, author="Testa")
        try:
            text = codebook_xml(store.session)
        finally:
            store.close()
        return re.findall(r'guid="([^"]+)"', text)

    first = guids()
    assert guids() == first
    kept = session_path.read_text(encoding="utf-8")
    assert cli.main(["export", str(session_path), "--format", "qdc", "--out", str(tmp_path / "k.qdc")]) == 0
    assert session_path.read_text(encoding="utf-8") == kept  # the export only reads: no GUID written into it
    assert re.findall(r'guid="([^"]+)"', (tmp_path / "k.qdc").read_text(encoding="utf-8")) == first
    renamed = kept.replace("Udvalget om trivsel og rekruttering", "Et nyt navn")
    session_path.write_text(renamed, encoding="utf-8")
    assert guids() == first  # a renamed session keeps its categories' GUIDs: they come from its identity


def test_a_guid_in_the_session_is_used(coded):
    categories = list(coded.session.categories)
    categories[0] = categories[0].model_copy(update={"guid": "{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}"})
    session = coded.session.model_copy(update={"categories": categories})
    assert 'guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Ledelse"' in codebook_xml(session)


def test_a_guid_the_session_holds_twice_is_given_once(coded):
    twice = "{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}"
    categories = [c.model_copy(update={"guid": twice}) for c in coded.session.categories[:2]]
    session = coded.session.model_copy(update={"categories": categories + coded.session.categories[2:]})
    guids = re.findall(r'guid="([^"]+)"', codebook_xml(session))
    assert guids[0] == "1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"  # the first keeps it
    assert len(set(guids)) == len(guids) == 4


def test_colours_become_rrggbb_or_are_left_out():
    assert rgb("#4e79a7") == "#4E79A7"
    assert rgb("#abc") == "#AABBCC"
    assert rgb("red") == "#800000"
    assert rgb("orange") == "#FFA500"
    assert rgb("") is None and rgb("no_such_colour") is None


def test_a_codebook_without_categories_is_a_message(tmp_path):
    empty = Session(workshop=Workshop(title="Tom"))
    with pytest.raises(ExportError, match="kodebogen har ingen kategorier"):
        export(empty, "qdc", tmp_path / "k.qdc")
    assert not (tmp_path / "k.qdc").exists()


# The project ------------------------------------------------------------------------------------


def test_the_project_validates_with_each_note_a_coded_text_source(coded, tmp_path):
    write_project(coded.session, tmp_path / "p.qdpx")
    root, sources = read_project(tmp_path / "p.qdpx")
    assert root.tag == f"{PROJECT}Project" and root.get("name") == "Udvalget om trivsel og rekruttering"
    assert all(name.startswith("sources/") and name.endswith(".txt") for name in sources)
    texts = root.findall(f"{PROJECT}Sources/{PROJECT}TextSource")
    assert len(texts) == len(sources) == len(NOTES)
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{PROJECT}Code")}
    by_text = {}
    for source in texts:
        path = source.get("plainTextPath")
        assert path.startswith("internal://")
        text = sources["sources/" + path.removeprefix("internal://")]
        coded_with = [codes[r.get("targetGUID")] for r in source.iter(f"{PROJECT}CodeRef")]
        selection = source.find(f"{PROJECT}PlainTextSelection")
        if selection is not None:
            assert (selection.get("startPosition"), selection.get("endPosition")) == ("0", str(len(text)))
        by_text[text] = coded_with
    assert by_text["Praktikpladser skal følges op – også efter § 17"] == ["Uddannelse", "Rekruttering"]
    assert by_text["Kørsel mellem institutionerne tager tid"] == []


def test_station_round_and_group_are_variables_and_sets(coded, tmp_path):
    write_project(coded.session, tmp_path / "p.qdpx")
    root, _ = read_project(tmp_path / "p.qdpx")
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable")) for v in root.iter(f"{PROJECT}Variable")}
    assert sorted(variables.values()) == [("Gruppe", "Text"), ("Runde", "Integer"), ("Station", "Text")]
    first = root.find(f"{PROJECT}Sources/{PROJECT}TextSource")
    values = {
        variables[v.find(f"{PROJECT}VariableRef").get("targetGUID")][0]: v[1].text
        for v in first.findall(f"{PROJECT}VariableValue")
    }
    assert values == {"Station": "Station 1", "Runde": "1", "Gruppe": "Gruppe 1"}
    sets = {s.get("name"): len(s.findall(f"{PROJECT}MemberSource")) for s in root.iter(f"{PROJECT}Set")}
    assert sets["Station 1 – Ledelse som fag"] == 3 and sets["Runde 1"] == 3 and sets["Gruppe 2"] == 3


def test_the_note_takers_are_the_project_s_users(coded, tmp_path):
    write_project(coded.session, tmp_path / "p.qdpx")
    root, _ = read_project(tmp_path / "p.qdpx")
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{PROJECT}User")}
    assert sorted(users.values()) == ["Nora Notesen", "Peter Papir"]
    assert {users[s.get("creatingUser")] for s in root.iter(f"{PROJECT}TextSource")} == set(users.values())


def test_an_empty_session_gives_a_valid_project_without_empty_parts(tmp_path):
    write_project(Session(workshop=Workshop(title="Tom aften")), tmp_path / "p.qdpx")
    root, sources = read_project(tmp_path / "p.qdpx")
    assert sources == {}
    assert [child.tag.removeprefix(PROJECT) for child in root] == []


def test_hard_text_survives_as_the_source_and_in_the_xml(store, tmp_path):
    text = 'Et "citat" & <tag> – æøå 🙂\nny linje\x0bfra Word\x1b[31m'
    store.add_note("s2", 1, text, categories=["c2"])
    write_project(store.session, tmp_path / "p.qdpx")
    _, sources = read_project(tmp_path / "p.qdpx")
    assert list(sources.values()) == ['Et "citat" & <tag> – æøå 🙂\nny linje\nfra Word']


def test_an_anonymized_project_names_no_one_in_any_part(coded, tmp_path):
    coded.add_note("s2", 2, "Ring til Lærke på 22 33 44 55", author="Nora Notesen")
    done = export(coded.session, "qdpx", tmp_path / "p.qdpx", anonymize=True)
    read_project(tmp_path / "p.qdpx")
    found = words_in_every_part(tmp_path / "p.qdpx")
    people = [m.name for m in coded.session.people()] + ["Nora Notesen", "Peter Papir"]
    people += [s.host for s in coded.session.stations]
    assert not [part for name in people for part in name.split() if part.casefold() in found]
    assert done.report is not None and done.report.phones == 1


def test_the_codebook_inside_the_project_has_the_same_guids(coded, tmp_path):
    write_project(coded.session, tmp_path / "p.qdpx")
    root, _ = read_project(tmp_path / "p.qdpx")
    inside = [c.get("guid") for c in root.iter(f"{PROJECT}Code")]
    alone = re.findall(r'guid="([^"]+)"', codebook_xml(coded.session, ExportOptions("da")))
    assert inside == alone
