"""File in, domain objects out: bank statements, the CQC register and ORUK directories."""
