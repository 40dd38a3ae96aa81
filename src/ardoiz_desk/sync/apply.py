"""Apply one decoded table of a bundle to the base, inside the caller's transaction.

New rows are written column by column in one ``executemany`` (the common, bulk case);
rows that exist locally are merged field by field with :mod:`ardoiz_desk.sync.rules`.
Erasure is enforced on the way in: personal values for an erased person never land, neither
in their participant row nor in any row that belongs to them (every synchronised model with
a ``participant_id`` column: attendances, follow-ups, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ardoiz_desk.store.models import Participant, Synced, synced_fields
from ardoiz_desk.store.stamps import compact_stamps
from ardoiz_desk.store.text import participant_search_key
from ardoiz_desk.sync.rules import (
    ERASED,
    PERSON_KEY,
    ZERO_STAMP,
    Conflict,
    Seen,
    blank_personal_values,
    blank_value,
    force_erasure,
    merge_fields,
    person_linked_models,
)
from ardoiz_desk.sync.wire_rows import TableIO

_SEARCH_FIELDS = ("prenom", "nom", "commune", "telephone", "email")


@dataclass
class MergeContext:
    """What the merge of one bundle needs to know and collects as it goes."""

    seen_by_sender: Seen
    seen_here: Seen
    erased_ids: set[str] = field(default_factory=set)
    newly_erased: set[str] = field(default_factory=set)
    conflicts: list[tuple[str, str, str | None, Conflict]] = field(default_factory=list)
    raw: bool | None = None
    #: tables whose first section was merged; those that were empty then
    started: set[str] = field(default_factory=set)
    fresh: set[str] = field(default_factory=set)


@dataclass
class TableCounts:
    """What applying one table did (or would do, in a dry run); import reports show them."""

    table: str
    received: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    erased: int = 0
    conflicts: int = 0


def _defaults(model: type[Synced], missing: Sequence[str]) -> dict[str, Any]:
    return {name: blank_value(model, name) for name in missing}


def apply_table(
    io: TableIO, columns: list[str], data: list[list[Any]], ctx: MergeContext
) -> TableCounts:
    """Merge one table's incoming rows; return the counts."""
    model = io.model
    fields = list(synced_fields(model))
    outcome = TableCounts(model.__tablename__, received=len(data[0]))  # type: ignore[attr-defined]
    if not data[0]:
        return outcome
    # The database picks the rows that can change: new ones, and existing ones whose stamps
    # differ from the incoming ones (or whose person is erased); the rest hold the very
    # same writes and are counted unchanged without being read.
    erasure = _erasure_condition(model)
    if io.copy:
        # PostgreSQL: the rows not here yet are inserted straight from a staged copy of
        # them all (as a bulk load would); only the others are compared.
        new = _insert_new(io, columns, data, list(range(len(data[0]))), fields, ctx)
        rest = [i for i, rid in enumerate(data[0]) if rid not in new]
        changing = set()
        if rest:
            heads = (_pick(data[0], rest), _pick(data[1], rest), _pick(data[2], rest))
            changing = io.triage(*heads, erasure)[1]
    else:
        table = outcome.table
        if table not in ctx.started:  # the first section of this table in this bundle
            ctx.started.add(table)
            if io.is_empty():
                ctx.fresh.add(table)
        if table in ctx.fresh and not io.any_exist(data[0]):
            # A table empty when the bundle began, none of these ids inserted by an earlier
            # section: every row is new, nothing to compare.
            new, changing = set(data[0]), set()
        else:
            new, changing = io.triage(data[0], data[1], data[2], erasure)
        if len(new) == len(data[0]):
            _insert_new(io, columns, data, list(range(len(new))), fields, ctx)
        elif new:
            new_idx = [i for i, rid in enumerate(data[0]) if rid in new]
            _insert_new(io, columns, data, new_idx, fields, ctx)
    outcome.new = len(new)
    outcome.unchanged = outcome.received - len(new) - len(changing)
    if changing:
        local = io.fetch(sorted(changing), ["id", "updated_hlc", "stamps", *fields])
        _merge_existing(io, columns, data, local, fields, ctx, outcome)
    return outcome


def _erasure_condition(model: type[Synced]) -> str:
    """SQL (on the stored row ``t``) for rows that must be merged to keep erasure forced."""
    if model is Participant:
        return f't."{ERASED}"'
    if model in person_linked_models():
        table = Participant.__tablename__  # type: ignore[attr-defined]
        return f't."{PERSON_KEY}" IN (SELECT id FROM "{table}" WHERE "{ERASED}")'
    return ""


def _pick(values: list[Any], idx: list[int]) -> list[Any]:
    if len(idx) == len(values):
        return values
    return [values[i] for i in idx]


def _insert_new(
    io: TableIO,
    columns: list[str],
    data: list[list[Any]],
    idx: list[int],
    fields: list[str],
    ctx: MergeContext,
) -> set[str]:
    """Insert rows (those at idx) as new; on PostgreSQL only those not here, returned."""
    cols = {name: _pick(values, idx) for name, values in zip(columns, data, strict=True)}
    missing = [f for f in fields if f not in cols]
    if missing:  # a bundle from an older schema: unknown columns get defaults, never a stamp
        for name, value in _defaults(io.model, missing).items():
            cols[name] = [value] * len(idx)
        cols["stamps"] = [{**s, **dict.fromkeys(missing, ZERO_STAMP)} for s in cols["stamps"]]
    _force_new(io.model, cols, ctx)
    names = ["id", "updated_hlc", "stamps", *fields]
    if io.model is Participant:
        names.append("search_key")
        cols["search_key"] = [
            participant_search_key(*v) for v in zip(*(cols[f] for f in _SEARCH_FIELDS), strict=True)
        ]
    if io.copy:
        return io.insert_missing(names, [cols[n] for n in names])
    io.insert(names, [cols[n] for n in names])
    return set()


def _force_new(model: type[Synced], cols: dict[str, list[Any]], ctx: MergeContext) -> None:
    """Blank personal values of new rows that belong to an erased person."""
    if model is Participant:
        erased = [i for i, e in enumerate(cols[ERASED]) if e]
    elif model in person_linked_models() and ctx.erased_ids:
        erased = [i for i, pid in enumerate(cols[PERSON_KEY]) if pid in ctx.erased_ids]
    else:
        return
    if not erased:
        return
    for name, blank in blank_personal_values(model).items():
        values = cols[name] = list(cols[name])
        for i in erased:
            values[i] = blank


def _merge_existing(
    io: TableIO,
    columns: list[str],
    data: list[list[Any]],
    local: dict[str, list[Any]],
    fields: list[str],
    ctx: MergeContext,
    outcome: TableCounts,
) -> None:
    model = io.model
    in_fields = columns[3:]
    positions = {name: k for k, name in enumerate(columns)}
    blanks = blank_personal_values(model)
    updates: list[list[Any]] = []
    for i, rid in enumerate(data[0]):
        row = local.get(rid)
        if row is None:
            continue
        lo_values = dict(zip(fields, row[3:], strict=True))
        lo_stamps = {f: row[2].get(f, row[1]) for f in fields}
        in_values = {f: data[positions[f]][i] for f in in_fields}
        in_stamps = {f: data[2][i].get(f, data[1][i]) for f in in_fields}
        values, stamps, conflicts = merge_fields(
            in_fields,
            (lo_values, lo_stamps),
            (in_values, in_stamps),
            ctx.seen_by_sender,
            ctx.seen_here,
        )
        if _is_erased(model, rid, values, ctx):
            conflicts = force_erasure(values, blanks, conflicts)
        person = _person_of(model, rid, values)
        ctx.conflicts.extend((outcome.table, rid, person, c) for c in conflicts)
        outcome.conflicts += len(conflicts)
        if values == lo_values and stamps == lo_stamps:
            outcome.unchanged += 1
            continue
        _count_change(model, rid, lo_values, values, outcome, ctx)
        compact, newest = compact_stamps(stamps)
        updates.append([rid, newest, compact, *(values[f] for f in fields)])
    names = ["id", "updated_hlc", "stamps", *fields]
    if model is Participant:
        names.append("search_key")
        for u in updates:
            v = dict(zip(names[3:], u[3:], strict=False))
            u.append(participant_search_key(*(v[f] for f in _SEARCH_FIELDS)))
    io.update(names, updates)


def _is_erased(model: type[Synced], rid: str, values: dict[str, Any], ctx: MergeContext) -> bool:
    if model is Participant:
        return bool(values[ERASED])
    return model in person_linked_models() and values[PERSON_KEY] in ctx.erased_ids


def _person_of(model: type[Synced], rid: str, values: dict[str, Any]) -> str | None:
    if model is Participant:
        return rid
    return values.get(PERSON_KEY)


def _count_change(
    model: type[Synced],
    rid: str,
    before: dict[str, Any],
    after: dict[str, Any],
    outcome: TableCounts,
    ctx: MergeContext,
) -> None:
    if before != after:
        outcome.updated += 1
    else:
        outcome.unchanged += 1
    if after.get("deleted") and not before.get("deleted"):
        outcome.deleted += 1
    if model is Participant and after[ERASED] and not before[ERASED]:
        outcome.erased += 1
        ctx.newly_erased.add(rid)
