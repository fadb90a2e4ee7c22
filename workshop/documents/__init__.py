"""The documents a session exports: the minutes, the route cards and the quote table.

Each document module declares its :class:`~workshop.documents.format.DocumentFormat`; the
``registry`` lists them and writes them safely. ``docx_writer`` builds Word documents,
``printable`` makes any text showable and ``anonymize`` takes people's names out.
"""
