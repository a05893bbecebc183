"""User-facing problems: what is wrong, where, and how to fix it.

A `Problem` names a file and a line or field. Stages collect every problem they find and raise
one `InputError` carrying all of them, so an editor sees every mistake in one run. Anything
else that escapes is a bug in briefgen, not a user mistake.
"""

from dataclasses import dataclass, replace

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int = 0
    field: str = ""
    message: str = ""
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            where += f": {self.field}"
        label = "warning: " if self.severity == WARNING else ""
        return f"{where}: {label}{self.message}"


def shown(value) -> str:
    """A value quoted for a message: on one line, invisible characters escaped, cut short."""
    text = f"'{value}'" if isinstance(value, str) and value.isprintable() else repr(value)
    return text if len(text) <= 60 else text[:56] + "...'"


def warning(path: str, message: str, line: int = 0, field: str = "") -> Problem:
    return Problem(path, line, field, message, WARNING)


def error(path: str, message: str, line: int = 0, field: str = "") -> Problem:
    return Problem(path, line, field, message, ERROR)


class BriefgenError(Exception):
    """A failure the user can fix; shown as `Error: <message>` without a traceback."""


class InputError(BriefgenError):
    """One or more problems in the project's files."""

    def __init__(self, problems):
        self.problems = tuple(sorted(problems))
        errors = sum(p.is_error for p in self.problems)
        super().__init__(f"{errors} problem{'s' if errors != 1 else ''} found; nothing was written")


def raise_if_errors(problems) -> None:
    if any(p.is_error for p in problems):
        raise InputError(problems)


def as_errors(problems) -> list[Problem]:
    """Warnings made errors, for --strict."""
    return [replace(p, severity=ERROR) for p in problems]
