"""A small pilot built through the services, whose figures are worked out by hand in
test_report_figures.py. 'Today' is 2026-06-15 (fixed by tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from ardoiz_desk.services.activities import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.directory import add_agent, ensure_default_directory
from ardoiz_desk.services.participants import ParticipantInput, register_participant
from ardoiz_desk.store.models import Activity, Participant, site_id_for_code

SISTERON = site_id_for_code("MSAP-SISTERON")
SERRES = site_id_for_code("MSAP-SERRES")
INJECTION = '=HYPERLINK("x")'


def _person(ws, prenom, nom, year=None, genre="non_communique", **kw):
    return register_participant(
        ws, ParticipantInput(prenom=prenom, nom=nom, annee_naissance=year, genre=genre, **kw)
    ).id


def _act(
    ws, kind, day, minutes, themes, who=(), materiel=("tablette",), site=SISTERON, agent=None, **kw
):
    attendees = [AttendeeInput(pid, autonomie=aut) for pid, aut in who]
    return record_activity(
        ws,
        ActivityInput(
            kind=kind,
            date=day,
            duree_minutes=minutes,
            thematiques=themes,
            materiel=materiel,
            site_id=site,
            agent_id=agent,
            attendees=attendees,
            **kw,
        ),
    ).id


def _set(ws, model, row_id, **values):
    with ws.store.session() as session:
        row = session.get(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


@pytest.fixture
def pilot(ws):
    """Sites Sisteron and Serres, three agents, seven people, eleven activities."""
    ensure_default_directory(ws)
    camille = add_agent(ws, "Camille Roussel", SISTERON).id
    nadia = add_agent(ws, "Nadia Benali", SERRES).id
    karim = add_agent(ws, "Karim Haddad", SISTERON).id
    a = _person(
        ws,
        "Hélène",
        "Dupré",
        1950,
        "feminin",
        statut_social="retraite",
        commune="Sisteron",
        commune_code_insee="04209",
        commune_code_postal="04200",
        tablet_status="owned",
        telephone="04 92 61 00 00",
        email="h.dupre@orange.fr",
    )
    b = _person(
        ws,
        "Gérard",
        "Roux",
        1960,
        "masculin",
        statut_social="retraite",
        commune="Mison",
        commune_code_insee="04123",
        commune_code_postal="04200",
        tablet_status="loaned",
    )
    c = _person(
        ws,
        "Josette",
        "Garcin",
        None,
        "feminin",
        commune="Serres",
        commune_code_insee="05166",
        commune_code_postal="05700",
    )
    d = _person(
        ws,
        "Marcel",
        INJECTION,
        1940,
        "masculin",
        statut_social="retraite",
        commune="@SUM(1+1)",
        tablet_status="owned",
        notes="+33 rappeler",
    )
    e = _person(ws, "Helene", "Dupre", 1950, "feminin")  # duplicate of a, merged below
    f = _person(ws, "Odette", "Blanc", 1948, "feminin")  # deleted below
    g = _person(ws, "Renée", "Arnaud", 1945, "feminin", statut_social="retraite")  # erased below
    ent, part, auto = "entierement_accompagne", "partiellement_autonome", "autonome"
    acts = SimpleNamespace(
        a1=_act(
            ws,
            "individuel",
            dt.date(2025, 11, 10),
            60,
            ["prendre_en_main_du_materiel"],
            [(a, ent)],
            agent=camille,
        ),
        a2=_act(
            ws,
            "collectif",
            dt.date(2026, 2, 3),
            120,
            ["email", "prendre_en_main_du_materiel"],
            [(a, part), (b, ent)],
            agent=camille,
            participants_anonymes=2,
            titre_atelier="Découvrir sa tablette",
            niveau="debutant",
        ),
        a3=_act(
            ws,
            "individuel",
            dt.date(2026, 3, 15),
            45,
            ["navigation_sur_internet"],
            [(c, ent)],
            site=SERRES,
            agent=nadia,
            type_lieu="domicile",
        ),
        a4=_act(
            ws,
            "individuel",
            dt.date(2026, 3, 20),
            20,
            ["sante"],
            [(e, auto)],
            materiel=("ordinateur",),
            agent=camille,
        ),
        a5=_act(
            ws,
            "collectif",
            dt.date(2026, 4, 2),
            90,
            ["securite_numerique"],
            [(c, None), (d, None), (g, None)],
            materiel=("telephone",),
            site=SERRES,
            agent=nadia,
            participants_anonymes=3,
        ),
        a6=_act(
            ws,
            "individuel",
            dt.date(2026, 5, 5),
            30,
            ["prendre_en_main_du_materiel"],
            [(d, part)],
            agent=camille,
        ),
        a7=_act(
            ws,
            "individuel",
            dt.date(2026, 5, 6),
            15,
            ["prendre_en_main_du_materiel"],
            [(b, auto)],
            agent=camille,
        ),
        a8=_act(ws, "formation", dt.date(2026, 1, 20), 420, [], trained_agent_ids=[camille, nadia]),
        a9=_act(ws, "formation", dt.date(2025, 12, 1), 420, [], trained_agent_ids=[karim]),
        a10=_act(
            ws,
            "individuel",
            dt.date(2026, 2, 10),
            60,
            ["prendre_en_main_du_materiel"],
            [(f, ent)],
            agent=camille,
        ),
        a11=_act(
            ws,
            "individuel",
            dt.date(2026, 6, 10),
            60,
            ["prendre_en_main_du_materiel"],
            [(b, auto)],
            site=SERRES,
            agent=nadia,
        ),
    )
    _set(ws, Activity, acts.a7, deleted=True)
    _set(ws, Participant, e, merged_into=a)
    _set(ws, Participant, f, deleted=True)
    _set(
        ws,
        Participant,
        g,
        erased=True,
        prenom="",
        nom="",
        annee_naissance=None,
        genre="",
        statut_social="",
        commune="",
        telephone="",
        email="",
        notes="",
    )
    return SimpleNamespace(
        ws=ws,
        a=a,
        b=b,
        c=c,
        d=d,
        e=e,
        f=f,
        g=g,
        acts=acts,
        camille=camille,
        nadia=nadia,
        karim=karim,
    )
