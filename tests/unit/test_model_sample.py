"""The parser on the shipped sample article: the structure a reader sees."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.model import BlockKind, Format, load_article

SAMPLE_SHA256 = "7f273b96d7fc94e567cf6e5cbf6df35ab0d7ead603a41e0b1bb9f06e4eb68413"

HEADINGS = [
    "استقرار أمني على الحدود العراقية-السورية",
    "تأكيد الاستقرار على الحدود",
    "تعزيز التحصينات الحدودية",
    "عمليات عسكرية في سوريا",
    "تقارب العلاقات السورية العراقية",
    "تطورات في العلاقات الثنائية",
    "التنسيق الأمني بين العراق وسوريا",
    "العلاقات المستقبلية بين العراق وسوريا",
]


def test_sample_structure(sample_path: Path) -> None:
    a = load_article(sample_path)
    assert a.title == "استقرار أمني على الحدود العراقية-السورية وتعزيز التعاون بين البلدين"
    assert a.source.format is Format.TEXT
    assert a.source.encoding == "utf-8"
    assert [s.heading for s in a.sections] == HEADINGS
    assert [len(s.blocks) for s in a.sections] == [1, 2, 2, 1, 2, 2, 1, 2]
    assert all(b.kind is BlockKind.PARAGRAPH for s in a.sections for b in s.blocks)
    assert a.boilerplate == ["إقراء ايضا:"]
    assert [s.id for s in a.sections] == list(range(8))
    assert all(s.parent is None and s.level == 1 for s in a.sections)


def test_sample_text_is_unchanged(sample_path: Path) -> None:
    """The shipped sample is the seed article byte for byte."""
    digest = hashlib.sha256(sample_path.read_bytes()).hexdigest()
    assert digest == SAMPLE_SHA256
