"""The typeface of exported pages: Amiri, shipped by the ``fontpkg-amiri`` package.

Amiri is a Naskh face with Latin letters and digits, so an Arabic article with English words
needs no second font, and a machine with no Arabic font installed still gets joined letters.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from .errors import ExportError

FAMILY = "Amiri"


class Style(IntEnum):
    """Font styles used on a page; the value indexes the face tables."""

    REGULAR = 0
    BOLD = 1
    ITALIC = 2
    BOLD_ITALIC = 3


_FILE_NAMES = {
    Style.REGULAR: "Amiri-Regular.ttf",
    Style.BOLD: "Amiri-Bold.ttf",
    Style.ITALIC: "Amiri-Italic.ttf",
    Style.BOLD_ITALIC: "Amiri-BoldItalic.ttf",
}
_WEIGHT_STYLE = {
    Style.REGULAR: (400, "normal"),
    Style.BOLD: (700, "normal"),
    Style.ITALIC: (400, "italic"),
    Style.BOLD_ITALIC: (700, "italic"),
}


def font_path(style: Style) -> Path:
    """The font file for ``style``; the regular face stands in for a missing style."""
    try:
        import fontpkg

        weight, slant = _WEIGHT_STYLE[style]
        try:
            return Path(fontpkg.path(FAMILY, weight, slant))
        except Exception:  # a missing style: look beside the regular file
            regular = Path(fontpkg.path(FAMILY))
    except Exception as err:
        raise ExportError(
            "خط أميري غير مثبّت (الحزمة fontpkg-amiri)",
            "The Amiri font is not installed (package fontpkg-amiri)",
        ) from err
    sibling = regular.with_name(_FILE_NAMES[style])
    return sibling if sibling.is_file() else regular
