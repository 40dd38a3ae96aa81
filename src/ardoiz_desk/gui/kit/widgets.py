"""Small widget helpers shared by the panes: headings, combos over codes, labelled fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget

from ardoiz_desk.gui.kit.a11y import error_changed

HEADING = "heading"


def heading(text: str, parent: QWidget | None = None, *, scale: float = 1.35) -> QLabel:
    """A pane or section title (or a key figure), bold and ``scale`` times the application
    font; its size follows the text-size setting."""
    label = QLabel(text, parent)
    label.setProperty("role", HEADING)
    label.setProperty("heading_scale", scale)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    scale_heading(label)
    return label


def scale_heading(label: QLabel) -> None:
    """Make a heading bold and larger than the application font (a third by default)."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * float(label.property("heading_scale") or 1.35))
    font.setBold(True)
    label.setFont(font)


def refresh_headings(root: QWidget) -> None:
    """Re-apply heading sizes under a widget after the text size changed."""
    for label in root.findChildren(QLabel):
        if label.property("role") == HEADING:
            scale_heading(label)


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A calm, wrapped explanatory text."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    return label


def error_label(parent: QWidget | None = None) -> QLabel:
    """A hidden label that shows a field's validation message."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setProperty("role", "error")
    label.setStyleSheet("color: #b3261e;")  # also without the style sheet (tests, self-test)
    label.hide()
    return label


def show_error(label: QLabel, message: str | None) -> None:
    """Show or hide a field's validation message (its field's accessible description
    follows, and a new message is announced to screen readers)."""
    label.setText(message or "")
    label.setVisible(bool(message))
    error_changed(label, message)


def code_combo(
    labels: dict[str, str],
    accessible_name: str,
    *,
    empty: str | None = None,
    parent: QWidget | None = None,
) -> QComboBox:
    """A combo box listing labels, with the code as item data (and an optional empty first item)."""
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for code, text in labels.items():
        combo.addItem(text, code)
    combo.setAccessibleName(accessible_name)
    return combo


def select_code(combo: QComboBox, code: object) -> None:
    """Select the item whose data is a code (the first item if absent)."""
    i = combo.findData(code)
    combo.setCurrentIndex(i if i >= 0 else 0)


def no_default_buttons(root: QWidget) -> None:
    """Stop Enter in a field from pressing a dialog's button: saving is always explicit."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def compact(combo: QComboBox, chars: int = 14) -> QComboBox:
    """A combo as wide as ``chars`` characters, whatever its longest entry (the list shows
    them whole): filter rows then fit a 1024 px screen and large text."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo
