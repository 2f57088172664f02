"""Library queries: what the user types never breaks FTS5, and means what it says."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search import EmptyQueryError, LibraryQuery, QueryTooLongError
from reader.search.query import Term, clitic_forms


def test_words_phrases_and_prefixes() -> None:
    q = LibraryQuery.parse('الأمنية "قوات الحدود" استقر* «العراق وسوريا»')
    assert q.terms == (
        Term(("الامنيه",), prefix=False, quoted=False),
        Term(("قوات", "الحدود"), prefix=False, quoted=True),
        Term(("استقر",), prefix=True, quoted=False),
        Term(("العراق", "وسوريا"), prefix=False, quoted=True),
    )


def test_a_word_with_punctuation_is_a_phrase() -> None:
    [term] = LibraryQuery.parse("العراقية-السورية").terms
    assert term.tokens == ("العراقيه", "السوريه")


def test_unbalanced_quote_takes_the_rest_as_a_phrase() -> None:
    [term] = LibraryQuery.parse('"قوات الحدود').terms
    assert term == Term(("قوات", "الحدود"), quoted=True)


@pytest.mark.parametrize(
    "text", ["", "   ", '"', '""', "*", "، ؛ .", "\u064e\u0651", "ـــ", "(((", "'"]
)
def test_a_query_without_words_is_a_clear_error(text: str) -> None:
    with pytest.raises(EmptyQueryError) as info:
        LibraryQuery.parse(text)
    assert "no word" in info.value.english


def test_too_many_words_is_a_clear_error() -> None:
    with pytest.raises(QueryTooLongError):
        LibraryQuery.parse(" ".join(["كلمة"] * 40))


def test_clitic_forms_of_a_word() -> None:
    forms = clitic_forms("الامنيه")
    for expected in ["الامنيه", "والامنيه", "بالامنيه", "للامنيه", "فالامنيه", "وللامنيه"]:
        assert expected in forms
    assert "لالامنيه" not in forms  # ل + ال is written لل
    assert "الامن" in clitic_forms("امن") and "والامن" in clitic_forms("امن")


def test_quoted_and_latin_terms_have_no_clitic_forms() -> None:
    assert Term(("امن",), quoted=True).forms() == [("امن",)]
    assert Term(("qt",)).forms() == [("qt",)]
    assert Term(("امن",)).forms(clitics=False) == [("امن",)]


def _fts_table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO t VALUES ('والامنيه قوات الحدود استقرار 2025')")
    return conn


@given(st.text(max_size=60))
@settings(max_examples=500)
def test_no_query_text_is_an_fts5_syntax_error(text: str) -> None:
    try:
        q = LibraryQuery.parse(text)
    except (EmptyQueryError, QueryTooLongError):
        return
    conn = _fts_table()
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (q.fts_expression(),)).fetchall()
    q.pattern()  # compiles


@pytest.mark.parametrize(
    "text",
    ["AND OR NOT", "NEAR(a b)", "a:b", "^start", '"a" + "b"', "col:امن", "a*b*", "x'y"],
)
def test_fts5_operators_typed_by_the_user_are_plain_words(text: str) -> None:
    q = LibraryQuery.parse(text)
    conn = _fts_table()
    assert (
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (q.fts_expression(),)).fetchall() == []
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("الأمنية", True),  # clitic form والامنيه
        ("امنيه", True),  # article and conjunction added
        ('"الامنيه"', False),  # quoted: exactly this word
        ("استقر*", True),
        ("استقر", False),  # not a prefix without *
        ('"قوات الحدود"', True),
        ('"الحدود قوات"', False),
        ("٢٠٢٥ قوات", True),
        ("2025 غائب", False),  # every word must match
    ],
)
def test_queries_against_a_tiny_index(text: str, found: bool) -> None:
    conn = _fts_table()
    q = LibraryQuery.parse(text)
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (q.fts_expression(),)).fetchall()
    assert bool(rows) is found
    # The snippet pattern agrees with the index.
    assert (
        bool(q.pattern().search("والامنيه قوات الحدود استقرار 2025")) is found or len(q.terms) > 1
    )


def test_forms_not_in_the_index_are_left_out_of_the_expression() -> None:
    q = LibraryQuery.parse('الأمنية "قوات الحدود" استقر*')
    full = q.fts_expression()
    words = {"والامنيه", "قوات"}
    short = q.fts_expression(lambda w, prefix: w in words or (prefix and w == "استقر"))
    assert short == '("والامنيه") AND ("قوات الحدود") AND ("استقر"*)'
    assert len(short) < len(full) / 5
    # A word found in no form keeps its own form: the query still finds nothing.
    assert q.fts_expression(lambda w, p: False) == '("الامنيه") AND ("قوات الحدود") AND ("استقر"*)'
    conn = _fts_table()
    for expression in (full, short):
        assert conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
