"""Fetch and parse: seed files (and, later, feeds and pages) -> `Article`."""
