"""The reading settings as one value: typeface, line spacing, text width, harakat, digits.

Read from and written to :class:`.settings.Settings` (whose keys turn corrupt values into
defaults); the window hands one :class:`ReadingPrefs` to every reading pane. Theme and zoom
have their own keys and actions (they predate this) and stay outside.
"""

from __future__ import annotations

from typing import NamedTuple

from . import settings as keys
from .display_text import DisplayOptions
from .render import RenderOptions
from .settings import Settings


class ReadingPrefs(NamedTuple):
    """How the article is set: what the user chose in View > Reading Settings."""

    family: str = keys.FONT_FAMILY.default
    line_spacing: int = keys.LINE_SPACING.default
    text_width: int = keys.TEXT_WIDTH.default
    show_harakat: bool = keys.SHOW_HARAKAT.default
    digits: str = keys.DIGITS.default

    @property
    def display(self) -> DisplayOptions:
        return DisplayOptions(self.show_harakat, self.digits)

    @property
    def render_options(self) -> RenderOptions:
        """What changes the HTML (a change means typesetting the article again)."""
        return RenderOptions(self.line_spacing, self.display)

    def with_family(self, family: str) -> ReadingPrefs:
        return self._replace(family=family)


def load_prefs(settings: Settings) -> ReadingPrefs:
    return ReadingPrefs(
        family=settings.get(keys.FONT_FAMILY),
        line_spacing=settings.get(keys.LINE_SPACING),
        text_width=settings.get(keys.TEXT_WIDTH),
        show_harakat=settings.get(keys.SHOW_HARAKAT),
        digits=settings.get(keys.DIGITS),
    )


def save_prefs(settings: Settings, prefs: ReadingPrefs) -> None:
    settings.set(keys.FONT_FAMILY, prefs.family)
    settings.set(keys.LINE_SPACING, prefs.line_spacing)
    settings.set(keys.TEXT_WIDTH, prefs.text_width)
    settings.set(keys.SHOW_HARAKAT, prefs.show_harakat)
    settings.set(keys.DIGITS, prefs.digits)


def usable(prefs: ReadingPrefs) -> ReadingPrefs:
    """``prefs`` with a typeface that can be used here (registered on first use): a face
    missing on this machine falls back to Amiri, while the stored choice is kept."""
    from .fonts import READING_FAMILY, ensure_face

    if prefs.family != READING_FAMILY and not ensure_face(prefs.family):
        return prefs.with_family(READING_FAMILY)
    return prefs
