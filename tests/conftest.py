import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ONLY_SOURCES = """sources:
  - {id: seeds, kind: seed_files, manifest: manifest.yaml, lang: en, reliability: B, poll_minutes: 60}
"""


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of seeds/ that a test may break."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    (dest / "sources.yaml").write_text(SEED_ONLY_SOURCES, encoding="utf-8")  # tests never reach the web
    return dest


@pytest.fixture(scope="session")
def kb():
    import yaml

    from claims.kb import KnowledgeBase

    return KnowledgeBase.from_records(yaml.safe_load((SEEDS / "entities.yaml").read_text(encoding="utf-8")))


@pytest.fixture
def con(tmp_path):
    """A migrated warehouse in a fresh file (a test file may define its own `con`)."""
    from warehouse.db import connect, migrate

    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    yield con
    con.close()
