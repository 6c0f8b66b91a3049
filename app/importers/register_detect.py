"""Look at a file and choose the register reader for it, or say plainly why none fits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from app.files import InputRefused, check_ordinary
from app.i18n import _
from app.importers import cqc, oruk
from app.importers.register_common import RegisterFileError, RegisterReader, read_text

# The real CQC files start with a few lines of preamble before the header.
_HEADER_SEARCH_LINES = 10


def open_register_file(path: Path) -> RegisterReader:
    """A reader for a CQC or ORUK file; RegisterFileError says why a file cannot be used."""
    if not path.exists():
        raise RegisterFileError(_("There is no file at {path}.").format(path=path))
    if not path.is_dir():
        try:
            check_ordinary(path)  # never a device or a pipe (reading one never ends)
        except InputRefused as exc:
            raise RegisterFileError(str(exc)) from exc
    if oruk.is_package(path):
        return oruk.OrukCsvPackageReader(path)
    if path.is_dir():
        raise RegisterFileError(_("{file} is a folder without an ORUK services.csv.").format(
            file=path.name))
    if path.name == "services.csv" or (path.name == "datapackage.json"
                                       and (path.parent / "services.csv").exists()):
        return oruk.OrukCsvPackageReader(path.parent)
    text = read_text(path)
    if text.lstrip()[:1] in ("[", "{"):
        return _json_reader(path, text)
    return _csv_reader(path, text)


def _json_reader(path: Path, text: str) -> RegisterReader:
    try:
        return _json_document_reader(path, text)
    except RecursionError as exc:  # nested thousands deep: no register is
        raise RegisterFileError(_("{file} is nested too deeply to be a register file.").format(
            file=path.name)) from exc


def _json_document_reader(path: Path, text: str) -> RegisterReader:
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegisterFileError(_("{file} is not valid JSON (line {line}): {reason}").format(
            file=path.name, line=exc.lineno, reason=exc.msg)) from exc
    items = document if isinstance(document, list) else [document]
    if items and all(isinstance(i, dict) and "locationId" in i for i in items):
        return cqc.ApiJsonReader(items)
    if isinstance(document, dict) and isinstance(document.get("locations"), list):
        raise RegisterFileError(_("{file} is a CQC list page with names only. Import the "
                                  "full location records instead.").format(file=path.name))
    if items and all(isinstance(i, dict) and "locationIds" in i for i in items):
        raise RegisterFileError(_("{file} holds CQC provider records. Import the location "
                                  "records instead.").format(file=path.name))
    services = oruk.services_in(document)
    if services is not None:
        if not services:
            raise RegisterFileError(_("{file} has no services in it.").format(file=path.name))
        return oruk.OrukJsonReader(services, oruk.json_version(document))
    raise _unknown(path)


def _csv_reader(path: Path, text: str) -> RegisterReader:
    lines = text.splitlines()[:_HEADER_SEARCH_LINES]
    for index, line in enumerate(lines):
        try:
            cells = {c.strip() for c in next(csv.reader(io.StringIO(line)), [])}
        except csv.Error:
            continue  # a preamble line that is not CSV (or far too long to be a header)
        for mark, reader in cqc.CSV_READERS.items():
            if mark in cells:
                if len(text.splitlines()) <= index + 1:
                    raise RegisterFileError(_("{file} has a header but no rows.").format(
                        file=path.name))
                return reader(text, index)
        if "id" in cells and cells & {"organization_id", "service_id", "location_id", "name"}:
            raise RegisterFileError(_("{file} is one table of an ORUK data package. Import "
                                      "the folder or zip that holds all its tables.").format(
                                          file=path.name))
    raise _unknown(path)


def _unknown(path: Path) -> RegisterFileError:
    return RegisterFileError(_(
        "{file} is not a register file CareLedger knows. Use a CQC download (HSCA active "
        "locations, the care directory, or API locations) or an Open Referral UK "
        "directory.").format(file=path.name))
