"""Local Trust staff's audit page: every review's trail, filtered and paginated."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from partnerships.access import AuthenticatedRequest, is_programme_staff
from reviews.forms.audit import AuditFilterForm
from reviews.models import AuditEvent

EVENTS_PER_PAGE = 50


@login_required
def audit_log(request: AuthenticatedRequest) -> HttpResponse:
    if not is_programme_staff(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.for_display().order_by("-at", "-pk")
    if form.is_bound:
        events = form.filter(events)
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "reviews/audit/audit_log.html", context)
