"""The public register of care providers: a plain (unencrypted) SQLite file with FTS5."""
