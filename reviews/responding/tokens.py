"""Personal-link tokens: 256 random bits in the link, only their SHA-256 stored."""

import hashlib
import secrets


def new_token() -> tuple[str, str]:
    """A fresh token for a link, and the hash to store for it."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# No 0/O, 1/I/L: a code read aloud or off a slide is typed right first time.
MEETING_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
MEETING_CODE_LENGTH = 8


def new_meeting_code() -> str:
    return "".join(
        secrets.choice(MEETING_CODE_ALPHABET) for _ in range(MEETING_CODE_LENGTH)
    )


def normalise_meeting_code(typed: str) -> str:
    """Forgive spaces, dashes and lower case in a typed code."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())
