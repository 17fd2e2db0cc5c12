"""Logs hold no personal link, token or email address.

Every record goes through the console handler's `MaskSecrets` filter, which
rewrites its message with the token of a personal or password-reset link, any
other long random-looking string, and email addresses masked. Our own code logs
ids, never names; the filter is the net for what Django logs (a 404 names the
path, and a personal link's path is its token).
"""

import logging
import re

TOKEN = "[token]"
EMAIL = "[email]"

# The token in a link's path: /r/<token>/, /reset/<uid>/<token>/.
LINK_PATHS = re.compile(r"(/r/|/reset/[\w-]+/)(?!\[token\])[^/\s?#\"']+")
# A token minted by `secrets.token_urlsafe` (43 characters) or a SHA-256 hash:
# long, and mixing letters and digits as words and identifiers do not.
RANDOM = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])\b[\w-]{22,}\b")
ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def mask(text: str) -> str:
    text = LINK_PATHS.sub(lambda m: m.group(1) + TOKEN, text)
    text = ADDRESS.sub(EMAIL, text)
    return RANDOM.sub(TOKEN, text)


class MaskSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
