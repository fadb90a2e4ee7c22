"""Made-up sessions of any size for the benchmarks (shaped like meeting 3)."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from workshop.model.session import Note
from workshop.storage import snapshot_file as snapshot
from workshop.storage.session_file import load

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "sessions" / "meeting-3.toml"

WORDS = (
    "ledelse sparring trivsel praktik uddannelse løn arbejdsmiljø rekruttering fastholdelse "
    "kollegaer vagtplan elever mentor økonomi kommunikation – § ø å æ"
).split()


def make_session(folder: Path, notes: int, seed: int = 1) -> Path:
    """Write ``folder/bench-<notes>.toml`` with that many notes, all folded into the TOML."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{notes}.toml"
    for old in folder.glob(f"bench-{notes}.*"):
        old.unlink()
    shutil.rmtree(folder / ".backups", ignore_errors=True)
    session, _ = load(EXAMPLE)
    chance = random.Random(seed)
    moment = dt.datetime(2023, 4, 19, 18, 20)
    categories = [c.id for c in session.categories]
    for number in range(notes):
        round_number = number % 3 + 1
        station = f"s{chance.randint(1, 3)}"
        text = " ".join(chance.choice(WORDS) for _ in range(chance.randint(6, 30)))
        session.notes.append(
            Note(
                station=station,
                round=round_number,
                group=f"g{(int(station[1]) - round_number) % 3 + 1}",
                text=text,
                categories=chance.sample(categories, chance.randint(0, 2)),
                author=f"Notetager {number % 3 + 1}",
                created=moment,
                updated=moment,
            )
        )
    snapshot.write(path, session, 0)
    return path
