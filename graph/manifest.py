"""The run manifest, ``OUT/manifest.json``: what a build read, with which versions, and what it counted.

Sorted and free of timestamps (unless asked for), so two builds of the same inputs write the same bytes
whether their documents were extracted or taken from the cache.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone


def manifest(result, *, timestamp: bool = False) -> bytes:
    """The manifest of a finished build as JSON bytes.

    Args:
        result: A BuildResult (its ``inputs``, ``versions``, ``options``, ``failures`` and ``summary()``).
        timestamp: Add the build time (UTC); off by default to keep the file reproducible.
    """
    data = {
        "diplograph": result.versions.diplograph if result.versions else None,
        "versions": dict(sorted(vars(result.versions).items())) if result.versions else {},
        "options": {k: v for k, v in sorted(result.options.items()) if v is not None},
        "inputs": sorted(result.inputs, key=lambda i: (i["path"], i["id"])),
        "failures": [{"path": p, "error": m} for p, m in sorted(result.failures)],
        "counts": {**result.summary(), "quads": result.quad_count},
        "build": result.build_key or None,
    }
    if timestamp:
        data["built_at"] = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
