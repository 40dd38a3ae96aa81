"""Alembic environment for Ardoiz Desk.

Run from code (see ``ardoiz_desk.store.migrate``): the caller hands over an open connection
through ``config.attributes["connection"]``. Batch mode is on for SQLite.
"""

from alembic import context

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through ardoiz_desk.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=config.attributes.get("target_metadata"),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
