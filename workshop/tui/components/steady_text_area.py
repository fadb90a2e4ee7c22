"""The note field's text area: it works out its theme's styles when its styles change, not at every frame.

Textual's ``TextArea`` works out six component styles again at every frame: a fifth of the CPU a typed
key costs, thirty times over in a room of browsers. It uses no private name of Textual's, so it lives
here, beside the note-taker's parts, and is imported with them: a start on another screen never loads
Textual's ``TextArea`` (some 9 ms of every start). ``tests/test_serve_room.py`` checks that it draws
exactly as Textual's own.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import TextArea


class SteadyThemeTextArea(TextArea):
    """A ``TextArea`` that works out its theme's styles when its styles change, not at every frame.

    Textual's ``TextArea.render_lines`` calls ``theme.apply_css`` before each render: the text's and
    the cursor's, selection's, gutter's and line's styles, each from the stylesheet afresh (a
    refresh drops Textual's cache of them). They change only when the field's styles do (focus,
    a class, the app's theme: Textual then calls :meth:`notify_style_update`), or with the
    theme, or the screen's classes; otherwise the theme's styles as last worked out are used.
    """

    _styled_for: tuple[object, ...] | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styled_for = None

    def render_lines(self, crop: Region) -> list[Strip]:
        state = (self.theme, self.app.theme, self.has_focus, frozenset(self.screen.classes))
        if state == self._styled_for:
            return ScrollView.render_lines(self, crop)  # TextArea's, without its apply_css
        self._styled_for = state
        return super().render_lines(crop)
