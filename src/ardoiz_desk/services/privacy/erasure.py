"""Erasure (RGPD): empty every personal field of a person, here and, through bundles, everywhere.

Erasure is absorbing: the merge (sync/rules.py) lets ``erased`` win whatever the stamps and
drops personal values that arrive later for an erased person (their participant row and
every row that belongs to them), so no bundle, earlier or later, can bring them back.
Records merged into the person, directly or through a chain of merges, are erased with
them; records merged into them elsewhere are erased on import (sync/erasure.py).

Nothing of the erased values lingers on disk: freed pages are zeroed (``secure_delete``)
and the WAL is checkpointed into the base and truncated right after the erasure. The ids
(ids only) are kept in ``erased-ids.txt`` so that restoring an older backup erases them
again (services/safekeeping/backup.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.privacy.erased_ids import remember_erased
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Participant
from ardoiz_desk.sync.erasure import erase_people, redirected_into
from ardoiz_desk.sync.redirects import blank_copies_of_erased
from ardoiz_desk.sync.state import purge_conflicts_of


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure emptied."""

    participant_ids: tuple[str, ...]
    attendances_blanked: int
    followups_removed: int
    already_erased: bool


def erase_participant(ws: Workspace, participant_id: str) -> ErasureResult:
    """Erase a person and every record merged into them, through any chain; idempotent."""
    with ws.store.session() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(f"Participant introuvable : {participant_id}")
        already = bool(person.erased)
        conn = session.connection()
        ids = (participant_id, *sorted(redirected_into(conn, participant_id)))
        blanked, removed = erase_people(session, ids)
        session.flush()
        blank_copies_of_erased(session, ids)  # values a merge copied from them elsewhere
        purge_conflicts_of(conn, ids)
    remember_erased(ws.data_dir, ids)  # a restore of an older backup erases them again
    ws.store.forget_freed_pages()
    record_event(ws, "erase", participants=list(ids), attendances=blanked, followups=removed)
    return ErasureResult(ids, blanked, removed, already)
