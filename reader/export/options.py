"""Page setup for PDF export and printing: plain data, no Qt.

:class:`PdfOptions` is what the window's page-setup dialog fills in and what
``qari export --paper/--landscape/--lang`` builds; the PDF engine only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Paper = Literal["a4", "letter"]
Orientation = Literal["portrait", "landscape"]
UiLanguage = Literal["ar", "en"]

#: Paper sizes in millimetres (portrait width, height).
PAPER_SIZES_MM: dict[str, tuple[float, float]] = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
}
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres, by physical side."""

    top: float = 20.0
    right: float = 20.0
    bottom: float = 18.0
    left: float = 20.0


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """How exported or printed pages look.

    ``ui_language`` only decides the page label ("صفحة ٣ من ٧" or "Page 3 of 7"); the
    article's own text keeps its direction. ``font_size_pt`` is the body text size; headings
    and the title are scaled from it. ``harakat`` False prints the text without them.
    """

    paper: Paper = "a4"
    orientation: Orientation = "portrait"
    margins: Margins = field(default_factory=Margins)
    ui_language: UiLanguage = "ar"
    font_size_pt: float = 14.0
    #: False: print and export the text without its harakat (the article keeps them).
    harakat: bool = True

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES_MM:
            raise ValueError(f"unknown paper {self.paper!r}; use one of {sorted(PAPER_SIZES_MM)}")
        if self.orientation not in ("portrait", "landscape"):
            raise ValueError(f"unknown orientation {self.orientation!r}")
        if self.ui_language not in ("ar", "en"):
            raise ValueError(f"unknown interface language {self.ui_language!r}")
        if not 6 <= self.font_size_pt <= 36:
            raise ValueError(f"font size {self.font_size_pt} pt is outside 6-36 pt")
        m = self.margins
        if min(m.top, m.right, m.bottom, m.left) < 0:
            raise ValueError("margins cannot be negative")
        w, h = self.page_size_mm
        if w - m.left - m.right < 60 or h - m.top - m.bottom < 80:
            raise ValueError("the margins leave too little room for text")

    @property
    def page_size_mm(self) -> tuple[float, float]:
        """(width, height) of the page in millimetres, orientation applied."""
        w, h = PAPER_SIZES_MM[self.paper]
        return (h, w) if self.orientation == "landscape" else (w, h)

    @property
    def page_size_pt(self) -> tuple[float, float]:
        """(width, height) of the page in PDF points."""
        w, h = self.page_size_mm
        return w * PT_PER_MM, h * PT_PER_MM
