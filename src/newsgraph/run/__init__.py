"""Engines that run the pipeline over many records: a local process pool (and, later, Dask)."""
