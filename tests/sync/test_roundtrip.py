"""Export from one replica, import into another: same content, same digest."""

from __future__ import annotations

from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)


def test_full_bundle_round_trip(territory, tmp_path) -> None:
    coord, site, _other = territory(2)
    p = register_participant(
        site, ParticipantInput(prenom="Hélène", nom="Dupré", annee_naissance=1948)
    )
    result = export_bundle(site, tmp_path / "out.ardoiz", full=True)
    report = import_files(coord, [result.path])
    assert [o.status for o in report.outcomes] == ["applied"], report.outcomes
    assert get_participant(coord, p.id).nom == "Dupré"
    back = export_bundle(coord, tmp_path, full=True)
    assert import_files(site, [back.path]).outcomes[0].status == "applied"
    assert digest(coord) == digest(site)
