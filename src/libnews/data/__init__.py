"""Shipped data tables (TOML).  See `libnews.resources` for how they are read."""
