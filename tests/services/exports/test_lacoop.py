"""La Coop export, read back by La Coop's own import rules.

La Coop de la médiation numérique (github inclusion-numerique/coop-mediation-numerique,
commit 46aa33bd of 2026-06-30), beneficiaries import,
``apps/web/src/features/beneficiaire/abilities/importer-beneficiaires/``:

- ``analyse/getBeneficiaireImportSheet.ts``: .xlsx, the sheet named exactly "Bénéficiaires";
- ``analyse/analyseImportBeneficiairesExcel.ts``: ``premiereLigneBeneficiaires = 4`` (rows 1-3
  never read); rows up to the first whose ``nombreDeColonnesImportees = 10`` cells are empty;
  columns by position (nom, prénom, année, commune, INSEE, postal code, téléphone, e-mail,
  genre, notes); ``getCellValueAsString``: trimmed, ``0`` counts as empty; ``parseGenre``:
  empty or starting F / M / N; flagged (``errors``): no nom, no prénom, ``Code commune non
  trouvé``, ``Le code postal de la commune ne correspond pas``, ``Le nom de la commune ne
  correspond pas`` (compared lower-cased); année: ``domain/annee-naissance.ts`` 1900..this year;
- ``action/importer-beneficiaires.validation.ts`` (``parseOptional``): a telephone failing
  ``TELEPHONE_PATTERN`` (``domain/telephone.ts``) or an e-mail failing ``domain/email.ts``
  (zod ``.trim().email()``) is dropped silently; the commune comes only from a found INSEE
  code (``row.parsed.commune``), so a commune without INSEE code is dropped silently;
  ``statutSocial: StatutSocial(null)``;
- ``implementation/prisma/importer-beneficiaires.mutation.ts``: ``createMany``, every row
  inserted (no de-duplication).

Accompaniments sheet: ``apps/web/src/features/activites/use-cases/list/export/
buildAccompagnementsWorksheet.ts`` (self export, no V1): ``activitesTableHeaders``, one row per
``accompagnement``, "Participants" ``1`` or ``k/n``, labels from ``cra/fields/thematique.ts``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import load_workbook

from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.exports.lacoop import plan_lacoop, write_lacoop_xlsx
from ardoiz_desk.services.exports.lacoop_activities import ACCOMPANIMENT_HEADERS
from ardoiz_desk.services.people.communes import directory
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.vocabulary import THEMATIQUES
from ardoiz_desk.store.models import Participant

# La Coop's TELEPHONE_PATTERN (domain/telephone.ts at 46aa33bd), as a Python regex.
TELEPHONE_PATTERN = re.compile(
    r"^(?:(?:\(\+(?:33|262|590|594|596)\)|\+(?:33|262|590|594|596)|00(?:33|262|590|594|596))"
    r"[\s()./-]*(?:\d[\s()./-]*){8}\d|0\d(?:[\s./-]?\d){8})$"
)
# zod's .email() (zod 3.23, used by domain/email.ts), case-insensitive, after .trim().
ZOD_EMAIL = re.compile(
    r"^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\-]*\.)+[A-Z]{2,}$",
    re.IGNORECASE,
)
# La Coop's accompaniments export header (buildAccompagnementsWorksheet.ts, self export).
LA_COOP_HEADERS = [
    "Date", "Enregistré le", "Dernière modification le", "Type", "Participants",
    "Bénéficiaire", "Canaux d’accompagnement", "Nom du lieu", "Adresse", "Commune",
    "Code postal", "Code Insee", "Durée (min)", "Nom de l’atelier",
    "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Tags",
    "Nom de la démarche administrative", "Niveau d’autonomie (ou de l’atelier)",
    "Bénéficiaire réorienté", "Structure de redirection", "Commune du bénéficiaire",
    "Code postal du bénéficiaire", "Code Insee du bénéficiaire", "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire", "Statut du bénéficiaire", "Notes supplémentaires",
    "ID CRA",
]  # fmt: skip
# La Coop's thematiqueLabels (cra/fields/thematique.ts).
LA_COOP_THEMES = {
    "Diagnostic numérique", "Prendre en main du matériel", "Maintenance de matériel",
    "Gérer ses contenus numériques", "Navigation sur internet", "E-mail", "Bureautique",
    "Réseaux sociaux communication", "Santé", "Banque et achats en ligne",
    "Accompagner un professionnel", "Insertion professionnelle",
    "Prévention en sécurité numérique", "Parentalité", "Scolarité et numérique",
    "Créer avec le numérique", "Culture numérique", "Intelligence artificielle (IA)",
    "Aide aux démarches administratives", "Papiers - Élections - Citoyenneté",
    "Famille - Scolarité", "Social - Santé", "Travail - Formation - Entreprise", "Logement",
    "Transports - Mobilité", "Argent - Impôts", "Justice", "Étrangers - Europe",
    "Loisirs - Sports - Culture", "Associations",
}  # fmt: skip


def _as_string(value) -> str | None:
    """getCellValueAsString: trimmed text; null and 0 are empty."""
    return None if value is None or value == 0 else str(value).strip()


def la_coop_reads(path) -> list[dict]:
    """What La Coop's import keeps of each row of our file, and the row's flags."""
    wb = load_workbook(path)
    sheet = wb["Bénéficiaires"]  # KeyError: La Coop refuses the file
    kept = []
    row = 4
    while True:
        cells = [_as_string(sheet.cell(row, col).value) for col in range(1, 11)]
        if not any(cells):
            break
        nom, prenom, _annee, commune, insee, postal, phone, email, genre, notes = cells
        flags = []
        if not nom:
            flags.append("nom")
        if not prenom:
            flags.append("prenom")
        found = None
        if insee:
            found = directory().current_for(insee)
            if found is None:
                flags.append("insee")
            else:
                if postal not in found.codes_postaux:
                    flags.append("postal")
                if (commune or "").lower() != found.nom.lower():
                    flags.append("commune")
        if genre and not genre.startswith(("F", "M", "N")):
            flags.append("genre")
        year = sheet.cell(row, 3).value
        if year and not (isinstance(year, int) and 1900 <= year <= dt.date.today().year):
            flags.append("annee")
        kept.append(
            {
                "flags": flags,
                "nom": nom,
                "prenom": prenom,
                "annee": year or None,
                "commune": (found.nom if found else None, insee if found else None, postal)
                if found
                else None,
                "telephone": phone if phone and TELEPHONE_PATTERN.match(phone) else None,
                "email": email if email and ZOD_EMAIL.match(email) else None,
                "genre": genre,
                "notes": notes,
            }
        )
        row += 1
    return kept


def _person(ws, prenom, nom, **kw):
    return register_participant(ws, ParticipantInput(prenom=prenom, nom=nom, **kw)).id


@pytest.fixture
def edge_base(ws):
    generate_demo(ws, participants=40, seed=3)
    ids = {
        "plus33": _person(ws, "Paule", "Plus", telephone="+33 6 12 34 56 78"),
        "dash": _person(ws, "Denis", "Tiret", notes="- rappeler lundi"),
        "formula": _person(ws, "Fanny", "=SOMME(A1)", notes="@voir"),
        "marseille": _person(
            ws,
            "Marius",
            "Multi",
            commune="Marseille",
            commune_code_insee="13055",
            commune_code_postal="13008",
        ),
        "no_insee": _person(ws, "Nina", "Sanscode"),
        "old_phone": _person(ws, "Olga", "Ancien"),
        "plus33_old": _person(ws, "Pierre", "Prefixe"),
    }
    with ws.store.session() as session:  # values stored by older versions, unchecked
        no_insee = session.get(Participant, ids["no_insee"])
        no_insee.commune, no_insee.commune_code_postal = "Sisteron", "04200"
        old = session.get(Participant, ids["old_phone"])
        old.telephone, old.email = "(04) 92 61 00 00", "élodie@exemple.fr"
        session.get(Participant, ids["plus33_old"]).telephone = "+33 6 12 34 56 78"
    return ids


def test_la_coop_reads_every_row_none_flagged_none_silently_changed(edge_base, ws, tmp_path):
    out = tmp_path / "coop.xlsx"
    plan = plan_lacoop(ws)
    write_lacoop_xlsx(ws, out, plan=plan)
    read = la_coop_reads(out)
    assert len(read) == plan.new == 47  # every row detected
    assert [r for r in read if r["flags"]] == []  # none flagged
    listed = {(d.participant_id, d.field) for d in plan.dropped}
    with ws.store.session() as session:
        people = [session.get(Participant, pid) for pid in plan.participant_ids]
        for person, got in zip(people, read, strict=True):
            assert (got["nom"], got["prenom"]) == (person.nom, person.prenom)
            assert got["notes"] == (person.notes or None)  # as typed, no apostrophe
            phone = {(d.participant_id, d.field): d.written for d in plan.dropped}.get(
                (person.id, "Téléphone"), person.telephone
            )
            assert got["telephone"] == (phone or None)  # kept, or its change listed
            if (person.id, "E-mail") not in listed:
                assert got["email"] == (person.email or None)
            if person.commune and (person.id, "Commune") not in listed:
                assert got["commune"] is not None  # kept by La Coop, with its INSEE code
                assert got["commune"][0].lower() == person.commune.lower()
    by_name = {r["nom"]: r for r in read}
    assert by_name["Plus"]["telephone"] == "06 12 34 56 78"  # +33 typed, stored normalised
    assert by_name["Prefixe"]["telephone"] == "06 12 34 56 78"  # stored as typed, then listed
    assert by_name["Tiret"]["notes"] == "- rappeler lundi"
    assert by_name["=SOMME(A1)"]["notes"] == "@voir"
    assert by_name["Multi"]["commune"] == ("Marseille", "13055", "13008")
    assert by_name["Sanscode"]["commune"] == ("Sisteron", "04209", "04200")
    assert by_name["Ancien"]["telephone"] == "04 92 61 00 00" and by_name["Ancien"]["email"] is None
    assert {
        (d.field, d.value) for d in plan.dropped if d.participant_id == edge_base["old_phone"]
    } == {
        ("Téléphone", "(04) 92 61 00 00"),
        ("E-mail", "élodie@exemple.fr"),
    }
    sheet = load_workbook(out)["Bénéficiaires"]
    formula = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == "=SOMME(A1)")
    assert formula[0].data_type == "s" and formula[0].quotePrefix


def test_accompaniments_sheet_is_la_coop_s_export_one_row_per_person(ws, tmp_path) -> None:
    generate_demo(ws, participants=30, seed=2)
    people = [_person(ws, f"P{i}", f"Personne{i}") for i in range(3)]
    record_activity(
        ws,
        ActivityInput(
            kind="collectif",
            date=dt.date(2026, 6, 1),
            duree_minutes=90,
            thematiques=list(THEMATIQUES),  # every theme
            precisions_demarche="Demande de carte grise",
            attendees=[AttendeeInput(pid) for pid in people],
            participants_anonymes=2,
            anonymes={"genre": {"feminin": 1}, "tranche_age": {"70+": 2}},
            niveau="intermediaire",
        ),
    )
    out = tmp_path / "coop.xlsx"
    write_lacoop_xlsx(ws, out)
    sheet = load_workbook(out)["Activités"]
    assert [c.value for c in sheet[1]] == LA_COOP_HEADERS == list(ACCOMPANIMENT_HEADERS)
    rows = [
        dict(zip(LA_COOP_HEADERS, (c.value for c in r), strict=True))
        for r in sheet.iter_rows(min_row=2)
    ]
    themes = {t for r in rows for t in (r["Thématique(s) d’accompagnement"] or "").split("\n")}
    assert themes <= LA_COOP_THEMES and themes == LA_COOP_THEMES
    mine = [r for r in rows if r["Nom de la démarche administrative"] == "Demande de carte grise"]
    assert [r["Participants"] for r in mine] == ["1/5", "2/5", "3/5", "4/5", "5/5"]
    assert [r["Bénéficiaire"] for r in mine][-2:] == ["Bénéficiaire anonyme"] * 2
    assert [r["Genre du bénéficiaire"] for r in mine][-2:] == ["Féminin", "Non communiqué"]
    assert [r["Tranche d’âge du bénéficiaire"] for r in mine][-2:] == ["70 ans et plus"] * 2
    assert {r["Niveau d’autonomie (ou de l’atelier)"] for r in mine} == {"2/3"}
    assert len({r["ID CRA"] for r in mine}) == 1
    assert all(r["Participants"] == 1 for r in rows if r["Type"] == "Accompagnement individuel")
    assert all(r["Type"] in ("Accompagnement individuel", "Atelier collectif") for r in rows)
    ages = {r["Tranche d’âge du bénéficiaire"] for r in rows}
    assert "60 - 69 ans" in ages and "60-69 ans" not in ages


def test_exporting_twice_without_new_people_exports_nobody_and_all_does(ws, tmp_path) -> None:
    generate_demo(ws, participants=20, seed=4)
    first = write_lacoop_xlsx(ws, tmp_path / "1.xlsx")
    assert first.beneficiaries == 20 and first.already_exported == 0
    second = write_lacoop_xlsx(ws, tmp_path / "2.xlsx")
    assert (second.beneficiaries, second.already_exported) == (0, 20)
    assert la_coop_reads(tmp_path / "2.xlsx") == []
    _person(ws, "Nouvelle", "Venue")
    third = write_lacoop_xlsx(ws, tmp_path / "3.xlsx")
    assert (third.beneficiaries, third.already_exported) == (1, 20)
    everyone = write_lacoop_xlsx(ws, tmp_path / "4.xlsx", everyone=True)
    assert everyone.beneficiaries == 21
    assert len(la_coop_reads(tmp_path / "4.xlsx")) == 21


@pytest.mark.parametrize("name", ["coop.csv", "coop.xls", "coop"])
def test_the_extension_must_be_xlsx(ws, tmp_path, name) -> None:
    with pytest.raises(ValidationError):
        write_lacoop_xlsx(ws, tmp_path / name)
    assert not (tmp_path / name).exists()
