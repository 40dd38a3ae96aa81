"""Opening a counter's base: engine, sessions, and the stamping that no write can avoid.

Every ORM flush passes through :func:`_stamp_synced_writes`: each synchronised field a
flush inserts or changes is stamped with this replica's hybrid logical clock. Bulk ORM
statements on synchronised tables are refused unless the session is applying a bundle,
whose merge writes the remote stamps itself (see :func:`bulk_insert_new`).

One clock per base, whatever the number of processes: the window and the command line may
write the same base at once, each with its own :class:`HybridLogicalClock`. So before the
first stamp of a transaction, :func:`hold_clock` takes the base's write lock (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: ``SELECT … FOR UPDATE`` on the stored clock), catches up
with the stored ``hlc_last`` and the flush stores the new one before commit: stamps are a
read-modify-write under the lock, never issued twice. Reads take no lock (WAL).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from ardoiz_desk.store import cipher
from ardoiz_desk.store.hlc import HybridLogicalClock
from ardoiz_desk.store.models import (
    Participant,
    ReplicaState,
    Synced,
    new_id,
    synced_fields,
)
from ardoiz_desk.store.stamps import restamp
from ardoiz_desk.store.text import participant_search_key

log = logging.getLogger(__name__)

REMOTE_APPLY = "ardoiz_remote_apply"
CLOCK = "ardoiz_clock"
CLOCK_HELD = "ardoiz_clock_held"
#: How long a write waits for another process's write to finish before "database is locked".
BUSY_TIMEOUT_MS = 15_000
#: Page cache per connection, in KiB (SQLite's default is 2 MiB). On an encrypted base each
#: page read from the file is decrypted and checked, each page written encrypted: a larger
#: cache keeps a bulk write's index pages in memory instead of paying that again and again.
CACHE_KIB = 16_384


class StoreSession(Session):
    """A session whose flushes are stamped by the replica's clock."""


class UnstampedWriteError(RuntimeError):
    """A write tried to change synchronised rows without going through the clock."""


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # Sorts and temporary indexes stay in memory rather than in (encrypted) temporary files.
    cursor.execute("PRAGMA temp_store=MEMORY")
    # Freed pages are zeroed: an erased person's values do not linger in the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def create_sqlite_engine(db_path: Path, key: bytes | None) -> Engine:
    """Create an engine on a SQLCipher file (key None: a clear one) in WAL mode, FKs on."""
    # hide_parameters: a failed statement's values (names, phones) never reach a log line.
    engine = create_engine(f"sqlite:///{db_path}", module=cipher.dbapi2, hide_parameters=True)

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        if key is not None:
            cipher.unlock(dbapi_connection, key)
        _set_sqlite_pragmas(dbapi_connection, record)

    event.listen(engine, "connect", on_connect)
    return engine


class Store:
    """An opened base: engine, replica identity and clock, and a session factory."""

    def __init__(
        self, engine: Engine, db_path: Path | None = None, key: bytes | None = None
    ) -> None:
        self.engine = engine
        self.db_path = db_path
        #: The base's SQLCipher key (None on a server base): backups are encrypted with it.
        self.key = key
        self._sessions = sessionmaker(bind=engine, class_=StoreSession, expire_on_commit=False)
        self.replica_id, last = self._load_identity()
        self.clock = HybridLogicalClock(self.replica_id, last or None)

    def _load_identity(self) -> tuple[str, str]:
        with self._sessions.begin() as session:
            begin_write(session)
            state = {r.key: r.value for r in session.scalars(select(ReplicaState))}
            replica_id = state.get("replica_id")
            if not replica_id:
                replica_id = secrets.token_hex(8)
                session.add(ReplicaState(key="replica_id", value=replica_id))
                log.info("new replica %s", replica_id)
        return replica_id, state.get("hlc_last", "")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Open a session in one transaction: committed on success, rolled back on error."""
        with self._sessions.begin() as session:
            session.info[CLOCK] = self.clock
            yield session

    @contextmanager
    def remote_session(self) -> Iterator[Session]:
        """Open a session for applying a bundle: writes carry the stamps they arrive with."""
        with self._sessions.begin() as session:
            session.info[CLOCK] = self.clock
            session.info[REMOTE_APPLY] = True
            # The whole import is one write transaction: a racing import of the same bundle
            # waits here, then finds it in the ledger.
            hold_clock(session)
            yield session

    def get_state(self, key: str, default: str = "") -> str:
        """Read one replica-local value."""
        with self._sessions() as session:
            row = session.get(ReplicaState, key)
            return row.value if row else default

    def set_state(self, key: str, value: str) -> None:
        """Write one replica-local value (never synchronised)."""
        with self._sessions.begin() as session:
            session.merge(ReplicaState(key=key, value=value))

    def forget_freed_pages(self) -> None:
        """Move the WAL into the base and truncate it, so erased values leave both files.

        Freed pages are zeroed as they are freed (``secure_delete``); a reader still on an
        older snapshot can delay the truncation, never make it fail.
        """
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _clock_of(session: Session) -> HybridLogicalClock:
    clock = session.info.get(CLOCK)
    if clock is None:
        raise UnstampedWriteError("synchronised rows can only be written through Store.session()")
    return clock


def begin_write(session: Session) -> None:
    """Make the session's transaction a write transaction now (SQLite: ``BEGIN IMMEDIATE``).

    Python's sqlite3 starts a transaction only at the first INSERT/UPDATE/DELETE, so reads
    before it run outside any snapshot and ``BEGIN IMMEDIATE`` can still be issued: it
    waits (busy timeout) for another writer instead of failing on a stale snapshot.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def hold_clock(session: Session) -> HybridLogicalClock:
    """Lock the base for writing and catch the clock up with the stored ``hlc_last``."""
    clock = _clock_of(session)
    if session.info.get(CLOCK_HELD):
        return clock
    begin_write(session)
    stored = (
        session.connection()
        .execute(select(ReplicaState.value).where(ReplicaState.key == "hlc_last").with_for_update())
        .scalar()
    )
    if stored:
        clock.absorb_stored(stored)
    session.info[CLOCK_HELD] = True
    return clock


def _refresh_search_key(obj: Participant) -> None:
    obj.search_key = participant_search_key(
        obj.prenom or "", obj.nom or "", obj.commune or "", obj.telephone or "", obj.email or ""
    )


@event.listens_for(StoreSession, "before_flush")
def _stamp_synced_writes(session: Session, _flush_context: Any, _instances: Any) -> None:
    touched = [o for o in session.new if isinstance(o, Synced)]
    touched += [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    if any(isinstance(o, Synced) for o in session.deleted):
        raise UnstampedWriteError("synchronised rows are never deleted: set 'deleted' instead")
    for obj in touched:
        if isinstance(obj, Participant):
            _refresh_search_key(obj)
    if not touched or session.info.get(REMOTE_APPLY):
        return
    clock = hold_clock(session)
    for obj in touched:
        _stamp_object(session, obj, clock)
    session.merge(ReplicaState(key="hlc_last", value=clock.last))


def _stamp_object(session: Session, obj: Synced, clock: HybridLogicalClock) -> None:
    if obj in session.new:
        if obj.id is None:
            obj.id = new_id()
        obj.stamps, obj.updated_hlc = {}, clock.now()
        return
    fields = synced_fields(type(obj))
    attrs = sa_inspect(obj).attrs
    changed = [f for f in fields if attrs[f].history.has_changes()]
    if changed:
        obj.stamps, obj.updated_hlc = restamp(
            obj.stamps or {}, obj.updated_hlc or "", fields, changed, clock.now()
        )


@event.listens_for(StoreSession, "do_orm_execute")
def _refuse_unstamped_bulk(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.session.info.get(REMOTE_APPLY):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, Synced):
        raise UnstampedWriteError(
            f"bulk write to {mapper.class_.__name__} would bypass the clock; "
            "use the ORM or bulk_insert_new()"
        )


def bulk_insert_new(
    session: Session, model: type[Synced], rows: Sequence[dict[str, Any]]
) -> list[str]:
    """Insert many new rows fast, each stamped field by field like an ORM insert; return ids."""
    clock = hold_clock(session)
    table = model.__table__  # type: ignore[attr-defined]
    defaults = _column_defaults(table)
    prepared: list[dict[str, Any]] = []
    for row in rows:
        full = {**defaults, **row}
        full.setdefault("id", new_id())
        full["stamps"] = {}
        full["updated_hlc"] = clock.now()
        if model is Participant:
            full["search_key"] = participant_search_key(
                full["prenom"], full["nom"], full["commune"], full["telephone"], full["email"]
            )
        prepared.append(full)
    if prepared:
        session.connection().execute(table.insert(), prepared)
        session.merge(ReplicaState(key="hlc_last", value=clock.last))
    return [r["id"] for r in prepared]


def _column_defaults(table: Any) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in ("id", "stamps", "updated_hlc"):
            continue
        default = column.default
        if default is None:
            defaults[column.name] = None
        elif default.is_scalar:
            defaults[column.name] = default.arg
        elif default.is_callable:
            defaults[column.name] = default.arg(None)
    return defaults
