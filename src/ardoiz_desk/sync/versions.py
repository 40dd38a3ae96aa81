"""Which bundles this version can read: format (container) and schema (Alembic revision).

A bundle from an older schema is upgraded on import: its tables name their columns, so a
column it does not know simply keeps its default with the zero stamp; a revision that
renames or reshapes a synchronised column registers a function in :data:`SCHEMA_UPGRADES`.
A bundle from a newer format or schema is refused, saying which version is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ardoiz_desk.store.upgrades import BEFORE_LACOOP_VOCABULARY, upgrade_bundle_lacoop
from ardoiz_desk.sync.errors import BundleError

Tables = dict[str, tuple[list[str], list[list[Any]]]]
#: from-revision -> function rewriting decoded tables to the next revision.
SCHEMA_UPGRADES: dict[str, Callable[[Tables], Tables]] = {
    BEFORE_LACOOP_VOCABULARY: upgrade_bundle_lacoop,  # La Coop's vocabulary (store/upgrades.py)
}


@lru_cache(maxsize=1)
def known_schemas() -> tuple[str, ...]:
    """Return the schema revisions this version knows, oldest first."""
    from alembic.script import ScriptDirectory  # Alembic loads on the first bundle read

    from ardoiz_desk.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def schema_steps(manifest: dict[str, Any]) -> list[str]:
    """Return the revisions a bundle's tables must be upgraded from (oldest first)."""
    schema = manifest["schema"]
    known = known_schemas()
    if schema not in known:
        raise BundleError(
            f"Ce paquet utilise le schéma de données {schema}, inconnu de cette version "
            f"d'Ardoiz Desk (qui connaît jusqu'au schéma {known[-1]}). Installez Ardoiz Desk "
            f"{manifest.get('app_version', '?')} ou plus récent pour l'importer.",
            "newer-schema",
        )
    return list(known[known.index(schema) : -1])


def upgrade_tables(tables: Tables, steps: list[str]) -> Tables:
    """Bring decoded tables from an older schema up to this version's schema."""
    for revision in steps:
        upgrade = SCHEMA_UPGRADES.get(revision)
        if upgrade is not None:
            tables = upgrade(tables)
    return tables
