"""A member's signals page and feed API at scale (issue 13), on SQLite and on PostgreSQL.

For each database: migrate a fresh database, fill it with 10,000 organisations and 100,000 stories
(bench/signals_populate.py), time the ingestion of 2,000 new items into it (language, links against the
10,000 organisations, event, sectors, copy check, rows) and the relinking an operator's new alias
starts (the hub's year of stories read again; bench stories are one-line titles), serve it with
gunicorn (DEBUG off) and run wrk with 20 connections for 30 s on loopback against the member's feed:
the signals page (first pages) and the feed API, then the same member's directory search as a
yardstick of the machine's speed in that run. Nothing is remembered between requests: every request
selects the member's stories out of the hub's 100,000. Prints one JSON object per run and a Markdown
table for docs/benchmarks.md. Needs `wrk` on the PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadkit  # noqa: E402
from directory_load import environment  # noqa: E402
from pipeline_load import run_wrk  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


INGEST_TIMER = """
import datetime as dt, os, random, sys, time, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.ingest import RawItem, ingest
rng = random.Random(5)
hub = Hub.objects.get(slug="tokyo")
verbs = ["raises a Series A", "opens a plant in Kumamoto", "wins an order from a carmaker", "partners with Sony",
         "launches a wafer inspection tool", "names a new chief executive"]
now = dt.datetime.now(dt.UTC)
raw = [RawItem(title=f"Bench organisation {rng.randrange(10000)} {rng.choice(verbs)} ({n})",
               url=f"https://ingest.example.org/{n}", published_at=now - dt.timedelta(minutes=n),
               body=f"Bench organisation {rng.randrange(10000)} said the deal covers {rng.choice(verbs)} in {n}.")
       for n in range(int(sys.argv[1]))]
started = time.perf_counter()
result = ingest(hub=hub, source=None, raw_items=raw)
print(round(time.perf_counter() - started, 2), result.added, result.copies)
"""


RELINK_TIMER = """
import os, time, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()
from bridgehub.directory.models import Organisation
from bridgehub.hubs.models import Hub
from bridgehub.signals.domain.relink import relink_organisation
from bridgehub.signals.models import Alias
hub = Hub.objects.get(slug="tokyo")
organisation = Organisation.objects.get(slug="bench-org-9999")  # one the member does not follow
Alias.objects.get_or_create(hub=hub, organisation=organisation, name="Story 4242")
started = time.perf_counter()
result = relink_organisation(hub, organisation.pk)
print(round(time.perf_counter() - started, 2), result.read, result.added)
"""


def time_relinking(env: dict[str, str]) -> dict:
    """An operator's alias read against the hub's stories of the last year (the background task's work)."""
    out = subprocess.run([sys.executable, "-c", RELINK_TIMER], env=env, check=True, capture_output=True,
                         text=True).stdout.split()
    return {"relink_s": float(out[0]), "relink_read": int(out[1]), "relink_added": int(out[2])}


def time_ingestion(env: dict[str, str], count: int) -> dict:
    """Ingest `count` new items in one process (linker build over 10,000 organisations included)."""
    out = subprocess.run([sys.executable, "-c", INGEST_TIMER, str(count)], env=env, check=True, capture_output=True,
                         text=True).stdout.split()
    seconds, added, copies = float(out[0]), int(out[1]), int(out[2])
    return {"ingest_items": count, "ingest_s": seconds, "added": added, "copies": copies,
            "items_per_s": round(count / seconds, 1)}


def request_lines(credentials: dict) -> dict[str, list[str]]:
    page = [f"/signals/?page={number}\tCookie\tsessionid={credentials['session']}" for number in (1, 1, 1, 2, 3)]
    api = [f"/api/v1/signals/feed?page={number}\tAuthorization\tBearer {credentials['token']}"
           for number in (1, 1, 2)]
    # A yardstick in the same run: the machine's speed varies by 2x between runs, so a change is read
    # against the same member's directory search served by the same workers.
    yardstick = [f"/directory/?q=AI\tCookie\tsessionid={credentials['session']}"]
    return {"signals_page": page, "feed_api": api, "yardstick_directory": yardstick}


def last_credentials(backend: str, out: Path) -> dict | None:
    """The session and token of the last run on this database, from the request files it left."""
    try:
        page = (out / f"signals-{backend}-signals_page.requests").read_text(encoding="utf-8").splitlines()[0]
        api = (out / f"signals-{backend}-feed_api.requests").read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError):
        return None
    return {"session": page.split("sessionid=", 1)[1], "token": api.split("Bearer ", 1)[1]}


def bench_backend(backend: str, args, out: Path) -> list[dict]:
    env = environment(backend, out)
    credentials = last_credentials(backend, out) if args.reuse else None
    if credentials is None:
        credentials, setup_seconds = loadkit.fresh_database(backend, out, env,
                                                            ["signals_populate.py", "--items", str(args.items)])
        ingestion = time_ingestion(env, args.ingest)
        print(json.dumps({"backend": backend, **ingestion, **time_relinking(env)}), flush=True)
    else:  # the last run's database, its items already ingested: only the load is measured again
        setup_seconds, ingestion = float("nan"), {"items_per_s": "reused"}
    results = []
    with loadkit.gunicorn(env, args.workers):
        for name, lines in request_lines(credentials).items():
            run_wrk(lines, out, f"signals-{backend}-{name}-warmup", args.warmup, args.connections)
            report = run_wrk(lines, out, f"signals-{backend}-{name}", args.duration, args.connections)
            report.update({"backend": backend, "target": name, "items": args.items, "connections": args.connections,
                           "seconds": args.duration, "workers": args.workers, "setup_seconds": round(setup_seconds, 1),
                           "ingest_items_per_s": ingestion["items_per_s"]})
            print(json.dumps(report), flush=True)
            results.append(report)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--ingest", type=int, default=2000, help="new items ingested (timed) before the load")
    parser.add_argument("--reuse", action="store_true",
                        help="serve the last run's databases again (no filling, no ingestion timed)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = [row for backend in args.backends.split(",") for row in bench_backend(backend, args, args.out)]
    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| database | target | p50 ms | p95 ms | p99 ms | requests/s | errors | ingestion items/s |")
    print("|---|---|---|---|---|---|---|---|")
    for row in results:
        print(f"| {row['backend']} | {row['target']} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | "
              f"{row['requests_per_s']} | {row['errors']} | {row['ingest_items_per_s']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
