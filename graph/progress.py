"""Build progress on stderr: documents done of total, words per second, time left, and a final summary line.

Shown when stderr is a terminal or when asked (``--progress``); otherwise :class:`Progress` writes
nothing, so piped and tested runs stay quiet.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def progress_line(done: int, total: int, words: int, elapsed: float) -> str:
    """One status line.

    >>> progress_line(50, 200, 25_000, 10.0)
    '50/200 documents  2,500 words/s  ETA 0:00:30'
    """
    rate = words / elapsed if elapsed > 0 else 0.0
    eta = elapsed / done * (total - done) if done else 0.0
    return f"{done}/{total} documents  {rate:,.0f} words/s  ETA {_clock(eta)}"


class Progress:
    """Counts finished documents and redraws one status line at most every ``interval`` seconds.

    Args:
        total: Documents to process (cached ones count as done at once).
        enabled: None to show only on a terminal; True or False to force.
        stream: Where to write (stderr by default).
    """

    def __init__(self, total: int, *, enabled: bool | None = None, stream: TextIO | None = None,
                 interval: float = 0.2):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total, self.done, self.words, self.interval = total, 0, 0, interval
        self.start = self._last = time.monotonic()

    def advance(self, documents: int = 1, words: int = 0) -> None:
        self.done += documents
        self.words += words
        now = time.monotonic()
        if self.enabled and (now - self._last >= self.interval or self.done == self.total):
            self._last = now
            self.stream.write("\r" + progress_line(self.done, self.total, self.words, now - self.start) + "\x1b[K")
            self.stream.flush()

    def finish(self, *, extracted: int, cached: int, failed: int) -> None:
        """The summary line: documents built, how many were read and how many reused, time, words per second."""
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.start
        rate = self.words / elapsed if elapsed > 0 else 0.0
        self.stream.write(f"\rbuilt {extracted + cached} documents ({extracted} extracted, {cached} cached, "
                          f"{failed} failed) in {elapsed:.1f} s, {rate:,.0f} words/s\x1b[K\n")
        self.stream.flush()
