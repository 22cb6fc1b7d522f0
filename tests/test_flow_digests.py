"""The monitor flow's digests end to end, under prefect_test_harness, to a real SMTP server:
two runs with a new article in between, watchlists, artifacts, the password from a Prefect
Secret block, and the `serve` deployment registered with a real Prefect server."""
from __future__ import annotations

import asyncio
import logging

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from prefect.testing.utilities import prefect_test_harness

from digest_world import (
    Inbox, add_article, analyst, event_ids_of, html_of, make_seeds, settings_for, smtp_at, smtp_server,
)
from flows.monitor import monitor

pytestmark = pytest.mark.flow

SECRET = "Pa55-from-a-Prefect-Secret-block"
JNIM_DESK, ISGS_DESK = "jnim.desk@desk.example", "isgs.desk@desk.example"


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=60):
        yield


def test_second_run_digest_holds_only_the_new_event_and_excluded_recipient_gets_nothing(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi", "tongo_tongo"])
    inbox = Inbox()
    with smtp_server(inbox) as server:
        settings = settings_for(tmp_path, seeds, [analyst(JNIM_DESK, "JNIM"), analyst(ISGS_DESK, "ISGS")],
                                smtp_at(server.port))
        first = monitor(settings)
        add_article(seeds, "sokolo")  # Katiba Macina: a constituent group of JNIM
        second = monitor(settings)

    assert len(first["digests"]) == 2 and first["errors"] == 0
    assert second["articles_new"] == 1 and len(second["digests"]) == 1
    jnim_first, jnim_second = inbox.messages(JNIM_DESK)
    [isgs_first] = inbox.messages(ISGS_DESK)  # nothing in the second run: Sokolo is not theirs
    assert "Boulkessi" in html_of(jnim_first) and "Tongo Tongo" in html_of(isgs_first)
    assert len(event_ids_of(jnim_second)) == 1 and not event_ids_of(jnim_second) & event_ids_of(jnim_first)
    assert "Sokolo" in html_of(jnim_second) and "Boulkessi" not in html_of(jnim_second)
    assert jnim_second["Subject"].endswith(": 1 new attack")
    assert "following JNIM, with" in html_of(jnim_second)
    assert _artifact_markdown("digest-jnim-desk-desk-example").count("Katiba Macina") >= 1


def _artifact_markdown(key: str) -> str:
    """The latest artifact with `key`, read from the test server's REST API (the body spelled
    out in full: this Prefect client's own artifact filters send nulls its server refuses)."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    body = {"artifacts": {"key": {"any_": [key]}}, "limit": 1, "offset": 0, "sort": "CREATED_DESC"}
    response = httpx.post(f"{PREFECT_API_URL.value()}/artifacts/filter", json=body, timeout=10)
    response.raise_for_status()
    found = response.json()
    return found[0]["data"] if found else ""


def test_smtp_password_from_a_prefect_secret_block_is_used_and_never_logged(tmp_path, caplog):
    from prefect.blocks.system import Secret

    Secret(value=SECRET).save("sahelwatch-smtp-test", overwrite=True)
    caplog.set_level(logging.DEBUG)
    inbox = Inbox()

    def only_desk(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == SECRET.encode()
        return AuthResult(success=ok, handled=False)

    seeds = make_seeds(tmp_path / "seeds", ["boulkessi"])
    with smtp_server(inbox, authenticator=only_desk, auth_require_tls=False) as server:
        smtp = smtp_at(server.port, username="desk", password_secret="sahelwatch-smtp-test")
        settings = settings_for(tmp_path, seeds, [analyst(JNIM_DESK)], smtp)
        summary = monitor(settings)
    assert len(summary["digests"]) == 1 and len(inbox.envelopes) == 1
    assert SECRET not in caplog.text


def test_missing_secret_block_keeps_the_digest_queued(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi"])
    with smtp_server(Inbox()) as server:
        smtp = smtp_at(server.port, username="desk", password_secret="no-such-block")
        settings = settings_for(tmp_path, seeds, [analyst(JNIM_DESK)], smtp)
        summary = monitor(settings)
    assert summary["digests"] == [] and len(summary["digests_queued"]) == 1
    assert any("no-such-block" in line for line in summary["error_lines"])


def test_serve_deployment_registers_with_its_schedule_and_concurrency():
    from prefect.client.orchestration import get_client

    from flows.commands.serve import build_deployment
    from flows.settings import load_settings

    deployment_id = build_deployment(load_settings(env={})).apply()

    async def read():
        async with get_client() as client:
            return await client.read_deployment(deployment_id)

    stored = asyncio.run(read())
    assert [s.schedule.cron for s in stored.schedules] == ["*/30 * * * *"]
    assert stored.global_concurrency_limit.limit == 1
    assert stored.concurrency_options.collision_strategy == "CANCEL_NEW"
