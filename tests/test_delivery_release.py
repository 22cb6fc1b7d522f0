"""Issue 7: delivery holds the warehouse only while it writes. While the SMTP server is
answering (slowly), another process can open the warehouse and write; the digest is still
recorded once, as sent."""
from __future__ import annotations

import subprocess
import sys

import duckdb

from digest_world import Inbox, analyst, ingest, make_seeds, settings_for, smtp_at, smtp_server
from flows.delivery import deliver_digests

ANALYST = "aicha@desk.example"
WRITER = """
import sys
from warehouse.db import connect
con = connect(sys.argv[1], wait_s=0)
con.execute("INSERT OR REPLACE INTO ledger_state (name, value) VALUES ('probe', 'written during SMTP')")
con.close()
"""


class WriterDuringData(Inbox):
    """Before accepting DATA, another process writes to the warehouse (it must get in)."""

    def __init__(self, db_path):
        super().__init__()
        self.db_path, self.writer = db_path, None

    async def handle_DATA(self, server, session, envelope):
        self.writer = subprocess.run([sys.executable, "-c", WRITER, str(self.db_path)],
                                     capture_output=True, text=True, timeout=60)
        return await super().handle_DATA(server, session, envelope)


def test_another_writer_gets_the_warehouse_while_the_mail_server_answers(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi"])
    inbox = WriterDuringData(tmp_path / "w.duckdb")
    with smtp_server(inbox) as server:
        settings = settings_for(tmp_path, seeds, [analyst(ANALYST)], smtp_at(server.port))
        run = ingest(settings)
        report = deliver_digests(settings, run["run_id"], run)
    assert inbox.writer is not None and inbox.writer.returncode == 0, inbox.writer.stderr[-500:]
    assert report.problems == [] and len(report.delivered) == 1 and len(inbox.envelopes) == 1
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        assert con.execute("SELECT value FROM ledger_state WHERE name = 'probe'").fetchall() == [
            ("written during SMTP",)]
        assert con.execute("SELECT status, attempts FROM outbox").fetchall() == [("sent", 1)]
    finally:
        con.close()
