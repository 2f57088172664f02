"""Library search queries: parse what the user typed, turn it into a safe FTS5 expression, and
into the regular expression that finds the same words again for snippets and highlights.

Syntax (after folding the query like the text, see :mod:`.normalize`):

* ``كلمة أخرى``: every word must match (in the title, the heading or the body of a section);
* ``"عبارة كاملة"`` or ``«عبارة كاملة»``: the words in this order, next to each other;
* ``استقر*``: any word starting with ``استقر``;
* a word that holds punctuation (``العراقية-السورية``) is searched as a phrase.

Words are whole index tokens (the index is word-based). Arabic writes conjunctions,
prepositions and the article attached to the word, so an unquoted Arabic word also matches its
forms with the prefixes ``و ف`` + ``ب ك ل`` + ``ال`` (``الامنية`` finds ``والأمنية`` and
``للأمنية``; ``امن`` finds ``الأمن``); words of one or two letters are not expanded. Quoted
phrases are searched as typed (still folded).

Every token is quoted in the FTS5 expression, so nothing a user types can be an FTS5 syntax
error; a query without any word raises :class:`.errors.EmptyQueryError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .errors import EmptyQueryError, QueryTooLongError
from .normalize import fold

#: Most words (and phrases) a query may hold.
MAX_TERMS = 32
#: Shorter words (في, من, عن) are searched as typed: their prefixed forms are other words and
#: each form costs the ranking time.
MIN_CLITIC_WORD = 3

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLE = "ال"
_QUOTES = {'"': '"', "«": "»"}
_WORD_RE = r"[^\W_]"  # what Python's re treats as part of a word (letters and digits)


def is_token_char(ch: str) -> bool:
    """Part of an index token: what FTS5's unicode61 tokenizer keeps with the categories the
    index uses (letters, numbers, marks, private use)."""
    if ch.isalnum():
        return True
    cat = unicodedata.category(ch)
    return cat[0] in "LNM" or cat == "Co"


def tokenize(folded: str) -> tuple[str, ...]:
    """Tokens of already folded text, split like the index splits them."""
    tokens: list[str] = []
    current: list[str] = []
    for ch in folded:
        if is_token_char(ch):
            current.append(ch)
        elif current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return tuple(tokens)


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def clitic_forms(word: str) -> list[str]:
    """``word`` and its forms with attached Arabic prefixes (conjunction, preposition,
    article), longest first. ``ل`` + ``ال`` is written ``لل``."""
    bases = [word] if word.startswith(_ARTICLE) else [word, _ARTICLE + word]
    forms: set[str] = set()
    for base in bases:
        for conj in _CONJUNCTIONS:
            for prep in _PREPOSITIONS:
                if prep == "ل" and base.startswith(_ARTICLE):
                    forms.add(conj + "ل" + base[1:])
                else:
                    forms.add(conj + prep + base)
    return sorted(forms, key=lambda f: (-len(f), f))


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query: its tokens, whether the last one is a prefix, and whether
    it was quoted (searched exactly as typed)."""

    tokens: tuple[str, ...]
    prefix: bool = False
    quoted: bool = False

    def forms(self, clitics: bool = True) -> list[tuple[str, ...]]:
        """The token sequences this term matches."""
        first = self.tokens[0]
        if (
            self.quoted
            or not clitics
            or len(first) < MIN_CLITIC_WORD
            or not _is_arabic_letter(first[0])
        ):
            return [self.tokens]
        return [(form, *self.tokens[1:]) for form in clitic_forms(first)]


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """A parsed library query."""

    text: str
    terms: tuple[Term, ...]
    clitics: bool = True

    @classmethod
    def parse(cls, text: str, *, clitics: bool = True) -> LibraryQuery:
        terms = _parse_terms(fold(text))
        if not terms:
            raise EmptyQueryError(
                "لا توجد في البحث كلمة يُبحث عنها", "The query holds no word to search for"
            )
        if len(terms) > MAX_TERMS:
            raise QueryTooLongError(
                f"البحث أطول من المسموح ({MAX_TERMS} كلمة على الأكثر)",
                f"The query is too long (at most {MAX_TERMS} words)",
            )
        return cls(text, tuple(terms), clitics)

    def fts_expression(self, indexed: Callable[[str, bool], bool] | None = None) -> str:
        """The FTS5 MATCH expression: every term must match; each token is quoted.

        ``indexed(word, prefix)`` (optional) tells whether the index holds a word (or, with
        ``prefix``, a word starting so): a term's clitic forms that it does not are left out.
        It changes no score (a form found nowhere adds nothing to bm25), but bm25 goes
        through every form of the query for every row it ranks: a six-word heading has some
        120 forms, of which a dozen exist.
        """
        parts = []
        for term in self.terms:
            star = "*" if term.prefix else ""
            forms = term.forms(self.clitics)
            if indexed is not None and len(forms) > 1:
                forms = [f for f in forms if indexed(f[0], term.prefix)] or [term.tokens]
            alternatives = [fts_phrase(form) + star for form in forms]
            parts.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(parts)

    def pattern(self) -> re.Pattern[str]:
        """Finds the terms in folded text, one named group ``t<i>`` per term."""
        groups = []
        for i, term in enumerate(self.terms):
            forms = sorted(term.forms(self.clitics), key=lambda f: -len(" ".join(f)))
            body = "|".join(r"[\W_]+".join(re.escape(tok) for tok in form) for form in forms)
            tail = f"{_WORD_RE}*" if term.prefix else ""
            groups.append(f"(?P<t{i}>(?<!{_WORD_RE})(?:{body}){tail}(?!{_WORD_RE}))")
        return re.compile("|".join(groups))


def fts_phrase(tokens: tuple[str, ...]) -> str:
    """``tokens`` as one quoted FTS5 phrase (nothing in it is FTS5 syntax)."""
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _parse_terms(q: str) -> list[Term]:
    terms: list[Term] = []
    i, n = 0, len(q)
    while i < n:
        ch = q[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _QUOTES:
            close = q.find(_QUOTES[ch], i + 1)
            end = n if close < 0 else close
            inner = q[i + 1 : end]
            i = end + 1
            prefix = inner.rstrip().endswith("*")
            if i < n and q[i] == "*":
                prefix = True
                i += 1
            tokens = tokenize(inner)
            if tokens:
                terms.append(Term(tokens, prefix, quoted=True))
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] not in _QUOTES:
            j += 1
        word = q[i:j]
        i = j
        tokens = tokenize(word)
        if tokens:
            terms.append(Term(tokens, word.endswith("*"), quoted=False))
    return terms
