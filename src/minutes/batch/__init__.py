"""Batch cleanup of historical minutes: many files in, one record each out,
resumable, in parallel worker processes or on a dask cluster."""
from __future__ import annotations

from .runner import DEFAULT_GLOBS, Options, RunResult, run, walk

__all__ = ["DEFAULT_GLOBS", "Options", "RunResult", "run", "walk"]
