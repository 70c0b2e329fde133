"""Phrase patterns: tokenised once and kept on disk between runs, matched through a table of token hashes.

The extractor's phrases (the gazetteer's surface forms, the titles and the event triggers: some 31,000)
are tokenised by spaCy and matched on each token's ``ORTH`` or ``LOWER`` hash. Tokenising them, and
handing them to spaCy's ``PhraseMatcher`` (which makes a lexeme per match key), cost two to three CPU
seconds at every start of a process that reads a document: most of a one-document rerun. So:

- the token hashes of a phrase set are cached, one JSON file per set, in ``$XDG_CACHE_HOME/diplograph``
  (else ``~/.cache/diplograph``), keyed by the SHA-256 of everything they depend on (:func:`key_of`);
  a file is used only when its header names that key and the digest of its body, and the body matches
  the digest and has one list per phrase; anything else (missing, truncated, stale, unreadable) is
  ignored and the file made again, written to a temporary file renamed into place, so that workers
  starting together and a kill at any point leave no file or a whole one;
- :class:`PhraseTable` finds the phrases in a ``Doc`` with a dict from token-hash tuples to match keys:
  the ``PhraseMatcher``'s answer (every occurrence of every phrase, overlapping ones included), built in
  milliseconds from the cached hashes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMAT = 1
MIN_CACHED = 1000  # phrase sets smaller than this are tokenised directly: a file would not save time
KEEP = 16  # phrase files kept in the folder, the most recently used (each gazetteer or rule edit adds one)
PREFIX = "phrases-"

Tokens = list[list[int]]


class PhraseTable:
    """Every occurrence of a set of phrases in a ``Doc``, as ``(key, start, end)`` like spaCy's matchers.

    Args:
        attr: The token attribute compared (``"ORTH"`` or ``"LOWER"``).
        phrases: (match key, the phrase's token hashes) pairs; empty phrases are ignored.
    """

    def __init__(self, attr: str, phrases: Iterable[tuple[int, Sequence[int]]]):
        self.attr = attr
        self._keys: dict[tuple[int, ...], tuple[int, ...]] = {}
        lengths: dict[int, set[int]] = {}
        for key, hashes in phrases:
            if hashes:
                seq = tuple(hashes)
                self._keys[seq] = (*self._keys.get(seq, ()), key)
                lengths.setdefault(seq[0], set()).add(len(seq))
        # the lengths of the phrases that start with a token: the only slices worth looking up there
        self._lengths = {first: tuple(sorted(n)) for first, n in lengths.items()}

    def __len__(self) -> int:
        return len(self._keys)

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        return self.find(doc.to_array(self.attr).tolist())

    def find(self, hashes: list[int]) -> list[tuple[int, int, int]]:
        """``(key, i, j)`` for every phrase equal to ``hashes[i:j]``."""
        out: list[tuple[int, int, int]] = []
        keys, lengths, size = self._keys, self._lengths.get, len(hashes)
        for i, first in enumerate(hashes):
            for n in lengths(first, ()):
                j = i + n
                if j <= size and (found := keys.get(tuple(hashes[i:j]))):
                    out.extend((key, i, j) for key in found)
        return out


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/diplograph``, or ``~/.cache/diplograph`` when that variable is unset or empty."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "diplograph"


def key_of(phrases: Sequence[str], attr: str, tokenizer: Sequence[str]) -> str:
    """The cache key of a phrase set: its phrases in order, the attribute read of each token, the spaCy
    version and ``tokenizer`` (the strings that set the tokenizer apart from spaCy's English one)."""
    from spacy import about

    head = json.dumps([FORMAT, about.__version__, attr, list(tokenizer)], ensure_ascii=False)
    h = hashlib.sha256(head.encode("utf-8") + b"\0")
    h.update("\0".join(phrases).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def tokenize(nlp, phrases: Sequence[str], attr: str) -> Tokens:
    """The ``attr`` hash of every token of every phrase, tokenised by ``nlp``."""
    return [doc.to_array(attr).tolist() for doc in nlp.tokenizer.pipe(phrases)]


def cached_tokens(nlp, phrases: Sequence[str], attr: str, tokenizer: Sequence[str],
                  folder: Path | None) -> Tokens:
    """:func:`tokenize`, read from the cache ``folder`` when a valid file is there, else made and stored."""
    if folder is None or len(phrases) < MIN_CACHED:
        return tokenize(nlp, phrases, attr)
    key = key_of(phrases, attr, tokenizer)
    path = folder / f"{PREFIX}{key[:40]}.json"
    found = read(path, key, len(phrases))
    if found is not None:
        return found
    made = tokenize(nlp, phrases, attr)
    write(path, key, made)
    return made


def read(path: Path, key: str, count: int) -> Tokens | None:
    """The token hashes stored in ``path`` for ``key`` (``count`` phrases), or None if missing or not valid."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        if json.loads(head) != {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}:
            return None
        tokens = json.loads(body)
    except (OSError, ValueError):  # missing, unreadable, not JSON (json's errors are ValueErrors)
        return None
    # the digest proved the body is the one written (lists of ints): check it has one list per phrase
    if type(tokens) is not list or len(tokens) != count or not all(type(t) is list for t in tokens):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept by _prune
    return tokens


def write(path: Path, key: str, tokens: Tokens) -> None:
    """Store ``tokens`` under ``key`` atomically (a temporary file renamed into place); on an error, do nothing."""
    body = json.dumps(tokens, separators=(",", ":")).encode("ascii")
    head = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}, sort_keys=True)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{PREFIX}", suffix=".tmp",
                                         delete=False) as f:
            tmp = f.name
            f.write(head.encode("ascii") + b"\n" + body)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
    except OSError:
        pass  # a read-only or full disk: the next start tokenises again, nothing else is lost
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the KEEP most recently used phrase files."""
    files = sorted(folder.glob(f"{PREFIX}*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
