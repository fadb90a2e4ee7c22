"""``workshop serve``: note-takers join the evening from their own laptop, tablet or phone, in a browser.

The session stays on the facilitator's laptop. Each browser gets its own app process there
(textual-serve's design), and every process shares the session through the store, as several
terminals do. The pieces:

- :mod:`workshop.serving.links`: the access token, the join links (one per station, the
  facilitator's, the secretariat's) and what a link may ask for;
- :mod:`workshop.serving.qr`: a link as a QR code in block characters, for the terminal and the board;
- :mod:`workshop.serving.app_process`: one browser's app process, started without a shell;
- :mod:`workshop.serving.warm_parent`: each app forked from one process that has imported the app
  (:mod:`workshop.cli.warm`), in the order the browsers arrived;
- :mod:`workshop.serving.server`: the web server: the token on every request, the limit of browsers,
  the pages a browser gets instead of the app;
- :mod:`workshop.serving.announce`: while the server runs, where it is, for the board's join view;
- :mod:`workshop.serving.client`: a browser stand-in that speaks the websocket protocol (tests, benchmark).
"""
