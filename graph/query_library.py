"""The query library shipped in ``graph/queries/*.rq``: each an :class:`Example` with ``$name`` parameters.

``examples`` loads the library; :meth:`Example.render` gives a runnable query, each parameter replaced by the
user's value (:func:`coerce_param`: a SPARQL term of the default's kind) or its default, and the prefixes it
uses declared (:func:`with_prefixes`), so any endpoint runs it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files

from diplograph.graph.errors import DataFileError, QueryError
from diplograph.graph.iri import entity_iri
from diplograph.graph.query_result import PREFIXES

_PARAM = re.compile(r"^#\s*param\s+([A-Za-z_]\w*)\s+(\S.*?)\s*$")
_PNAME = re.compile(r"^([a-z]+):[\w\-./%]*$")
_TYPED = re.compile(r'^"[^"\\]*"\^\^(\S+)$')


@dataclass(frozen=True)
class Example:
    """One query of the library.

    Attributes:
        name: File name without ``.rq`` (``who-met-whom``).
        description: The first comment line.
        params: ``(name, default)`` pairs; the body holds ``$name`` placeholders and the
            default is a SPARQL term (``dgid:russia``, ``"2002-Q1"``, ``"2002-01-07"^^xsd:date``).
        text: The query as stored, placeholders included.
    """

    name: str
    description: str
    params: tuple[tuple[str, str], ...]
    text: str

    def render(self, values: Mapping[str, str] | None = None) -> str:
        """The runnable query, each ``$name`` replaced by the given value or the default."""
        values = dict(values or {})
        unknown = sorted(set(values) - {n for n, _ in self.params})
        if unknown:
            known = ", ".join(n for n, _ in self.params) or "none"
            raise QueryError(f"example {self.name}: no parameter {unknown[0]!r} (parameters: {known})")
        text = self.text
        for name, default in self.params:
            term = coerce_param(values[name], default) if name in values else default
            text = re.sub(rf"\${name}\b", lambda _m: term, text)
        return with_prefixes(text)


def with_prefixes(text: str) -> str:
    """Declare the diplograph prefixes a query uses, after its comment header, so any endpoint runs it."""
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and lines[head].startswith("#"):
        head += 1
    body = "".join(lines[head:])
    used = [p for p in PREFIXES if re.search(rf"(?<![\w:<]){p}:", body) and not re.search(rf"PREFIX\s+{p}:", body, re.I)]
    return "".join(lines[:head]) + "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + body


def coerce_param(value: str, default: str) -> str:
    """A user's ``--param`` value as a SPARQL term of the same kind as the default.

    >>> coerce_param("china", "dgid:russia")
    '<https://w3id.org/diplograph/id/china>'
    >>> coerce_param("2002-03-01", '"2002-01-07"^^xsd:date')
    '"2002-03-01"^^xsd:date'
    """
    value = value.strip()
    if value.startswith(("<", '"')):
        return value
    if _PNAME.match(value) and value.split(":")[0] in PREFIXES:  # expanded: a '/' is not allowed in a prefixed name
        prefix, local = value.split(":", 1)
        return f"<{PREFIXES[prefix]}{local}>"
    if default.startswith("<") or _PNAME.match(default):
        if not re.fullmatch(r"[\w\-.]+(/[\w\-.]+)?", value):
            raise QueryError(f"--param value {value!r}: expected an entity id such as russia, or dgid:russia")
        return f"<{entity_iri(value)}>"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    typed = _TYPED.match(default)
    if typed:
        return f'"{escaped}"^^{typed.group(1)}'
    if default.startswith('"'):
        return f'"{escaped}"'
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", value):
        raise QueryError(f"--param value {value!r}: expected a number")
    return value


def _parse_example(name: str, text: str, origin: str) -> Example:
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#") or not lines[0].lstrip("# ").strip():
        raise DataFileError(origin, 1, "a library query must start with a '# description' line")
    params = tuple((m.group(1), m.group(2)) for m in map(_PARAM.match, lines) if m)
    return Example(name, lines[0].lstrip("# ").strip(), params, text)


def examples() -> dict[str, Example]:
    """The query library shipped in ``graph/queries/``, by name, sorted."""
    folder = files("diplograph.graph").joinpath("queries")
    found = sorted((f.name[:-3], f) for f in folder.iterdir() if f.name.endswith(".rq"))
    return {name: _parse_example(name, f.read_text(encoding="utf-8"), f"graph/queries/{f.name}") for name, f in found}


def example(name: str) -> Example:
    """One library query by name; the error lists what exists."""
    library = examples()
    if name not in library:
        raise QueryError(f"no example query {name!r}; try one of: {', '.join(library)}")
    return library[name]
