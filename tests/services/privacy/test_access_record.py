"""One person's record (right of access), as JSON."""

from __future__ import annotations

import json

import pytest

from ardoiz_desk.services.exports.writing import export_person_json
from ardoiz_desk.services.privacy.access_record import (
    person_display_name,
    person_record,
    person_summary_lines,
)
from ardoiz_desk.services.privacy.audit import read_events
from ardoiz_desk.services.validation import NotFoundError


def test_record_holds_file_duplicates_activities_and_followups(pilot, tmp_path) -> None:
    out = tmp_path / "helene.json"
    record = export_person_json(pilot.ws, pilot.a, out)
    assert json.loads(out.read_text("utf-8")) == record
    person = record["personne"]
    assert (person["id"], person["nom"], person["annee_naissance"]) == (pilot.a, "Dupré", 1950)
    assert person["site"] == ""  # registered without a site
    assert person["tranche_age"] == "70+"
    assert [d["id"] for d in record["doublons_fusionnes"]] == [pilot.e]
    assert [a["date"] for a in record["activites"]] == ["2025-11-10", "2026-02-03", "2026-03-20"]
    assert record["activites"][2]["autonomie"] == "autonome"  # recorded on the duplicate
    assert record["genere_le"] == "2026-06-15"
    assert read_events(pilot.ws.data_dir)[-1]["action"] == "export.person.json"
    assert dict(person_summary_lines(record))["Genre"] == "Féminin"
    assert person_display_name(record) == "Hélène DUPRÉ"


def test_asking_for_a_merged_duplicate_gives_the_surviving_file(pilot) -> None:
    assert person_record(pilot.ws, pilot.e)["personne"]["id"] == pilot.a


def test_erased_person_has_no_personal_data(pilot) -> None:
    record = person_record(pilot.ws, pilot.g)
    assert record["personne"]["erased"] is True
    assert record["personne"]["nom"] == "" and record["personne"]["annee_naissance"] is None
    assert [a["date"] for a in record["activites"]] == ["2026-04-02"]
    assert person_display_name(record) == "Personne effacée (RGPD)"


def test_unknown_person(pilot) -> None:
    with pytest.raises(NotFoundError):
        person_record(pilot.ws, "0" * 32)
