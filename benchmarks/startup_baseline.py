"""Baseline for the start-up benchmark: a bare PySide6 script showing the same widgets with the
same text as Qari's window, with no app logic (no settings, themes, parser, actions table).

What Qari shows on its first frame, built here by hand: an RTL main window titled after the
article; a menu bar with the same five menus and items; a text-only toolbar (Open, Previous
Section, Next Section); a side tab widget (Sections, Library) whose tree holds the title and the
headings, expanded; a document-mode tab widget holding a text browser with the article in Amiri
(title, headings, justified paragraphs in a centred column); a status bar with three labels.
Headings are told apart by the crude rule "a line of fewer than eight words", which is right
for the sample article. Not reproduced: qt-material's stylesheet (that cost is Qari's to carry).

Prints "painted" on stdout when the text browser has painted its first frame, then exits.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFontDatabase, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeView,
    QWidget,
)

MENUS = {
    "&ملف": ["&فتح…", "فتح &الأخيرة", "إ&غلاق المقالة", "-", "إعداد الصفحة…", "معاينة الطباعة…",
             "&طباعة…", "تصدير PDF…", "-", "&خروج"],
    "&تحرير": ["&بحث في المقالة…"],
    "&عرض": ["القسم التالي", "القسم السابق", "التنقل بين الشجرة والنص", "-", "تكبير الخط",
             "تصغير الخط", "الحجم الأصلي", "-", "سمة فاتحة", "سمة داكنة", "-", "المقالة التالية",
             "المقالة السابقة"],
    "&المكتبة": ["عرض المكتبة", "إضافة مجلد…", "البحث في المكتبة…"],
    "م&ساعدة": ["عن قارئ"],
}  # fmt: skip
TOOLBAR = ["&فتح…", "-", "القسم السابق", "القسم التالي"]


class _FirstPaint(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print("painted", flush=True)
        QApplication.quit()


def main() -> int:
    path = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    import fontpkg_amiri

    for font in sorted(Path(fontpkg_amiri.ROOT).rglob("Amiri-*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.endswith(":")]  # the "read also" line
    title, body = lines[0], lines[1:]

    window = QMainWindow()
    window.setWindowTitle(f"{title} — قارئ")
    for menu_title, items in MENUS.items():
        menu = window.menuBar().addMenu(menu_title)
        for item in items:
            if item == "-":
                menu.addSeparator()
            else:
                menu.addAction(item)
    toolbar = QToolBar()
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for item in TOOLBAR:
        if item == "-":
            toolbar.addSeparator()
        else:
            toolbar.addAction(QAction(item, window))
    window.addToolBar(toolbar)

    model = QStandardItemModel()
    root = QStandardItem(title)
    model.appendRow(root)
    html = [f'<h1 align="center">{escape(title)}</h1>', f'<p align="center">{path.name}</p>']
    para = '<p dir="rtl" align="justify" style="line-height: 120%">'

    for line in body:
        if len(line.split()) < 8:
            root.appendRow(QStandardItem(line))
            html.append(f'<h2 dir="rtl">{escape(line)}</h2>')
        else:
            html.append(f"{para}{escape(line)}</p>")
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    tree.expandAll()
    side = QTabWidget()
    side.addTab(tree, "الأقسام")
    side.addTab(QWidget(), "المكتبة")

    browser = QTextBrowser()
    browser.setStyleSheet("QTextBrowser { font-family: Amiri; font-size: 21px; }")
    browser.setHtml(f'<html><body dir="rtl">{"".join(html)}</body></html>')
    frame = browser.document().rootFrame()
    fmt = frame.frameFormat()
    fmt.setLeftMargin(200)
    fmt.setRightMargin(200)
    frame.setFrameFormat(fmt)
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.setTabBarAutoHide(True)
    tabs.addTab(browser, title[:27])

    splitter = QSplitter()
    splitter.addWidget(side)
    splitter.addWidget(tabs)
    splitter.setSizes([320, 960])
    window.setCentralWidget(splitter)
    words = sum(len(line.split()) for line in lines)
    for text in ("بداية المقالة", f"{words} كلمة", f"{max(1, words // 180)} دقائق قراءة"):
        window.statusBar().addPermanentWidget(QLabel(text))
    window.resize(1280, 800)
    paint = _FirstPaint()
    browser.viewport().installEventFilter(paint)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
