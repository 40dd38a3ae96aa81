"""Contrast of every colour pair the window draws text and frames with (RGAA 3.2, 3.3,
10.5, 10.7; WCAG 1.4.3, 1.4.11): the palette, the shipped style sheet, the widgets' own
style sheets, the charts and the follow-ups' overdue colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget

from ardoiz_desk.gui.app.startup import apply_style
from ardoiz_desk.gui.followups import model as followups_model
from ardoiz_desk.gui.kit import theme
from ardoiz_desk.gui.kit.text_size import apply_text_scale
from ardoiz_desk.paths import resources_dir
from ardoiz_desk.printing import charts

Role = QPalette.ColorRole


def test_contrast_arithmetic_matches_wcag() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # The audit's figures before this palette: Fusion's selection and placeholders.
    assert theme.contrast_ratio("#ffffff", "#308CC6") == pytest.approx(3.69, abs=0.01)
    assert theme.contrast_ratio("#7F7F7F", "#ffffff") == pytest.approx(4.00, abs=0.01)


@pytest.mark.parametrize(("what", "text", "background"), theme.palette_text_pairs())
def test_palette_text_pairs_reach_4_5(what: str, text: str, background: str) -> None:
    assert theme.contrast_ratio(text, background) >= theme.TEXT_MIN, what


def _qss_pairs() -> list[tuple[str, str, str, float]]:
    return theme.style_sheet_pairs((resources_dir() / "style.qss").read_text(encoding="utf-8"))


def test_the_style_sheet_sets_text_borders_and_focus() -> None:
    pairs = _qss_pairs()
    assert any("item:selected:focus border" in what for what, *_ in pairs)
    assert any("QLineEdit:focus" in what and "border" in what for what, *_ in pairs)
    assert any(minimum == theme.TEXT_MIN for *_, minimum in pairs)


@pytest.mark.parametrize(("what", "fg", "bg", "minimum"), _qss_pairs())
def test_style_sheet_pairs_reach_their_minimum(what: str, fg: str, bg: str, minimum: float):
    assert theme.contrast_ratio(fg, bg) >= minimum, f"{what}: {fg} on {bg}"


def test_fusion_frames_of_fields_and_check_boxes_reach_3_to_1() -> None:
    outline = theme.fusion_outline(theme.FRAME_WINDOW)
    for background in (theme.ACTIVE[Role.Base], theme.ACTIVE[Role.Window]):
        assert theme.contrast_ratio(outline, background) >= theme.GRAPHIC_MIN
    # Fusion's own frame, with the ordinary window colour, did not.
    plain = theme.fusion_outline(theme.ACTIVE[Role.Window])
    assert theme.contrast_ratio(plain, theme.ACTIVE[Role.Base]) < theme.GRAPHIC_MIN


def test_focus_indicator_inside_a_selected_row_reaches_3_to_1() -> None:
    rules = dict(theme.style_sheet_rules((resources_dir() / "style.qss").read_text()))
    selected = rules["QTableView::item:selected:focus"]["border"].split()[-1]
    plain = rules["QTableView::item:focus"]["border"].split()[-1]
    assert theme.contrast_ratio(selected, theme.ACTIVE[Role.Highlight]) >= theme.GRAPHIC_MIN
    assert theme.contrast_ratio(plain, theme.ACTIVE[Role.Base]) >= theme.GRAPHIC_MIN
    assert theme.contrast_ratio(plain, theme.ACTIVE[Role.AlternateBase]) >= theme.GRAPHIC_MIN


def test_widgets_own_style_sheets(window) -> None:
    """Every style sheet set on a widget of the window, every pane and dialog built."""
    for row in range(7):
        window.show_pane(row)
    window.record_activity()
    window.open_participant(window.participants.model.id_at(0))
    window.reports_pane._set_status("x", error=True)
    sheets = {
        w.styleSheet()
        for top in QApplication.topLevelWidgets()
        for w in [top, *top.findChildren(QWidget)]
        if w.styleSheet()
    }
    assert len(sheets) >= 3  # error labels, figure cards, report status at least
    for sheet in sheets:
        for what, fg, bg, minimum in theme.style_sheet_pairs(sheet):
            assert theme.contrast_ratio(fg, bg) >= minimum, f"{sheet!r} {what}: {fg} on {bg}"


@pytest.mark.parametrize("colour", charts.PALETTE)
def test_chart_colours_stand_out_from_white(colour: str) -> None:
    assert theme.contrast_ratio(colour, "#ffffff") >= theme.GRAPHIC_MIN


def test_overdue_follow_ups_are_readable() -> None:
    red = followups_model._OVERDUE.name()
    for background in (theme.ACTIVE[Role.Base], theme.ACTIVE[Role.AlternateBase]):
        assert theme.contrast_ratio(red, background) >= theme.TEXT_MIN


def test_apply_style_installs_the_palette_frames_and_readable_text(qapp) -> None:
    saved_font, saved_palette, saved_sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    saved_base = qapp.property("ardoiz_base_point_size")
    try:
        qapp.setProperty("ardoiz_base_point_size", None)
        small = qapp.font()
        small.setPointSizeF(9)
        qapp.setFont(small)
        apply_style(qapp)
        assert qapp.palette().color(Role.Highlight).name() == theme.ACTIVE[Role.Highlight]
        assert (
            qapp.palette().color(Role.PlaceholderText).name() == theme.ACTIVE[Role.PlaceholderText]
        )
        for widget in (QCheckBox(), QComboBox()):
            widget.ensurePolished()
            assert widget.palette().color(Role.Window).name() == theme.FRAME_WINDOW
        assert qapp.font().pointSizeF() >= theme.DEFAULT_POINT_SIZE
        apply_text_scale(qapp, 150)
        assert qapp.font().pointSizeF() == pytest.approx(1.5 * theme.DEFAULT_POINT_SIZE)
    finally:
        qapp.setStyleSheet(saved_sheet)
        qapp.setPalette(saved_palette)
        qapp.setFont(saved_font)
        qapp.setProperty("ardoiz_base_point_size", saved_base)
