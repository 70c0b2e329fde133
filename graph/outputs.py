"""Writing a build's outputs: every file staged beside its target, then all swapped in together.

``graph.ttl`` and ``graph.nq.gz`` are streamed from the build's parts (merge.py), the HTML pages drawn
from an rdflib Dataset of a small build or from the views' graph of a corpus, and the SPARQL store
loaded (in background threads, while the files are written) or updated (store_build.py) before the swap,
so a failure (a full disk, say) leaves the previous build's files as they were.

graph.ttl and graph.nq.gz are written by background threads (graphfiles.py): the documents' blocks
as soon as a build knows its documents, while the views are computed, the views' blocks after; the
previous build's unchanged blocks are copied from its files by their indexes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.graph import merge, store_build
from diplograph.graph.errors import OutputError
from diplograph.graph.graphfiles import INDEX, GraphFiles, staged_file, write_index

if TYPE_CHECKING:
    from diplograph.graph.result import BuildResult
    from diplograph.graph.store_build import StoreBuild

#: Above this many quads the HTML pages are drawn from the views' graph instead of an rdflib Dataset.
HTML_DATASET_LIMIT = 400_000
#: The most edges a corpus' graph.html draws (network.strongest): vis-network stays usable in a browser.
PAGE_EDGES = 4_000


def _stage(out: Path, name: str, data: bytes | str) -> str:
    """Write one output (bytes or text) beside its target; return its path."""
    fh, tmp = staged_file(out, name)
    try:
        with fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _write_all(out: Path, files: dict[str, bytes | str], before_swap=None, graphs: GraphFiles | None = None) -> list[Path]:
    """Write every file or none: stage them all, run ``before_swap()`` (the store), wait for the ``graphs``
    files being written in the background, then swap them all in together.

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
            before_swap()
        if graphs is not None:
            staged.update(graphs.finish())
    except OSError as exc:
        _unstage(staged)
        raise OutputError(f"{out / name}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        _unstage(staged)
        raise
    for name, tmp in staged.items():
        os.replace(tmp, out / name)
    return [out / name for name in staged]


def _unstage(staged: dict[str, str]) -> None:
    """Remove the staged files (the graph files' writers are stopped by write_outputs)."""
    for tmp in staged.values():
        Path(tmp).unlink(missing_ok=True)


def html_pages(result: BuildResult) -> dict[str, str]:
    """graph.html, dyads.html and triangles.html; a corpus too large for an rdflib Dataset is drawn from its
    fold and views tables (entities, events and facts, one quote per edge), or else from the views' graph."""
    from diplograph.exports import html, network_state
    from diplograph.exports.corpus_network import strongest_of_fold
    from diplograph.exports.fragments import FRAGMENTS, Fragments
    from diplograph.exports.network import network_from_views, strongest
    from diplograph.exports.viewpages import pages_of_tables, view_pages

    title, memo = "diplograph: knowledge graph", None
    if result.quad_count > HTML_DATASET_LIMIT and result.pages is not None:
        pages = result.pages  # a kept fold: graph.html's relations kept beside it too, a rerun recounts its change
        shown, drawn, n_nodes, n_edges = network_state.strongest(merge.ordered(pages.parts), pages.folder, pages.state,
                                                                 PAGE_EDGES) if pages.kept \
            else strongest_of_fold(pages.fold(), PAGE_EDGES)
        memo = Fragments(Path(pages.folder) / FRAGMENTS if pages.kept else None)  # the last build's rows, layouts
        views = pages_of_tables(pages.tables, fragments=memo)
    elif result.quad_count <= HTML_DATASET_LIMIT or result.views is None:
        return {"graph.html": html.render_graph_page(result.dataset, title=title),
                **view_pages(result.views if result.views is not None else result.dataset)}
    else:
        nodes, edges = network_from_views(result.views)
        shown, drawn = strongest(nodes, edges, PAGE_EDGES)
        n_nodes, n_edges, views = len(nodes), len(edges), view_pages(result.views)
    subtitle = f"{n_nodes:,} actors, {n_edges:,} relations. Hover for evidence." if len(drawn) == n_edges \
        else (f"The {len(drawn):,} relations with most evidence of {n_edges:,}, between {len(shown):,} of "
              f"{n_nodes:,} actors; graph.ttl and the store hold them all. Hover for evidence.")
    if memo is None:
        return {"graph.html": html.render_network_page(shown, drawn, title=title, subtitle=subtitle), **views}
    page = html.render_network_page(shown, drawn, title=title, subtitle=subtitle, fragments=memo)
    memo.save()
    return {"graph.html": page, **views}


def write_outputs(result: BuildResult, out_dir: str | Path, *, html: bool = True, store: bool = True,
                  extra: dict[str, bytes | str] | None = None, started: StoreBuild | None = None,
                  graphs: GraphFiles | None = None) -> list[Path]:
    """Write graph.ttl, graph.nq.gz, the HTML pages, ``extra`` files and the store into ``out_dir``.

    The graph files are streamed from the documents' parts (the cache's files for a corpus) by background
    threads: ``graphs`` is what a build began with its documents' graphs (GraphFiles.begin), else they start
    here. The store loads in background threads meanwhile: ``started`` is the store a build began with its
    documents' graphs (store_build.begin), else it starts here. Every file is staged first and all are
    swapped in together at the end, so a failure (a full disk, say) leaves the previous build's files as
    they were.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    try:
        if graphs is None:
            graphs = GraphFiles(out).begin(result.parts)
        graphs.add(result.parts)  # the views graph's chunks, written beside the pages and the store
        if store and started is None:
            started = store_build.begin(merge.ordered(result.parts), out / "store")
        if store:
            started.give(merge.ordered(result.parts))  # the views load and compact while the pages are drawn
        files = html_pages(result) if html else {}
        files.update(extra or {})

        def fill_store() -> None:
            result.store = started.finish(merge.ordered(result.parts))

        written = _write_all(out, files, fill_store if store else None, graphs)
    except BaseException:
        if started is not None:
            started.abort()
        if graphs is not None:
            graphs.abort()
        raise
    if graphs.index_dir is not None:
        for name, layout in graphs.blocks.items():
            write_index(out / name, layout, graphs.index_dir / (name + INDEX))
    if store:
        written.append(out / "store")
    result.outputs = written
    return written
