"""Test settings: the real settings, with fast hashing and in-memory email."""

import os

os.environ.setdefault("DEBUG", "1")

from ltoreview.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Axes refuses Client.login() (no request); the lockout tests switch it back on.
AXES_ENABLED = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Each test builds its own reviews; a process-wide cache would carry one test's
# analysis into the next. The caching itself is tested with a real cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# Serve static files from the source folders, as a fresh clone has not run
# collectstatic (page-weight measurements fetch them through the app).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# On SQLite, test against a file (WAL, IMMEDIATE, busy timeout) as production
# does, not Django's shared in-memory database, which refuses a second writer
# at once ("table is locked") instead of waiting: the concurrency tests need
# real concurrent writers.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile
    from pathlib import Path

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(
            Path(tempfile.gettempdir()) / f"ltoreview-test-{os.getpid()}.sqlite3"
        )
    }
