"""One typed settings object over QSettings: every key declared once, with type and default.

Keys are :class:`Key` constants below, grouped into user *preferences* (``preferences/``:
theme, zoom, language, library folders, reading settings) and *window state* (``state/``:
geometry, splitter, open files, recent files) plus per-article reading positions
(``positions/``). Values are stored as text (JSON for lists), so a hand-edited or corrupted
file reads back as defaults instead of crashing, and only values that differ from their
default are written.

Nothing is created at import time: the window receives a :class:`Settings` made by
:meth:`Settings.open` (the standard location under the organisation/application names, or an
INI file given by path, which is what tests use).
"""

from __future__ import annotations

import base64
import json
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")

#: How many files Open Recent remembers.
MAX_RECENT = 10
#: How many per-article reading positions are kept (oldest forgotten first).
MAX_POSITIONS = 300
THEMES = ("light", "sepia", "dark")
LANGUAGES = ("ar", "en")
ZOOM_MIN, ZOOM_MAX = 50, 300
#: Reading settings (issue 6): line height in percent, text width in characters per line.
LINE_SPACING_MIN, LINE_SPACING_MAX = 100, 220
TEXT_WIDTH_MIN, TEXT_WIDTH_MAX = 45, 90
DIGIT_STYLES = ("auto", "arabic-indic", "western")


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(raw)
        return raw

    return parse


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw)
        if not low <= value <= high:
            raise ValueError(raw)
        return value

    return parse


def _bool(raw: str) -> bool:
    if raw.lower() not in ("true", "false"):
        raise ValueError(raw)
    return raw.lower() == "true"


def _dump_bool(value: bool) -> str:
    return "true" if value else "false"


def _family(raw: str) -> str:
    """A font family name: short printable text (anything else is a corrupt value)."""
    name = raw.strip()
    if not name or len(name) > 100 or not name.isprintable():
        raise ValueError(raw)
    return name


def _str_list(raw: str) -> list[str]:
    value = json.loads(raw)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(raw)
    return value


def _int_list(raw: str) -> list[int]:
    value = json.loads(raw)
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value
    ):
        raise ValueError(raw)
    return value


def _bytes(raw: str) -> bytes:
    return base64.b64decode(raw.encode("ascii"), validate=True)  # binascii.Error: ValueError


def _dump_bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


class Key(Generic[T]):
    """A setting: where it lives, its default, and how it is read from / written to text.

    A plain class (the keys are module constants, compared by identity): a dataclass costs
    ~0.5 ms to define, paid at every start."""

    __slots__ = ("default", "dump", "name", "parse")

    def __init__(
        self, name: str, default: T, parse: Callable[[str], T], dump: Callable[[T], str] = str
    ) -> None:
        self.name = name
        self.default = default
        self.parse = parse
        self.dump = dump

    def __repr__(self) -> str:
        return f"Key({self.name!r})"


def _json_dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# Preferences: what the user chose.
THEME: Key[str] = Key("preferences/theme", "light", _choice(*THEMES))
ZOOM: Key[int] = Key("preferences/zoom", 100, _int_range(ZOOM_MIN, ZOOM_MAX))
LANGUAGE: Key[str] = Key("preferences/language", "ar", _choice(*LANGUAGES))
LIBRARY_FOLDERS: Key[list[str]] = Key("preferences/library_folders", [], _str_list, _json_dump)
# Reading settings (View > Reading Settings; focus mode is never stored).
FONT_FAMILY: Key[str] = Key("preferences/font_family", "Amiri", _family)
LINE_SPACING: Key[int] = Key(
    "preferences/line_spacing", 120, _int_range(LINE_SPACING_MIN, LINE_SPACING_MAX)
)
TEXT_WIDTH: Key[int] = Key("preferences/text_width", 68, _int_range(TEXT_WIDTH_MIN, TEXT_WIDTH_MAX))
SHOW_HARAKAT: Key[bool] = Key("preferences/show_harakat", True, _bool, _dump_bool)
DIGITS: Key[str] = Key("preferences/digits", "auto", _choice(*DIGIT_STYLES))


# Page setup for printing and Export PDF (issue 4): margins in mm, top, right, bottom, left.
def _margins_mm(raw: str) -> list[float]:
    value = json.loads(raw)
    if (not isinstance(value, list) or len(value) != 4
            or not all(type(v) in (int, float) and 0 <= v <= 100 for v in value)):
        raise ValueError(raw)
    return [float(v) for v in value]


PAGE_PAPER: Key[str] = Key("preferences/page_paper", "a4", _choice("a4", "letter"))
PAGE_ORIENTATION: Key[str] = Key("preferences/page_orientation", "portrait",
                                 _choice("portrait", "landscape"))
PAGE_MARGINS: Key[list[float]] = Key("preferences/page_margins_mm", [20.0, 20.0, 18.0, 20.0],
                                     _margins_mm, _json_dump)
PAGE_HARAKAT: Key[bool] = Key("preferences/page_harakat", True, _bool, _dump_bool)
EXPORT_FOLDER: Key[str] = Key("state/export_folder", "", str)

# Window state: how the user left things.
GEOMETRY: Key[bytes] = Key("state/geometry", b"", _bytes, _dump_bytes)
SPLITTER: Key[list[int]] = Key("state/splitter", [], _int_list, _json_dump)
OPEN_FILES: Key[list[str]] = Key("state/open_files", [], _str_list, _json_dump)
CURRENT_TAB: Key[int] = Key("state/current_tab", 0, _int_range(0, 10_000))
SIDE_TAB: Key[int] = Key("state/side_tab", 0, _int_range(0, 1))
RECENT_FILES: Key[list[str]] = Key("state/recent_files", [], _str_list, _json_dump)

ALL_KEYS: tuple[Key[Any], ...] = (
    THEME, ZOOM, LANGUAGE, LIBRARY_FOLDERS,
    FONT_FAMILY, LINE_SPACING, TEXT_WIDTH, SHOW_HARAKAT, DIGITS,
    GEOMETRY, SPLITTER, OPEN_FILES, CURRENT_TAB, SIDE_TAB, RECENT_FILES,
    PAGE_PAPER, PAGE_ORIENTATION, PAGE_MARGINS, PAGE_HARAKAT, EXPORT_FOLDER,
)  # fmt: skip


class Position(NamedTuple):
    """Where the reader was in an article: a section id (-1: before the first heading) and a
    character offset from the start of that section's heading."""

    section: int
    offset: int


class Settings:
    """Typed access to a QSettings store. Use :meth:`open` to make one."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @classmethod
    def open(cls, path: str | Path | None = None) -> Settings:
        """The settings at ``path`` (an INI file), or the user's standard settings (which need
        the application's organisation and name set first)."""
        if path is not None:
            return cls(QSettings(str(path), QSettings.Format.IniFormat))
        return cls(QSettings())

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, key: Key[T]) -> T:
        """The stored value, or the default when it is missing or unreadable."""
        raw = self._store.value(key.name)
        if raw is None:
            return _copy(key.default)
        try:
            return key.parse(str(raw))
        except (ValueError, TypeError, UnicodeError):
            return _copy(key.default)

    def set(self, key: Key[T], value: T) -> None:
        """Store ``value``; a value equal to the default removes the entry."""
        if value == key.default:
            self._store.remove(key.name)
        else:
            self._store.setValue(key.name, key.dump(value))

    # -- per-article reading positions -------------------------------------------------

    @staticmethod
    def _position_key(path: str | Path) -> str:
        data = str(Path(path).resolve()).encode("utf-8")
        return f"positions/{zlib.crc32(data):08x}{zlib.adler32(data):08x}"

    def position(self, path: str | Path) -> Position | None:
        """The remembered reading position in the article at ``path``, if any."""
        raw = self._store.value(self._position_key(path))
        if raw is None:
            return None
        try:
            data = json.loads(str(raw))
            section, offset = data["section"], data["offset"]
            if not all(type(v) is int for v in (section, offset)):  # bool is an int too
                return None
            if section < -1 or offset < 0:
                return None
            return Position(section, offset)
        except (ValueError, TypeError, KeyError):
            return None

    def set_position(self, path: str | Path, position: Position) -> None:
        data = {"section": position.section, "offset": position.offset, "t": int(time.time())}
        self._store.setValue(self._position_key(path), json.dumps(data))

    def prune_positions(self, keep: int = MAX_POSITIONS) -> None:
        """Forget the oldest reading positions beyond ``keep``."""
        self._store.beginGroup("positions")
        try:
            stamped: list[tuple[int, str]] = []
            for name in self._store.childKeys():
                try:
                    stamp = int(json.loads(str(self._store.value(name)))["t"])
                except (ValueError, TypeError, KeyError):
                    stamp = 0
                stamped.append((stamp, name))
            stamped.sort(reverse=True)
            for _, name in stamped[keep:]:
                self._store.remove(name)
        finally:
            self._store.endGroup()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()


def _copy(value: T) -> T:
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
