"""Writing a build's outputs: every file staged beside its target, then all swapped in together.

``graph.ttl`` and ``graph.nq.gz`` are streamed from the build's parts (merge.py), the HTML pages drawn
from an rdflib Dataset of a small build or from the views' graph of a corpus, and the SPARQL store
loaded (in background threads, while the files are written) or updated (store_build.py) before the swap,
so a failure (a full disk, say) leaves the previous build's files as they were.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from diplograph.graph import merge, store_build
from diplograph.graph.errors import OutputError

if TYPE_CHECKING:
    from diplograph.graph.pipeline import BuildResult
    from diplograph.graph.store_build import StoreBuild

Content = bytes | str | Callable[[BinaryIO], object]
#: Above this many quads the HTML pages are drawn from the views' graph instead of an rdflib Dataset.
HTML_DATASET_LIMIT = 400_000


def _stage(out: Path, name: str, data: Content) -> str:
    """Write one output (bytes, text, or a function writing to a binary file) beside its target; return its path."""
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".tmp")
    try:
        fh = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        with fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    os.chmod(tmp, 0o644)  # mkstemp makes private files; outputs are meant to be read and served
    return tmp


def _write_all(out: Path, files: dict[str, Content], before_swap=None) -> list[Path]:
    """Write every file or none: stage them all, run ``before_swap(staged)``, then swap them in together.

    ``before_swap`` gets ``{name: staged path}`` (the store is loaded from the staged graph files).

    Raises:
        OutputError: A file cannot be written (disk full, permissions); the previous outputs stay as they were.
    """
    staged: dict[str, str] = {}
    name = ""
    try:
        for name, data in files.items():
            staged[name] = _stage(out, name, data)
        if before_swap is not None:
            name = "store"
            before_swap(staged)
    except OSError as exc:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{out / name}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise
    for name, tmp in staged.items():
        os.replace(tmp, out / name)
    return [out / name for name in staged]


def html_pages(result: BuildResult) -> dict[str, str]:
    """graph.html, dyads.html and triangles.html; a corpus too large for an rdflib Dataset is drawn from
    the views' graph (entities, events and facts, one quote per edge)."""
    from diplograph.exports import html
    from diplograph.exports.network import network_from_views
    from diplograph.exports.viewpages import view_pages

    title = "diplograph: knowledge graph"
    if result.quad_count <= HTML_DATASET_LIMIT or result.views is None:
        return {"graph.html": html.render_graph_page(result.dataset, title=title),
                **view_pages(result.views if result.views is not None else result.dataset)}
    nodes, edges = network_from_views(result.views)
    return {"graph.html": html.render_network_page(nodes, edges, title=title), **view_pages(result.views)}


def write_outputs(result: BuildResult, out_dir: str | Path, *, html: bool = True, store: bool = True,
                  extra: dict[str, bytes | str] | None = None, started: StoreBuild | None = None) -> list[Path]:
    """Write graph.ttl, graph.nq.gz, the HTML pages, ``extra`` files and the store into ``out_dir``.

    The graph files are streamed from the documents' parts (the cache's files for a corpus); every file
    is staged first and all are swapped in together at the end, so a failure (a full disk, say) leaves
    the previous build's files as they were. The store loads in background threads meanwhile: ``started``
    is the store a build began with its documents' graphs (store_build.begin), else it starts here.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    files: dict[str, Content] = {"graph.ttl": lambda fh: merge.write_turtle(result.parts, fh),
                                 "graph.nq.gz": lambda fh: merge.write_nquads_gz(result.parts, fh)}
    if store and started is None:
        started = store_build.begin(merge.ordered(result.parts), out / "store")
    try:
        if html:
            files.update(html_pages(result))
        files.update(extra or {})

        def fill_store(staged: dict[str, str]) -> None:
            result.store = started.finish(merge.ordered(result.parts))

        written = _write_all(out, files, fill_store if store else None)
    except BaseException:
        if started is not None:
            started.abort()
        raise
    if store:
        written.append(out / "store")
    result.outputs = written
    return written
