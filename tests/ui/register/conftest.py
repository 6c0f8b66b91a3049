"""A small real register (CQC extracts), alone or as an open profile's register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.context import ProfileContext
from app.services.register import RegisterService
from tests.conftest import FIXTURES

EXTRACTS = ("cqc_directory_extract.csv", "cqc_api_extract.csv", "cqc_api_locations_extract.json")


def _fill(service: RegisterService) -> RegisterService:
    for name in EXTRACTS:
        service.import_file(FIXTURES / "register" / name)
    return service


@pytest.fixture
def register(tmp_path: Path) -> Iterator[RegisterService]:
    """The register with no profile open (searching needs none)."""
    service = _fill(RegisterService(tmp_path))
    yield service
    service.close()


@pytest.fixture
def register_ctx(ctx: ProfileContext) -> ProfileContext:
    """A fresh profile whose register (ctx.register) holds the extracts."""
    _fill(ctx.register)
    return ctx
