"""The text-size setting, applied to the whole application at once."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle

from ardoiz_desk.gui.kit.theme import DEFAULT_POINT_SIZE
from ardoiz_desk.gui.kit.widgets import refresh_headings

_BASE = "ardoiz_base_point_size"


def ensure_readable_font(app: QApplication) -> None:
    """Raise the application font to at least 10 pt (the system default is often 9 pt);
    the text-size setting then scales from there."""
    if app.property(_BASE):
        return
    font = QFont(app.font())
    if font.pointSizeF() < DEFAULT_POINT_SIZE:
        font.setPointSizeF(DEFAULT_POINT_SIZE)
        app.setFont(font)


def apply_text_scale(app: QApplication, percent: int) -> None:
    """Scale the application font to a percentage of the system's, and re-size headings."""
    base = app.property(_BASE)
    if not base:
        size = app.font().pointSizeF()
        base = max(size, DEFAULT_POINT_SIZE)
        app.setProperty(_BASE, base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * percent / 100)
    app.setFont(font)
    # With an application style sheet, widgets already shown keep the font they resolved:
    # setting the sheet again makes every widget take the new size at once (no restart).
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet(sheet)
    for widget in app.allWidgets():
        own = widget.styleSheet()
        if own:
            # A widget's own sheet fixed the font it resolved too: resolve it again.
            widget.setStyleSheet(own)
        if isinstance(widget, QAbstractItemView):
            fit_rows(widget)
    for widget in app.topLevelWidgets():
        refresh_headings(widget)


def fit_rows(view: QAbstractItemView) -> None:
    """Table rows as tall as the text needs (they keep their first height otherwise), never
    lower than the style's own row height, so that 100 % gives back the first rows."""
    header = getattr(view, "verticalHeader", None)
    if header is not None:
        # The application's new font: the view's own may not have followed yet.
        height = QFontMetrics(QApplication.font(view)).height()
        floor = view.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderDefaultSectionSizeVertical, None, header()
        )
        header().setDefaultSectionSize(max(floor, int(height * 1.6) + 4))
        header().setMinimumSectionSize(height + 4)
