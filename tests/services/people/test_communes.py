"""The official commune directory: completion, resolution and the participant's checks."""

from __future__ import annotations

import pytest

from ardoiz_desk.services.people.communes import complete_commune, directory, resolve_commune
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    commune_note,
    register_participant,
    validate_participant,
)
from ardoiz_desk.services.validation import ValidationError
from conftest import FIXED_TODAY


def test_the_whole_of_france_is_there() -> None:
    d = directory()
    assert len(d.by_insee) > 34_000
    assert "6.0.0" in d.vintage
    assert d.by_insee["04209"].codes_postaux == ("04200",)
    assert len(d.by_insee["13055"].codes_postaux) == 16  # Marseille
    assert {f.nom for f in d.former_by_insee["05005"]} == {"Antonaves"}


def test_completion_by_name_any_case_or_accent_and_by_postal_code() -> None:
    assert complete_commune("sis")[0].commune.insee == "04209"
    assert complete_commune("VAL BUECH")[0].commune.nom == "Val Buëch-Méouge"
    assert complete_commune("buëch")[0].commune.insee == "05118"  # a word inside the name
    ribiers = complete_commune("ribiers")[0]
    assert (ribiers.commune.insee, ribiers.former) == ("05118", "Ribiers")
    by_code = complete_commune("05300")
    assert {s.code_postal for s in by_code} == {"05300"}
    assert "Laragne-Montéglin" in {s.commune.nom for s in by_code}
    assert complete_commune("gap")[0].commune.insee == "05061"  # the most populous first
    assert complete_commune("") == [] and complete_commune("zzzz") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (("val buech-meouge",), ("Val Buëch-Méouge", "05118", "05300")),
        (("Gap",), ("Gap", "05061", "05000")),
        (("sisteron", "04209", "04200"), ("Sisteron", "04209", "04200")),
        (("", "04209", ""), ("Sisteron", "04209", "04200")),
        (("Ribiers",), ("Val Buëch-Méouge", "05118", "05300")),
        (("Marseille",), ("Marseille", "13055", "")),  # several postal codes: asked for
        (("Marseille", "", "13008"), ("Marseille", "13055", "13008")),
        (("Saint-Martin",), ("Saint-Martin", "", "")),  # homonyms: not guessed
        (("Serres", "", "05700"), ("Serres", "05166", "05700")),
    ],
)
def test_resolution(typed, expected) -> None:
    found = resolve_commune(*typed)
    assert not found.error
    assert (found.nom, found.code_insee, found.code_postal) == expected


def test_refusals_name_the_real_reason() -> None:
    found = resolve_commune("Ribiers", "05117")
    assert found.error_field == "commune_code_insee"
    assert "05117 est le code de Ribeyret" in found.error
    assert "Ribeyret" in found.error_en
    found = resolve_commune("Sisteron", "", "05300")
    assert found.error_field == "commune_code_postal" and "ne dessert pas Sisteron" in found.error
    assert "n'est le code d'aucune commune" in resolve_commune("", "99999").error
    assert resolve_commune("Sistreon").error_field == "commune"


def test_a_participant_is_checked_against_the_directory(ws) -> None:
    view = register_participant(ws, ParticipantInput("Jean", "Achard", commune="val buech-meouge"))
    assert (view.commune, view.commune_code_insee, view.commune_code_postal) == (
        "Val Buëch-Méouge",
        "05118",
        "05300",
    )
    with pytest.raises(ValidationError) as refused:
        register_participant(
            ws, ParticipantInput("Jean", "Achard", commune="Ribiers", commune_code_insee="05117")
        )
    assert "Ribeyret" in refused.value.errors["commune_code_insee"]
    assert "Ribeyret" in refused.value.english_line()
    data = ParticipantInput("Jean", "Achard", commune="Ribiers")
    assert validate_participant(data, FIXED_TODAY)["commune"] == "Val Buëch-Méouge"
    note = commune_note(data)
    assert note is not None and "ancienne commune" in note[0] and "former commune" in note[1]
