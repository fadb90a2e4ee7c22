"""The series screen (``workshop run SERIES``): the meetings, the timeline and the recommendations, in Danish."""

from __future__ import annotations

from pathlib import Path

from example_series import copied_series
from textual.widgets import DataTable

from workshop.cli.series import series_view
from workshop.storage.store import Store
from workshop.tui.series_app import SeriesApp


def example(tmp_path: Path) -> Path:
    return copied_series(tmp_path) / "series.toml"


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_the_series_screen_shows_meetings_timeline_and_status_and_enter_opens_a_meeting(tmp_path):
    path = example(tmp_path)
    with Store.open(path, readonly=True) as store:
        view = series_view(path, store.session)
    app = SeriesApp(view)
    async with app.run_test(size=(140, 45)) as pilot:
        meetings = rows(app.query_one("#series-meetings", DataTable))
        assert [row[:2] for row in meetings] == [
            ["27.03.2023", "Møde 2 – Udvalget kvalificerer anbefalinger til de første tre temaer"],
            ["19.04.2023", "Møde 3 – kvalificering af anbefalingerne"],
        ]
        timeline = rows(app.query_one("#series-timeline", DataTable))
        assert ["06.04.2023", timeline[2][1], "frist"] == timeline[2] and timeline[2][1].startswith("Deadline")
        assert any(row[0].startswith("◀ nu (") for row in timeline)
        status = rows(app.query_one("#series-recommendations", DataTable))
        assert status[7][:2] == ["Anbefaling 8: Kommunikation", "prioriteret 20.06.2023 (Byrådet)"]
        assert status[0][1] == "ingen beslutning endnu"
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.chosen == path.parent / "meeting-3.toml"
