"""The operator's pipeline page and the outcome report (API) at scale, on SQLite and on PostgreSQL.

For each database: migrate a fresh database, fill it with a hub of 50,000 relationships and about
250,000 stage events (bench/pipeline_populate.py), serve it with gunicorn (DEBUG off) and run wrk with
20 connections for 30 s on loopback against a rotating mix of report dates and filters, twice: "cold",
with reports not remembered (BRIDGEHUB_PIPELINE_MEMO_SIZE=0: every request counts its figures from the
hub's history columns), and "remembered" (the default: each process keeps recent reports until the
history changes). Each worker builds the history columns once, during the warm-up; that build is timed
separately (`history_build_s`, in-process, before the server starts). Prints one JSON object per run and
a Markdown table for docs/benchmarks.md. Needs `wrk` on the PATH.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadkit  # noqa: E402
from directory_load import PORT, environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def fresh_database(backend: str, out: Path, env: dict[str, str], relationships: int) -> tuple[dict, float]:
    return loadkit.fresh_database(backend, out, env, ["pipeline_populate.py", "--relationships", str(relationships)])


def request_lines(credentials: dict) -> dict[str, list[str]]:
    today = dt.date.today()
    dates = ["", (today - dt.timedelta(days=90)).isoformat(), (today - dt.timedelta(days=200)).isoformat()]
    filters = ["", "countries=TW-JP", "step=4", "opened_from=" + (today - dt.timedelta(days=120)).isoformat(),
               "step=2&page=5"]
    page = [f"/manage/tokyo/pipeline/?as_of={day}&{extra}\tCookie\tsessionid={credentials['session']}"
            for day in dates for extra in filters]
    report = [f"/api/v1/hubs/tokyo/pipeline?{'as_of=' + day if day else ''}&{extra}\tAuthorization\t"
              f"Bearer {credentials['token']}" for day in dates for extra in ("", "countries=TW-JP")]
    return {"pipeline_page": page, "outcomes_report_api": report}


def run_wrk(lines: list[str], out: Path, name: str, duration: int, connections: int) -> dict:
    loadkit.check_answers(lines)
    requests_file = out / f"{name}.requests"
    requests_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "BENCH_REQUESTS": str(requests_file)}
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "30s",
               "-s", str(ROOT / "bench" / "wrk_headers.lua"), f"http://127.0.0.1:{PORT}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    match = re.search(r"BENCH_JSON (\{.*\})", result.stdout)
    if match is None:
        raise RuntimeError(f"wrk printed no report:\n{result.stdout}\n{result.stderr}")
    report = json.loads(match.group(1))
    report["requests_per_s"] = round(report["requests"] / (report["duration_us"] / 1e6), 1)
    report["errors"] = sum(value for key, value in report.items() if key.startswith("errors_"))
    return report


BUILD_TIMER = """
import os, time, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgehub.settings")
django.setup()
from bridgehub.hubs.models import Hub
from bridgehub.pipeline.domain.history import build_history
hub = Hub.objects.get(slug="tokyo")
started = time.perf_counter()
history = build_history(hub)
print(round(time.perf_counter() - started, 2), len(history.relationship_ids), len(history.event_day))
"""


def bench_backend(backend: str, args, out: Path) -> list[dict]:
    env = environment(backend, out)
    credentials, setup_seconds = fresh_database(backend, out, env, args.relationships)
    build = subprocess.run([sys.executable, "-c", BUILD_TIMER], env=env, check=True, capture_output=True,
                           text=True).stdout.split()
    results = []
    for mode, memo in (("cold", "0"), ("remembered", None)):
        mode_env = dict(env)
        if memo is not None:
            mode_env["BRIDGEHUB_PIPELINE_MEMO_SIZE"] = memo
        for report in bench_server(backend, mode, mode_env, credentials, args, out):
            report.update({"setup_seconds": round(setup_seconds, 1), "history_build_s": float(build[0]),
                           "events": int(build[2])})
            print(json.dumps(report), flush=True)
            results.append(report)
    return results


def bench_server(backend: str, mode: str, env: dict[str, str], credentials: dict, args, out: Path) -> list[dict]:
    results = []
    with loadkit.gunicorn(env, args.workers):
        for name, lines in request_lines(credentials).items():
            run_wrk(lines, out, f"pipeline-{backend}-{mode}-{name}-warmup", args.warmup, args.connections)
            report = run_wrk(lines, out, f"pipeline-{backend}-{mode}-{name}", args.duration, args.connections)
            report.update({"backend": backend, "mode": mode, "target": name, "relationships": args.relationships,
                           "connections": args.connections, "seconds": args.duration, "workers": args.workers})
            results.append(report)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--relationships", type=int, default=50_000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=20, help="seconds of load first: each worker builds the columns")
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for backend in args.backends.split(","):
        results += bench_backend(backend, args, args.out)
    print(f"\nmachine: {platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| database | reports | target | requests/s | p50 ms | p95 ms | p99 ms | errors | columns built in |\n"
          "|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['backend']} | {r['mode']} | {r['target']} | {r['requests_per_s']} | {r['p50_ms']:.1f} | "
              f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} | {r['history_build_s']} s |")
    (args.out / "pipeline_load.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
