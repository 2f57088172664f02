"""Web-scrape residue: "read also" markers and the related headlines that follow them.

Shared by every parser so that a plain-text, Markdown or HTML article loses the same residue.
"""

from __future__ import annotations

import re

# Hamza and alef spellings vary in scraped text: اقرأ / إقرأ / اقرا / إقراء, أيضا / ايضاً ...
_ALEF = "[اأإآ]"
_READ = rf"{_ALEF}?قر{_ALEF}?[ءأ]?"
_ALSO = rf"{_ALEF}يض[اً]?[ًا]?"
MARKER = re.compile(
    rf"""^[\s\-–—•*#>|]*(?:
        {_READ}\s+(?:{_ALSO}|المزيد|كذلك)
      | شاهد\s+(?:{_ALSO}|المزيد|كذلك)
      | (?:مواضيع|مقالات|أخبار|اخبار)\s+(?:ذات\s+صلة|متعلقة|مشابهة|مقترحة)
      | (?:read|see)\s+(?:also|more)
      | related(?:\s+(?:articles|stories|posts))?
    )\s*[:：\-–—]?""",
    re.X | re.I,
)
#: A related headline after a marker is a short line; a longer one means the article goes on.
HEADLINE_MAX_WORDS = 20


def is_marker(line: str) -> bool:
    """True when ``line`` starts with a "read also"-style marker."""
    return MARKER.match(line) is not None


def is_headline(line: str) -> bool:
    """True for a line short enough to be a related headline in a "read also" list."""
    return len(line.split()) <= HEADLINE_MAX_WORDS


def residue_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Half-open index ranges ``[start, end)`` of residue in ``lines`` (blank lines excluded).

    A run starts at a marker line and takes the short headline lines after it. At the end of
    the article it takes them all; when body text follows, the last short line before that
    body is left alone, since it is most likely the next section's heading.
    """
    runs: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if not is_marker(lines[i]):
            i += 1
            continue
        k = i + 1
        while k < n and (is_marker(lines[k]) or is_headline(lines[k])):
            k += 1
        end = n if k == n else max(i + 1, k - 1)
        runs.append((i, end))
        i = max(end, i + 1)
    return runs
