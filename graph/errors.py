"""One small exception hierarchy. Messages name the file (and line) at fault."""

from __future__ import annotations


class DiplographError(Exception):
    """Base of every error diplograph raises on purpose; the CLI prints it on one line."""

    exit_code = 1


class DataFileError(DiplographError):
    """A shipped data file (gazetteer, lexicon, ontology) is malformed.

    Args:
        path: The data file.
        line: 1-based line number, or 0 when the fault concerns the whole file.
        message: What is wrong.
    """

    exit_code = 3

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class InputError(DiplographError):
    """A user's input document cannot be read or decoded."""

    exit_code = 2


class OutputError(DiplographError):
    """An output cannot be written."""

    exit_code = 4


class QueryError(DiplographError):
    """A SPARQL query is malformed or cannot be run."""

    exit_code = 5


class RemoteError(DiplographError):
    """A remote endpoint is unreachable or refused a request."""

    exit_code = 6
