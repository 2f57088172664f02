"""The reading pane's HTML escaping is html.escape's (written out to spare its import)."""

from __future__ import annotations

import html

import pytest

from reader.ui.render import escape


@pytest.mark.parametrize(
    "text",
    ["", "a < b & c > d", 'he said "yes" and \'no\'', "&amp; already", "نص <عربي> & \"آخر\""],
)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_is_html_escape(text: str, quote: bool) -> None:
    assert escape(text, quote=quote) == html.escape(text, quote=quote)
