"""One context manager (also a decorator) that pauses Python's cyclic garbage collector.

The extractor, the views and the exporters build hundreds of thousands of small containers that form
no reference cycles; each allocation burst would trigger a collection that walks them all and frees
nothing. Reference counting still frees everything while the collector is paused; its previous state
is restored on exit.
"""

from __future__ import annotations

import gc
from contextlib import ContextDecorator


class paused(ContextDecorator):  # noqa: N801 - used like a function: ``with paused():`` / ``@paused()``
    """Pause the cyclic collector inside the block (or the decorated function), then restore its state."""

    def __enter__(self) -> "paused":
        self._enabled = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc) -> bool:
        if self._enabled:
            gc.enable()
        return False
