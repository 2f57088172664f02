"""The one folding used for matching: each rule, its laws, and the map back to the original."""

from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search.normalize import (
    CHUNK,
    DROPPED,
    FoldMap,
    fold,
    fold_with_map,
    simple_characters,
)

# --- one test per rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("الأَمْنِيَّةُ", "الامنيه"),  # fatha, sukun, kasra, shadda, damma
        ("استقراراً", "استقرارا"),  # tanween fath
        ("كتابٌ كتابٍ", "كتاب كتاب"),  # tanween damm and kasr
        ("هٰذا", "هذا"),  # superscript alef U+0670
        ("العـــراق", "العراق"),  # tatweel
        ("الرَّحِيمِ ۝١", "الرحيم 1"),  # end of ayah U+06DD is a Quranic mark
        ("قُرْءَانٗا ۖ", "قرءانا "),  # Quranic small marks U+06D6-U+06ED (and U+0657)
    ],
)
def test_marks_and_tatweel_are_dropped(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ"])
def test_alef_with_hamza_madda_or_wasla_is_plain_alef(alef: str) -> None:
    assert fold(alef + "حمد") == "احمد"


@pytest.mark.parametrize(
    ("written", "folded"),
    [("على", "علي"), ("مدرسة", "مدرسه"), ("مسؤول", "مسوول"), ("سؤال", "سوال")],
)
def test_alef_maqsura_ta_marbuta_and_waw_hamza(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_yeh_with_hamza_and_lone_hamza_are_kept() -> None:
    # Not in the rules (as in Lucene): folding ئ to ي would merge رئيس with ريس.
    assert fold("رئيس") == "رئيس"
    assert fold("شيء") == "شيء"
    assert fold("رئيس") != fold("ريس")


def test_arabic_indic_and_persian_digits_are_ascii() -> None:
    assert fold("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert fold("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert fold("٧ مارس ٢٠٢٥") == "7 مارس 2025"


def test_latin_is_case_folded() -> None:
    assert fold("Qt 6 and PySide") == "qt 6 and pyside"
    assert fold("STRASSE Straße") == "strasse strasse"


def test_nfkc_folds_presentation_forms_and_ligatures() -> None:
    # Written as escapes: the repository stores no presentation forms (test_architecture).
    assert fold("\ufefb") == "لا"  # lam-alef ligature
    assert fold("\ufef7") == "لا"  # lam-alef with hamza above: the hamza alef folds too
    assert fold("\ufe8d\ufedf\ufecc\ufeae\ufe8e\ufed7") == "العراق"  # contextual forms
    assert fold("\ufdf2") == "الله"  # the Allah ligature, shadda and superscript alef dropped
    assert fold("ﬁle") == "file"


def test_decomposed_hamza_folds_like_precomposed() -> None:
    assert fold("ا\u0654من") == fold("أمن") == "امن"
    assert fold("ي\u0654") == "ئ"  # NFKC composes it first; ئ stays


def test_text_without_anything_to_fold_is_unchanged() -> None:
    text = "قوات الحدود العراقيه 7 مارس, 2025 - qt"
    assert fold(text) == text


# --- laws ------------------------------------------------------------------------------------

ARABIC_LIKE = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةٱ ٠١٢٣٤٥٦٧٨٩۱۲AbZz.،-")
        + list(DROPPED[:8])
        + ["\u0670", "\u0640", "\u06d6", "\u06dd", "\u0654", "\u0653"]
    ),
    max_size=60,
)
ANY_TEXT = st.text(max_size=40)


@given(st.one_of(ARABIC_LIKE, ANY_TEXT))
@settings(max_examples=400)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.one_of(ARABIC_LIKE, ANY_TEXT))
@settings(max_examples=400)
def test_folded_text_has_none_of_the_folded_characters(text: str) -> None:
    out = fold(text)
    assert not set(out) & set(DROPPED + "أإآٱىةؤ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    assert unicodedata.is_normalized("NFKC", out)


@given(st.one_of(ARABIC_LIKE, ANY_TEXT))
@settings(max_examples=400)
def test_fold_with_map_folds_the_same_and_the_map_is_monotonic_and_in_range(text: str) -> None:
    folded, fmap = fold_with_map(text)
    assert folded == fold(text)
    starts = list(fmap)
    assert len(starts) == len(folded) + 1
    assert starts == sorted(starts)
    assert all(0 <= s <= len(text) for s in starts)
    assert starts[-1] == len(text)
    for i in range(len(folded)):
        assert fmap.start(i) < fmap.end(i) <= len(text)


def _check_every_match_maps_back(text: str, query: str, equal: bool) -> None:
    q = fold(query)
    if not q:
        return
    folded, fmap = fold_with_map(text)
    pos = folded.find(q)
    while pos >= 0:
        start, end = fmap.span(pos, pos + len(q))
        if equal:
            assert fold(text[start:end]) == q, (text, query, start, end)
        else:
            assert q in fold(text[start:end])
        pos = folded.find(q, pos + 1)


@given(ARABIC_LIKE, st.data())
@settings(max_examples=400)
def test_every_match_maps_back_to_text_whose_fold_is_the_query(
    text: str, data: st.DataObject
) -> None:
    folded = fold(text)
    if not folded:
        return
    i = data.draw(st.integers(0, len(folded) - 1))
    j = data.draw(st.integers(i + 1, len(folded)))
    _check_every_match_maps_back(text, folded[i:j], equal=True)


@given(ANY_TEXT, st.data())
@settings(max_examples=300)
def test_any_match_maps_back_to_text_that_contains_it(text: str, data: st.DataObject) -> None:
    # With ligatures (one character folding to two), a match may start or end inside one
    # written character: the highlight then covers the whole character.
    folded = fold(text)
    if not folded:
        return
    i = data.draw(st.integers(0, len(folded) - 1))
    j = data.draw(st.integers(i + 1, len(folded)))
    _check_every_match_maps_back(text, folded[i:j], equal=False)


# --- the map on real cases ------------------------------------------------------------------


def _highlight(text: str, query: str) -> list[str]:
    folded, fmap = fold_with_map(text)
    q = fold(query)
    out = []
    pos = folded.find(q)
    while pos >= 0:
        s, e = fmap.span(pos, pos + len(q))
        out.append(text[s:e])
        pos = folded.find(q, pos + 1)
    return out


def test_highlight_covers_harakat_after_the_last_letter() -> None:
    assert _highlight("تعزيز الأَمْنِ الوطني", "الامن") == ["الأَمْنِ"]
    assert _highlight("كان استقراراً كاملاً", "استقرارا") == ["استقراراً"]


def test_highlight_of_a_word_inside_a_vocalised_word() -> None:
    # The match ends on ن: its kasra is included, the next letter is not.
    assert _highlight("وَالأَمْنِيَّةُ", "الامن") == ["الأَمْنِ"]


def test_highlight_with_tatweel_and_digits() -> None:
    assert _highlight("العـــراق في ٢٠٢٥", "العراق") == ["العـــراق"]
    assert _highlight("العـــراق في ٢٠٢٥", "2025") == ["٢٠٢٥"]


def test_highlight_of_a_ligature_covers_the_written_character() -> None:
    text = "هذا \ufefbعب ماهر"
    assert _highlight(text, "لاعب") == ["\ufefbعب"]
    assert _highlight(text, "ل") == ["\ufefb"]  # half of the ligature: the whole of it
    folded, fmap = fold_with_map(text)
    assert folded == "هذا لاعب ماهر"
    assert isinstance(fmap, FoldMap)
    assert fmap[4] == fmap[5] == 4  # both letters come from the one ligature


def test_map_across_many_chunks_matches_a_direct_walk() -> None:
    word = "الأَمْنِيَّةُ والعـــراقية ٢٠٢٥ "
    text = word * (3 * CHUNK // len(word) + 5)
    folded, _fmap = fold_with_map(text)
    assert folded == fold(text)
    hits = _highlight(text, "الامنيه")
    assert len(hits) == text.count("الأَمْنِيَّةُ")
    assert set(hits) == {"الأَمْنِيَّةُ"}
    assert set(_highlight(text, "العراقيه")) == {"العـــراقية"}


def test_simple_characters_never_compose_with_their_neighbours() -> None:
    """The map folds 'simple' characters one by one: none may be the second part of a
    canonical composition (checked against the whole character database)."""
    second: set[str] = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                second.add(chr(int(parts[1], 16)))
    second |= {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    simple = simple_characters()
    assert "ا" in simple and "ة" in simple and " " in simple and "a" in simple
    assert not simple & second
    for ch in simple:
        decomposed = unicodedata.normalize("NFKD", ch)
        assert decomposed[0] not in second
    # The dropped marks that compose with a letter are the three the code treats apart.
    assert {c for c in DROPPED if c in second} == {"\u0653", "\u0654", "\u0655"}


def test_folding_ten_megabytes_takes_well_under_a_second(sample_path) -> None:  # type: ignore[no-untyped-def]
    text = sample_path.read_text(encoding="utf-8")
    big = text * (10_000_000 // len(text.encode("utf-8")) + 1)
    t0 = time.perf_counter()
    folded, fmap = fold_with_map(big)
    elapsed = time.perf_counter() - t0
    assert len(folded) > 5_000_000
    # Generous for slow CI machines; measured ~0.25 s here.
    assert elapsed < 1.5
    last = folded.rfind("الامنيه")
    s, e = fmap.span(last, last + 7)
    assert big[s:e] == "الأمنية"
