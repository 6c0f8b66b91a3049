"""Errors people read. The message is already translated and says what to do next."""

from __future__ import annotations


class DomainError(Exception):
    """A rule was broken or input was wrong; `str(error)` is the plain, translated message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """One field of a request is wrong; `field` names it so a form can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NeedsConfirmation(DomainError):
    """The request is allowed only after the person confirms it and gives a reason."""
