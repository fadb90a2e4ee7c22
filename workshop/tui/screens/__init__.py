"""One screen per task: the facilitator's, the note-taker's, the secretariat's, and helpers."""
