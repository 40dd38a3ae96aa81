"""Colours that meet RGAA 3.2 / 10.5 (WCAG 1.4.3, 1.4.11): the palette, and the contrast
arithmetic the tests use to check it and the style sheet.

Text and its background: at least 4.5:1 (selection, placeholders and disabled text
included). Field borders, check box frames and focus indicators: at least 3:1.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette

TEXT_MIN = 4.5
GRAPHIC_MIN = 3.0
DEFAULT_POINT_SIZE = 10.0  # RGAA does not set a size; 9 pt (the usual default) is too small

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# One light theme, the same on every platform (the Fusion style draws with it).
ACTIVE: dict[Role, str] = {
    Role.Window: "#f0f0f0",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f2f5f8",
    Role.Text: "#1a1a1a",
    Role.Button: "#e6e6e6",
    Role.ButtonText: "#1a1a1a",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1f5f8b",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57a4",
    Role.LinkVisited: "#6a1b9a",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1a1a1a",
    Role.PlaceholderText: "#5f6368",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    Role.Mid: "#8a8a8a",
    Role.Dark: "#6b6b6b",
    Role.Shadow: "#3c3c3c",
}
# A window in the background keeps a readable selection (dark text on light blue).
INACTIVE: dict[Role, str] = {
    **ACTIVE,
    Role.Highlight: "#c5d9ea",
    Role.HighlightedText: "#1a1a1a",
}
# Disabled text still tells something (a greyed field's value): it stays at 4.5:1.
DISABLED: dict[Role, str] = {
    **ACTIVE,
    Role.WindowText: "#616161",
    Role.Text: "#616161",
    Role.ButtonText: "#5c5c5c",
    Role.PlaceholderText: "#616161",
    Role.Highlight: "#5c5c5c",
    Role.HighlightedText: "#ffffff",
}
GROUPS = {Group.Active: ACTIVE, Group.Inactive: INACTIVE, Group.Disabled: DISABLED}

# (text role, background role) pairs a widget draws with the palette.
TEXT_PAIRS: tuple[tuple[Role, Role], ...] = (
    (Role.WindowText, Role.Window),
    (Role.WindowText, Role.Button),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.Text, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
)


# Fusion draws the frame of a check box, combo box or spin box in the window colour darkened
# by 140 %: with this window colour (given to those classes only) the frame is #6d6d6d.
FRAME_WINDOW = "#999999"
FRAMED_CLASSES = ("QCheckBox", "QRadioButton", "QComboBox", "QAbstractSpinBox")


def fusion_outline(window: str) -> str:
    """The colour Fusion draws frames with for a given window colour."""
    return QColor(window).darker(140).name()


def build_palette(frame_window: bool = False) -> QPalette:
    """The application palette (with ``frame_window``, the one for check boxes)."""
    palette = QPalette()
    for group, colours in GROUPS.items():
        for role, colour in colours.items():
            palette.setColor(group, role, QColor(colour))
        if frame_window:
            palette.setColor(group, Role.Window, QColor(FRAME_WINDOW))
    return palette


def palette_text_pairs() -> list[tuple[str, str, str]]:
    """Every (what, text colour, background colour) the palette draws text with."""
    pairs = []
    for group, colours in GROUPS.items():
        for text, background in TEXT_PAIRS:
            what = f"{group.name} {text.name} on {background.name}"
            pairs.append((what, colours[text], colours[background]))
    return pairs


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour ('#rrggbb' or a Qt colour name)."""
    c = QColor(colour)
    if not c.isValid():
        raise ValueError(f"not a colour: {colour!r}")

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)))
    return (b + 0.05) / (a + 0.05)


# --- style sheets --------------------------------------------------------------------------
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|palette\((\w+)\)|\bwhite\b|\bblack\b")


def _colour(value: str) -> str | None:
    match = _COLOUR.search(value)
    if match is None:
        return None
    if match.group(1):
        role = {r.name.lower(): r for r in ACTIVE}[match.group(1).lower()]
        return ACTIVE[role]
    return QColor(match.group(0)).name()


def style_sheet_rules(qss: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a style sheet: (selector, {property: value}), comments removed."""
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    if "{" not in qss:  # a widget's own style sheet: bare declarations
        qss = f"* {{{qss}}}"
    rules = []
    for selector, body in _RULE.findall(qss):
        declarations = {}
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() and value.strip():
                declarations[name.strip().lower()] = value.strip()
        rules.append((" ".join(selector.split()), declarations))
    return rules


def style_sheet_pairs(qss: str) -> list[tuple[str, str, str, float]]:
    """Every (what, foreground, background, minimum ratio) a style sheet sets.

    Text colour against the rule's background (else the palette's window and base
    colours, where such a widget may sit); borders against the same backgrounds (3:1).
    """
    pairs = []
    for selector, props in style_sheet_rules(qss):
        background = _colour(props.get("background-color", props.get("background", "")))
        if background:
            behind = [background]
        elif ":selected" in selector:
            # ":focus" needs the active window: the active selection is behind it.
            behind = [ACTIVE[Role.Highlight]]
            if ":focus" not in selector:
                behind.append(INACTIVE[Role.Highlight])
        else:
            behind = [ACTIVE[Role.Window], ACTIVE[Role.Base], ACTIVE[Role.AlternateBase]]
        text = _colour(props.get("color", ""))
        if text is None and background is not None:
            text = ACTIVE[Role.Text]
        if text is not None:
            for colour in behind:
                pairs.append((f"{selector} color", text, colour, TEXT_MIN))
        selection = _colour(props.get("selection-background-color", ""))
        if selection is not None:
            chosen = _colour(props.get("selection-color", "")) or ACTIVE[Role.HighlightedText]
            pairs.append((f"{selector} selection", chosen, selection, TEXT_MIN))
        for name, value in props.items():
            if name.startswith("border") or name.startswith("outline"):
                colour = _colour(value)
                if colour is not None:
                    for back in behind:
                        pairs.append((f"{selector} {name}", colour, back, GRAPHIC_MIN))
    return pairs
