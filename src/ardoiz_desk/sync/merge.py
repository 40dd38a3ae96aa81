"""Merge a decrypted bundle into the base, table by table, inside the caller's transaction.

The caller opens the transaction (``Store.remote_session``) and commits or rolls back: the
merge itself never commits, so an import is all-or-nothing and a dry run is the same work
rolled back. After merging, the import erases the records redirected (``merged_into``)
into an erased person, with stamped writes (see ``sync.erasure``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter, methodcaller
from typing import Any

from sqlalchemy import Connection, select, update

from ardoiz_desk.store.hlc import stamp_replica
from ardoiz_desk.store.models import SYNCED_MODELS, Participant, Synced
from ardoiz_desk.sync.apply import MergeContext, TableCounts, apply_table
from ardoiz_desk.sync.codec import InflateBudget, decode_table
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.rules import (
    PERSON_KEY,
    Conflict,
    blank_personal_values,
    person_linked_models,
    version_vector_seen,
)
from ardoiz_desk.sync.wire_rows import TableIO

Progress = Callable[[int, int, str], None]
EXTRA_SECTIONS = frozenset({"roster"})


@dataclass(frozen=True)
class DecodedBundle:
    """The tables of a bundle, decoded and checked, ready to merge."""

    tables: dict[str, tuple[list[str], list[list[Any]]]]
    max_stamp: str
    replicas: frozenset[str]
    #: replica id -> the newest stamp of that replica the bundle actually carries
    newest: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: per-table counts, conflicts found, people newly erased."""

    tables: tuple[TableCounts, ...]
    conflicts: tuple[tuple[str, str, str | None, Conflict], ...]
    newly_erased: frozenset[str]
    erased_ids: frozenset[str]


def decode_tables(
    sections: Mapping[str, bytes],
    budget: InflateBudget | None = None,
    rows: Mapping[str, int] | None = None,
) -> DecodedBundle:
    """Decode every table section, refusing unknown sections.

    ``budget`` bounds the inflated bytes of the whole bundle; ``rows`` are the row counts
    the manifest claims, checked before each section is parsed.
    """
    models = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
    unknown = set(sections) - set(models) - EXTRA_SECTIONS
    if unknown:
        raise BundleError(f"Section inconnue dans le paquet : {sorted(unknown)[0]}.", "altered")
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
    newest = ""
    by_replica: dict[str, str] = {}
    for name, model in models.items():
        if name in sections:
            claimed = rows.get(name) if rows is not None else None
            columns, data = decode_table(sections[name], model, budget, claimed)
            _share_references(model, columns, data)
            tables[name] = (columns, data)
            if data[0]:
                newest = max(newest, max(data[1]))
                _newest_by_replica(data[1], by_replica)
                _newest_by_replica(field_stamps(data[2]), by_replica)
    return DecodedBundle(tables, newest, frozenset(by_replica), by_replica)


_REPLICA = itemgetter(slice(-16, None))  # stamp_replica, callable from C


def _newest_by_replica(stamps: list[str], out: dict[str, str]) -> None:
    replicas = set(map(_REPLICA, stamps))
    if len(replicas) > 8:  # many replicas (a coordinator's bundle): one pass over the stamps
        for s in stamps:
            replica = stamp_replica(s)
            if s > out.get(replica, ""):
                out[replica] = s
        return
    for replica in replicas:  # a few: one pass per replica, without a Python loop
        newest = max(filter(methodcaller("endswith", replica), stamps))
        if newest > out.get(replica, ""):
            out[replica] = newest


def field_stamps(stamps: list[dict[str, str]]) -> list[str]:
    """Every field stamp of a column of compact stamps (most rows have none)."""
    return list(chain.from_iterable(map(dict.values, compress(stamps, stamps))))


def _share_references(model: type[Synced], columns: list[str], data: list[list[Any]]) -> None:
    """Hold one string per distinct referenced id (ten attendances share one activity id).

    JSON parsing makes a new string for every value: sharing them keeps a large bundle's
    decoded tables about a fifth smaller while it is merged.
    """
    for column, _target in _foreign_keys(model):
        if column in columns:
            at = columns.index(column)
            seen: dict[Any, Any] = {}
            data[at] = list(map(seen.setdefault, data[at], data[at]))


def merge_tables(
    conn: Connection,
    bundle: DecodedBundle,
    sender_vv: Mapping[str, str],
    local_vv: Mapping[str, str],
    progress: Progress | None = None,
    *,
    raw: bool | None = None,
) -> MergeResult:
    """Apply every table of a decoded bundle; raise BundleError on dangling references."""
    ctx = MergeContext(version_vector_seen(sender_vv), version_vector_seen(local_vv), raw=raw)
    ctx.erased_ids = _erased_ids(conn)
    outcomes = []
    for step, model in enumerate(SYNCED_MODELS):
        name = model.__tablename__  # type: ignore[attr-defined]
        if progress:
            progress(step, len(SYNCED_MODELS), name)
        if name in bundle.tables:
            columns, data = bundle.tables[name]
            outcomes.append(apply_table(TableIO(conn, model, raw=raw), columns, data, ctx))
            if model is Participant:
                ctx.erased_ids = _erased_ids(conn)
    ctx.erased_ids = _erased_ids(conn)
    _blank_rows_of(conn, ctx.newly_erased)
    check_references(conn, bundle, raw=raw)
    return MergeResult(
        tuple(outcomes),
        tuple(ctx.conflicts),
        frozenset(ctx.newly_erased),
        frozenset(ctx.erased_ids),
    )


def _erased_ids(conn: Connection) -> set[str]:
    table = Participant.__table__
    return set(conn.scalars(select(table.c.id).where(table.c.erased.is_(True))))


def _blank_rows_of(conn: Connection, person_ids: set[str]) -> None:
    """Empty personal values of rows already here that belong to people just erased."""
    if not person_ids:
        return
    ids = sorted(person_ids)
    for model in person_linked_models():
        blanks = blank_personal_values(model)
        if not blanks:
            continue
        table = model.__table__  # type: ignore[attr-defined]
        for start in range(0, len(ids), 500):
            conn.execute(
                update(table)
                .where(table.c[PERSON_KEY].in_(ids[start : start + 500]))
                .values(blanks)
            )


def _foreign_keys(model: type[Synced]) -> list[tuple[str, str]]:
    table = model.__table__  # type: ignore[attr-defined]
    return [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys]


def check_references(conn: Connection, bundle: DecodedBundle, *, raw: bool | None = None) -> None:
    """Refuse a bundle whose rows point at rows neither it nor this base holds."""
    models = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
    carried = {name: set(data[0]) for name, (_c, data) in bundle.tables.items()}
    for name, (columns, data) in bundle.tables.items():
        for column, target in _foreign_keys(models[name]):
            if column not in columns:
                continue
            wanted = set(data[columns.index(column)]) - {None} - carried.get(target, set())
            if not wanted:
                continue
            missing = wanted - TableIO(conn, models[target], raw=raw).existing_ids(sorted(wanted))
            if missing:
                raise BundleError(
                    f"Ce paquet fait référence à {len(missing)} enregistrement(s) de « {target} » "
                    "absent(s) de cette base : demandez à l'expéditeur un paquet complet.",
                    "references",
                )
