"""The displayed text of the reading pane: harakat hidden, digits restyled, offsets mapped."""

from __future__ import annotations

from itertools import pairwise

import pytest

from reader.ui.display_text import (
    HARAKAT,
    LRI,
    PDI,
    DisplayOptions,
    DisplayText,
    display,
    display_number,
)

VOCALISED = "إِنَّ الْعِلْمَ نُورٌ، وَقَرَأْتُ ٣ كُتُبٍ فِي 2025."
HIDE = DisplayOptions(show_harakat=False)


def test_defaults_change_nothing() -> None:
    shown = DisplayText(VOCALISED, DisplayOptions())
    assert shown.text == VOCALISED
    assert [shown.offset(i) for i in range(len(VOCALISED) + 1)] == list(
        range(len(VOCALISED) + 1)
    )


def test_hidden_harakat_leave_the_letters() -> None:
    shown = DisplayText(VOCALISED, HIDE)
    assert shown.text == "إن العلم نور، وقرأت ٣ كتب في 2025."
    assert not HARAKAT.search(shown.text)
    # Combining hamza and madda are part of the letter in decomposed text: kept.
    decomposed = "سا\u0654ل وا\u0653خر"
    assert display(decomposed, HIDE) == decomposed


def test_model_offsets_map_to_the_same_letters() -> None:
    shown = DisplayText(VOCALISED, HIDE)
    offsets = [shown.offset(i) for i in range(len(VOCALISED) + 1)]
    assert offsets == sorted(offsets)  # never backwards
    assert offsets[-1] == len(shown.text)
    for i, char in enumerate(VOCALISED):
        if not HARAKAT.match(char):
            assert shown.text[offsets[i]] == char
    # A find match on the vocalised word maps to the bare word on screen.
    start = VOCALISED.index("الْعِلْمَ")
    end = start + len("الْعِلْمَ")
    assert shown.text[shown.offset(start) : shown.offset(end)] == "العلم"


def test_slices_at_span_boundaries_rebuild_the_text() -> None:
    for options in (HIDE, DisplayOptions(False, "arabic-indic"), DisplayOptions(True, "western")):
        shown = DisplayText(VOCALISED, options)
        cuts = [0, 3, 4, 11, 20, 36, 40, len(VOCALISED)]
        pieces = [shown.slice(a, b) for a, b in pairwise(cuts)]
        assert "".join(pieces) == shown.text


def test_arabic_indic_digits_spare_latin_tokens_and_isolate_dates() -> None:
    text = "صدر PySide6 في 2025-04-12 بنسبة 3.5 و1,200 نسخة (H2O)"
    shown = DisplayText(text, DisplayOptions(digits="arabic-indic"))
    assert shown.text == (f"صدر PySide6 في {LRI}٢٠٢٥-٠٤-١٢{PDI} بنسبة ٣٫٥ و١٬٢٠٠ نسخة (H2O)")
    # Each digit maps onto its Arabic-Indic twin (a match from the number's start takes the
    # invisible isolate mark with it).
    i = text.index("2025")
    assert shown.text[shown.offset(i) : shown.offset(i + 4)] == LRI + "٢٠٢٥"
    assert shown.text[shown.offset(i + 5) : shown.offset(i + 7)] == "٠٤"
    j = text.index("3.5")
    assert shown.text[shown.offset(j) : shown.offset(j + 3)] == "٣٫٥"


def test_western_digits() -> None:
    text = "القسم ٣ من ١٬٢٠٠ صفحة، ونسبة ۴٫۵"
    assert display(text, DisplayOptions(digits="western")) == "القسم 3 من 1,200 صفحة، ونسبة 4.5"


@pytest.mark.parametrize(
    ("style", "expected"),
    [("auto", "1,234"), ("arabic-indic", "١٬٢٣٤"), ("western", "1,234")],
)
def test_interface_numbers(style: str, expected: str) -> None:
    assert display_number("1,234", style) == expected
