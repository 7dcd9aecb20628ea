"""What the load benchmarks share: a fresh database filled by a populate script, a gunicorn server, and
the credentials a populate script prints (a session cookie and an API token for one user)."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from directory_load import PORT, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def fresh_database(backend: str, out: Path, env: dict[str, str], populate: list[str]) -> tuple[dict, float]:
    """Migrate an empty database, run `populate` (a bench script and its arguments), and return the
    credentials it printed with the seconds it all took."""
    if backend == "sqlite":
        shutil.rmtree(out / backend, ignore_errors=True)
    else:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS bridgehub_bench")
            connection.execute("CREATE DATABASE bridgehub_bench")
    started = time.perf_counter()
    subprocess.run([BIN / "bridgehub", "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([BIN / "bridgehub", "createcachetable"], env=env, check=True)
    result = subprocess.run([sys.executable, ROOT / "bench" / populate[0], *populate[1:]], env=env, check=True,
                            capture_output=True, text=True)
    print(result.stderr.strip(), file=sys.stderr)
    credentials = dict(line.split("\t", 1) for line in result.stdout.strip().splitlines())
    return credentials, time.perf_counter() - started


@contextmanager
def gunicorn(env: dict[str, str], workers: int) -> Iterator[None]:
    """The platform served on loopback (DEBUG off in `env`) until the block ends."""
    server = subprocess.Popen(
        [BIN / "gunicorn", "bridgehub.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{PORT}",
         "--timeout", "120", "--log-level", "warning"], env=env, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/")
        yield
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def print_credentials(user: Any) -> None:
    """For a populate script (Django set up): a logged-in session and an API token for `user`, as
    "session<TAB>KEY" and "token<TAB>RAW" lines."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from bridgehub.accounts.domain.tokens import issue_token

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "bridgehub.accounts.backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(f"session\t{session.session_key}")
    print(f"token\t{issue_token(user=user, name='bench')[1]}")


def check_answers(lines: list[str]) -> None:
    """Each distinct request is answered 200 before it is timed: wrk counts a redirect (to the login page,
    when a bench's session stopped signing in) as a success, and would time it."""
    for line in dict.fromkeys(line for line in lines if line.strip()):
        path, header, value = line.split("\t")
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        try:
            connection.request("GET", path, headers={header: value})
            status = connection.getresponse().status
        finally:
            connection.close()
        if status != 200:
            raise RuntimeError(f"{path} answered {status}, not 200: nothing to time")
