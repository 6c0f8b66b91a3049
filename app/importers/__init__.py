"""Importers: a file in, plain domain values out (bank statements, registers). No Qt, no store."""
