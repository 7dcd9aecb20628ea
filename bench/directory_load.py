"""Directory search page and API list endpoint under load, on SQLite and on PostgreSQL.

For each database: migrate a fresh database, fill it with 10,000 organisations (bench/populate.py),
serve it with gunicorn (embedded settings, DEBUG off), and run wrk with 20 connections for 30 s
on loopback against a rotating mix of searches and filters. Prints one JSON object per run and
a Markdown table for docs/benchmarks.md. Needs `wrk` (Debian package) on the PATH.
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
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/bridgehub_bench"
PORT = 8765
QUERIES = ["", "半導體", "AI", "ロボット", "robotics", "介護", "energy", "先進封裝", "fintech", "機器人 新竹"]
FILTERS = ["kind=investor", "sector=semiconductors", "stage=seed&country=TW", "hub=tokyo&ask=funding",
           "offer=poc_partner", "sector=ai&page=3", "page=20"]


def request_paths(prefix: str, query_key: str) -> list[str]:
    paths = [f"{prefix}?{query_key}={urllib.parse.quote(query)}" for query in QUERIES]
    paths += [f"{prefix}?{extra}" for extra in FILTERS]
    return paths


def environment(backend: str, out: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("BRIDGEHUB_")}
    env.update({"BRIDGEHUB_DEBUG": "0", "BRIDGEHUB_DATA_DIR": str(out / backend),
                "BRIDGEHUB_ALLOWED_HOSTS": "127.0.0.1,localhost"})
    if backend == "postgres":
        env["BRIDGEHUB_DATABASE_URL"] = PG_BENCH_URL
    return env


def fresh_database(backend: str, out: Path, env: dict[str, str], orgs: int) -> float:
    """An empty database filled by populate.py; the seconds it took (loadkit's, shared by every load bench)."""
    import loadkit  # here, not at the top: loadkit imports PORT and wait_until_up from this module

    return loadkit.fresh_database(backend, out, env, ["populate.py", "--orgs", str(orgs)])[1]


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"server did not answer {url} within {timeout} s")


def run_wrk(paths: list[str], out: Path, name: str, duration: int, connections: int) -> dict:
    paths_file = out / f"{name}.paths"
    paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    env = {**os.environ, "BENCH_PATHS": str(paths_file)}
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
               "-s", str(ROOT / "bench" / "wrk_report.lua"), f"http://127.0.0.1:{PORT}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    match = re.search(r"BENCH_JSON (\{.*\})", result.stdout)
    if match is None:
        raise RuntimeError(f"wrk printed no report:\n{result.stdout}\n{result.stderr}")
    report = json.loads(match.group(1))
    seconds = report["duration_us"] / 1e6
    report["requests_per_s"] = round(report["requests"] / seconds, 1)
    report["errors"] = sum(value for key, value in report.items() if key.startswith("errors_"))
    return report


# "remembered": the default, where each process remembers searches and rendered result pages
# until the directory changes (the request mix repeats, as real traffic does). "cold": the same
# mix with the memo switched off, so every request searches and renders from scratch.
MODES = {"remembered": None, "cold": "0"}


def bench_backend(backend: str, args, out: Path) -> list[dict]:
    env = environment(backend, out)
    setup_seconds = fresh_database(backend, out, env, args.orgs)
    results = []
    for mode, memo_size in MODES.items():
        mode_env = dict(env)
        if memo_size is not None:
            mode_env["BRIDGEHUB_LISTING_MEMO_SIZE"] = memo_size
        for report in bench_server(backend, mode, mode_env, args, out):
            report["setup_seconds"] = round(setup_seconds, 1)
            print(json.dumps(report), flush=True)
            results.append(report)
    return results


def bench_server(backend: str, mode: str, env: dict[str, str], args, out: Path) -> list[dict]:
    server = subprocess.Popen(
        [BIN / "gunicorn", "bridgehub.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning"], env=env, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/directory/")
        results = []
        for name, paths in (("directory_page", request_paths("/directory/", "q")),
                            ("api_list", request_paths("/api/v1/organisations", "q"))):
            # Warm every worker before measuring: each builds its listing index (about a second of CPU at
            # 10,000 organisations) and loads translations and OpenCC on its first requests.
            run_wrk(paths, out, f"{backend}-{mode}-{name}-warmup", args.warmup, args.connections)
            report = run_wrk(paths, out, f"{backend}-{mode}-{name}", args.duration, args.connections)
            report.update({"backend": backend, "mode": mode, "target": name, "organisations": args.orgs,
                           "connections": args.connections, "seconds": args.duration, "workers": args.workers})
            results.append(report)
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def markdown(results: list[dict]) -> str:
    lines = ["| database | memo | target | requests/s | p50 ms | p95 ms | p99 ms | errors |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['backend']} | {r['mode']} | {r['target']} | {r['requests_per_s']} | {r['p50_ms']:.1f} | "
                     f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=10, help="seconds of load before each measured run")
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
    print(markdown(results))
    (args.out / "directory_load.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
