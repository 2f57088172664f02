"""Baseline for the start-up benchmark: a bare PySide6 script showing the same widgets with the
same text as Qari's window (tree beside a text browser in a splitter, RTL), no app logic.

Prints "painted" on stdout when the text browser has painted its first frame, then exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView


class _FirstPaint(QObject):
    def eventFilter(self, obj: QObject, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if getattr(event, "type", lambda: None)() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


def main() -> int:
    path = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    import fontpkg

    QFontDatabase.addApplicationFont(str(fontpkg.path("Amiri")))
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    window = QMainWindow()
    splitter = QSplitter()
    tree = QTreeView()
    model = QStandardItemModel()
    root = QStandardItem(lines[0])
    model.appendRow(root)
    for line in lines[1:]:
        if len(line.split()) < 8:
            root.appendRow(QStandardItem(line))
    tree.setModel(model)
    tree.expandAll()
    browser = QTextBrowser()
    html = "".join(f'<p dir="rtl">{line}</p>' for line in lines)
    browser.setHtml(f'<div style="font-family: Amiri; font-size: 18pt">{html}</div>')
    splitter.addWidget(tree)
    splitter.addWidget(browser)
    window.setCentralWidget(splitter)
    window.resize(1280, 800)
    paint = _FirstPaint()
    browser.viewport().installEventFilter(paint)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
