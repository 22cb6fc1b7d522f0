"""The `sahelwatch` command as a user runs it (subprocesses, real files)."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
CONTRACT = {"type", "subject", "object", "members", "date", "place", "country", "killed", "wounded",
            "kidnapped", "polarity", "confidence", "evidence", "source"}


def sahelwatch(*args, cwd=None, timeout=120, env=None):
    return subprocess.run([sys.executable, "-m", "flows", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=timeout, env={**os.environ, **(env or {})})


def test_extract_seed_prints_claims_per_contract():
    seed = "seeds/004_d12fade6fe7c1fc2.txt"
    out = sahelwatch("extract", seed, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) >= 10
    for row in rows:
        assert set(row) == CONTRACT
        assert row["source"] == seed
        assert row["type"] in {"pledge", "split", "merger", "attack"}
        assert row["polarity"] in {"asserted", "hedged", "denied"}
        text = (ROOT / seed).read_text(encoding="utf-8")
        assert text[row["evidence"]["start"]:row["evidence"]["end"]] == row["evidence"]["sentence"]
        for party in [row["subject"], row["object"], *row["members"]]:
            assert party is None or set(party) == {"id", "name", "text"}
    assert any(r["type"] == "attack" and r["place"] == "Tizi Ouzou" and r["killed"] == 11 for r in rows)


def test_extract_reports_bad_files_and_goes_on(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"text": "On 3 May 2021, AQIM attacked a police post in Tizi Ouzou, killing two officers.",
                                "published": "2021-05-04"}))
    (tmp_path / "empty.txt").write_bytes(b"")
    out = sahelwatch("extract", str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"), str(good))
    assert out.returncode == 1
    assert "missing.txt: file not found" in out.stderr and "empty.txt: empty file" in out.stderr
    assert "Traceback" not in out.stderr
    assert json.loads(out.stdout.splitlines()[0])["source"] == str(good)


def test_extract_links_parties_as_a_run_does(tmp_path):
    """A pledge to a leader is to the group he led at the claim's date (Droukdel: the GSPC
    until its renaming in 2007, AQIM after), as in the monitor flow."""
    doc = tmp_path / "old.txt"
    doc.write_text("In June 2005, Katibat al-Furqan pledged allegiance to Abdelmalek Droukdel.\n", encoding="utf-8")
    out = sahelwatch("extract", str(doc), "--published", "2005-07-01")
    assert out.returncode == 0, out.stderr
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert (row["type"], row["subject"]["id"], row["object"]["id"], row["date"]) == ("pledge", "katiba_al_furqan", "gspc", "2005-06")


def test_run_on_a_database_held_by_another_process_fails_fast_and_clearly(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        out = sahelwatch("run", "--db", str(db), "--outbox", str(tmp_path / "outbox"), cwd=tmp_path, timeout=60)
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 2
    assert "held.duckdb" in out.stderr and "Traceback" not in out.stderr
    assert elapsed < 20


def test_run_whose_prefect_server_starts_too_late_fails_in_one_line(tmp_path):
    """A busy machine can keep Prefect's temporary server from answering in time: one line that
    says what to do, exit status 1, no traceback (here the wait is cut to 1 s)."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "1"
    out = subprocess.run([sys.executable, "-m", "flows", "run", "--db", str(tmp_path / "w.duckdb"),
                          "--outbox", str(tmp_path / "outbox")], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120, env=env)
    assert out.returncode == 1, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    line = next(x for x in out.stderr.splitlines() if x.startswith("sahelwatch: error:"))
    assert "temporary local server did not answer within 1 s" in line
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in line and "PREFECT_API_URL" in line


def test_eval_prints_per_type_scores():
    out = sahelwatch("eval")
    assert out.returncode == 0, out.stderr
    for claim_type in ("pledge", "split", "merger", "attack"):
        assert claim_type in out.stdout


def test_extract_into_a_closed_pipe_ends_quietly():
    out = subprocess.run(f"{sys.executable} -m flows extract seeds/*.txt | head -n 1", shell=True,
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert len(out.stdout.splitlines()) == 1
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr


def test_malformed_knowledge_base_is_named_with_its_line(tmp_path):
    (tmp_path / "entities.yaml").write_text("entities:\n  - id: x\n    name: [oops\n")
    out = sahelwatch("extract", "seeds/000_999dedc9c3ac5313.txt", env={"SAHELWATCH_SEEDS": str(tmp_path)})
    assert out.returncode == 2
    assert "entities.yaml: malformed YAML at line 4" in out.stderr and "Traceback" not in out.stderr


def test_same_failure_of_many_sources_folds_into_one_summary_line():
    from flows.commands.run import group_error_lines

    lines = [f"feed{i}: https://news{i}.example.org/rss: cannot connect: DNS lookup failed for news{i}.example.org"
             for i in range(6)]
    lines.insert(2, "seeds: 001.txt: empty file")
    out = group_error_lines(lines)
    assert out == ["6 sources: cannot connect: DNS lookup failed for … (feed0, feed1, feed2, feed3 and 2 more; "
                   "every row in v_errors)", "seeds: 001.txt: empty file"]
    assert group_error_lines(lines[:3]) == lines[:3]  # two alike stay as they are
