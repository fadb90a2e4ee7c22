"""The documents a session exports: the minutes, the route cards, the quote table, the recommendations
report, the draft agenda item, and the REFI-QDA codebook and project for analysis programs.

Each document module declares its :class:`~workshop.documents.format.DocumentFormat`; the
``registry`` lists them and writes them safely. ``docx_writer`` builds Word documents (in the
municipality's template when there is one), ``printable`` makes any text showable and
``anonymize`` takes people out, with a report of what it replaced.
"""
