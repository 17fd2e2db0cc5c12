"""Session rules for privileged accounts (Local Trust staff, reps, admins).

`SessionLimitsMiddleware` signs them out after STAFF_IDLE_TIMEOUT without a
request and STAFF_SESSION_LIMIT after signing in, whatever they do.
`SecondFactorMiddleware` keeps them on the second sign-in step until this
session has passed a code, when REQUIRE_TWO_FACTOR is on. Whether an account is
privileged is worked out when they sign in (the `user_logged_in` hook in
accounts.apps) and kept in the session, so ordinary pages pay no extra query.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from accounts.second_factor import has_app, is_privileged

SESSION_KEY = "_account_limits"
# Last-seen is rewritten at most this often, not on every request.
TOUCH_SECONDS = 60
# Where an account that still owes a second factor may go.
OPEN_DURING_SIGN_IN = frozenset(
    {"accounts:verify", "accounts:enrol", "login", "logout", "healthz", "readyz"}
)


def start_session_record(request: HttpRequest, user: User) -> dict[str, Any]:
    """Note when this session signed in and whether its account is privileged."""
    now = int(timezone.now().timestamp())
    limits = {"since": now, "seen": now, "privileged": is_privileged(user)}
    request.session[SESSION_KEY] = limits
    return limits


def _limits(request: HttpRequest) -> dict[str, Any] | None:
    """This session's sign-in record; None if anonymous."""
    if not request.user.is_authenticated:
        return None
    limits = request.session.get(SESSION_KEY)
    if limits is None:  # signed in before this record existed
        limits = start_session_record(request, request.user)
    return limits


class SessionLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limits = _limits(request)
        if limits and limits["privileged"]:
            now = int(timezone.now().timestamp())
            idle = settings.STAFF_IDLE_TIMEOUT.total_seconds()
            whole = settings.STAFF_SESSION_LIMIT.total_seconds()
            if now - limits["seen"] > idle:
                return self._sign_out(request, "after a while without activity")
            if now - limits["since"] > whole:
                return self._sign_out(request, "at the end of the day's session")
            if now - limits["seen"] > TOUCH_SECONDS:
                request.session[SESSION_KEY] = limits | {"seen": now}
        return self.get_response(request)

    def _sign_out(self, request: HttpRequest, why: str) -> HttpResponse:
        logout(request)
        messages.info(request, f"You were signed out {why}. Please sign in again.")
        return redirect_to_login(request.get_full_path())


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        if not settings.REQUIRE_TWO_FACTOR:
            return None
        limits = _limits(request)
        if not limits or not limits["privileged"]:
            return None
        if request.user.is_verified():  # type: ignore[union-attr]
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_DURING_SIGN_IN:
            return None
        user = request.user
        step = "accounts:verify" if has_app(user) else "accounts:enrol"  # type: ignore[arg-type]
        return redirect_to_login(request.get_full_path(), reverse(step))
