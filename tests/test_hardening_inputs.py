"""Hostile and broken input through ``diplograph build`` (in-process, click's CliRunner).

Every case checks the contract of the README's failure table: one line naming the file, the documented
exit code, no traceback, the good documents still built, the previous output never left half-written.
"""

from __future__ import annotations

import errno
import gzip
import os
import pathlib
import threading

import pytest
from click.testing import CliRunner

from diplograph.graph.cli import friendly, main
from diplograph.graph.errors import InputError
from diplograph.graph.extract.documents import read_document

GOOD = "President Vladimir Putin of Russia met Jiang Zemin in Beijing on June 14, 2002.\n"
BAD = {
    "empty": b"",
    "whitespace": b"  \n\t\r\n   \n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    "nul": b"President Putin\x00met Jiang Zemin\x00 in Beijing.",
}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*args: str):
    return CliRunner().invoke(main, ["build", *args, "--no-html", "--no-store", "--no-progress"])


def assert_clean(result, code: int, *names: str) -> None:
    """Exit code as documented, no traceback, and every error line naming the files given."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    errors = [line for line in result.stderr.splitlines() if line.startswith("diplograph:")]
    assert errors, result.output
    for name in names:
        assert any(name in line for line in errors), (name, result.stderr)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def built_documents(out: pathlib.Path) -> str:
    return gzip.decompress((out / "graph.nq.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize("kind", sorted(BAD))
def test_hardening_bad_file_in_folder_is_skipped(kind, corpus, tmp_path):
    (corpus / f"bad-{kind}.txt").write_bytes(BAD[kind])
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert_clean(result, 2, f"bad-{kind}.txt")
    nq = built_documents(tmp_path / "out")
    assert "/id/doc/good>" in nq or "good" in nq
    assert f"bad-{kind}" not in nq


@pytest.mark.parametrize("kind", sorted(BAD))
def test_hardening_bad_file_alone_leaves_previous_output(kind, corpus, tmp_path):
    out = tmp_path / "out"
    assert run(str(corpus / "good.txt"), "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = tmp_path / f"only-{kind}.txt"
    bad.write_bytes(BAD[kind])
    assert_clean(run(str(bad), "--out", str(out)), 2, f"only-{kind}.txt")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("encoding,text,word", [
    ("latin-1", "Chancellor Gerhard Schröder of Germany met President Putin in Moscow.", "Schröder"),
    ("cp1251", "Президент Путин встретился с Цзян Цзэминем. President Putin of Russia met Jiang Zemin.", "Путин"),
    ("utf-16", "President Putin of Russia met Jiang Zemin in Beijing.", "Jiang Zemin"),
])
def test_hardening_legacy_encodings_decode_and_build(encoding, text, word, tmp_path):
    path = tmp_path / f"enc-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text and word in doc.text
    assert (encoding == "utf-16") == (not doc.warnings)  # a BOM says what it is; a guess is warned about
    result = run(str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "russia" in built_documents(tmp_path / "out")


def test_hardening_repeated_bom_dropped():
    from diplograph.graph.extract.documents import parse_document

    for raw in (b"\xff\xfe" * 3 + "Publication: Monitor Volume: 8\nPutin".encode("utf-16-le"),
                b"\xef\xbb\xbf" * 2 + b"Publication: Monitor Volume: 8\nPutin"):
        doc = parse_document(raw, doc_id="x", path="x.txt")
        assert doc.text.startswith("Publication") and doc.date and doc.date.year == 2002


def test_hardening_oversize_file_refused_naming_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.txt: .*over the limit of 1000 .*--max-bytes"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=path.stat().st_size).text == GOOD * 100


def test_hardening_fifty_megabyte_file_refused_without_reading(corpus, tmp_path):
    with open(corpus / "huge.txt", "wb") as fh:  # sparse: 50 MB long, no disk used, never read
        fh.truncate(50 * 2**20)
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert_clean(result, 2, "huge.txt")
    assert f"{50 * 2**20} bytes is over the limit" in result.stderr
    assert "good" in built_documents(tmp_path / "out")


def test_hardening_build_max_bytes_option(corpus, tmp_path):
    (corpus / "big.txt").write_text(GOOD * 100, encoding="utf-8")
    result = run(str(corpus), "--out", str(tmp_path / "out"), "--max-bytes", "1000")
    assert_clean(result, 2, "big.txt")
    assert "--max-bytes" in result.stderr and "good" in built_documents(tmp_path / "out")


def test_hardening_one_megabyte_line(corpus, tmp_path):
    (corpus / "long.txt").write_text("lorem ipsum " * 85_000 + GOOD.strip(), encoding="utf-8")
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "long" in built_documents(tmp_path / "out")


def _crash_on(monkeypatch, marker: str) -> None:
    """Make the extractor fail (as a bug would) on documents holding ``marker``."""
    import diplograph.graph.extract as extract_mod

    real = extract_mod.extract

    def extract(document, *args, **kwargs):
        if marker in document.text:
            raise RuntimeError("simulated extractor bug\nsecond line")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(extract_mod, "extract", extract)


def test_hardening_extractor_bug_is_one_line(corpus, tmp_path, monkeypatch):
    (corpus / "crash.txt").write_text("Zanzibar-crash " + GOOD, encoding="utf-8")
    _crash_on(monkeypatch, "Zanzibar-crash")
    monkeypatch.delenv("DIPLOGRAPH_DEBUG", raising=False)
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert "Traceback" not in result.output
    assert result.exit_code in (1, 2)
    assert len(result.stderr.strip().splitlines()) == 1 if result.exit_code == 1 else "crash.txt" in result.stderr


def test_hardening_extractor_bug_skips_only_that_document(corpus, tmp_path, monkeypatch):
    (corpus / "crash.txt").write_text("Zanzibar-crash " + GOOD, encoding="utf-8")
    _crash_on(monkeypatch, "Zanzibar-crash")
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert_clean(result, 2, "crash.txt")
    assert "good" in built_documents(tmp_path / "out")


@pytest.mark.skipif(IS_ROOT, reason="root reads chmod 000 files; see the monkeypatched variant")
def test_hardening_unreadable_file_chmod(corpus, tmp_path):
    bad = corpus / "secret.txt"
    bad.write_text(GOOD, encoding="utf-8")
    bad.chmod(0)
    try:
        assert_clean(run(str(corpus), "--out", str(tmp_path / "out")), 2, "secret.txt")
    finally:
        bad.chmod(0o644)
    assert "good" in built_documents(tmp_path / "out")


def test_hardening_unreadable_file_in_folder(corpus, tmp_path, monkeypatch):
    # Works as root too: opening secret.txt fails with EACCES, as chmod 000 would for a normal user.
    (corpus / "secret.txt").write_text(GOOD, encoding="utf-8")
    real_open = pathlib.Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", guarded)
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert_clean(result, 2, "secret.txt")
    assert "Permission denied" in result.stderr
    assert "good" in built_documents(tmp_path / "out")


def test_hardening_fifo_and_folder_named_txt_in_folder(corpus, tmp_path):
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "folder.txt").mkdir()
    result = run(str(corpus), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "good" in built_documents(tmp_path / "out")


def test_hardening_read_document_refuses_fifo_and_folder(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError, match=r"pipe\.txt: not a regular file"):
        read_document(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match=r"folder\.txt: is a folder"):
        read_document(tmp_path / "folder.txt")


def test_hardening_fifo_named_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("r", run(str(fifo), "--out", str(tmp_path / "out"))))
    worker.start()
    worker.join(20)
    hung = worker.is_alive()
    if hung:  # release the reader with an end of file so the test never hangs
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(20)
    assert not hung
    assert_clean(box["r"], 2, "pipe.txt")


def test_hardening_symlink_loop(corpus, tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert_clean(run(str(loop), "--out", str(tmp_path / "out")), 2, "loop.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    result = run(str(corpus), "--out", str(tmp_path / "out2"))
    assert "Traceback" not in result.output and result.exit_code in (0, 2)
    assert "good" in built_documents(tmp_path / "out2")


def test_hardening_missing_path(tmp_path):
    assert_clean(run(str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")), 2, "nope.txt")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_hardening_output_not_writable(corpus, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    out = blocker / "out"
    assert_clean(run(str(corpus), "--out", str(out)), 4, str(out))
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def _fail_second_output(monkeypatch, out: pathlib.Path) -> None:
    """Make the second file opened for writing in ``out`` fail with ENOSPC, like a disk filling up."""
    real_fdopen, seen = os.fdopen, []

    def fdopen(fd, *args, **kwargs):
        target = os.readlink(f"/proc/self/fd/{fd}")
        if os.path.dirname(target) == str(out.resolve()):
            seen.append(target)
            if len(seen) == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def _rebuild_failing(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run(str(corpus), "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (corpus / "second.txt").write_text("Jiang Zemin of China visited Moscow in July 2001.\n", encoding="utf-8")
    _fail_second_output(monkeypatch, out)
    return out, before, run(str(corpus), "--out", str(out))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see which file is written")
def test_hardening_write_failure_mid_build(corpus, tmp_path, monkeypatch):
    out, before, result = _rebuild_failing(corpus, tmp_path, monkeypatch)
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output and "No space left" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]  # no temporary files left behind
    assert (out / "graph.ttl").read_bytes().endswith(b"\n")  # each file whole, old or new
    assert gzip.decompress((out / "graph.nq.gz").read_bytes()).endswith(b"\n")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see which file is written")
def test_hardening_write_failure_names_file(corpus, tmp_path, monkeypatch):
    _, _, result = _rebuild_failing(corpus, tmp_path, monkeypatch)
    assert "graph.nq" in result.stderr


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see which file is written")
def test_hardening_write_failure_keeps_previous_output(corpus, tmp_path, monkeypatch):
    out, before, result = _rebuild_failing(corpus, tmp_path, monkeypatch)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_hardening_friendly_turns_a_bug_into_one_line(monkeypatch):
    import click

    @click.command()
    @friendly
    def boom():
        raise ValueError("line one\nline two <script>")

    monkeypatch.delenv("DIPLOGRAPH_DEBUG", raising=False)
    result = CliRunner().invoke(boom, [])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "internal error: ValueError: line one line two" in result.stderr
    monkeypatch.setenv("DIPLOGRAPH_DEBUG", "1")
    assert isinstance(CliRunner().invoke(boom, []).exception, ValueError)


def test_hardening_friendly_os_error_names_file():
    import click

    @click.command()
    @friendly
    def denied():
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/out/graph.ttl")

    result = CliRunner().invoke(denied, [])
    assert result.exit_code == 4
    assert result.stderr == "diplograph: error: /srv/out/graph.ttl: Permission denied\n"


def test_hardening_friendly_neutralises_terminal_escapes(tmp_path):
    evil = tmp_path / "\x1b[2J\u202eevil.txt"
    result = run(str(evil), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "\\u001b[2J\\u202eevil.txt: no such file or folder" in result.stderr


def test_hardening_skipped_line_neutralises_terminal_escapes(corpus, tmp_path):
    (corpus / "\x1b[2Jbad.txt").write_bytes(b"")
    # color=True: as on a terminal, where click.echo stops stripping escape sequences.
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-html",
                                       "--no-store"], color=True)
    assert result.exit_code == 2 and "\x1b" not in result.stderr
