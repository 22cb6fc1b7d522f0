-- Per connection: DuckDB draws a progress bar on stdout for long queries; a pipeline's
-- output (and the benchmarks reading it) must not get one.
SET enable_progress_bar = false;
