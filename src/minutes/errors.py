"""Coded errors. The CLI maps these to one line on stderr and exit code 2."""
from __future__ import annotations


class MinutesError(Exception):
    """Base class: a problem the user can fix (input, config, rules)."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(MinutesError):
    """A document that cannot be read: missing, empty, binary, undecodable."""

    code = "E100"


class RuleError(MinutesError):
    """A rule file that is malformed or a rule that can never match."""

    code = "E200"


class ConfigError(MinutesError):
    code = "E300"
