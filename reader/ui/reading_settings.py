"""View > Reading Settings: typeface, size, line spacing, width, page theme, harakat, digits.

A non-modal dialog (``readingSettingsDialog``, one per window, right to left in the Arabic
interface): every change is applied at once to the open articles and remembered, through the
window's own ``set_reading``, ``set_zoom`` and ``set_theme``. It reads the window's values
again whenever it is activated, so a zoom or theme changed from the menu while it is open
shows up in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from . import settings as keys
from .fonts import reading_faces
from .i18n import tr
from .reading_prefs import ReadingPrefs

if TYPE_CHECKING:
    from .main_window import MainWindow

_THEMES = (("light", "rs_theme_light"), ("sepia", "rs_theme_sepia"), ("dark", "rs_theme_dark"))
_DIGITS = (
    ("auto", "rs_digits_auto"),
    ("arabic-indic", "rs_digits_arabic"),
    ("western", "rs_digits_western"),
)


class ReadingSettingsDialog(QDialog):
    """The reading settings of ``window``, applied live."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        lang = window.lang
        self.setObjectName("readingSettingsDialog")
        self.setWindowTitle(tr("rs_title", lang))
        self.setModal(False)
        self.setMinimumWidth(420)
        rtl = lang == "ar"
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self._loading = False

        self.font_combo = QComboBox()
        self.font_combo.setObjectName("rsFont")
        for family in reading_faces():
            self.font_combo.addItem(family, family)
        self.size_spin = self._spin("rsSize", keys.ZOOM_MIN, keys.ZOOM_MAX, 10, "%")
        self.spacing_spin = self._spin(
            "rsLineSpacing", keys.LINE_SPACING_MIN, keys.LINE_SPACING_MAX, 10, "%"
        )
        self.width_spin = self._spin(
            "rsWidth", keys.TEXT_WIDTH_MIN, keys.TEXT_WIDTH_MAX, 1, tr("rs_width_suffix", lang)
        )
        self.theme_combo = self._combo("rsTheme", _THEMES)
        self.harakat_check = QCheckBox(tr("rs_harakat", lang))
        self.harakat_check.setObjectName("rsHarakat")
        note = QLabel(tr("rs_harakat_note", lang))
        note.setObjectName("rsHarakatNote")
        note.setWordWrap(True)
        self.digits_combo = self._combo("rsDigits", _DIGITS)

        form = QFormLayout()
        form.addRow(tr("rs_font", lang), self.font_combo)
        form.addRow(tr("rs_size", lang), self.size_spin)
        form.addRow(tr("rs_line_spacing", lang), self.spacing_spin)
        form.addRow(tr("rs_width", lang), self.width_spin)
        form.addRow(tr("rs_theme", lang), self.theme_combo)
        form.addRow(self.harakat_check)
        form.addRow(note)
        form.addRow(tr("rs_digits", lang), self.digits_combo)
        buttons = QDialogButtonBox()
        self.defaults_button = buttons.addButton(
            tr("rs_defaults", lang), QDialogButtonBox.ButtonRole.ResetRole
        )
        close = buttons.addButton(tr("rs_close", lang), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.clicked.connect(self._on_button)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.load()
        self.font_combo.currentIndexChanged.connect(self._changed)
        self.theme_combo.currentIndexChanged.connect(self._changed)
        self.digits_combo.currentIndexChanged.connect(self._changed)
        for spin in (self.size_spin, self.spacing_spin, self.width_spin):
            spin.valueChanged.connect(self._changed)
        self.harakat_check.toggled.connect(self._changed)

    def _spin(self, name: str, low: int, high: int, step: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        return spin

    def _combo(self, name: str, items: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, key in items:
            combo.addItem(tr(key, self.window_.lang), value)
        return combo

    # -- window → dialog ---------------------------------------------------------------

    def load(self) -> None:
        """Show the window's current settings (without applying anything)."""
        w = self.window_
        prefs = w.reading
        self._loading = True
        try:
            if self.font_combo.findData(prefs.family) < 0:  # chosen elsewhere, missing here
                self.font_combo.addItem(prefs.family, prefs.family)
            self.font_combo.setCurrentIndex(self.font_combo.findData(prefs.family))
            self.size_spin.setValue(w.zoom)
            self.spacing_spin.setValue(prefs.line_spacing)
            self.width_spin.setValue(prefs.text_width)
            self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(w.theme.name)))
            self.harakat_check.setChecked(prefs.show_harakat)
            self.digits_combo.setCurrentIndex(max(0, self.digits_combo.findData(prefs.digits)))
            self._set_number_locale(prefs.digits)
        finally:
            self._loading = False

    def _set_number_locale(self, digits: str) -> None:
        arabic = digits == "arabic-indic" or (digits == "auto" and self.window_.lang == "ar")
        locale = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt) if arabic else QLocale.c()
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        for spin in (self.size_spin, self.spacing_spin, self.width_spin):
            spin.setLocale(locale)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.load()
        super().changeEvent(event)

    # -- dialog → window ---------------------------------------------------------------

    def prefs(self) -> ReadingPrefs:
        """The reading settings the dialog shows."""
        return self.window_.reading._replace(
            family=str(self.font_combo.currentData()),
            line_spacing=self.spacing_spin.value(),
            text_width=self.width_spin.value(),
            show_harakat=self.harakat_check.isChecked(),
            digits=str(self.digits_combo.currentData()),
        )

    def _changed(self) -> None:
        if self._loading:
            return
        w = self.window_
        if self.size_spin.value() != w.zoom:
            w.set_zoom(self.size_spin.value())
        theme = str(self.theme_combo.currentData())
        if theme != w.theme.name:
            w.set_theme(theme)
        prefs = self.prefs()
        if prefs != w.reading:
            w.set_reading(prefs)
            self._set_number_locale(prefs.digits)

    def _on_button(self, button: QAbstractButton) -> None:
        if button is self.defaults_button:
            w = self.window_
            w.set_reading(ReadingPrefs())
            w.set_zoom(keys.ZOOM.default)
            w.set_theme(keys.THEME.default)
            self.load()


def reading_settings_dialog(window: MainWindow) -> ReadingSettingsDialog:
    """The window's reading settings dialog (made on first use)."""
    found = window.findChild(ReadingSettingsDialog)
    return found if isinstance(found, ReadingSettingsDialog) else ReadingSettingsDialog(window)


def show_reading_settings(window: MainWindow) -> QWidget:
    """View > Reading Settings: show (or raise) the dialog with the current values."""
    dialog = reading_settings_dialog(window)
    dialog.load()
    dialog.show()
    if QApplication.platformName() != "offscreen":  # which cannot raise windows
        dialog.raise_()
    dialog.activateWindow()
    return dialog
