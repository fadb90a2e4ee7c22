"""A writer process for the durability and concurrency tests.

    python -m tests.workers.writer SESSION NAME COUNT [ACKFILE]

Adds COUNT notes written by NAME, one store change each. After each change returns, the
note's id is appended to ACKFILE (flushed), so a test that kills this process knows which
notes were acknowledged and must survive.
"""

from __future__ import annotations

import os
import sys

from workshop.storage.store import Store


def main() -> None:
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ack = open(sys.argv[4], "a", encoding="utf-8") if len(sys.argv) > 4 else None  # noqa: SIM115 - open until killed
    store = Store.open(path, author=name, backup=False)
    for number in range(count):
        station = f"s{number % 3 + 1}"
        note = store.add_note(station, number % 3 + 1, f"{name} nr. {number}: æøå – \x0b§")
        if ack is not None:
            ack.write(note.id + "\n")
            ack.flush()
            os.fsync(ack.fileno())
    if ack is None:
        store.close()
    else:
        print("done", flush=True)
        store.close()


if __name__ == "__main__":
    main()
