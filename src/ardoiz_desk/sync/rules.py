"""Merge rules for one row: a join, so any import order converges.

* Every field: the later stamp wins (stamps sort by time, counter, then replica id).
* ``erased`` is absorbing: it merges on the pair (erased, stamp), so True beats False
  whatever the stamps, and once erased, every personal field is forced to its blank value.
* A concurrent write that loses is reported as a :class:`Conflict` for people to review:
  "concurrent" means the side that wins had not seen the losing stamp (version vectors).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ardoiz_desk.store.hlc import stamp_replica
from ardoiz_desk.store.models import SYNCED_MODELS, Synced, personal_fields, synced_fields

#: The stamp of a field a row never received (a column unknown to the bundle's schema).
ZERO_STAMP = "0000000000000.00000.0000000000000000"
ERASED = "erased"
#: The column that makes a row belong to a participant (attendances, follow-ups, ...).
PERSON_KEY = "participant_id"

Seen = Callable[[str], bool]


@dataclass(frozen=True)
class Conflict:
    """A field two replicas changed concurrently: what was kept and what was set aside."""

    field: str
    kept_value: Any
    kept_stamp: str
    lost_value: Any
    lost_stamp: str


def blank_value(model: type[Synced], name: str) -> Any:
    """Return the wire value a personal column holds once its person is erased."""
    column = model.__table__.c[name]  # type: ignore[attr-defined]
    if column.nullable:
        return None
    default = column.default
    if default is not None and default.is_scalar:
        return default.arg
    return ""


def blank_personal_values(model: type[Synced]) -> dict[str, Any]:
    """Return every personal column of a model with its blank value."""
    return {name: blank_value(model, name) for name in personal_fields(model)}


@cache
def person_linked_models() -> tuple[type[Synced], ...]:
    """Return the synchronised models whose rows belong to a participant, from the metadata.

    Their personal columns are emptied, like the participant's own, once that person is erased.
    """
    return tuple(m for m in SYNCED_MODELS if PERSON_KEY in synced_fields(m))


def merge_fields(
    fields: Iterable[str],
    local: tuple[dict[str, Any], dict[str, str]],
    incoming: tuple[Mapping[str, Any], Mapping[str, str]],
    seen_by_sender: Seen,
    seen_here: Seen,
) -> tuple[dict[str, Any], dict[str, str], list[Conflict]]:
    """Merge an incoming row into a local one, field by field; return values, stamps, conflicts."""
    values, stamps = dict(local[0]), dict(local[1])
    in_values, in_stamps = incoming
    conflicts: list[Conflict] = []
    for name in fields:
        s_in, s_lo = in_stamps[name], stamps.get(name, ZERO_STAMP)
        if s_in == s_lo:
            continue
        v_in, v_lo = in_values[name], values.get(name)
        if name == ERASED:
            if (bool(v_in), s_in) > (bool(v_lo), s_lo):
                values[name], stamps[name] = v_in, s_in
            continue
        if s_in > s_lo:
            values[name], stamps[name] = v_in, s_in
            if v_in != v_lo and s_lo != ZERO_STAMP and not seen_by_sender(s_lo):
                conflicts.append(Conflict(name, v_in, s_in, v_lo, s_lo))
        elif v_in != v_lo and not seen_here(s_in):
            conflicts.append(Conflict(name, v_lo, s_lo, v_in, s_in))
    return values, stamps, conflicts


def force_erasure(
    values: dict[str, Any], blanks: Mapping[str, Any], conflicts: list[Conflict]
) -> list[Conflict]:
    """Empty the personal fields of an erased row; drop conflicts that would keep them."""
    values.update(blanks)
    return [c for c in conflicts if c.field not in blanks]


def version_vector_seen(vv: Mapping[str, str]) -> Seen:
    """Return a predicate: was this stamp already seen by whoever holds this version vector."""

    def seen(stamp: str) -> bool:
        return vv.get(stamp_replica(stamp), "") >= stamp

    return seen


def join_version_vectors(*vvs: Mapping[str, str]) -> dict[str, str]:
    """Return the pointwise maximum of version vectors."""
    out: dict[str, str] = {}
    for vv in vvs:
        for replica, stamp in vv.items():
            if stamp > out.get(replica, ""):
                out[replica] = stamp
    return out


def unseen_by(vv: Mapping[str, str], stamps: Mapping[str, str], updated_hlc: str) -> bool:
    """Return True when a row holds any stamp the owner of this version vector has not seen."""
    if vv.get(stamp_replica(updated_hlc), "") < updated_hlc:
        return True
    return any(vv.get(stamp_replica(s), "") < s for s in stamps.values())
