"""Fetch and parse: seed files, feeds, pages and searches (one HTTP seam) -> `Article`; near-duplicates and source health."""
