"""Settings for `make bench`: the production settings, on the bench's own database.

DEBUG is forced off so pages render as they do in production (no query log, hashed
static files); the bench supplies a throwaway SECRET_KEY. The database is
`bench/bench.sqlite3` (or `BENCH_SQLITE`), or PostgreSQL when DATABASE_URL is set.
"""

import os
from pathlib import Path

os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-key-not-secret-" + "x" * 40)
os.environ.setdefault("ORGANISATION_NAME", "LTO Review bench")
os.environ.setdefault("PRIVACY_CONTACT_EMAIL", "privacy@example.org")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from ltoreview.settings import *  # noqa: E402,F403
from ltoreview.settings import BASE_DIR, DATABASE_URL, DATABASES  # noqa: E402

# The test client's host name; everything else stays on loopback.
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

if not DATABASE_URL:
    DATABASES["default"]["NAME"] = Path(
        os.environ.get("BENCH_SQLITE", BASE_DIR / "bench" / "bench.sqlite3")
    )

# Login attempts are not what is measured; the bench logs in with force_login,
# which gives no second factor, so the staff pages would only redirect.
AXES_ENABLED = False
REQUIRE_TWO_FACTOR = False
LOGGING = {"version": 1, "disable_existing_loggers": True}
