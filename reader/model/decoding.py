"""Bytes to text: BOMs, UTF-8, UTF-16 and the legacy Arabic code pages.

Order of trust: a BOM; strict UTF-8 (by far the most common and cheap to check); then
charset-normalizer, limited to encodings an Arabic article is really written in, so that it
does not pick an exotic code page that happens to decode. Binary data is refused before any
of that by looking for NUL bytes and control characters.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .errors import NotTextError

#: Code pages tried, in order of preference, when the bytes are not UTF-8.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "utf_16_le", "utf_16_be", "cp1252")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, LF, VT, FF, CR and ESC-free text; a few in a big file are noise.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CONTROL_TABLE = bytes.maketrans(_CONTROL, b"\x00" * len(_CONTROL))
_SNIFF = 64 * 1024


def _looks_binary(sample: bytes) -> bool:
    """True when a sample of 8-bit data has NUL bytes or many control characters."""
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(4, len(sample) // 200)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes at every other position of Latin text and spaces."""
    sample = data[: _SNIFF & ~1]
    if len(data) % 2 or b"\x00" not in sample:
        return None
    for name, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) < len(zeros) // 10:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        printable = sum(c.isprintable() or c.isspace() for c in head)
        if "\x00" not in text and printable >= 0.98 * len(head):
            return text, name
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding name)``.

    Raises :class:`NotTextError` for binary or undecodable data.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as err:
                raise _undecodable(name) from err
    bomless = _bomless_utf16(data)
    if bomless is not None:
        return bomless
    if _looks_binary(data[:_SNIFF]) or _looks_binary(data[-_SNIFF:]):
        raise NotTextError(
            "الملف ليس نصًا: يبدو أنه بيانات ثنائية (صورة أو ملف مضغوط مثلًا).",
            "The file is not text: it looks like binary data (an image or an archive, say).",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS), preemptive_behaviour=False).best()
    if best is None or best.encoding is None:
        raise _undecodable("")
    name = codecs.lookup(best.encoding).name
    try:
        return data.decode(name), name
    except UnicodeDecodeError as err:  # pragma: no cover - the detector decoded it already
        raise _undecodable(name) from err


def _undecodable(name: str) -> NotTextError:
    where = f" ({name})" if name else ""
    return NotTextError(
        f"تعذّر فك ترميز الملف{where}: ليس UTF-8 ولا ترميزًا عربيًا معروفًا.",
        f"Could not decode the file{where}: it is neither UTF-8 nor a known Arabic encoding.",
    )
