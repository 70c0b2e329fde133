"""Limits on a build's inputs, read by the command line and the pipeline without importing the extractor.

A rerun with nothing to extract (or none but what a worker process extracts) never needs the extractor,
its spaCy pipeline or numpy in the build's own process: the limit lives here so that importing it costs nothing.
"""

#: Input files larger than this many bytes are skipped (extract.documents takes it from here for its own readers).
MAX_BYTES = 20_000_000
