"""Accessibility helpers (RGAA 7, 11, 12): what a screen reader and a keyboard user need.

- Tables never trap the keyboard: Tab and Shift+Tab leave them, arrows move inside.
- Labels tied to their fields with ``QLabel.setBuddy``: on Linux this "labelled by"
  relation is the only name a combo box gets (Qt names it after its current value and
  ignores ``setAccessibleName``).
- Cell editors named after their column.
- Validation messages tied to their field: the field's accessible description carries the
  message, and the message is announced when it appears.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTabWidget,
    QToolButton,
    QWidget,
)

_FIELD = "a11yField"
_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
_BASE_DESCRIPTION = "a11yBaseDescription"


def release_tab(view: QAbstractItemView) -> QAbstractItemView:
    """Let Tab and Shift+Tab leave a table or list in one press (WCAG 2.1.2, RGAA 12.9)."""
    view.setTabKeyNavigation(False)
    return view


def no_focus(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """A wrapper scroll area is not a tab stop (it has no name and no visible focus)."""
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def buddy(label: QLabel, field: QWidget) -> QLabel:
    """Tie a visible label to its field (the "labelled by" relation, Alt+letter)."""
    label.setBuddy(field.focusProxy() or field)
    return label


def hidden_label(text: str, field: QWidget) -> QLabel:
    """A label screen readers find but the eye does not: for a field whose visible context
    already says what it is (a filter whose first choice reads "Tous les sites").

    The label must sit beside the field (same parent widget) for Qt to report the relation;
    it takes that parent when the field has one, else when the field is laid out.
    """
    label = QLabel(text, field.parentWidget())
    label.setBuddy(field)
    label.hide()
    if field.parentWidget() is None:
        field.installEventFilter(_Adopter(label, field))
    return label


class _Adopter(QObject):
    """Moves a hidden label next to its field once the field has a parent."""

    def __init__(self, label: QLabel, field: QWidget) -> None:
        super().__init__(field)
        self.label = label
        self.field = field

    def eventFilter(self, watched: QObject, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ParentChange and self.field.parentWidget() is not None:
            self.label.setParent(self.field.parentWidget())
            self.label.hide()
            self.field.removeEventFilter(self)
        return False


def name_editor(editor: QWidget, name: str) -> QWidget:
    """Name a cell editor after its column; a combo box also gets a hidden buddy label."""
    editor.setAccessibleName(name)
    if isinstance(editor, QComboBox):
        label = hidden_label(name, editor)
        editor.destroyed.connect(label.deleteLater)
    return editor


class NamedEditorDelegate(QStyledItemDelegate):
    """A delegate whose editors are named after their column header (RGAA 11.1)."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        return self.named(editor, index)

    @staticmethod
    def named(editor: QWidget | None, index) -> QWidget | None:
        if editor is not None:
            header = index.model().headerData(
                index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
            )
            name_editor(editor, str(header or ""))
        return editor


def has_buddy(field: QWidget) -> bool:
    """True when a label beside the field names it (the relation Qt reports)."""
    parent = field.parentWidget()
    return parent is not None and any(
        label.buddy() is field for label in parent.findChildren(QLabel, options=_DIRECT)
    )


def complete_names(root: QWidget) -> QWidget:
    """Give every control under a pane or dialog a name a screen reader speaks:

    - a combo box without a label beside it gets a hidden buddy carrying its accessible
      name (Linux reads no other name for a combo box);
    - a tab widget is named after its tabs;
    - the clear button of a search field is named.
    """
    from ardoiz_desk.gui.kit.i18n import translate

    for combo in root.findChildren(QComboBox):
        if combo.accessibleName() and not has_buddy(combo) and combo.parentWidget():
            hidden_label(combo.accessibleName(), combo)
    for tabs in root.findChildren(QTabWidget):
        if not tabs.accessibleName():
            titles = ", ".join(tabs.tabText(i).replace("&", "") for i in range(tabs.count()))
            tabs.setAccessibleName(translate("Accessibility", "Onglets : {0}").format(titles))
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(translate("Accessibility", "Effacer le texte"))
    return root


def link_error(label: QLabel, field: QWidget) -> QLabel:
    """Tie a validation message label to its field (RGAA 11.10, 11.11; WCAG 3.3.1)."""
    label.setProperty(_FIELD, field)
    field.setProperty(_BASE_DESCRIPTION, field.accessibleDescription())
    return label


def mark_required(field: QWidget, label: QLabel | None = None) -> None:
    """Expose a required field: "obligatoire" in its accessible description (Qt has no
    required state), on top of the visible asterisk."""
    from ardoiz_desk.gui.kit.i18n import translate

    required = translate("Accessibility", "Champ obligatoire.")
    field.setAccessibleDescription(required)
    field.setProperty(_BASE_DESCRIPTION, required)
    if label is not None:
        label.setToolTip(required)


def error_changed(label: QLabel, message: str | None) -> None:
    """Update the linked field's description, and announce a new message."""
    field = label.property(_FIELD)
    previous = label.property("a11yShown") or ""
    label.setProperty("a11yShown", message or "")
    if isinstance(field, QWidget):
        base = field.property(_BASE_DESCRIPTION) or ""
        field.setAccessibleDescription(" ".join(x for x in (base, message or "") if x))
    if message and message != previous:
        announce(field if isinstance(field, QWidget) else label, message)


def announce(widget: QWidget, message: str) -> None:
    """Have screen readers speak a message now (an error that just appeared)."""
    if not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
