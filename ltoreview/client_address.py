"""The address a request came from, seen through our own trusted proxies.

One setting, `TRUSTED_PROXY_HOPS` (the number of proxies in front of the app that
append to X-Forwarded-For, such as a TLS terminator), decides it for every limit
that counts by address: wrong meeting codes and login throttling (django-axes,
through `AXES_CLIENT_IP_CALLABLE`). With no proxy (0, the default) the header is
ignored, because anyone can send it; with N proxies the client is the Nth entry
from the right, the one our own first proxy wrote, so a forged entry on the left
changes nothing.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "0.0.0.0"


def _valid(candidate: str) -> str | None:
    try:
        return str(ipaddress.ip_address(candidate.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
    hops = getattr(settings, "TRUSTED_PROXY_HOPS", 0)
    if hops <= 0:
        return remote
    header = request.headers.get("x-forwarded-for", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < hops:
        # Not every trusted proxy added its entry: the request came round them.
        return remote
    return _valid(forwarded[-hops]) or remote
