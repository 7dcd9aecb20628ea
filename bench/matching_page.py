"""The recommendations page under load with 10,000 organisations (20 connections, loopback).

Fills a fresh SQLite database with 10,000 organisations (bench/populate.py: copies of the demo
directory's trilingual organisations with numbered names), reads and encodes every profile and builds
every hub's lists with `bridgehub matching_refresh` (timed: identical copies reuse one encoding, so
this is ~150 encodings plus 10,000 facet readings), logs in 60 readers of the Tokyo hub, serves with
gunicorn and runs wrk against their /matches/ pages (each request with its reader's session).
Prints JSON lines and a Markdown row for docs/benchmarks.md. Needs `wrk`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

import loadkit  # noqa: E402
from directory_load import PORT, environment, wait_until_up  # noqa: E402


def run(command: list, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, check=True, text=True, **kwargs)


def wrk(requests_file: Path, duration: int, connections: int) -> dict:
    loadkit.check_answers(requests_file.read_text(encoding="utf-8").splitlines())
    env = {**os.environ, "BENCH_REQUESTS": str(requests_file)}
    result = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
                             "-s", str(ROOT / "bench" / "wrk_headers.lua"), f"http://127.0.0.1:{PORT}"],
                            env=env, capture_output=True, text=True, check=True)
    match = re.search(r"BENCH_JSON (\{.*\})", result.stdout)
    if match is None:
        raise RuntimeError(f"wrk printed no report:\n{result.stdout}\n{result.stderr}")
    report = json.loads(match.group(1))
    report["requests_per_s"] = round(report["requests"] / (report["duration_us"] / 1e6), 1)
    report["errors"] = sum(v for k, v in report.items() if k.startswith("errors_"))
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=20)
    # One gunicorn worker per core: these pages are CPU-bound on an embedded database, and on 2 cores
    # 4 workers preempted each other mid-request (2026-12-04, runs side by side: p95 142-174 ms with 4
    # against 107-148 ms with 2, and 107-158 over five runs with 2; docs/benchmarks.md).
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--reuse", action="store_true", help="keep the database of the last run (skip filling)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    out = args.out / "matching-page"
    env = environment("sqlite", out)
    refreshed, refresh_seconds = "reused", float("nan")
    if not (args.reuse and (out / "requests.tsv").exists()):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        for command in (["migrate", "--noinput", "-v0"], ["createcachetable"]):
            run([BIN / "bridgehub", *command], env)
        run([sys.executable, ROOT / "bench" / "populate.py", "--orgs", str(args.orgs)], env)
        started = time.perf_counter()
        refreshed = run([BIN / "bridgehub", "matching_refresh"], env, capture_output=True).stdout.strip()
        refresh_seconds = time.perf_counter() - started
    state = run([BIN / "bridgehub", "shell", "-c",
                 "from bridgehub.matchmaking.models import HubMatching as H; import json; "
                 "h = H.objects.get(hub__slug='tokyo'); "
                 "print(json.dumps({'profiles': h.profiles, 'pairs': h.pairs_scored, 'seconds': h.seconds, "
                 "'gini': h.gini}))"], env, capture_output=True).stdout.strip().splitlines()[-1]
    requests_file = out / "requests.tsv"
    if refreshed != "reused":
        requests_file.write_text(run([sys.executable, ROOT / "bench" / "matching_sessions.py"], env,
                                     capture_output=True).stdout, encoding="utf-8")
    baseline_file = out / "baseline.tsv"  # the same readers' directory page, as a yardstick in this run
    baseline_file.write_text("".join(f"/directory/?q=AI\t{line.split(chr(9), 1)[1]}\n"
                                     for line in requests_file.read_text().splitlines()), encoding="utf-8")
    server = subprocess.Popen([BIN / "gunicorn", "bridgehub.wsgi", "--workers", str(args.workers), "--bind",
                               f"127.0.0.1:{PORT}", "--log-level", "warning"], env=env, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/directory/")
        wrk(requests_file, 3, args.connections)  # warm each worker
        report = wrk(requests_file, args.duration, args.connections)
        wrk(baseline_file, 3, args.connections)
        baseline = wrk(baseline_file, args.duration, args.connections)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    report.update({"organisations": args.orgs, "connections": args.connections, "seconds": args.duration,
                   "workers": args.workers, "readers": len(requests_file.read_text().splitlines()),
                   "refresh_all_seconds": round(refresh_seconds, 1), "refresh_outcomes": refreshed,
                   "tokyo_lists": json.loads(state), "cpus": os.cpu_count(), "python": platform.python_version(),
                   "baseline_directory_page": {k: baseline[k] for k in ("requests_per_s", "p50_ms", "p95_ms",
                                                                        "errors")}})
    print(json.dumps(report, ensure_ascii=False))
    print("| page | organisations | requests/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for name, row in (("/matches/ (recommendations)", report), ("/directory/?q=AI (same run, baseline)", baseline)):
        print(f"| {name} | {args.orgs} | {row['requests_per_s']} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
              f"{row['p99_ms']:.1f} | {row['errors']} |")
    return 0 if report["errors"] == baseline["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
