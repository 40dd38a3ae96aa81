"""La Coop export, checked cell by cell against its import template's layout."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from ardoiz_desk.services.exports.lacoop import ACTIVITY_HEADERS, write_lacoop_xlsx
from ardoiz_desk.store.models import site_id_for_code

TEMPLATE_HEADERS = [
    "Nom",
    "Prénom",
    "Année de naissance",
    "Commune",
    "Code INSEE",
    "Code postal",
    "N° de téléphone",
    "E-mail",
    "Genre",
    "Notes supplémentaires",
]


def test_beneficiaries_sheet_matches_the_template(pilot, tmp_path) -> None:
    out = tmp_path / "coop.xlsx"
    result = write_lacoop_xlsx(pilot.ws, out)
    assert (result.beneficiaries, result.activities) == (4, 8)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Bénéficiaires"
    sheet = wb["Bénéficiaires"]
    assert sheet["A1"].value.startswith("Import de bénéficiaires")
    assert [c.value for c in sheet[3]] == TEMPLATE_HEADERS
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_col=10)]
    # Merged duplicate, deleted and erased people are left out; sorted by name.
    assert rows == [
        [
            '\'=HYPERLINK("x")',
            "Marcel",
            1940,
            "'@SUM(1+1)",
            None,
            None,
            None,
            None,
            "Masculin",
            "'+33 rappeler",
        ],
        [
            "Dupré",
            "Hélène",
            1950,
            "Sisteron",
            "04209",
            "04200",
            "04 92 61 00 00",
            "h.dupre@orange.fr",
            "Féminin",
            None,
        ],
        ["Garcin", "Josette", None, "Serres", "05166", "05700", None, None, "Féminin", None],
        ["Roux", "Gérard", 1960, "Mison", "04123", "04200", None, None, "Masculin", None],
    ]
    assert sheet["E5"].data_type == "s"  # INSEE codes keep their leading zero
    assert sheet.max_row == 7


def test_activities_sheet_uses_la_coop_headers_and_labels(pilot, tmp_path) -> None:
    out = tmp_path / "coop.xlsx"
    write_lacoop_xlsx(pilot.ws, out)
    sheet = load_workbook(out)["Activités"]
    assert tuple(c.value for c in sheet[1]) == ACTIVITY_HEADERS
    rows = {row[0].value.date(): [c.value for c in row] for row in sheet.iter_rows(min_row=2)}
    assert len(rows) == 8  # a7 is deleted, a8/a9 are agents' training
    workshop = dict(zip(ACTIVITY_HEADERS, rows[dt.date(2026, 2, 3)], strict=True))
    assert workshop["Type"] == "Atelier collectif"
    assert workshop["Nombre de participants"] == 4  # two named, two anonymous
    assert workshop["Bénéficiaire"] == "Hélène DUPRÉ\nGérard ROUX"
    assert workshop["Canaux d’accompagnement"] == "Lieu d’activité"
    assert workshop["Lieu"] == "France Services Sisteron, 04200 Sisteron"
    assert workshop["Thématique(s) d’accompagnement"] == "E-mail\nPrendre en main du matériel"
    assert workshop["Niveau de l’atelier"] == "Débutant"
    assert workshop["Genre du bénéficiaire"] == "Féminin\nMasculin"
    assert workshop["Tranche d’âge du bénéficiaire"] == "70 ans et plus\n60 - 69 ans"
    assert workshop["Niveau d’autonomie du bénéficiaire"] is None
    home = dict(zip(ACTIVITY_HEADERS, rows[dt.date(2026, 3, 15)], strict=True))
    assert home["Type"] == "Accompagnement individuel"
    assert home["Canaux d’accompagnement"] == "À domicile"
    assert home["Niveau d’autonomie du bénéficiaire"] == "Avec guidage"
    assert home["Le bénéficiaire est-il orienté vers une autre structure ?"] == "Non"
    assert home["Durée (min)"] == 45
    assert home["Tranche d’âge du bénéficiaire"] == "Non communiqué"
    erased = dict(zip(ACTIVITY_HEADERS, rows[dt.date(2026, 4, 2)], strict=True))
    assert "Anonyme" in erased["Bénéficiaire"]  # the erased person: counted, never named
    assert erased["Nombre de participants"] == 6
    assert sheet["A2"].number_format == "DD/MM/YYYY"


def test_site_and_period_filters(pilot, tmp_path) -> None:
    serres = site_id_for_code("MSAP-SERRES")
    result = write_lacoop_xlsx(
        pilot.ws, tmp_path / "s.xlsx", serres, dt.date(2026, 1, 1), dt.date(2026, 5, 31)
    )
    assert result.activities == 2  # a3 and a5
    assert result.beneficiaries == 0  # nobody registered at Serres in this fixture
