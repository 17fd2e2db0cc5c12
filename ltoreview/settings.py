"""Settings for LTO Review, driven entirely by environment variables.

One file for every environment: development defaults are safe to run on a laptop,
and production is what you get by leaving DEBUG unset and providing SECRET_KEY.
The README lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = env_bool("DEBUG")


def env_required(name: str, development: str, how: str) -> str:
    """A variable production must set (it refuses to start without it);
    `development` stands in for it with DEBUG on."""
    value = os.environ.get(name, "")
    if value:
        return value
    if not DEBUG:
        raise ImproperlyConfigured(
            f"{name} is not set. Production refuses to start without one: {how}, "
            "or set DEBUG=1 for local development."
        )
    return development


SECRET_KEY = env_required(
    "SECRET_KEY",
    "development-only-insecure-key-never-use-in-production",
    "set SECRET_KEY to a long random value",
)

# Who answers for the data (UK GDPR article 13), named on the privacy notice and
# the accessibility statement. Production refuses to start without them;
# development shows a placeholder that says which variable to set.
ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", "").strip()
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "").strip()
_missing = [
    name
    for name, value in (
        ("ORGANISATION_NAME", ORGANISATION_NAME),
        ("PRIVACY_CONTACT_EMAIL", PRIVACY_CONTACT_EMAIL),
    )
    if not value
]
if _missing and not DEBUG:
    raise ImproperlyConfigured(
        f"{' and '.join(_missing)} not set. Production refuses to start without "
        "the organisation that runs LTO Review and its privacy contact: the "
        "privacy notice must name them (README, Environment variables)."
    )
# Optional: a data protection officer ("name, email"), and an address for
# accessibility problems if not the privacy contact.
DATA_PROTECTION_OFFICER = os.environ.get("DATA_PROTECTION_OFFICER", "").strip()
ACCESSIBILITY_CONTACT_EMAIL = (
    os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "").strip() or PRIVACY_CONTACT_EMAIL
)

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "localhost,127.0.0.1"
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "import_export",
    "accounts",
    "partnerships",
    "reviews",
    "programme",
    "demo",
    # After reviews, whose `db_worker` (the library's, with the outbox sweep)
    # takes the place of the library's own.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ltoreview.permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what every later middleware has finished writing; below
    # WhiteNoise, so static files keep their own pre-compressed copies.
    "ltoreview.compression.TextGZipMiddleware",
    "ltoreview.caching.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # English, or the respondent's language on the respondent's side.
    "reviews.responding.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes last: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ltoreview.urls"
WSGI_APPLICATION = "ltoreview.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reviews.responding.languages.translation_draft",
            ],
        },
    },
]

# SQLite (WAL) is the embedded default so a fresh clone runs with nothing else
# installed; PostgreSQL keeps connections open and checks them before reuse.
# SQLite gets the same tuning however it is named: without it, concurrent
# submissions fail with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=600, conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # psycopg 3 sends parameters apart from the SQL, so a query run again
        # on the same connection has the same text; after five runs it is
        # prepared, and PostgreSQL stops planning it each time (planning a
        # review with its partnership and LTO took 0.5 ms of a 1 ms query).
        DATABASES["default"]["OPTIONS"] = {
            "server_side_binding": True,
            "prepare_threshold": 5,
        } | dict(DATABASES["default"].get("OPTIONS", {}))
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # Persistent connections hold SQLite's file lock between requests.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS | dict(
            DATABASES["default"].get("OPTIONS", {})
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(BASE_DIR / "db.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a username from one address only, so one person's typos never lock out
# colleagues sharing an office connection.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# How many proxies of our own sit in front of the app (a TLS terminator is one):
# the client's address is then read from X-Forwarded-For, from the right. Used by
# login throttling and the meeting-code limiter alike (README, "Behind a proxy").
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
AXES_CLIENT_IP_CALLABLE = "ltoreview.client_address.client_address"
# Two-factor sign-in (django-otp) for Local Trust staff, reps and administrators:
# on in production, off for local development unless asked for.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", not DEBUG)
OTP_TOTP_ISSUER = "LTO Review"
# Those accounts are signed out after this long without a request, and this long
# after signing in whatever they do; other accounts keep Django's two weeks.
STAFF_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("STAFF_IDLE_MINUTES", "30")))
STAFF_SESSION_LIMIT = timedelta(hours=int(os.environ.get("STAFF_SESSION_HOURS", "12")))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reviews:my-areas"
LOGOUT_REDIRECT_URL = "reviews:home"

# The review schedule (partnerships.cadence): a regular review this many months
# after the last closed one; an inception review this many after an LTO starts.
REVIEW_CADENCE_MONTHS = int(os.environ.get("REVIEW_CADENCE_MONTHS", "12"))
INCEPTION_REVIEW_MONTHS = int(os.environ.get("INCEPTION_REVIEW_MONTHS", "3"))

# A respondent's own link (personal or meeting-code results link) opens released
# results for at least this long after release, well past the invitation's expiry.
RESULTS_LINK_LIFETIME = timedelta(days=int(os.environ.get("RESULTS_LINK_DAYS", "365")))

# What identifies people in a review (invitations, comments, message rows, and
# people with no current role) is removed this many months after it closes
# (`manage.py apply_retention`); anonymous answers and summaries stay.
RETENTION_MONTHS = int(os.environ.get("RETENTION_MONTHS", "72"))

# However often "Remind" is clicked (or cron runs), a person gets at most one
# reminder in this many hours.
REMINDER_MIN_HOURS = int(os.environ.get("REMINDER_MIN_HOURS", "24"))

# Uploads (the programme's imports and a rep's invitation file) are refused past
# these sizes, with a message saying so.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(2 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "5000"))

LANGUAGE_CODE = "en-gb"
# The respondent's side speaks these; each is named in itself. Polish and Urdu
# are drafts until Local Trust staff mark them checked by a fluent speaker in
# the admin (reviews.models.InterfaceLanguage).
LANGUAGES = [("en-gb", "English"), ("pl", "Polski"), ("ur", "اردو")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language cookie lasts as long as a results link: a respondent's choice
# should still hold when the results they helped with are released.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Production must say where mail goes: with the console backend an invitation
# would be "sent" into a log and never arrive. A load test may still choose the
# console, explicitly; `check --deploy` then reports it (reviews.E001).
EMAIL_BACKEND = env_required(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
    "set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the "
    "EMAIL_HOST settings",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "LTO Review <noreply@localhost>"
)
# Seconds before a silent mail server counts as a failed send (then retried).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Email, per-review summaries and digests run as tasks (reviews/tasks.py,
# programme/tasks.py). Production queues them in the database for
# `manage.py db_worker` (any number of workers, on any machine sharing the
# database); `make run` and the tests run each task at once, in the request.
TASKS_BACKEND = os.environ.get(
    "TASKS_BACKEND",
    "django_tasks.backends.immediate.ImmediateBackend"
    if DEBUG
    else "django_tasks_db.DatabaseBackend",
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": ["default"]}}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Plotly draws radar charts with inline style attributes, so styles allow
# 'unsafe-inline'; scripts never do.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Browser features the app never uses, switched off for every page and file
# (ltoreview/permissions_policy.py).
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "browsing-topics",
]

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # On by default; only the load test on plain-HTTP loopback turns them off.
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)

# Everything goes through one handler whose filter masks tokens and email
# addresses (ltoreview/log_privacy.py): Django's own loggers are sent to it too,
# rather than to their default handlers, which would print paths unmasked.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_secrets": {"()": "ltoreview.log_privacy.MaskSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_secrets"]}
    },
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
