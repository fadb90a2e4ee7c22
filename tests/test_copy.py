"""`workshop copy`: a note-taker's copy for an evening without a network, merged back by `workshop merge`."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop.cli.main import main
from workshop.storage.store import Store

EVENING = Path(__file__).parent / "data" / "evening.toml"


def session_with_identity(tmp_path: Path) -> Path:
    path = tmp_path / "aften.toml"
    shutil.copy(EVENING, path)
    with Store.open(path, author="Freja Holm") as store:  # the first writing open gives the session its identity
        store.add_note("s1", 1, "Før aftenen")
    return path


def test_a_copy_takes_notes_of_its_own_and_merges_back_once(tmp_path, capsys):
    main_session = session_with_identity(tmp_path)
    before = main_session.read_bytes()
    copy = tmp_path / "usb" / "aften-s2.toml"
    copy.parent.mkdir()
    assert main(["copy", str(main_session), str(copy)]) == 0
    assert main_session.read_bytes() == before  # the session is only read
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    with Store.open(copy, author="Bo Lind") as store:
        assert [n.text for n in store.session.notes] == ["Før aftenen"]
        store.add_note("s2", 1, "Fra kopien ved station 2")
    assert main(["merge", str(main_session), str(copy)]) == 0
    assert main(["merge", str(main_session), str(copy)]) == 0  # twice changes nothing
    with Store.open(main_session, readonly=True) as store:
        texts = sorted(n.text for n in store.session.notes)
    assert texts == ["Fra kopien ved station 2", "Før aftenen"]


def test_a_copy_never_replaces_a_file(tmp_path, capsys):
    main_session = session_with_identity(tmp_path)
    taken = tmp_path / "taget.toml"
    taken.write_text("mit eget", encoding="utf-8")
    assert main(["copy", str(main_session), str(taken)]) == 2
    assert taken.read_text(encoding="utf-8") == "mit eget"
    assert "taget.toml" in capsys.readouterr().err
