"""Alembic environment: the app hands in an open (already keyed) connection; no URL, no key."""

from alembic import context

from app.store.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("CareLedger migrations run from app.store.database.upgrade() only")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things in place
)
with context.begin_transaction():
    context.run_migrations()
