"""Known, expected errors: they get a clear message, never a traceback.

Anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations


class TikDeskError(Exception):
    """Base for errors whose message is meant for the user (already in their language)."""


class InputRejected(TikDeskError):
    """A file or value the user gave us cannot be used; nothing was written."""


class DatabaseError(TikDeskError):
    """The database cannot be opened or written (path, version, lock, disk)."""


class ValidationError(TikDeskError):
    """A field value is not acceptable; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Cancelled(TikDeskError):
    """The user cancelled a long action; whatever it did was rolled back."""
