"""Open Recent: the last :data:`~reader.ui.settings.MAX_RECENT` files, newest first.

Plain functions over the settings object, so the rules (no duplicates, missing files pruned)
are tested without menus; the window only turns the list into menu entries.
"""

from __future__ import annotations

from pathlib import Path

from . import settings as keys
from .settings import Settings


def add_recent(settings: Settings, path: Path) -> None:
    """Put ``path`` first in the list (once), keeping at most MAX_RECENT entries."""
    recent = [p for p in settings.get(keys.RECENT_FILES) if p != str(path)]
    settings.set(keys.RECENT_FILES, [str(path), *recent][: keys.MAX_RECENT])


def prune_recent(settings: Settings) -> tuple[list[str], list[str]]:
    """Drop the files that no longer exist; return (kept, dropped)."""
    recent = settings.get(keys.RECENT_FILES)
    kept = [p for p in recent if Path(p).is_file()]
    gone = [p for p in recent if p not in kept]
    if gone:
        settings.set(keys.RECENT_FILES, kept)
    return kept, gone


def clear_recent(settings: Settings) -> None:
    settings.set(keys.RECENT_FILES, [])
