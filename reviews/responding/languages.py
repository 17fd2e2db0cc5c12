"""Which language a page speaks: the respondent's choice on the respondent's
side, English everywhere else.

The respondent's side (the link, the questionnaire, check, thanks, own and
released results, help pages) is translated; the rep's and staff's pages are not
yet, so they stay English rather than claim a language their words are not in.
A view joins the respondent's side with `@respondent_side`. The language is,
first, the one chosen in this session; then the one the browser's response was
answered in (so the next visit through the same link speaks it again); then the
language cookie or the browser's Accept-Language; else English.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views import defaults

from reviews.models import InterfaceLanguage

SESSION_KEY = "respondent_language"
# The attribute `@respondent_side` sets on a view.
MARK = "respondent_side"

View = Callable[..., HttpResponse]
AnyView = TypeVar("AnyView", bound=Callable[..., HttpResponseBase])


def language_codes() -> set[str]:
    return {code for code, _ in settings.LANGUAGES}


def is_language(code: str | None) -> bool:
    return code in language_codes()


def respondent_side(view: AnyView) -> AnyView:
    """Mark `view` as one a respondent reads, so it speaks their language."""
    setattr(view, MARK, True)
    return view


def chosen_language(request: HttpRequest) -> str:
    """The language the respondent's side speaks to this browser."""
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if is_language(chosen):
        return str(chosen)
    return translation.get_language_from_request(request)


def is_draft(code: str) -> bool:
    """Whether the interface in `code` is still a draft nobody fluent has
    checked: any language but English, until Local Trust staff mark it checked
    in the admin (`InterfaceLanguage`). English pages ask nothing."""
    if code == settings.LANGUAGE_CODE:
        return False
    checked = InterfaceLanguage.objects.filter(language=code, checked_at__isnull=False)
    return not checked.exists()


def translation_draft(request: HttpRequest) -> dict[str, object]:
    """Context processor: whether the page invites corrections to its language,
    and where to send them."""
    return {
        "translation_draft": is_draft(translation.get_language()),
        "corrections_email": settings.PRIVACY_CONTACT_EMAIL,
    }


def room_language(request: HttpRequest) -> str:
    """The language of the screens a rep presents to the meeting: the one
    chosen on the title screen in this browser, else English, whatever the
    rep's own browser prefers (the room, not the laptop, reads them)."""
    chosen = request.session.get(SESSION_KEY)
    return str(chosen) if is_language(chosen) else settings.LANGUAGE_CODE


def remember_language(request: HttpRequest, code: str) -> None:
    request.session[SESSION_KEY] = code


class LanguageMiddleware:
    """English by default; the chosen language for views on the respondent's side.

    In place of Django's LocaleMiddleware, which would put every page, the
    rep's and staff's untranslated ones too, in the browser's language.
    """

    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        translation.deactivate()
        return response

    def process_view(
        self,
        request: HttpRequest,
        view: View,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        if getattr(view, MARK, False):
            language = chosen_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponseBase:
    """Django's "Page not found", in the respondent's language when the address
    matches no page at all, so no view marked it as theirs or not (a resident's
    mistyped link). A page that exists speaks as its view does."""
    if request.resolver_match is not None:
        return defaults.page_not_found(request, exception)
    language = chosen_language(request)
    with translation.override(language):
        response = defaults.page_not_found(request, exception)
    response.headers["Content-Language"] = language
    return response
