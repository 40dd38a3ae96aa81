"""What the synchronisation pane says after a real export and import: people, activities,
follow-ups and sites by name; never a table name, a report path or an installation id."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QPushButton, QTextBrowser

from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle, set_sync_folder
from ardoiz_desk.services.exchange.preview_rows import PREVIEW_LIMIT
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.followups import add_followup
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    update_participant,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.sites.sites import this_site
from helpers.sync import click_and_wait, open_pane

HEX_ID = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}")
TABLE_NAMES = (
    "attendances",
    "participants",
    "activities",
    "followups",
    "agent_trainings",
    "replica",
)


def visible_texts(pane) -> list[str]:
    """Every text an agent can read in the pane as it is shown now."""
    texts = []
    for widget in pane.findChildren(QLabel) + pane.findChildren(QPushButton):
        if widget.isVisible() and widget.text():
            texts.append(widget.text())
    for combo in pane.findChildren(QComboBox):
        if combo.isVisible():
            texts += [combo.itemText(i) for i in range(combo.count())]
    for browser in pane.findChildren(QTextBrowser):
        if browser.isVisible():
            texts.append(browser.toPlainText())
    for view in pane.findChildren(QAbstractItemView):
        if not view.isVisible() or view.model() is None:
            continue
        model = view.model()
        for c in range(model.columnCount()):
            texts.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
            for r in range(model.rowCount()):
                texts.append(str(model.index(r, c).data() or ""))
    texts.append(pane.tabs.tabText(pane.tabs.currentIndex()))
    return texts


def assert_in_agents_words(pane) -> None:
    texts = visible_texts(pane)
    joined = "\n".join(texts)
    assert not HEX_ID.search(joined), HEX_ID.search(joined)
    assert ".json" not in joined
    for name in TABLE_NAMES:
        assert name not in joined, name


def _person(ws, prenom: str, nom: str):
    return register_participant(ws, ParticipantInput(prenom=prenom, nom=nom))


def _workshop(ws, title: str, people, day: dt.date):
    site = this_site(ws)
    return record_activity(
        ws,
        ActivityInput(
            kind="collectif",
            date=day,
            duree_minutes=90,
            thematiques=["email"],
            site_id=site.id if site else None,
            titre_atelier=title,
            attendees=[AttendeeInput(p.id) for p in people],
        ),
    )


def test_export_and_import_speak_of_people_not_tables(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1)
    kept = _person(site, "Hélène", "Dupré")
    renamed = _person(site, "Gérard", "Bérard")
    gone = _person(site, "Zoé", "Ébrard")
    import_files(coord, [export_bundle(site, tmp_path / "first.ardoiz", full=True).path])

    update_participant(
        site, renamed.id, input_from_view(get_participant(site, renamed.id), nom="Bérard-Roux")
    )
    erase_participant(site, gone.id)
    newcomer = _person(site, "Lucien", "Amar")
    _workshop(site, "Premiers pas sur la tablette", [kept, newcomer], site.today())
    add_followup(site, kept.id, site.today() + dt.timedelta(days=7), "Photos de famille")

    folder = tmp_path / "partage"
    set_sync_folder(site, folder)
    sender = open_pane(qtbot, site)
    sender.tabs.setCurrentIndex(0)
    click_and_wait(qtbot, sender, "exportFolder")  # the file name there ends with a hex id
    assert "Paquet déposé dans le dossier partagé" in sender.status.text()
    assert "présence" in sender.status.text() and "personne" in sender.status.text()
    assert_in_agents_words(sender)

    set_sync_folder(coord, folder)
    pane = open_pane(qtbot, coord)
    pane.tabs.setCurrentIndex(0)
    before = digest(coord)
    click_and_wait(qtbot, pane, "importInbox")
    assert digest(coord) == before
    detail = pane.findChild(QTextBrowser, "previewDetail").toPlainText()
    assert "Paquet de MSAP 0" in detail
    assert "Personnes ajoutées (1) : Lucien AMAR" in detail
    assert "Personnes modifiées (1) : Gérard BÉRARD-ROUX" in detail
    assert "Personnes effacées (1) : Zoé ÉBRARD" in detail
    assert "Activités ajoutées (1) : 15/06/2026 Premiers pas sur la tablette" in detail
    assert "Suivis ajoutés (1) : 22/06/2026 pour Hélène DUPRÉ — Photos de famille" in detail
    assert "2 présences" in detail
    status = pane.status.text()
    assert "Nouveau : 1 personne, 1 activité, 2 présences, 1 suivi." in status
    assert "Modifié : 1 personne." in status and "Effacé : 1 personne." in status
    assert_in_agents_words(pane)

    click_and_wait(qtbot, pane, "applyImport")
    assert "Import terminé" in pane.status.text() and "personne" in pane.status.text()
    assert digest(coord) != before
    assert_in_agents_words(pane)
    applied = pane.findChild(QTextBrowser, "previewDetail").toPlainText()
    assert "En tout" in applied and "modifié : 1 personne" in applied  # as the status says
    assert "effacé : 1 personne" in applied
    for tab in (1, 2):  # Conflits, Installations: sites by name, roles, fingerprints
        pane.tabs.setCurrentIndex(tab)
        assert_in_agents_words(pane)


def test_preview_names_the_first_ones_then_counts_the_others(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1)
    for i in range(PREVIEW_LIMIT + 5):
        _person(site, f"Personne{i:02d}", "Martin")
    path = export_bundle(site, tmp_path / "site.ardoiz", full=True).path
    pane = open_pane(qtbot, coord)
    pane.choose_import_files = lambda: [path]
    click_and_wait(qtbot, pane, "importFiles")
    detail = pane.findChild(QTextBrowser, "previewDetail").toPlainText()
    assert f"Personnes ajoutées ({PREVIEW_LIMIT + 5})" in detail
    assert detail.count("MARTIN") == PREVIEW_LIMIT
    assert "… et 5 autres" in detail
