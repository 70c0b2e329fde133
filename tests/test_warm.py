"""The warm worker (graph/warm.py): spawned as a build begins, it extracts a few documents as any worker
would, and stops at once when the build has nothing for it."""

from __future__ import annotations

import multiprocessing

import pytest
from diplograph.graph import warm
from diplograph.graph.executor import Job, run_job

TEXT = b"Vladimir Putin met Jiang Zemin in Moscow on 16 July 2001. They signed a treaty of friendship.\n"


def job(doc_id: str, text: bytes = TEXT) -> Job:
    return Job(doc_id, f"{doc_id}.txt", text, key=f"key-{doc_id}")


def test_warm_worker_outcomes_equal_in_process_ones():
    jobs = [job("first"), job("second", TEXT.replace(b"Moscow", b"Beijing"))]
    outcomes = []
    worker = warm.start(2)
    worker.run(jobs, outcomes.append)
    assert worker.pool is None  # stopped once done
    here = {j.doc_id: run_job(j) for j in jobs}
    assert sorted(o.doc_id for o in outcomes) == ["first", "second"]
    for outcome in outcomes:
        mine = here[outcome.doc_id]
        assert outcome.error is None and b"Putin" in outcome.nquads
        assert (outcome.nquads, outcome.turtle, outcome.digest, outcome.words) == \
            (mine.nquads, mine.turtle, mine.digest, mine.words)


def test_warm_worker_runs_meanwhile_while_it_extracts():
    seen = []
    worker = warm.start(2)
    worker.run([job("only")], lambda outcome: seen.append(outcome.doc_id), meanwhile=lambda: seen.append("meanwhile"))
    assert seen == ["meanwhile", "only"]


def test_warm_worker_closed_unused_leaves_no_process():
    worker = warm.start(2)
    assert multiprocessing.active_children()
    worker.close()
    worker.close()  # twice is harmless
    assert multiprocessing.active_children() == []


def test_warm_worker_takes_only_a_few_jobs():
    assert warm.start(1) is None and warm.start(2, executor="dask") is None
    worker = warm.start(3)
    try:
        assert not worker.takes([])
        assert worker.takes([job(str(n)) for n in range(warm.FEW)])
        assert not worker.takes([job(str(n)) for n in range(warm.FEW + 1)])
    finally:
        worker.close()
    assert not worker.takes([job("late")])


SENTENCES = [
    "Vladimir Putin met Jiang Zemin in Moscow on 16 July 2001.",
    "Russia criticized the United States over missile defence on 14 December 2001.",
    "China supported Pakistan at the talks in Islamabad on 20 December 2001.",
    "Colin Powell visited Beijing on 28 July 2001 and met Tang Jiaxuan.",
    "Germany and France signed an accord in Berlin on 3 March 2002.",
    "India criticized Pakistan after the attack on 13 December 2001.",
]


def _corpus(folder, changed=()):
    folder.mkdir(exist_ok=True)
    for n, text in enumerate(SENTENCES):
        extra = " The talks went on late into the night." if n in changed else ""
        (folder / f"doc-{n}.txt").write_text(text + extra + "\n", encoding="utf-8")
    return folder


def _outputs(out):
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq.gz", "manifest.json")}


@pytest.mark.slow
@pytest.mark.parametrize("changed", [(2,), tuple(range(warm.FEW + 1))], ids=["one changed", "more than FEW"])
def test_warm_rerun_equals_clean_build(tmp_path, monkeypatch, changed):
    from diplograph.graph.pipeline import build
    from diplograph.graph.views import incremental

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    build([str(_corpus(corpus))], out, html=False, store=False, workers=2)
    loads = []
    real = incremental.load_saved
    monkeypatch.setattr(incremental, "load_saved", lambda folder: loads.append(folder) or real(folder))
    result = build([str(_corpus(corpus, changed))], out, html=False, store=False, workers=2)
    assert sorted(result.extracted) == [f"doc-{n}" for n in changed]
    assert loads == [out / ".cache" / "views"]  # once: read while the warm worker extracted, or in assemble
    assert multiprocessing.active_children() == []  # the warm worker (or the pool) is gone
    clean = tmp_path / "clean"
    build([str(corpus)], clean, html=False, store=False, workers=1)
    assert _outputs(out) == _outputs(clean)


def test_warm_worker_whose_extractor_cannot_start_raises_here(monkeypatch):
    """A broken gazetteer must end the build with its error, not make the pool start workers for ever."""
    from multiprocessing.dummy import Pool as ThreadPool

    from diplograph.graph.errors import DataFileError

    def broken() -> None:
        raise DataFileError("gazetteer/states.jsonl", 3, "bad JSON")

    monkeypatch.setattr(warm, "init_worker", broken)
    warm._start()  # the initializer keeps going: the job says it
    assert warm._run(job("any")) is None
    worker = warm.start(2)
    worker.close()
    worker.pool = ThreadPool(1, initializer=warm._start)  # threads see the broken extractor too
    with pytest.raises(DataFileError, match="bad JSON"):
        worker.run([job("any")], lambda outcome: None)
    assert worker.pool is None
