"""Bytes to text: BOMs, UTF-8, UTF-16 and the legacy Arabic code pages.

Order of trust: a BOM; strict UTF-8 (by far the most common and cheap to check); then
charset-normalizer, limited to encodings an Arabic article is really written in, so that it
does not pick an exotic code page that happens to decode. Binary data is refused before any
of that by looking for NUL bytes and control characters.
"""

from __future__ import annotations

import codecs

from .errors import NotTextError

#: Code pages tried, in order of preference, when the bytes are not UTF-8. No UTF-16 here:
#: without a BOM it is recognised by its NUL bytes (_bomless_utf16); offered to the detector,
#: it lets a short even-length Windows-1256 file "decode" as CJK.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "cp1252")
#: Share of the letters that must be Arabic to read bytes the detector gave up on as cp1256.
_ARABIC_SHARE = 0.6

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
        if zeros.count(0) < max(2, len(zeros) // 10):  # one NUL in a few bytes is binary
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
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    # Imported here: only legacy-encoded files need the detector, and importing it costs
    # ~8 ms of every start-up.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS), preemptive_behaviour=False).best()
    if best is None or best.encoding is None:
        # Short files, and RLM/LRM marks (0xFD/0xFE), are "mess" to the detector; every byte
        # is defined in cp1256, so take it when what it gives reads as Arabic.
        text = data.decode("cp1256")
        if _reads_as_arabic(text):
            return text, "cp1256"
        raise _undecodable("")
    name = codecs.lookup(best.encoding).name
    try:
        return data.decode(name), name
    except UnicodeDecodeError as err:  # pragma: no cover - the detector decoded it already
        raise _undecodable(name) from err


def _reads_as_arabic(text: str) -> bool:
    """Mostly Arabic letters, in words of a plausible length (not a run of high bytes)."""
    chars = "".join(text.split())
    if not chars:
        return False
    arabic = sum("\u0621" <= c <= "\u0652" for c in chars)
    return arabic >= _ARABIC_SHARE * len(chars) and len(chars) <= 15 * len(text.split())


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 file with a few broken lines: one cut short in the middle of a character (a file
    still being written or copied), or lines pasted from a Windows-1256 file. Lines that are
    valid UTF-8 stay so, a character cut at the very end is dropped, the other lines are read
    as cp1256 (an Arabic cp1256 line is practically never valid UTF-8: its letters are all
    lead bytes). None when no line holds UTF-8 beyond ASCII."""
    lines = data.split(b"\n")
    good = bad = 0
    out = []
    for i, line in enumerate(lines):
        try:
            out.append(line.decode("utf-8"))
            good += not line.isascii()
            continue
        except UnicodeDecodeError as err:
            if i == len(lines) - 1 and err.reason == "unexpected end of data":
                try:
                    out.append(line[: err.start].decode("utf-8"))
                    good += not line[: err.start].isascii()
                    continue
                except UnicodeDecodeError:
                    pass
        bad += 1
        out.append(line.decode("cp1256"))
    if not good:
        return None  # no UTF-8 at all: a legacy file, for the detector
    return "\n".join(out), ("utf-8" if not bad else "utf-8+cp1256")


def _undecodable(name: str) -> NotTextError:
    where = f" ({name})" if name else ""
    return NotTextError(
        f"تعذّر فك ترميز الملف{where}: ليس UTF-8 ولا ترميزًا عربيًا معروفًا.",
        f"Could not decode the file{where}: it is neither UTF-8 nor a known Arabic encoding.",
    )
