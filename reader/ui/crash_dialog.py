"""The crash dialog of :mod:`.crash`: what happened, where the log is, the details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import number, tr


class CrashDialog(QDialog):
    """Short explanation, where the log is, the details and a "copy details" button."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.lang = lang
        self.count = 0
        self.setWindowTitle(tr("crash_title", lang))
        self.setModal(False)
        self.explanation = QLabel(tr("crash_text", lang))
        self.explanation.setObjectName("crashText")
        self.explanation.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("crashLog")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a Python traceback
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(160)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(tr("crash_copy", lang))
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("crash_close", lang))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.explanation, self.where, self.details, buttons):
            layout.addWidget(widget)
        self.resize(560, 360)

    def add_report(self, report: str, log: Path | None) -> None:
        """Show ``report`` (added after the earlier ones while the dialog is open)."""
        self.count = self.count + 1 if self.isVisible() else 1
        if self.count == 1:
            self.details.setPlainText(report)
        else:
            self.details.appendPlainText("\n" + report)
        text = tr("crash_text", self.lang)
        if self.count > 1:
            text += " " + tr("crash_repeated", self.lang, n=number(self.count, self.lang))
        self.explanation.setText(text)
        if log is not None:
            # a left-to-right isolate: in an Arabic line the slashes would otherwise move
            self.where.setText(tr("crash_log", self.lang, path=f"\u2066{log}\u2069"))
        else:
            self.where.setText(tr("crash_no_log", self.lang))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
