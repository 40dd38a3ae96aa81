"""The first-start wizard appears once, and sets the site and the agent."""

from __future__ import annotations

from ardoiz_desk.gui.app.wizard import FirstStartDialog
from ardoiz_desk.services.people.participants import count_participants
from ardoiz_desk.services.sites.sites import this_agent, this_site
from helpers.gui import open_window, type_text


def test_wizard_chooses_a_site_and_agent(qtbot, ws, dialogs) -> None:
    window = open_window(qtbot, ws, dialogs)
    wizard = window.maybe_start_wizard()
    assert isinstance(wizard, FirstStartDialog) and wizard.isVisible()
    wizard.site.setCurrentIndex(wizard.site.findText("France Services Serres"))
    type_text(wizard.agent, "Aurélie Castel")
    assert wizard.start()
    assert this_site(ws).name == "France Services Serres"
    assert this_agent(ws).name == "Aurélie Castel"
    assert window.maybe_start_wizard() is None
    assert "France Services Serres" in window.identity.text()


def test_wizard_creates_a_new_site(qtbot, ws, dialogs) -> None:
    window = open_window(qtbot, ws, dialogs)
    wizard = window.maybe_start_wizard()
    wizard.create.setChecked(True)
    type_text(wizard.code, "APC-UPAIX")
    type_text(wizard.name, "Agence postale d'Upaix")
    wizard.kind.setCurrentIndex(wizard.kind.findData("agence_postale"))
    assert wizard.start()
    assert (this_site(ws).code, this_site(ws).kind) == ("APC-UPAIX", "agence_postale")


def test_wizard_opens_with_demo_data(qtbot, ws, dialogs) -> None:
    window = open_window(qtbot, ws, dialogs)
    wizard = window.maybe_start_wizard()
    with qtbot.waitSignal(window.participants.index_ready, timeout=60_000):
        wizard.demo_button.click()
    assert count_participants(ws) == 300
    assert this_site(ws) is not None and this_agent(ws) is not None
    assert window.participants.model.rowCount() == 300
