"""Windows that fit the counter's real screen (1024×768, 1280×720, 1366×768, large text).

Sizes come from ``QScreen.availableGeometry()`` (the screen less the task bar), never from
fixed numbers alone: a window asks for its preferred size and gets at most what the screen
offers, centred on it. A saved geometry is restored only if it still fits.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

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
