"""Focus mode (View > Focus Mode, F11): full screen, only the text and a slim progress line.

Entering hides the menu bar, toolbars, status bar, side panel, tab bar and whatever sits around
the text (message bar, find bar), and shows a thin :class:`QProgressBar` (``focusProgress``)
under the text: how much of the article has been on screen, from the character at the bottom
of the view (updated on scroll and tab change). Esc or F11 leaves and restores exactly what
was there: the widgets that were visible, the splitter sizes, the window state and geometry.
Closing the window in focus mode leaves it first, so the saved geometry is the normal one.
Focus mode is never stored in the settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QProgressBar, QToolBar, QWidget

from .i18n import tr

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .reading_pane import ReadingPane

#: Steps of the progress bar (per mille).
PROGRESS_STEPS = 1000
#: Height of the progress line, in pixels.
PROGRESS_HEIGHT = 4


@dataclass
class _Saved:
    """What focus mode changed, to put back."""

    state: Qt.WindowState
    geometry: QRect
    hidden: list[QWidget]
    splitter: list[int]
    margins: tuple[int, int, int, int]
    spacing: int
    tab_bar_auto_hide: bool


def reading_progress(pane: ReadingPane) -> float:
    """Share of the article's characters above the bottom of the view (0 to 1)."""
    doc = pane.document()
    last = doc.characterCount() - 1
    if last <= 0:
        return 0.0
    view = pane.viewport()
    y = pane.verticalScrollBar().value() + view.height()
    char = doc.documentLayout().hitTest(
        QPointF(view.width() / 2, y), Qt.HitTestAccuracy.FuzzyHit
    )
    return max(0.0, min(1.0, char / last))


class FocusMode(QObject):
    """Focus mode of one window (made on first use, a child of the window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._saved: _Saved | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("focusProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(PROGRESS_HEIGHT)
        self.progress.setToolTip(tr("focus_progress", window.lang))
        self.progress.hide()
        window.central_layout.addWidget(self.progress)
        window.tabs.currentChanged.connect(lambda _i: self.update_progress())
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def _chrome(self) -> list[QWidget]:
        w = self.window
        around: list[QWidget] = []
        for i in range(w.central_layout.count()):
            item = w.central_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not w.splitter and widget is not self.progress:
                around.append(widget)
        return [
            w.menuBar(),
            *w.findChildren(QToolBar),
            w.statusBar(),
            w.side,
            w.tabs.tabBar(),
            *around,
        ]

    def enter(self) -> None:
        w = self.window
        if self.active:
            return
        layout = w.central_layout.contentsMargins()
        self._saved = _Saved(
            state=w.windowState(),
            geometry=w.geometry(),
            hidden=[x for x in self._chrome() if x.isVisible()],
            splitter=list(w.splitter.sizes()),
            margins=(layout.left(), layout.top(), layout.right(), layout.bottom()),
            spacing=w.central_layout.spacing(),
            tab_bar_auto_hide=w.tabs.tabBarAutoHide(),
        )
        # Auto-hide would show the tab bar again when an article is opened in focus mode.
        w.tabs.setTabBarAutoHide(False)
        w.tabs.tabBar().hide()
        for widget in self._saved.hidden:
            widget.hide()
        w.central_layout.setContentsMargins(0, 0, 0, 0)
        w.central_layout.setSpacing(0)
        self._style_progress()
        self.progress.show()
        w.actions_by_name["focus_mode"].setChecked(True)
        w.showFullScreen()
        self.update_progress()
        pane = w.current_pane()
        if pane is not None:
            pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        saved, w = self._saved, self.window
        if saved is None:
            return
        self._saved = None
        self.progress.hide()
        w.central_layout.setContentsMargins(*saved.margins)
        w.central_layout.setSpacing(saved.spacing)
        for widget in saved.hidden:
            widget.show()
        w.tabs.setTabBarAutoHide(saved.tab_bar_auto_hide)  # shows it if there are now tabs
        if not saved.tab_bar_auto_hide and w.tabs.tabBar() not in saved.hidden:
            w.tabs.tabBar().hide()
        w.setWindowState(saved.state)
        if not saved.state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.setGeometry(saved.geometry)
        w.splitter.refresh()  # shows the handle beside the side panel again
        w.splitter.setSizes(saved.splitter)
        w.actions_by_name["focus_mode"].setChecked(False)

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def _style_progress(self) -> None:
        theme = self.window.theme
        self.progress.setStyleSheet(
            f"QProgressBar#focusProgress {{ border: none; border-radius: 0px; padding: 0px;"
            f" margin: 0px; min-height: {PROGRESS_HEIGHT}px; max-height: {PROGRESS_HEIGHT}px;"
            f" background-color: {theme.background}; }}"
            f" QProgressBar#focusProgress::chunk {{ background-color: {theme.muted}; }}"
        )

    def update_progress(self) -> None:
        """Show the current article's progress (nothing to do outside focus mode)."""
        if not self.active:
            return
        pane = self.window.current_pane()
        if pane is None:
            self.progress.setValue(0)
            return
        if not pane.property("focusProgress"):
            pane.setProperty("focusProgress", True)
            pane.verticalScrollBar().valueChanged.connect(lambda _v: self.update_progress())
        self.progress.setValue(round(reading_progress(pane) * PROGRESS_STEPS))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        if event.type() == QEvent.Type.Close:
            self.leave()  # before the window saves its geometry
        elif (
            self.active
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):
            # An Esc no widget used (the text ignores it) reaches the window. Not a shortcut:
            # that would be ambiguous with the find bar's own Esc, and neither would fire.
            self.leave()
            return True
        return False


def focus_mode(window: MainWindow) -> FocusMode:
    """The window's focus mode (made on first use)."""
    found = window.findChild(FocusMode)
    return found if isinstance(found, FocusMode) else FocusMode(window)


def toggle(window: MainWindow) -> None:
    """F11: enter focus mode, or leave it."""
    focus_mode(window).toggle()
