"""The CLI tests use the same demo profile as the service tests."""

from tests.app.services.conftest import demo_dir  # noqa: F401
