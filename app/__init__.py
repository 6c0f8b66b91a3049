"""CareLedger core: domain, storage, importers, statements and services. No Qt in here."""

__version__ = "0.1.0"
