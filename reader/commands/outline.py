"""``qari outline FILE [--json]``: print an article's section tree."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.model import Article, ArticleError, load_article

from .common import EXIT_OK, fail


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "outline",
        help="print an article's section tree",
        description="Print the section tree of an article (plain text, Markdown or HTML).",
    )
    p.add_argument("file", help="the article file")
    p.add_argument("--json", action="store_true", help="print the outline as JSON")
    p.set_defaults(run=run)


def outline_dict(article: Article) -> dict[str, Any]:
    """The ``--json`` shape: sections flat in document order, every body block's text."""
    return {
        "title": article.title,
        "format": article.source.format.value,
        "encoding": article.source.encoding,
        "sections": [
            {"heading": s.heading, "level": s.level, "paragraphs": s.paragraphs}
            for s in article.sections
        ],
        "boilerplate": list(article.boilerplate),
        "words": article.words(),
    }


def outline_text(article: Article) -> str:
    """The section tree as indented lines, with the title at the root."""
    lines = [article.title]

    def walk(parent: int | None, depth: int) -> None:
        for s in article.children(parent):
            name = s.heading if s.heading is not None else "(مقدمة)"
            lines.append(f"{'  ' * depth}- {name}  [{len(s.blocks)}]")
            walk(s.id, depth + 1)

    walk(None, 1)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        article = load_article(args.file)
    except ArticleError as err:
        return fail(str(err))
    if args.json:
        sys.stdout.write(json.dumps(outline_dict(article), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(outline_text(article) + "\n")
    return EXIT_OK
