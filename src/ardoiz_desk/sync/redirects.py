"""Merges of duplicates that cannot lose a person or leak an erased one's data.

* **Opposite merges.** S1 merges B into A while S2 merges A into B: once both arrive, the
  redirects loop (A -> B -> A) and nobody is shown. :func:`break_redirect_loops` keeps the
  record with the smallest id of each loop live (the same choice on every replica) by an
  ordinary stamped write, so the repair travels on like any edit.
* **Erasure racing a merge.** A merge fills the kept record's empty fields from the
  duplicate and notes, in ``merged_fields``, which field came from which record with the
  stamp of that write. :func:`blank_copies_of_erased` empties the fields copied from a
  record now erased, unless they were rewritten since (their stamp moved on).

Both run after every applied import, in its transaction, and the second after a local
erasure too.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from ardoiz_desk.store.engine import REMOTE_APPLY
from ardoiz_desk.store.models import Participant
from ardoiz_desk.sync.rules import blank_value


def _loops(redirects: dict[str, str]) -> list[list[str]]:
    loops, done = [], set()
    for start in redirects:
        path: list[str] = []
        node = start
        while node in redirects and node not in done and node not in path:
            path.append(node)
            node = redirects[node]
        if node in path:
            loops.append(path[path.index(node) :])
        done.update(path)
    return loops


def _stamped(session: Session):
    class _Local:
        def __enter__(self) -> None:
            self.before = session.info.get(REMOTE_APPLY)
            session.info[REMOTE_APPLY] = False

        def __exit__(self, *exc: object) -> None:
            session.flush()
            session.info[REMOTE_APPLY] = self.before

    return _Local()


def break_redirect_loops(session: Session) -> set[str]:
    """Make the smallest id of each ``merged_into`` loop a live record again; return them."""
    table = Participant.__table__
    redirects = dict(
        session.execute(
            select(table.c.id, table.c.merged_into).where(table.c.merged_into.is_not(None))
        ).all()
    )
    kept = {min(loop) for loop in _loops(redirects)}
    if kept:
        with _stamped(session):
            for row in session.scalars(select(Participant).where(Participant.id.in_(kept))):
                row.merged_into = None
    return kept


def copied_fields_to_blank(
    merged_fields: dict[str, list[str]],
    stamps: dict[str, str],
    updated_hlc: str,
    erased: set[str],
) -> list[str]:
    """The fields still holding a value copied from a record now erased."""
    return [
        name
        for name, (source, stamp) in merged_fields.items()
        if source in erased and stamps.get(name, updated_hlc) == stamp
    ]


def blank_copies_of_erased(session: Session, erased: Iterable[str] | None = None) -> int:
    """Empty the fields a merge copied from records now erased; return how many."""
    if erased is None:
        table = Participant.__table__
        erased = session.scalars(select(table.c.id).where(table.c.erased.is_(True)))
    gone = set(erased)
    if not gone:
        return 0
    rows = session.scalars(
        select(Participant).where(cast(Participant.merged_fields, String) != "{}")
    ).all()
    blanked = 0
    with _stamped(session):
        for row in rows:
            names = copied_fields_to_blank(
                dict(row.merged_fields or {}), dict(row.stamps or {}), row.updated_hlc, gone
            )
            left = {n: v for n, v in (row.merged_fields or {}).items() if v[0] not in gone}
            for name in names:
                setattr(row, name, blank_value(Participant, name))
            if left != row.merged_fields:
                row.merged_fields = left
            blanked += len(names)
    return blanked
