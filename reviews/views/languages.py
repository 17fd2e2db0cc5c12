"""A respondent chooses the language of the respondent's side."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from reviews.models import Response
from reviews.responding.languages import is_language, remember_language
from reviews.responding.session import remembered_response_ids


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """Remember the choice for this session, for the responses this browser is
    answering (so their links speak it next time) and in the language cookie;
    then go back to the page it was made on."""
    code = request.POST.get("language")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    reply = redirect(back)
    if not is_language(code):
        return reply
    assert code is not None
    remember_language(request, code)
    Response.objects.filter(pk__in=remembered_response_ids(request)).update(
        language=code
    )
    reply.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return reply
