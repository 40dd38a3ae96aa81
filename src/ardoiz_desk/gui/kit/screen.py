"""Windows that fit the counter's real screen (1024×768, 1280×720, 1366×768, large text).

Sizes come from ``QScreen.availableGeometry()`` (the screen less the task bar), never from
fixed numbers alone: a window asks for its preferred size and gets at most what the screen
offers, centred on it. A saved geometry is restored only if it still fits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QFrame, QLayout, QScrollArea, QWidget

from ardoiz_desk.gui.kit.a11y import no_focus

# Room kept for the window manager's title bar and borders.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (the widget's screen, else the primary)."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent is not None else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def usable_size(widget: QWidget | None = None) -> QSize:
    """The largest client size a window may take on its screen, its frame included."""
    area = available_geometry(widget)
    return QSize(
        max(320, area.width() - FRAME_ALLOWANCE.width()),
        max(240, area.height() - FRAME_ALLOWANCE.height()),
    )


def fit_to_screen(window: QWidget, width: int, height: int) -> QSize:
    """Resize a window to its preferred size, or less if the screen is smaller; centre it."""
    room = usable_size(window)
    size = QSize(min(width, room.width()), min(height, room.height()))
    window.resize(size)
    area = available_geometry(window)
    window.move(
        area.x() + max(0, (area.width() - size.width()) // 2),
        area.y() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2),
    )
    return size


def fits_screen(window: QWidget) -> bool:
    """True when the whole window, frame included, lies inside the available screen."""
    return available_geometry(window).contains(window.frameGeometry())


def restore_if_fits(window: QWidget, saved: QByteArray | None) -> bool:
    """Restore a saved geometry only when it lies inside the current screen."""
    if saved is None or not window.restoreGeometry(saved):
        return False
    return available_geometry(window).contains(window.geometry())


def scrolling(content: QWidget) -> QScrollArea:
    """Put a long form in a frameless scroll area (its footer buttons stay outside)."""
    area = QScrollArea()
    no_focus(area)  # a wrapper, not a tab stop
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class Reflow(QWidget):
    """Parts side by side when the width allows, else one above the other.

    With large text or on a small screen, two columns would each be squeezed (and their
    scroll area scroll sideways): below the width the parts need side by side, they stack.
    Each part says the width it needs (by default its minimum size); ``stacked`` tells the
    owner which way they lie, e.g. to let an inner scroll area grow to its whole content.
    """

    def __init__(
        self,
        parts: list[tuple[QWidget, int, Callable[[], int] | None]],
        stacked: Callable[[bool], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        # The widget reports its own minimum (the stacked one): it may get narrower than the
        # parts side by side, which is when it stacks them.
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.parts = parts
        self._stacked_changed = stacked
        for widget, stretch, _needs in parts:
            self.box.addWidget(widget, stretch)

    @staticmethod
    def _minimum(widget: QWidget) -> QSize:
        return widget.minimumSize().expandedTo(widget.minimumSizeHint())

    def side_by_side_width(self) -> int:
        """The width the parts need next to each other."""
        widths = [needs() if needs else self._minimum(w).width() for w, _s, needs in self.parts]
        return sum(widths) + self.box.spacing() * (len(widths) - 1)

    @property
    def stacked(self) -> bool:
        """True while the parts lie one above the other."""
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        sizes = [self._minimum(w) for w, _s, _n in self.parts if not w.isHidden()]
        if not sizes:
            return QSize(0, 0)
        width = max(s.width() for s in sizes)
        if self.stacked:
            gaps = self.box.spacing() * (len(sizes) - 1)
            return QSize(width, sum(s.height() for s in sizes) + gaps)
        return QSize(width, max(s.height() for s in sizes))

    def sizeHint(self) -> QSize:
        return self.box.sizeHint().expandedTo(self.minimumSizeHint())

    def reflow(self) -> None:
        """Lay the parts side by side or stacked, for the current width."""
        for widget, _stretch, needs in self.parts:
            if needs is not None:
                widget.setMinimumWidth(needs())  # never squeezed below what it needs
        stack = self.width() < self.side_by_side_width()
        if stack == self.stacked:
            return
        self.box.setDirection(
            QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight
        )
        if self._stacked_changed is not None:
            self._stacked_changed(stack)
        self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange):
            self.reflow()  # the parts' needs changed (text size, a part shown)
        return super().event(event)
