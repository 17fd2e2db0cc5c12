"""Personal-link tokens: 256 random bits in the link, only their SHA-256 stored."""

import hashlib
import secrets


def new_token() -> tuple[str, str]:
    """A fresh token for a link, and the hash to store for it."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
