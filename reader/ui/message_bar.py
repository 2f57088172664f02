"""An in-window message strip (objectName ``messageBar``) for errors and notices.

Messages do not block: the reader keeps working while one is shown, and it closes with its
button or when the next message replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from .i18n import tr

_COLOURS = {
    "error": ("#8a1c1c", "#fdecea", "#e8b4b0"),
    "info": ("#1f3a5f", "#e8f0fb", "#b6cbe8"),
}


class MessageBar(QFrame):
    """One-line message with a close button; hidden when empty."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.kind = ""
        self.label = QLabel(self)
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setObjectName("messageClose")
        close.setText("×")
        close.setToolTip(tr("close_message", lang))
        close.setAutoRaise(True)
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show ``text``; ``kind`` is "error" or "info"."""
        self.kind = kind
        fg, bg, border = _COLOURS.get(kind, _COLOURS["info"])
        self.setStyleSheet(
            f"QFrame#messageBar {{ background-color: {bg}; border: 1px solid {border};"
            f" border-radius: 4px; }}"
            f" QFrame#messageBar QLabel, QFrame#messageBar QToolButton {{ color: {fg};"
            f" background-color: transparent; border: none; font-size: 15px; }}"
        )
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def clear(self) -> None:
        self.label.clear()
        self.kind = ""
        self.hide()
