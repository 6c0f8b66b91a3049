"""Storage: SQLAlchemy models, the encrypted profile opener, migrations."""
