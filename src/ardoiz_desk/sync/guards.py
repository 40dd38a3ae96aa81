"""Pure rewrites of a decoded bundle before it is merged: what a hostile site cannot impose.

* :func:`drop_revoked_rows`: rows carrying a stamp of a revoked replica later than its
  revocation are left out, whoever relays them.
* :func:`rebase_future_stamps`: when a person approves work quarantined for a clock ahead,
  the stamps beyond the drift bound are replaced by fresh stamps of this replica, so that
  no clock drags the others forward.
* :func:`bounded_version_vector`: what a bundle may make this replica believe it holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from ardoiz_desk.store.hlc import stamp_replica
from ardoiz_desk.store.stamps import compact_stamps
from ardoiz_desk.sync.merge import DecodedBundle, _newest_by_replica, field_stamps

Tables = dict[str, tuple[list[str], list[list[Any]]]]
_NEVER = "~"  # sorts after every stamp: the cut-off of a replica not revoked


def _row_stamps(data: list[list[Any]], i: int) -> list[str]:
    return [data[1][i], *data[2][i].values()]


def _keep_rows(data: list[list[Any]], keep: list[int]) -> list[list[Any]]:
    return [[col[i] for i in keep] for col in data]


def _rebuild(bundle: DecodedBundle, tables: Tables) -> DecodedBundle:
    newest, by_replica = "", {}
    for _name, (_columns, data) in tables.items():
        if len(data) > 2 and data[0]:
            newest = max(newest, max(data[1]))
            _newest_by_replica(data[1], by_replica)
            _newest_by_replica(field_stamps(data[2]), by_replica)
    return dataclasses.replace(
        bundle, tables=tables, max_stamp=newest, replicas=frozenset(by_replica), newest=by_replica
    )


def drop_revoked_rows(
    bundle: DecodedBundle, revoked_at: Mapping[str, str], extra: frozenset[str] = frozenset()
) -> tuple[DecodedBundle, int]:
    """Leave out rows stamped by a revoked replica after its revocation; return how many.

    ``extra`` names the tables that are not rows (the roster), kept as they are.
    """
    if not revoked_at or not set(revoked_at) & set(bundle.replicas):
        return bundle, 0
    tables: Tables = {}
    dropped = 0
    for name, (columns, data) in bundle.tables.items():
        if name in extra or not data or not data[0]:
            tables[name] = (columns, data)
            continue
        keep = [
            i
            for i in range(len(data[0]))
            if not any(s > revoked_at.get(stamp_replica(s), _NEVER) for s in _row_stamps(data, i))
        ]
        dropped += len(data[0]) - len(keep)
        tables[name] = (columns, data if len(keep) == len(data[0]) else _keep_rows(data, keep))
    return _rebuild(bundle, tables), dropped


def rebase_future_stamps(
    bundle: DecodedBundle,
    limit: str,
    fresh: Callable[[], str],
    extra: frozenset[str] = frozenset(),
) -> DecodedBundle:
    """Replace every stamp later than ``limit`` by a fresh stamp of this replica."""
    tables: Tables = {}
    for name, (columns, data) in bundle.tables.items():
        if name in extra or not data or not data[0]:
            tables[name] = (columns, data)
            continue
        hlcs, stamps = list(data[1]), list(data[2])
        fields = columns[3:]
        for i, hlc in enumerate(hlcs):
            if hlc <= limit:
                continue
            now = fresh()
            full = {f: stamps[i].get(f, hlc) for f in fields}
            full = {f: (now if s > limit else s) for f, s in full.items()}
            stamps[i], hlcs[i] = compact_stamps(full) if full else ({}, now)
        tables[name] = (columns, [data[0], hlcs, stamps, *data[3:]])
    return _rebuild(bundle, tables)


def bounded_version_vector(
    claimed: Mapping[str, str],
    carried: Mapping[str, str],
    *,
    sender: str,
    me: str,
    from_coordinator: bool,
) -> dict[str, str]:
    """What this replica may adopt of a complete bundle's version vector.

    Never more than the newest stamp of that replica the bundle actually carries; never an
    entry for this replica itself; and, from an ordinary site, only the site's own entry (a
    site cannot vouch for what a third replica wrote).
    """
    out = {}
    for replica, stamp in claimed.items():
        if replica == me or (replica != sender and not from_coordinator):
            continue
        if replica in carried:
            out[replica] = min(stamp, carried[replica])
    return out
