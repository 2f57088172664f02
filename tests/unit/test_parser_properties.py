"""Property tests: the plain-text parser loses nothing and fails only with the model's errors."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model import Article, ArticleError, Format, parse_bytes
from reader.model.text_parser import split_lines

ARABIC_WORDS = [
    "استقرار", "أمني", "الحدود", "العراقية", "وتعزيز", "التعاون", "بين", "البلدين", "سوريا",
    "اقرأ", "أيضا", "إقراء", "ايضا", "المزيد", "شاهد", "مُحَمَّدٌ", "ـــ", "٢٠٢٥", "٣.",
]
LATIN_WORDS = ["Qt", "PySide6", "2025", "FAO", "read", "also", "e-mail", "x.y"]
PUNCT = [".", "،", ":", "؛", "؟", "!", "-", "•", "*", "1.", "٣)", "»", "«", "(", ")"]

# Control characters are left out: a file full of them is refused as binary data.
word = st.sampled_from(ARABIC_WORDS + LATIN_WORDS + PUNCT) | st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=6
)
line = st.lists(word, min_size=0, max_size=25).map(" ".join)
separator = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n \n", "\u2028"])
document = st.lists(st.tuples(line, separator), min_size=1, max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)


def _chars(text: str) -> str:
    return "".join(text.split())


def _is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def _body_stream(a: Article) -> str:
    pieces = [a.title]
    for s in a.sections:
        if s.heading is not None:
            pieces.append(s.heading)
        for b in s.blocks:
            pieces += [b.marker, b.text]
    return _chars("".join(pieces))


EXAMPLES = int(os.environ.get("QARI_EXAMPLES", "300"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_nothing_is_lost(text: str) -> None:
    try:
        a = parse_bytes(text.encode("utf-8"), Path("gen.txt"))
    except ArticleError:
        assert not text.strip() or not any(s.strip() for s in split_lines(text))
        return
    source = _chars(text.removeprefix("\ufeff"))
    body = _body_stream(a)
    residue = _chars("".join(a.boilerplate))
    credits = _chars("".join(a.bylines))
    # Every character is kept exactly once, in order within the body, within the byline and
    # dateline lines (under the title and at the end) and within the residue.
    assert Counter(body) + Counter(credits) + Counter(residue) == Counter(source)
    assert _is_subsequence(body, source)
    assert _is_subsequence(credits, source)
    assert _is_subsequence(residue, source)
    assert [s.id for s in a.sections] == list(range(len(a.sections)))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([None, *Format]))
def test_arbitrary_bytes_raise_only_model_errors(data: bytes, fmt: Format | None) -> None:
    if fmt is not None and fmt is not Format.TEXT:
        fmt = Format.TEXT  # the Markdown and HTML parsers have their own property tests
    try:
        parse_bytes(data, Path("blob.bin"), fmt)
    except ArticleError as err:
        assert err.arabic and err.english
