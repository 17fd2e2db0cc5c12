"""Autosave: the questionnaire's script keeps what a person has typed so far as
their response's draft, so nothing is lost if the page or the session goes."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from reviews.actions.responses import save_draft
from reviews.models import Response, Review
from reviews.responding.drafts import clean_draft, known_shape, remember_shape
from reviews.responding.session import can_edit, remembered_response_id
from reviews.views.respond import respondent_view


@require_POST
@never_cache
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """The questionnaire's script posts the whole form here as answers change,
    and it is kept as the response's draft.

    Usually one session read and one UPDATE, which holds the rules for who may
    still change what: the browser's response, the review open, the link live.
    Anything else (no shape kept yet, a value refused, a write that matched
    nothing) goes the long way, which says why.
    """
    response_id = remembered_response_id(request, pk)
    shape = known_shape(pk)
    if response_id is not None and shape is not None:
        draft, errors = clean_draft(request.POST, shape)
        if not errors and save_draft(response_id=response_id, shape=shape, draft=draft):
            return draft_saved()
    return autosave_checked(request, pk)


@respondent_view
def autosave_checked(
    request: HttpRequest, review: Review, response: Response
) -> HttpResponse:
    if not can_edit(response):
        return JsonResponse({"saved": False, "reason": "closed"}, status=403)
    shape = remember_shape(review, review.framework_version.statements.all())
    draft, errors = clean_draft(request.POST, shape)
    if errors:
        return JsonResponse(
            {"saved": False, "reason": "invalid", "errors": errors}, status=400
        )
    if not save_draft(response_id=response.pk, shape=shape, draft=draft):
        return JsonResponse({"saved": False, "reason": "closed"}, status=403)
    return draft_saved()


def draft_saved() -> HttpResponse:
    return JsonResponse({"saved": True, "at": timezone.localtime().strftime("%H:%M")})
