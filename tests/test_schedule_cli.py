"""`workshop schedule` beyond the square and `workshop groups`, as a facilitator uses them."""

from __future__ import annotations

import json
from pathlib import Path

from workshop.cli.main import main
from workshop.storage.session_file import load


def test_remix_json_lists_people_per_station_and_their_contacts(session_path: Path, capsys):
    assert main(["schedule", str(session_path), "--mode", "remix", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    session, _ = load(session_path)
    people = sorted(m.name for m in session.people())
    assert [r["round"] for r in data["rounds"]] == [1, 2, 3]
    for entry in data["rounds"]:
        assert set(entry["stations"]) == {"s1", "s2", "s3"}
        assert sorted(n for names in entry["stations"].values() for n in names) == people
    assert data["contacts"]["mean"] > 5  # fixed groups of 5-6 meet only 4-5 others
    assert data["rounds"][0]["start"] == "18:20"


def test_share_mode_from_the_command_line(session_path: Path, capsys):
    text = session_path.read_text(encoding="utf-8") + '\n[[groups]]\nid = "g4"\nname = "Gruppe 4"\n'
    session_path.write_text(text, encoding="utf-8")
    assert main(["schedule", str(session_path), "--extra-groups", "share", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for entry in data["rounds"]:
        assert sorted(len(g) for g in entry["stations"].values()) == [1, 1, 2]
    assert data["costs"]


def test_groups_are_formed_balanced_and_saved_on_request(session_path: Path, capsys):
    args = ["groups", str(session_path), "--count", "3", "--apart", "Åse Lund,Mikkel Berg", "--pin", "Ruth Lyng=1"]
    before = session_path.read_bytes()
    assert main(args) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("Gruppe")]
    assert len(lines) == 3
    assert "Ruth Lyng" in lines[0]
    assert not any("Åse Lund" in line and "Mikkel Berg" in line for line in lines)
    assert session_path.read_bytes() == before  # printing only changes nothing
    assert not (session_path.parent / ".backups").exists()
    assert main([*args, "--write"]) == 0
    session, _ = load(session_path)
    sizes = sorted(len(g.members) for g in session.groups)
    assert sizes == [5, 6, 6]
    assert any(m.name == "Ruth Lyng" for m in session.groups[0].members)


def test_groups_refuses_unknown_names_in_the_sessions_language(session_path: Path, capsys):
    assert main(["groups", str(session_path), "--count", "3", "--apart", "Nobody Here,Åse Lund"]) == 2
    err = capsys.readouterr().err
    assert '"Nobody Here" er ikke deltager i' in err and "Traceback" not in err
    english(session_path)
    assert main(["groups", str(session_path), "--count", "3", "--apart", "Nobody Here,Åse Lund"]) == 2
    assert '"Nobody Here" is not a participant of' in capsys.readouterr().err


def english(session_path: Path) -> None:
    """Make the made-up evening an English session."""
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text.replace('language = "da"', 'language = "en"'), encoding="utf-8")


def test_groups_say_in_danish_which_wish_gave_way(session_path: Path, capsys):
    wishes = ["--together", "Åse Lund,Mikkel Berg", "--apart", "Åse Lund,Mikkel Berg"]
    assert main(["groups", str(session_path), "--count", "3", *wishes]) == 0
    out = capsys.readouterr().out
    assert "Åse Lund (politiker)" in out and "Mikkel Berg (medarbejder)" in out
    kept_apart = "Åse Lund og Mikkel Berg skal holdes adskilt"
    assert f"- gav efter: hold Åse Lund og Mikkel Berg sammen gav efter: {kept_apart}" in out
    assert "gave way" not in out and "politician" not in out


def test_the_table_fits_an_80_column_terminal(session_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["schedule", str(session_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = " ".join(" ".join(line.replace("│", " ").split()) for line in lines)
    assert "fastansættelse og" in text and "Runde 3" in text  # long station names wrap inside their column
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["schedule", str(session_path)]) == 0
    wide = capsys.readouterr().out.splitlines()
    assert len(wide) < len(lines) and max(len(line) for line in wide) <= 160


def test_costs_are_printed_in_the_sessions_language(session_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = session_path.read_text(encoding="utf-8") + '\n[[groups]]\nid = "g4"\nname = "Gruppe 4"\n'
    session_path.write_text(text, encoding="utf-8")
    assert main(["schedule", str(session_path), "--extra-groups", "pause"]) == 0
    out = capsys.readouterr().out  # 4 groups take turns waiting, but 3 rounds leave each one station short
    assert "- 1 gruppe venter i hver runde\n" in out
    assert "- gruppe g2 når ikke s1, fordi der kun er 3 runder\n" in out
    assert main(["schedule", str(session_path), "--extra-groups", "share"]) == 0
    out = capsys.readouterr().out
    assert "- 1 station har op til 2 grupper på én gang i hver runde (antallet afviger højst med én)" in out
    english(session_path)
    assert main(["schedule", str(session_path), "--extra-groups", "share"]) == 0
    assert "- 1 station holds up to 2 groups at once in each round" in capsys.readouterr().out


def test_remixing_says_who_met_whom_and_how(session_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["schedule", str(session_path), "--mode", "remix"]) == 0
    out = capsys.readouterr().out
    assert "- mødte andre: mindst " in out and "forskellige par; fordelt efter et fast mønster" in out
    english(session_path)
    assert main(["schedule", str(session_path), "--mode", "remix"]) == 0
    out = capsys.readouterr().out
    assert "- people met: min " in out and "distinct pairs; placed by a fixed pattern" in out


def test_groups_write_during_the_evening_never_moves_people_silently(tmp_path, capsys):
    """The app shows the rounds before and after and asks; a script cannot ask, so it refuses."""
    import datetime as dt
    import shutil

    from workshop.model.session import ActualTime, Live
    from workshop.storage.store import Store

    session = tmp_path / "aften.toml"
    shutil.copy(Path(__file__).parent / "data" / "evening.toml", session)
    started = dt.datetime(2026, 3, 12, 18, 20)
    with Store.open(session, author="Freja Holm") as store:
        before = [g.model_dump() for g in store.session.groups]
        store.set_section(
            "live", Live(current="p2", started=started, actual=[ActualTime(item="p2", start=started)]), "round started"
        )
    assert main(["groups", str(session), "--count", "2", "--write"]) == 2
    assert "aftenen er i gang" in capsys.readouterr().err
    with Store.open(session, readonly=True) as store:
        assert [g.model_dump() for g in store.session.groups] == before


def test_a_station_named_as_new_names_it_is_headed_once(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    path = tmp_path / "stor.toml"
    assert main(["new", str(path), "--stations", "3", "--groups", "5"]) == 0
    capsys.readouterr()
    assert main(["schedule", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Station 1") == 1 and out.count("Station 3") == 1  # not "Station 1" over "Station 1"
