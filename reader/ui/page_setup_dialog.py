"""File > Page Setup: paper (A4 or Letter), orientation and margins, remembered in settings.

The choice is stored as settings keys (:data:`~reader.ui.settings.PAGE_PAPER`, ...) and read
back by :func:`page_options` for printing, print preview and Export PDF; the interface
language decides how page numbers are written ("صفحة ٣ من ٧" or "Page 3 of 7").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.export import Margins, PdfOptions

from . import settings as keys
from .i18n import tr
from .settings import Settings


def page_options(settings: Settings, lang: str) -> PdfOptions:
    """The remembered page setup (defaults when the stored one is unusable)."""
    top, right, bottom, left = settings.get(keys.PAGE_MARGINS)
    try:
        return PdfOptions(
            paper=settings.get(keys.PAGE_PAPER),  # type: ignore[arg-type]
            orientation=settings.get(keys.PAGE_ORIENTATION),  # type: ignore[arg-type]
            margins=Margins(top, right, bottom, left),
            ui_language="ar" if lang == "ar" else "en",
            harakat=settings.get(keys.PAGE_HARAKAT),
        )
    except ValueError:  # e.g. margins too wide for the paper, edited by hand
        return PdfOptions(ui_language="ar" if lang == "ar" else "en",
                          harakat=settings.get(keys.PAGE_HARAKAT))


def save_page_options(settings: Settings, options: PdfOptions) -> None:
    m = options.margins
    settings.set(keys.PAGE_PAPER, options.paper)
    settings.set(keys.PAGE_ORIENTATION, options.orientation)
    settings.set(keys.PAGE_MARGINS, [m.top, m.right, m.bottom, m.left])
    settings.set(keys.PAGE_HARAKAT, options.harakat)


class PageSetupDialog(QDialog):
    """Paper, orientation and the four margins in millimetres. ``options()`` is the result;
    OK stays disabled while the margins leave too little room for text."""

    def __init__(self, options: PdfOptions, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageSetupDialog")
        self.lang = lang
        self._language = options.ui_language
        self._font_size = options.font_size_pt
        self.setWindowTitle(tr("page_setup_title", lang))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar"
                                else Qt.LayoutDirection.LeftToRight)

        self.paper = QComboBox()
        self.paper.setObjectName("paperCombo")
        self.paper.addItem(tr("paper_a4", lang), "a4")
        self.paper.addItem(tr("paper_letter", lang), "letter")
        self.orientation = QComboBox()
        self.orientation.setObjectName("orientationCombo")
        self.orientation.addItem(tr("portrait", lang), "portrait")
        self.orientation.addItem(tr("landscape", lang), "landscape")
        self.harakat = QCheckBox(tr("page_harakat", lang))
        self.harakat.setObjectName("harakatCheck")
        self.harakat.setToolTip(tr("page_harakat_tip", lang))
        form = QFormLayout()
        form.addRow(tr("paper_size", lang), self.paper)
        form.addRow(tr("orientation", lang), self.orientation)

        self.margins: dict[str, QDoubleSpinBox] = {}
        box = QGroupBox(tr("margins_mm", lang))
        grid = QGridLayout(box)
        places = {"top": (0, 1), "right": (1, 2), "left": (1, 0), "bottom": (2, 1)}
        if lang == "ar":  # the right margin on the right of a right-to-left grid
            places["right"], places["left"] = places["left"], places["right"]
        for side, (row, col) in places.items():
            spin = QDoubleSpinBox()
            spin.setObjectName(f"margin_{side}")
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSingleStep(1)
            spin.setSuffix(tr("mm_suffix", lang))
            self.margins[side] = spin
            cell = QWidget()
            row_form = QFormLayout(cell)
            row_form.setContentsMargins(0, 0, 0, 0)
            row_form.addRow(tr(f"margin_{side}", lang), spin)
            grid.addWidget(cell, row, col)

        self.problem = QLabel()
        self.problem.setObjectName("pageSetupProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(
            tr("restore_defaults", lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("cancel", lang))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_clicked)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.harakat)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.set_options(options)
        for combo in (self.paper, self.orientation):
            combo.currentIndexChanged.connect(self._check)
        for spin in self.margins.values():
            spin.valueChanged.connect(self._check)
        self._check()

    def set_options(self, options: PdfOptions) -> None:
        self.paper.setCurrentIndex(self.paper.findData(options.paper))
        self.orientation.setCurrentIndex(self.orientation.findData(options.orientation))
        m = options.margins
        for side, value in (("top", m.top), ("right", m.right), ("bottom", m.bottom),
                            ("left", m.left)):
            self.margins[side].setValue(value)
        self.harakat.setChecked(options.harakat)

    def options(self) -> PdfOptions | None:
        """The options shown, or None when they are impossible (margins too wide)."""
        m = self.margins
        try:
            return PdfOptions(
                paper=self.paper.currentData(),
                orientation=self.orientation.currentData(),
                margins=Margins(m["top"].value(), m["right"].value(), m["bottom"].value(),
                                m["left"].value()),
                ui_language=self._language,
                font_size_pt=self._font_size,
                harakat=self.harakat.isChecked(),
            )
        except ValueError:
            return None

    def _check(self) -> None:
        ok = self.options() is not None
        self.problem.setText("" if ok else tr("margins_too_wide", self.lang))
        self.problem.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _on_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ResetRole:
            self.set_options(PdfOptions(ui_language=self._language,
                                        font_size_pt=self._font_size))
