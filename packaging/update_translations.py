"""Bring resources/translations/qari_ar.ts up to date with reader/ui/i18n.py TEXTS, then
compile qari_ar.qm with pyside6-lrelease.

Run after adding or changing an interface string (``make translations`` does the same)::

    .venv/bin/python packaging/update_translations.py

TEXTS maps a key to its English source. For each key the .ts holds one message (context
:data:`CONTEXT`, the key as its disambiguating comment, so two keys with the same English can
have different Arabic):

- a new key gets an empty translation marked unfinished (a translator fills it in with Qt
  Linguist, or by hand, and removes ``type="unfinished"``);
- a key whose English changed keeps its Arabic, marked unfinished, with the old English as
  ``<oldsource>`` so the translator sees what changed;
- a key written as an (Arabic, English) tuple (how strings were added before the .ts, and
  how a branch made before it still adds them) is moved: its Arabic becomes the finished
  translation and the tuple in i18n.py is rewritten as its English;
- a key no longer in TEXTS is dropped from the .ts (and named on stdout).

Why not pyside6-lupdate: it finds strings in ``tr()`` calls of the source, and ours are
values of one dict. ``--check`` changes nothing and exits 1 when something is out of date.

Merging a branch made before the .ts (its i18n.py still all tuples): keep this side's
i18n.py, then let the script take the branch's new keys from its version of the file::

    git show BRANCH:reader/ui/i18n.py > /tmp/branch_i18n.py
    .venv/bin/python packaging/update_translations.py --absorb /tmp/branch_i18n.py

Keys of that file missing here are added to TEXTS (before its closing brace) and then moved
like any tuple; keys here whose English differs there are only named.
Unfinished messages are left out of the .qm (``-nounfinished``), so English shows instead.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "reader" / "ui" / "i18n.py"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "qari_ar.ts"
QM_FILE = TRANSLATIONS / "qari_ar.qm"
#: The Qt translation context of every interface string (reader.ui.i18n.CONTEXT).
CONTEXT = "Qari"
LINE_LENGTH = 100


@dataclass
class Message:
    """One entry of the .ts: ``key`` is stored as the message's disambiguating comment."""

    key: str
    source: str
    translation: str = ""
    finished: bool = False
    old_source: str = ""


# -- reading TEXTS ----------------------------------------------------------------------------


def _texts_node(tree: ast.Module) -> ast.Dict:
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
        )
        if (isinstance(target, ast.Name) and target.id == "TEXTS"
                and isinstance(node.value, ast.Dict)):  # type: ignore[union-attr]
            return node.value  # type: ignore[union-attr,return-value]
    raise SystemExit(f"{I18N}: no TEXTS = {{...}} dict found")


def read_texts(source: str) -> dict[str, tuple[str, str | None, ast.expr]]:
    """key → (English, Arabic of a not yet moved tuple or None, the value's node)."""
    entries: dict[str, tuple[str, str | None, ast.expr]] = {}
    for key_node, value_node in zip(*_dict_items(_texts_node(ast.parse(source))), strict=True):
        key = ast.literal_eval(key_node)
        value = ast.literal_eval(value_node)
        if isinstance(value, str):
            entries[key] = (value, None, value_node)
        elif (isinstance(value, tuple) and len(value) == 2
              and all(isinstance(v, str) for v in value)):
            entries[key] = (value[1], value[0], value_node)
        else:
            raise SystemExit(f"{I18N}: TEXTS[{key!r}] is neither a string nor (Arabic, English)")
    return entries


def _dict_items(node: ast.Dict) -> tuple[list[ast.expr], list[ast.expr]]:
    keys = [k for k in node.keys if k is not None]
    if len(keys) != len(node.keys):
        raise SystemExit(f"{I18N}: TEXTS may not use ** unpacking")
    return keys, node.values


# -- the .ts file -----------------------------------------------------------------------------


def read_ts(path: Path) -> dict[str, Message]:
    """key → message of the .ts at ``path`` (nothing when there is none yet)."""
    return read_ts_text(path.read_text(encoding="utf-8")) if path.exists() else {}


def read_ts_text(text: str) -> dict[str, Message]:
    """key → message of a .ts file's text (vanished and obsolete ones left out)."""
    messages: dict[str, Message] = {}
    for context in ElementTree.fromstring(text.encode("utf-8")).iter("context"):
        for node in context.iter("message"):
            key = node.findtext("comment") or ""
            translation = node.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            messages[key] = Message(
                key=key,
                source=node.findtext("source") or "",
                translation=(translation.text or "") if translation is not None else "",
                finished=kind == "",
                old_source=node.findtext("oldsource") or "",
            )
    return messages


def _xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def render_ts(messages: list[Message]) -> str:
    """The .ts text (the layout Qt Linguist writes, so saving it there keeps diffs small)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="ar" sourcelanguage="en">', "<context>",
             f"    <name>{CONTEXT}</name>"]
    for m in messages:
        lines.append("    <message>")
        lines.append(f"        <source>{_xml(m.source)}</source>")
        if m.old_source and not m.finished:
            lines.append(f"        <oldsource>{_xml(m.old_source)}</oldsource>")
        lines.append(f"        <comment>{_xml(m.key)}</comment>")
        kind = "" if m.finished else ' type="unfinished"'
        lines.append(f"        <translation{kind}>{_xml(m.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def merge(texts: dict[str, tuple[str, str | None, ast.expr]],
          old: dict[str, Message]) -> tuple[list[Message], list[str]]:
    """The new .ts messages in TEXTS order, and notes on what changed."""
    messages: list[Message] = []
    notes: list[str] = []
    for key, (english, arabic, _node) in texts.items():
        previous = old.get(key)
        if arabic is not None:
            messages.append(Message(key, english, arabic, finished=bool(arabic.strip())))
            notes.append(f"moved the Arabic of {key!r} into the .ts")
        elif previous is None:
            messages.append(Message(key, english))
            notes.append(f"new, needs an Arabic translation: {key!r}")
        elif previous.source != english:
            messages.append(Message(key, english, previous.translation, False,
                                    previous.old_source or previous.source))
            notes.append(f"English changed, Arabic to review: {key!r}")
        else:
            messages.append(previous)
    for key in old.keys() - texts.keys():
        notes.append(f"dropped (no longer in TEXTS): {key!r}")
    return messages, notes


# -- rewriting moved tuples in i18n.py as their English ------------------------------------------


def python_literal(text: str) -> str:
    """A double-quoted Python literal; invisible characters as escapes."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cf", "Zl", "Zp") else c
        for c in body
    ) + '"'


def _wrapped_literal(text: str, column: int) -> str:
    """``text`` as a literal starting at ``column``: one line if it fits (with the comma
    after it), else parenthesised pieces split at spaces, aligned under the first."""
    single = python_literal(text)
    if column + len(single) + 1 <= LINE_LENGTH:
        return single
    width = LINE_LENGTH - column - 4  # '(' + quotes + ',' or ')'
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(python_literal(candidate + " ")) > width:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    indent = "\n" + " " * (column + 1)
    return "(" + indent.join(python_literal(p) for p in pieces) + ")"


def absorb(source: str, other: str) -> tuple[str, list[str]]:
    """``source`` with the TEXTS entries of ``other`` (another version of i18n.py) that it
    lacks added as (Arabic, English) tuples before TEXTS' closing brace; and notes."""
    mine = read_texts(source)
    theirs = read_texts(other)
    notes: list[str] = []
    lines: list[str] = []
    for key, (english, arabic, _node) in theirs.items():
        if key in mine:
            if mine[key][0] != english:
                notes.append(f"not absorbed, English differs here: {key!r}: {english!r}")
            continue
        if arabic is None:
            notes.append(f"absorbed without Arabic (needs a translation): {key!r}")
            lines.append(f"    {python_literal(key)}: {_wrapped_literal(english, 6 + len(key))},")
        else:
            notes.append(f"absorbed: {key!r}")
            pair = f"({python_literal(arabic)}, {python_literal(english)})"
            lines.append(f"    {python_literal(key)}: {pair},")
    if not lines:
        return source, notes
    node = _texts_node(ast.parse(source))
    assert node.end_lineno is not None
    text = source.splitlines(keepends=True)
    closing = node.end_lineno - 1  # the line of TEXTS' "}"
    block = ["    # absorbed by update_translations.py --absorb\n", *(ln + "\n" for ln in lines)]
    return "".join(text[:closing] + block + text[closing:]), notes


def rewrite_source(source: str, texts: dict[str, tuple[str, str | None, ast.expr]]) -> str:
    """``source`` with every (Arabic, English) tuple value of TEXTS replaced by its English."""
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    data = source.encode("utf-8")
    edits: list[tuple[int, int, str]] = []
    for english, arabic, node in texts.values():
        if arabic is None or node.end_lineno is None or node.end_col_offset is None:
            continue
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        column = len(data[offsets[node.lineno - 1]:start].decode("utf-8"))
        edits.append((start, end, _wrapped_literal(english, column)))
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8")


# -- compiling --------------------------------------------------------------------------------


def lrelease() -> str:
    """The pyside6-lrelease next to this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6 (make venv)")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    """``ts`` compiled to ``qm``, unfinished messages left out (English shows instead)."""
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True)


def _qm_matches(ts_text: str) -> bool:
    """Whether the shipped .qm is what lrelease makes of ``ts_text``."""
    if not QM_FILE.exists():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        ts, qm = Path(tmp) / TS_FILE.name, Path(tmp) / QM_FILE.name
        ts.write_text(ts_text, encoding="utf-8")
        compile_qm(ts, qm)
        return qm.read_bytes() == QM_FILE.read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if the .ts, .qm or i18n.py is out of date")
    parser.add_argument("--absorb", metavar="I18N_PY", type=Path,
                        help="first add the TEXTS keys of this other i18n.py that are missing")
    args = parser.parse_args(argv)
    source = I18N.read_text(encoding="utf-8")
    if args.absorb is not None:
        source, absorbed = absorb(source, args.absorb.read_text(encoding="utf-8"))
        for note in absorbed:
            print(note)
        I18N.write_text(source, encoding="utf-8")
    texts = read_texts(source)
    old = read_ts(TS_FILE)
    messages, notes = merge(texts, old)
    ts_text = render_ts(messages)
    new_source = rewrite_source(source, texts)
    ts_stale = not TS_FILE.exists() or TS_FILE.read_text(encoding="utf-8") != ts_text
    if args.check:
        stale = ts_stale or new_source != source or not _qm_matches(ts_text)
        for note in notes:
            print(note)
        if stale:
            print("out of date: run .venv/bin/python packaging/update_translations.py")
        return 1 if stale else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if ts_stale:
        TS_FILE.write_text(ts_text, encoding="utf-8")
    if new_source != source:
        I18N.write_text(new_source, encoding="utf-8")
    compile_qm(TS_FILE, QM_FILE)
    for note in notes:
        print(note)
    missing = sum(not m.finished for m in messages)
    print(f"{TS_FILE.relative_to(ROOT)}: {len(messages)} strings, {missing} without a finished "
          f"Arabic translation; {QM_FILE.relative_to(ROOT)} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
