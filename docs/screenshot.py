"""`make screenshot`: the HTML digest of a realistic run, photographed by headless Chromium.

The run is a real `sahelwatch run` (Prefect's temporary server, DuckDB, extraction, the
outbox) over the five seed documents and the digest test fixtures (Boulkessi, Tongo Tongo,
Sokolo), in a temporary folder, with no web source: nothing leaves the machine. The digest
goes to a desk analyst following everything.

    python docs/screenshot.py [OUT.png] [--width 760] [--height 2400]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "digests"
EXTRA = [  # fixture articles added to the seed documents: (file, title, published)
    ("boulkessi.txt", "Militants overrun army camps in central Mali", date(2019, 10, 1)),
    ("tongo_tongo.txt", "Ambush near Tongo Tongo", date(2017, 10, 6)),
    ("sokolo.txt", "Gendarmes killed in dawn raid on Sokolo camp", date(2020, 1, 27)),
]
CONFIG = """
[[recipients]]
name = "Sahel desk"
email = "sahel.desk@example.org"
"""
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def seeds_folder(dest: Path) -> Path:
    """The seed documents and fixtures, their manifest, the KB, and one seed_files source."""
    dest.mkdir()
    manifest = yaml.safe_load((ROOT / "seeds" / "manifest.yaml").read_text(encoding="utf-8"))
    for entry in manifest["seeds"]:
        shutil.copy(ROOT / "seeds" / entry["file"], dest / entry["file"])
    for name, title, published in EXTRA:
        shutil.copy(FIXTURES / name, dest / name)
        manifest["seeds"].append({"file": name, "title": title, "publisher": "Fixture wire",
                                  "published": published, "lang": "en"})
    (dest / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    shutil.copy(ROOT / "seeds" / "entities.yaml", dest / "entities.yaml")
    source = {"id": "seeds", "kind": "seed_files", "manifest": "manifest.yaml", "enabled": True,
              "lang": "en", "reliability": "B", "poll_minutes": 60}
    (dest / "sources.yaml").write_text(yaml.safe_dump({"sources": [source]}), encoding="utf-8")
    return dest


def run_digest(work: Path) -> Path:
    """A real run in `work`; the path of the digest's .html."""
    (work / "sahelwatch.toml").write_text(CONFIG, encoding="utf-8")
    env = dict(os.environ, SAHELWATCH_CONFIG=str(work / "sahelwatch.toml"),
               SAHELWATCH_SEEDS=str(seeds_folder(work / "seeds")),
               SAHELWATCH_DB=str(work / "w.duckdb"), SAHELWATCH_OUTBOX=str(work / "outbox"))
    env.pop("SAHELWATCH_SMTP_HOST", None)
    sahelwatch = Path(sys.executable).with_name("sahelwatch")
    subprocess.run([str(sahelwatch), "run"], env=env, cwd=work, check=True)
    return next((work / "outbox").glob("*.html"))


def screenshot(html: Path, out: Path, width: int, height: int) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        sys.exit("chromium not found: apt-get update && apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                        f"--screenshot={out.resolve()}", f"--window-size={width},{height}",
                        html.resolve().as_uri()], check=True, capture_output=True, timeout=120)
    print(f"{out}: {width}x{height} screenshot of {html.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "digest.png")
    parser.add_argument("--width", type=int, default=760)
    parser.add_argument("--height", type=int, default=2400)
    parser.add_argument("--keep", action="store_true", help="keep the run's folder (printed)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sahelwatch-screenshot-"))
    try:
        screenshot(run_digest(work), args.out, args.width, args.height)
    finally:
        print(f"run folder: {work}") if args.keep else shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
