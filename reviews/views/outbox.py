"""Local Trust staff's list of messages that could not be sent, programme-wide."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from partnerships.access import AuthenticatedRequest, is_programme_staff
from reviews.models import OutgoingMessage

MESSAGES_PER_PAGE = 50


@login_required
def failed_messages(request: AuthenticatedRequest) -> HttpResponse:
    if not is_programme_staff(request.user):
        raise Http404
    failed = (
        OutgoingMessage.objects.failed()
        .select_related("review", "person", "user")
        .order_by("-created", "-pk")
    )
    page = Paginator(failed, MESSAGES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reviews/outbox/failed_messages.html", {"page": page})
