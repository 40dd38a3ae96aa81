"""La Coop's vocabulary (store/upgrades.py): an older base and an older bundle land on the
same values: renamed theme codes, the tri-state orientation, structure codes."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.vocabulary import STRUCTURE_LABELS, THEMATIQUES
from ardoiz_desk.store import cipher, open_store
from ardoiz_desk.store.engine import create_sqlite_engine
from ardoiz_desk.store.migrate import alembic_config
from ardoiz_desk.store.upgrades import (
    BEFORE_LACOOP_VOCABULARY,
    KEPT_STRUCTURE_NOTE,
    RENAMED_THEMES,
    STRUCTURE_CODES,
    upgrade_bundle_lacoop,
)
from ardoiz_desk.sync.versions import SCHEMA_UPGRADES

KEY = bytes(range(32))
STAMP = "1780000000000.00000.00000000000000aa"
OLD_ROWS = [
    # id, thematiques, oriente_vers_structure, structure_de_redirection, notes, stamps
    (
        "a1",
        ["echanger_avec_ses_proches", "reseaux_sociaux", "email"],
        1,
        "CCAS de Sisteron",
        "",
        {},
    ),
    ("a2", ["echanger_avec_ses_proches"], 0, "", "vu", {"oriente_vers_structure": STAMP}),
    ("a3", ["sante"], 1, "aide_sociale", "note", {}),
]
EXPECTED = {
    "a1": (["email", "reseaux_sociaux"], "oui", "autre", KEPT_STRUCTURE_NOTE + "CCAS de Sisteron"),
    "a2": (["reseaux_sociaux"], "", "", "vu"),
    "a3": (["sante"], "oui", "aide_sociale", "note"),
}


def _older_base(folder: Path) -> Path:
    db = database_path(folder)
    engine = create_sqlite_engine(db, KEY)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, BEFORE_LACOOP_VOCABULARY)
    engine.dispose()
    with cipher.connect(db, KEY) as conn:
        for rid, themes, oriented, structure, notes, stamps in OLD_ROWS:
            conn.execute(
                "INSERT INTO activities (id, kind, date, duree_minutes, type_lieu, materiel, "
                "thematiques, tags, titre_atelier, oriente_vers_structure, "
                "structure_de_redirection, notes, participants_anonymes, stamps, updated_hlc, "
                "deleted) VALUES (?, 'individuel', '2026-03-01', 30, 'lieu_activite', '[]', ?, "
                "'[]', '', ?, ?, ?, 0, ?, ?, 0)",
                (rid, json.dumps(themes), oriented, structure, notes, json.dumps(stamps), STAMP),
            )
    return db


def test_an_older_base_is_migrated_to_la_coop_codes(tmp_path: Path) -> None:
    db = _older_base(tmp_path)
    open_store(tmp_path, KEY).dispose()
    with cipher.connect(db, KEY) as conn:
        rows = conn.execute(
            "SELECT id, thematiques, oriente, structure_de_redirection, notes, stamps, "
            "updated_hlc FROM activities ORDER BY id"
        ).fetchall()
        columns = [r[1] for r in conn.execute("PRAGMA table_info(activities)")]
        assert conn.execute("SELECT count(*) FROM lacoop_exports").fetchone() == (0,)
    assert "oriente_vers_structure" not in columns
    for rid, themes, oriente, structure, notes, _stamps, updated in rows:
        assert (json.loads(themes), oriente, structure, notes) == EXPECTED[rid]
        assert updated == STAMP  # values reshaped, not rewritten: stamps unchanged
    assert json.loads(rows[1][5]) == {"oriente": STAMP}


def test_an_older_bundle_is_upgraded_to_the_same_values() -> None:
    assert SCHEMA_UPGRADES[BEFORE_LACOOP_VOCABULARY] is upgrade_bundle_lacoop
    columns = ["id", "updated_hlc", "stamps", "thematiques", "oriente_vers_structure",
               "structure_de_redirection", "notes"]  # fmt: skip
    rows = [[r[0], STAMP, r[5], r[1], bool(r[2]), r[3], r[4]] for r in OLD_ROWS]
    data = [list(c) for c in zip(*rows, strict=True)]
    new_columns, new_data = upgrade_bundle_lacoop({"activities": (columns, data)})["activities"]
    assert "oriente" in new_columns and "oriente_vers_structure" not in new_columns
    got = {
        row["id"]: row
        for row in (dict(zip(new_columns, r, strict=True)) for r in zip(*new_data, strict=True))
    }
    for rid, (themes, oriente, structure, notes) in EXPECTED.items():
        row = got[rid]
        assert (
            row["thematiques"],
            row["oriente"],
            row["structure_de_redirection"],
            row["notes"],
        ) == (
            themes,
            oriente,
            structure,
            notes,
        )
    assert got["a2"]["stamps"] == {"oriente": STAMP}


def test_codes_of_the_upgrade_are_la_coop_s() -> None:
    assert set(STRUCTURE_CODES) == set(STRUCTURE_LABELS)
    assert set(RENAMED_THEMES.values()) <= set(THEMATIQUES)
    assert not set(RENAMED_THEMES) & set(THEMATIQUES)


def test_the_bundle_upgrade_is_keyed_on_the_revision_before_the_migration() -> None:
    from alembic.script import ScriptDirectory

    from ardoiz_desk.store.upgrades import LACOOP_VOCABULARY_REVISION

    revision = ScriptDirectory.from_config(alembic_config()).get_revision(
        LACOOP_VOCABULARY_REVISION
    )
    assert "lacoop_vocabulary" in revision.path
    assert revision.down_revision == BEFORE_LACOOP_VOCABULARY
