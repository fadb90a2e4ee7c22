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
    lines = [l for l in out.splitlines() if l.startswith("Gruppe")]
    assert len(lines) == 3
    assert "Ruth Lyng" in lines[0]
    assert not any("Åse Lund" in l and "Mikkel Berg" in l for l in lines)
    assert session_path.read_bytes() == before  # printing only changes nothing
    assert not (session_path.parent / ".backups").exists()
    assert main([*args, "--write"]) == 0
    session, _ = load(session_path)
    sizes = sorted(len(g.members) for g in session.groups)
    assert sizes == [5, 6, 6]
    assert any(m.name == "Ruth Lyng" for m in session.groups[0].members)


def test_groups_refuses_unknown_names(session_path: Path, capsys):
    assert main(["groups", str(session_path), "--count", "3", "--apart", "Nobody Here,Åse Lund"]) == 2
    assert "is not a participant" in capsys.readouterr().err
