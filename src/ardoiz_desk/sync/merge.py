"""Merge a decrypted bundle into the base, table by table, inside the caller's transaction.

The caller opens the transaction (``Store.remote_session``) and commits or rolls back: the
merge itself never commits, so an import is all-or-nothing and a dry run is the same work
rolled back. After merging, the import erases the records redirected (``merged_into``)
into an erased person, with stamped writes (see ``sync.erasure``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
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
#: What a refusal calls the rows of each table (an agent never reads a table name).
_WORDS = {
    "sites": "site(s)",
    "agents": "agent(s)",
    "participants": "personne(s)",
    "activities": "activité(s)",
    "attendances": "présence(s)",
    "agent_trainings": "présence(s) en formation",
    "followups": "suivi(s)",
}
MODELS: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
#: Tables in merge order: a table comes after those it points at.
ORDER = {name: i for i, name in enumerate(MODELS)}


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


def decode_chunk(
    name: str,
    blob: bytes | memoryview,
    budget: InflateBudget | None = None,
    rows: int | None = None,
) -> DecodedBundle:
    """Decode and check one section of a table: a bundle of that one table (or part of it).

    ``budget`` bounds the inflated bytes of the whole bundle; ``rows`` is the row count the
    manifest claims, checked before the section is parsed.
    """
    model = MODELS.get(name)
    if model is None:
        raise BundleError(f"Section inconnue dans le paquet : {name}.", "altered")
    columns, data = decode_table(blob, model, budget, rows)
    _share_references(model, columns, data)
    return bundle_of({name: (columns, data)})


def bundle_of(tables: dict[str, tuple[list[str], list[list[Any]]]]) -> DecodedBundle:
    """A decoded bundle of these tables, with the newest stamps they carry."""
    summary = StampSummary()
    for _columns, data in tables.values():
        summary.add(data)
    return DecodedBundle(tables, summary.max_stamp, summary.replicas, summary.newest)


@dataclass
class StampSummary:
    """The newest stamp, overall and per replica, of the rows read so far."""

    max_stamp: str = ""
    newest: dict[str, str] = field(default_factory=dict)

    @property
    def replicas(self) -> frozenset[str]:
        """The replicas whose stamps the rows carry."""
        return frozenset(self.newest)

    def add(self, data: list[list[Any]]) -> None:
        """Count the stamps of some rows (columns ``updated_hlc`` and ``stamps``)."""
        if len(data) > 2 and data[0]:
            self.max_stamp = max(self.max_stamp, max(data[1]))
            _newest_by_replica(data[1], self.newest)
            _newest_by_replica(field_stamps(data[2]), self.newest)

    def add_bundle(self, bundle: DecodedBundle) -> None:
        """Count what a (part of a) decoded bundle carries."""
        self.max_stamp = max(self.max_stamp, bundle.max_stamp)
        for replica, stamp in bundle.newest.items():
            if stamp > self.newest.get(replica, ""):
                self.newest[replica] = stamp


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
    chunks: Iterable[DecodedBundle],
    sender_vv: Mapping[str, str],
    local_vv: Mapping[str, str],
    progress: Progress | None = None,
    *,
    raw: bool | None = None,
) -> MergeResult:
    """Apply decoded tables, part by part in table order; raise BundleError on dangling
    references. Only the ids of the tables others point at are kept from part to part."""
    ctx = MergeContext(version_vector_seen(sender_vv), version_vector_seen(local_vv), raw=raw)
    ctx.erased_ids = _erased_ids(conn)
    outcomes: dict[str, TableCounts] = {}
    refs = _References()
    previous = -1
    for chunk in chunks:
        for name, (columns, data) in chunk.tables.items():
            model, step = MODELS[name], ORDER[name]
            if step < previous:
                raise BundleError("Les sections du paquet sont dans le désordre.", "altered")
            if step != previous:
                if previous == ORDER[Participant.__tablename__]:  # type: ignore[attr-defined]
                    ctx.erased_ids = _erased_ids(conn)
                if progress:
                    progress(step, len(SYNCED_MODELS), name)
                previous = step
            counts = apply_table(TableIO(conn, model, raw=raw), columns, data, ctx)
            _add_counts(outcomes.setdefault(name, TableCounts(name)), counts)
            refs.add(model, columns, data)
    ctx.erased_ids = _erased_ids(conn)
    _blank_rows_of(conn, ctx.newly_erased)
    refs.check(conn, raw=raw)
    return MergeResult(
        tuple(outcomes.values()),
        tuple(ctx.conflicts),
        frozenset(ctx.newly_erased),
        frozenset(ctx.erased_ids),
    )


def _add_counts(total: TableCounts, part: TableCounts) -> None:
    for name in ("received", "new", "updated", "unchanged", "deleted", "erased", "conflicts"):
        setattr(total, name, getattr(total, name) + getattr(part, name))


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


class _References:
    """What the rows merged point at, checked once every table is in: each must be a row
    the bundle carried or this base holds."""

    def __init__(self) -> None:
        targets = {t for m in SYNCED_MODELS for _c, t in _foreign_keys(m)}
        self.carried: dict[str, set[str]] = {t: set() for t in targets}
        self.wanted: dict[str, set[str]] = {t: set() for t in targets}

    def add(self, model: type[Synced], columns: list[str], data: list[list[Any]]) -> None:
        name = model.__tablename__  # type: ignore[attr-defined]
        if name in self.carried and data:
            self.carried[name].update(data[0])
        for column, target in _foreign_keys(model):
            if column in columns:
                self.wanted[target].update(data[columns.index(column)])

    def check(self, conn: Connection, *, raw: bool | None = None) -> None:
        for target, wanted in self.wanted.items():
            wanted = wanted - {None} - self.carried[target]
            if not wanted:
                continue
            found = TableIO(conn, MODELS[target], raw=raw).existing_ids(sorted(wanted))
            missing = wanted - found
            if missing:
                raise BundleError(
                    f"Ce paquet fait référence à {len(missing)} {_WORDS.get(target, target)} "
                    "absent(s) de cette base : demandez à l'expéditeur un paquet complet.",
                    "references",
                )
