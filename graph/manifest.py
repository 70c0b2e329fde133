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
    return (indented(data) + "\n").encode("utf-8")


def indented(data: dict) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)``, the same text made faster.

    The indenting encoder is pure Python, slow for the ``inputs`` of a corpus (one object per document):
    objects of plain values are encoded by the C encoder instead, their line breaks and indents passed as
    its separators.
    """
    inputs = data.get("inputs")
    if not inputs or not all(isinstance(i, dict) and i and all(type(v) in PLAIN for v in i.values()) for i in inputs):
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    text = json.dumps({**data, "inputs": HOLE}, ensure_ascii=False, indent=2, sort_keys=True)
    hole = json.dumps(HOLE)
    if text.count(hole) != 1:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    # one call: a string holds no raw line break, so "},\n      {" is always between two objects
    flat = json.dumps(inputs, ensure_ascii=False, sort_keys=True, separators=(",\n      ", ": "))
    listed = "[\n    {\n      " + flat[2:-2].replace("},\n      {", "\n    },\n    {\n      ") + "\n    }\n  ]"
    return text.replace(hole, listed)


PLAIN = {str, int, float, bool, type(None)}
HOLE = "\x00inputs\x00"  # stands for the inputs while the rest is indented
