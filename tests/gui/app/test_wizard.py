"""The first-start wizard appears once, and sets the site and the agent."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

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
    type_text(wizard.agent, "Aurélie Castel")
    assert wizard.start()
    assert (this_site(ws).code, this_site(ws).kind) == ("APC-UPAIX", "agence_postale")


def test_a_real_first_start_offers_no_demo_and_needs_the_agent(qtbot, ws, dialogs) -> None:
    window = open_window(qtbot, ws, dialogs)
    wizard = window.maybe_start_wizard()
    assert not [b for b in wizard.findChildren(QPushButton) if "monstration" in b.text()]
    assert not wizard.start()  # no agent name: refused, said in French
    assert "obligatoire" in wizard.error.text() and this_site(ws) is None
    type_text(wizard.agent, "Aurélie Castel")
    assert wizard.start()
    assert count_participants(ws) == 0
    # The empty list says what to do next; the title names the site and the agent.
    qtbot.waitUntil(lambda: "Ctrl+N" in window.participants.count_label.text())
    assert "Aurélie Castel" in window.windowTitle() and this_site(ws).name in window.windowTitle()
