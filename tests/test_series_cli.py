"""``workshop series new|add|show|decide`` and ``workshop export SERIES``, as a user runs them on the example.

The example (sessions/meeting-2.toml, meeting-3.toml, series.toml) is copied; the commands run as
the README shows them. Bad input is one line in the series' language naming the file and the fix,
exit 2, and nothing written.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tomllib
from pathlib import Path

import pytest
from docx_reading import cells, open_docx
from example_series import SESSIONS, copied_series
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli.main import main


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example's sessions folder (its two meetings and its series)."""
    return copied_series(tmp_path)


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    try:
        code = main(list(arguments))
    except SystemExit as exit_:  # argparse's complaint: one line, exit 2
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def all_text(path: Path) -> str:
    """The document's paragraphs and table cells, as a reader sees them."""
    document = open_docx(path)
    parts = [p.text for p in document.paragraphs]
    parts += [cell for table in document.tables for row in cells(table) for cell in row]
    return "\n".join(parts)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_new_series_takes_meetings_in_any_order_and_keeps_them_by_date(example, capsys):
    series = example / "ny.toml"
    code, out, _ = run(capsys, "series", "new", str(series), "--title", "Udvalget om rekruttering")
    assert code == 0 and "Udvalget om rekruttering" in out
    code, out, _ = run(capsys, "series", "add", str(series), str(example / "meeting-3.toml"))
    assert code == 0
    code, out, _ = run(
        capsys, "series", "add", str(series), str(example / "meeting-2.toml"), str(example / "meeting-3.toml")
    )
    assert code == 0
    assert out.splitlines() == ["+ 27.03.2023  meeting-2.toml", "  19.04.2023  meeting-3.toml"]
    raw = tomllib.loads(series.read_text(encoding="utf-8"))
    assert raw["series"]["meetings"] == [{"file": "meeting-2.toml"}, {"file": "meeting-3.toml"}]
    assert "program" not in raw and "stations" not in raw
    code, out, _ = run(capsys, "check", str(series))
    assert out.strip() == "ok: serie med 2 møder, 8 anbefalinger, 0 milepæle"


def test_meetings_elsewhere_are_kept_relative_to_the_series(tmp_path, example, capsys):
    other = tmp_path / "arkiv"
    other.mkdir()
    shutil.copy(example / "meeting-2.toml", other / "m2.toml")
    series = example / "ny.toml"
    run(capsys, "series", "new", str(series), "--title", "Udvalget")
    assert run(capsys, "series", "add", str(series), str(other / "m2.toml"))[0] == 0
    assert tomllib.loads(series.read_text(encoding="utf-8"))["series"]["meetings"] == [{"file": "../arkiv/m2.toml"}]


def test_show_lists_meetings_timeline_with_now_and_every_recommendation_with_its_status(example, capsys):
    code, out, _ = run(capsys, "series", "show", str(example / "series.toml"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "§ 17, stk. 4-udvalget om fastholdelse og rekruttering"
    meetings = lines.index("Møder:")
    assert lines[meetings + 1].startswith("  27.03.2023  Møde 2")
    assert lines[meetings + 2].startswith("  19.04.2023  Møde 3")
    assert "  06.04.2023  [frist]  Deadline for udvalget til at komme med yderligere kvalificering" in out
    assert "  01.05.2023 – 30.06.2023  [politisk behandling]  Politisk behandling af anbefalinger" in out
    assert any(line.startswith("  nu  ") for line in lines)
    assert "  r8  Anbefaling 8: Kommunikation  – prioriteret 20.06.2023 (Byrådet)" in lines
    assert "  r1  Anbefaling 1: Ny i ledelse i Norddjurs Kommune  – ingen beslutning endnu" in lines
    assert any("ny på Møde 2; ændret på Møde 3: Titel" in line for line in lines)
    assert "      ny på Møde 3" in lines  # r7 and r8 came at meeting 3


def test_decide_records_the_status_in_danish_and_undo_takes_it_back(example, capsys):
    series = example / "series.toml"
    code, out, _ = run(
        capsys, "series", "decide", str(series), "r1", "--status", "adopted", "--date", "2023-06-20", "--by", "Byrådet"
    )
    assert code == 0 and out.strip() == "anbefaling 1: Ny i ledelse i Norddjurs Kommune – vedtaget 20.06.2023"
    raw = tomllib.loads(series.read_text(encoding="utf-8"))
    assert raw["series"]["decisions"]["r1"] == {
        "status": "adopted",
        "date": raw["series"]["decisions"]["r1"]["date"],
        "by": "Byrådet",
    }
    _, out, _ = run(capsys, "series", "show", str(series))
    assert "– vedtaget 20.06.2023 (Byrådet)" in out
    from workshop.storage.store import Store

    with Store.open(series, author=None) as store:
        store.undo()
    _, out, _ = run(capsys, "series", "show", str(series))
    assert "vedtaget" not in out


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (
            ["series", "decide", "{series}", "r9", "--status", "adopted", "--date", "2023-06-20"],
            'anbefalingen "r9" – brug en af: r1, r2',
        ),
        (["series", "decide", "{series}", "r1", "--status", "adopted", "--date", "20.06.2023"], "ÅÅÅÅ-MM-DD"),
        (["series", "decide", "{series}", "r1", "--status", "vedtaget", "--date", "2023-06-20"], "--status"),
        (["series", "add", "{series}", "{folder}/findes-ikke.toml"], "findes-ikke.toml"),
        (["series", "add", "{series}", "{series}"], "selv en serie"),
        (["series", "show", "{folder}/meeting-3.toml"], "ikke en serie"),
        (["series", "new", "{series}", "--title", "x"], "series.toml"),
        (["export", "{series}", "--format", "memo"], "--recommendation"),
        (["export", "{series}", "--format", "memo", "--recommendation", "r9"], '"r9"'),
        (["export", "{series}", "--format", "docx"], "--format recommendations, changes, timeline, status, memo"),
        (["export", "{folder}/meeting-3.toml", "--format", "timeline"], "hører til en serie"),
        (["export", "{series}", "--format", "status", "--out", "{folder}/status.pdf"], ".docx"),
    ],
)
def test_bad_input_is_one_danish_line_exit_2_and_nothing_written(example, capsys, arguments, said):
    before = files_of(example.parent)
    filled = [a.format(series=example / "series.toml", folder=example) for a in arguments]
    code, out, err = run(capsys, *filled)
    assert code == 2, out
    assert len(err.strip().splitlines()) == 1 and said in err, err
    assert files_of(example.parent) == before


def test_an_english_series_speaks_english(example, capsys):
    series = example / "en.toml"
    run(capsys, "series", "new", str(series), "--title", "The committee", "--language", "en")
    run(capsys, "series", "add", str(series), str(example / "meeting-2.toml"))
    code, out, _ = run(capsys, "series", "decide", str(series), "r2", "--status", "postponed", "--date", "2023-06-20")
    assert code == 0 and "postponed 2023-06-20" in out
    code, _, err = run(capsys, "series", "decide", str(series), "r7", "--status", "adopted", "--date", "2023-06-20")
    assert code == 2 and 'no meeting of the series has the recommendation "r7"' in err


def test_every_series_document_is_written_with_what_a_reader_expects(example, capsys):
    series = example / "series.toml"
    out_folder = example.parent / "exports"
    for option in ("recommendations", "changes", "timeline", "status"):
        code, _, err = run(capsys, "export", str(series), "--format", option)
        assert code == 0, err
    code, _, err = run(capsys, "export", str(series), "--format", "memo", "--recommendation", "r8")
    assert code == 0, err
    names = sorted(p.name for p in out_folder.iterdir())
    assert names == [
        "series-aendringer.docx",
        "series-anbefalinger.docx",
        "series-notat-r8.docx",
        "series-status.docx",
        "series-tidslinje.docx",
    ]
    report = all_text(out_folder / "series-anbefalinger.docx")
    assert "Anbefaling 8: Kommunikation" in report and "Anbefaling 1: Ny i ledelse i Norddjurs Kommune" in report
    assert "Opbygning af robust og solid ledelseskapacitet" in report

    changes = open_docx(out_folder / "series-aendringer.docx")
    text = all_text(out_folder / "series-aendringer.docx")
    assert "Ændringer fra Møde 2 til Møde 3" in text
    assert "Anbefaling 1: Ny i ledelse i Norddjurs Kommune" in text
    first = cells(changes.tables[0])
    assert first[0] == ["Afsnit", "Før (Møde 2)", "Efter (Møde 3)"]
    assert first[1] == ["Titel", "Ny i ledelse på Velfærdsområdet", "Ny i ledelse i Norddjurs Kommune"]
    assert "Anbefaling 7: Trivselsteam på Velfærdsområdet (ny anbefaling)" in text

    timeline = cells(open_docx(out_folder / "series-tidslinje.docx").tables[0])
    assert timeline[0][:2] == ["Hvornår", "Hvad sker der"]
    whens = [row[0] for row in timeline[1:]]
    assert whens[:3] == ["03.03.2023", "27.03.2023", "06.04.2023"]
    assert "26.04.2023 – 30.04.2023" in whens
    assert any(w.startswith("◀ nu (") for w in whens)

    status = cells(open_docx(out_folder / "series-status.docx").tables[0])
    assert status[0] == ["Anbefaling", "Beslutning", "Opfølgning", "Baseline", "Måling", "Fremdrift"]
    row8 = next(row for row in status if row[0].startswith("Anbefaling 8"))
    assert row8[1] == "prioriteret 20.06.2023 (Byrådet)" and row8[2] == "2024"
    assert row8[3] == "Nuværende organisering og kommunikationsstrategi"

    memo = all_text(out_folder / "series-notat-r8.docx")
    for expected in (
        "Notat",
        "Dato: 19.02.2024",
        "Reference: Heidi Johannesen",
        "Indsatser som understøtter anbefaling 8: Kommunikation og branding på Velfærdsområdet",
        "Organisering af arbejdet",
        "Jeppe Bødker Thvilum, projektleder (chef for Ledelsessekretariatet)",
        "Indsatser",
        "Indstilling",
        "indstiller, at ovenstående konkrete handlinger",
    ):
        assert expected in memo, expected


def test_export_only_reads_the_series_and_its_meetings(example, capsys):
    before = files_of(example)
    assert (
        run(
            capsys,
            "export",
            str(example / "series.toml"),
            "--format",
            "status",
            "--out",
            str(example.parent / "s.docx"),
        )[0]
        == 0
    )
    assert files_of(example) == before
    assert (example.parent / "s.docx").is_file()


def test_export_of_a_series_without_format_writes_the_report_of_the_latest_versions(example, capsys):
    code, out, _ = run(capsys, "export", str(example / "series.toml"))
    assert code == 0 and out.strip().endswith("series-anbefalinger.docx")
    assert (example.parent / "exports" / "series-anbefalinger.docx").is_file()


def _meeting_on(folder: Path, name: str, day: str) -> Path:
    text = (SESSIONS / "meeting-2.toml").read_text(encoding="utf-8").replace("date = 2023-03-27", f"date = {day}")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(["a.toml", "b.toml", "c.toml"]), together=st.integers(1, 3))
def test_meetings_added_in_any_order_and_batches_stand_in_date_order(tmp_path_factory, order, together):
    folder = tmp_path_factory.mktemp("sessions")
    days = {"a.toml": "2023-03-03", "b.toml": "2023-03-27", "c.toml": "2023-04-19"}
    paths = {name: _meeting_on(folder, name, day) for name, day in days.items()}
    series = folder / "serie.toml"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["series", "new", str(series), "--title", "Udvalget"]) == 0
        for start in range(0, 3, together):
            batch = [str(paths[name]) for name in order[start : start + together]]
            assert main(["series", "add", str(series), *batch]) == 0
    meetings = tomllib.loads(series.read_text(encoding="utf-8"))["series"]["meetings"]
    assert [m["file"] for m in meetings] == ["a.toml", "b.toml", "c.toml"]


def test_a_hostile_title_is_shown_never_obeyed(example, capsys):
    series = example / "ny.toml"
    run(capsys, "series", "new", str(series), "--title", "Udvalget \x1b]0;overtaget\x07 \u202e")
    run(capsys, "series", "add", str(series), str(example / "meeting-2.toml"))
    code, out, _ = run(capsys, "series", "show", str(series))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "\\x1b]0;overtaget" in out


def test_check_refuses_a_decision_on_a_recommendation_no_meeting_has(example, capsys):
    series = example / "series.toml"
    text = series.read_text(encoding="utf-8").replace("[series.decisions.r8]", "[series.decisions.r9]")
    series.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(series))
    assert code == 2 and '[series.decisions.r9]: ingen møder i serien har anbefalingen "r9"' in err and "r1, r2" in err


def test_an_english_series_writes_english_documents(example, capsys):
    series = example / "en.toml"
    run(capsys, "series", "new", str(series), "--title", "The committee", "--language", "en")
    run(capsys, "series", "add", str(series), str(example / "meeting-3.toml"), str(example / "meeting-2.toml"))
    assert run(capsys, "export", str(series), "--format", "changes")[0] == 0
    assert run(capsys, "export", str(series), "--format", "timeline")[0] == 0
    exports = example.parent / "exports"
    changes = all_text(exports / "en-changes.docx")
    assert "Changes from Møde 2 to Møde 3" in changes and "Before (Møde 2)" in changes
    timeline = cells(open_docx(exports / "en-timeline.docx").tables[0])
    assert timeline[0][:2] == ["When", "What happens"] and timeline[1][0] == "2023-03-27"
