"""DuckDB: migrations, views, bulk loads and queries. The only home of SQL.

    db.py       connect (lock-aware), migrate, transaction
    load.py     the flow's writes (and, re-exported, its reads from read.py)
    read.py     reads: texts to extract, known events, pending digest items, counts
    rows.py     Python objects -> Arrow tables for bulk loads
    sql.py      the .sql files of migrations/, views/ and queries/, read once
    errors.py   WarehouseError and its subclasses
"""
