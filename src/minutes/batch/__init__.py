"""Batch cleanup of historical minutes: many files in, one record each out,
resumable, in parallel worker processes or on a dask cluster.

Layers: `work` (one document, pure apart from writing its output), `runner`
(walk, manifest, process pool), `distributed` (dask, and the entry point for
Ray/Spark), `report` (summary from the manifest), `progress` (bar or lines).
"""
from __future__ import annotations

from .runner import DEFAULT_GLOBS, Manifest, Options, RunResult, run, walk

__all__ = ["DEFAULT_GLOBS", "Manifest", "Options", "RunResult", "run", "walk"]
