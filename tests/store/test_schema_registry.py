"""Every synchronised model travels, and the store's modules import each other in one way."""

from __future__ import annotations

import grimp

from ardoiz_desk.store.base import Base
from ardoiz_desk.store.models import SYNCED_MODELS, Synced
from ardoiz_desk.store.schema import METADATA


def test_every_synced_model_is_in_synced_models() -> None:
    mapped = {m.class_ for m in Base.registry.mappers}
    synced = {cls for cls in mapped if issubclass(cls, Synced)}
    assert synced, "no Synced model found: the registry walk is broken"
    assert synced == set(SYNCED_MODELS)


def test_schema_metadata_holds_models_and_sync_tables() -> None:
    assert {"participants", "sync_peers", "sync_imports", "sync_version_vector"} <= set(
        METADATA.tables
    )


def test_no_import_circles_in_store_and_sync() -> None:
    graph = grimp.build_graph("ardoiz_desk")
    modules = sorted(
        m for m in graph.modules if m.startswith(("ardoiz_desk.store.", "ardoiz_desk.sync."))
    )
    circles = [
        (a, b)
        for a in modules
        for b in graph.find_modules_directly_imported_by(a)
        if b in modules and graph.chain_exists(importer=b, imported=a)
    ]
    assert circles == []
