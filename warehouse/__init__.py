"""DuckDB: migrations, views, bulk loads and queries. The only home of SQL."""
