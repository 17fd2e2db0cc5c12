"""The second step of signing in: set up an authenticator app, or enter a code.

The password step is Django's LoginView with `LoginForm`; the middleware sends a
privileged account here until this session has passed a second factor.
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login  # type: ignore[import-untyped]
from django_otp import match_token

from accounts.forms import CodeForm, EmailPreferenceForm
from accounts.models import EmailPreference
from accounts.second_factor import has_app, new_backup_codes, pending_app
from partnerships.access import AuthenticatedRequest


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin signs in through the site's own sign-in page."""
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: AuthenticatedRequest) -> HttpResponse:
    if not has_app(request.user):
        return redirect(_with_next("accounts:enrol", request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", "That code did not work. Check it and try again.")
    context = {"form": form, "next": _next(request)}
    return render(request, "accounts/verify.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: AuthenticatedRequest) -> HttpResponse:
    if has_app(request.user):
        return redirect(_with_next("accounts:verify", request))
    device = pending_app(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return _show_backup_codes(request)
        form.add_error("code", "That code did not match. Check the app and try again.")
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next(request),
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
    }
    return render(request, "accounts/enrol.html", context)


@login_required
@require_http_methods(["POST"])
def backup_codes(request: AuthenticatedRequest) -> HttpResponse:
    """A fresh sheet of backup codes; the old ones stop working."""
    if not request.user.is_verified():  # type: ignore[attr-defined]
        messages.error(request, "Sign in with your second factor first.")
        return redirect("accounts:verify")
    return _show_backup_codes(request)


def _show_backup_codes(request: AuthenticatedRequest) -> HttpResponse:
    context = {"codes": new_backup_codes(request.user), "next": _next(request)}
    return render(request, "accounts/backup_codes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def email_preferences(request: AuthenticatedRequest) -> HttpResponse:
    """The account page: turn email digests on or off."""
    preference, _ = EmailPreference.objects.get_or_create(user=request.user)
    # An unticked box posts nothing, so a POST is bound even when empty.
    data = request.POST if request.method == "POST" else None
    form = EmailPreferenceForm(data, instance=preference)
    if form.is_valid():
        form.save()
        state = "on" if preference.digests else "off"
        messages.success(request, f"Email digests are {state}.")
        return redirect("accounts:email-preferences")
    return render(request, "accounts/email_preferences.html", {"form": form})
