"""Browsing the programme: the area directory (and its CSV), partnership pages,
organisation pages and the programme overview.

Every object is found through the access rules, so someone else's area or
organisation is a 404, and the overview is a 404 to anyone but Local Trust
staff. People who neither represent an area nor work for Local Trust see only
released reviews, and small groups stay hidden from them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from partnerships import access
from partnerships.models import Appointment, Area, Organisation, Partnership
from programme import directory, history, overview, schedule
from programme.exports import directory_csv
from programme.forms import AppointmentEndForm, DirectoryFilterForm, ReviewDateForm
from reviews.analysis import FOOTING_WORDS, describe_attention
from reviews.models import (
    awaiting_exit_interview,
    with_exit_review,
    with_last_closed_review,
)
from reviews.rollups import stored_figures

PAGE_SIZE = 25


def _directory(
    request: HttpRequest,
) -> tuple[DirectoryFilterForm, QuerySet[directory.DirectoryArea], bool]:
    manager = access.may_manage(request.user)
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters(attention_allowed=manager)
    today = timezone.localdate()
    areas = directory.area_directory(request.user, today, filters)
    if filters.schedule:
        ids = schedule.area_ids(request.user, today, filters.schedule)
        areas = areas.filter(pk__in=ids)
    return form, areas, manager


@login_required
def area_list(request: HttpRequest) -> HttpResponse:
    form, areas, manager = _directory(request)
    page = Paginator(areas, PAGE_SIZE).get_page(request.GET.get("page"))
    # Evaluates the page's slice once; the template reads these same instances.
    directory.attach_last_reviews(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "selects": [
            form[name]
            for name in ("region", "phase", "kind", "due", "sort")
            if name != "due" or manager
        ],
        "page": page,
        "manager": manager,
        "query": query.urlencode(),
        "attention_rules": describe_attention(),
    }
    return render(request, "programme/area_list.html", context)


@login_required
def area_export(request: HttpRequest) -> HttpResponse:
    _, areas, manager = _directory(request)
    rows = list(areas)
    directory.attach_last_reviews(rows)
    response = HttpResponse(
        directory_csv(rows, manager=manager), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="areas.csv"'
    return response


@login_required
def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    areas = Area.objects.visible_to(request.user).select_related("partnership")
    area = get_object_or_404(areas, slug=slug)
    manager = Area.objects.represented_by(request.user).filter(pk=area.pk).exists()
    reviews = history.partnership_reviews(request.user, area)
    view = history.change_view(request.GET.get("show"))
    context = {
        "area": area,
        "partnership": area.partnership,
        "manager": manager,
        "appointments": with_exit_review(
            with_last_closed_review(
                area.partnership.appointments.select_related(
                    "organisation", "partnership__area"
                ).order_by("started", "pk")
            )
        ),
        "reps": area.rep_assignments.select_related("person").order_by("started"),
        "reviews": reviews,
        "actions": history.partnership_actions(request.user, area),
        "change_charts": history.change_over_time(
            reviews, protect=not manager, view=view
        ),
        "change_view": view,
        "footing": FOOTING_WORDS,
        "change_views": history.CHANGE_VIEW_LABELS,
        "lto_changes": history.lto_changes(
            [r for r in reviews if getattr(r, "summary", None) is not None]
        ),
    }
    return render(request, "programme/area_detail.html", context)


@login_required
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisations = Organisation.objects.visible_to(request.user)
    organisation = get_object_or_404(organisations, slug=slug)
    appointments = (
        organisation.appointments.filter(
            partnership__in=Partnership.objects.visible_to(request.user)
        )
        .select_related("partnership__area")
        .order_by("ended", "-started")
    )
    context = {
        "organisation": organisation,
        "current": [a for a in appointments if a.is_current],
        "past": [a for a in appointments if not a.is_current],
        "reviews": history.organisation_reviews(request.user, organisation),
        "manager": access.may_manage(request.user),
    }
    return render(request, "programme/organisation_detail.html", context)


@login_required
def programme_overview(request: HttpRequest) -> HttpResponse:
    if not access.is_programme_staff(request.user):
        raise Http404("The programme overview is for Local Trust staff.")
    labels = overview.statement_labels()
    figures = stored_figures()
    today = timezone.localdate()
    coverage = overview.coverage_by_region(today)
    years, by_purpose = overview.reviews_by_purpose_and_year()
    due = schedule.counts_by_region(request.user, today)
    context = {
        "due": due,
        "due_total": schedule.all_regions(due),
        "coverage": coverage,
        "coverage_total": overview.all_regions(coverage),
        "years": years,
        "by_purpose": by_purpose,
        "year_totals": overview.year_totals(years, by_purpose),
        "rates": overview.response_rates_by_year(figures),
        "divergence": overview.divergence_by_statement(figures, labels),
        "distribution": overview.now_distribution(figures, labels),
        "gap_threshold": overview.GAP_FLAG,
        "footing": FOOTING_WORDS,
        "awaiting_exit": awaiting_exit_interview(
            Appointment.objects.all(), today
        ).count(),
    }
    return render(request, "programme/overview.html", context)


@login_required
def overdue_list(request: HttpRequest) -> HttpResponse:
    if not access.is_programme_staff(request.user):
        raise Http404("The overdue list is for Local Trust staff.")
    rows = schedule.overdue(request.user, timezone.localdate())
    page = Paginator(rows, PAGE_SIZE * 2).get_page(request.GET.get("page"))
    reps = schedule.reps_by_area(page.object_list)
    shown = [(row, reps.get(row.area_id, [])) for row in page.object_list]
    return render(request, "programme/overdue.html", {"page": page, "rows": shown})


@login_required
def review_date(request: HttpRequest, pk: int) -> HttpResponse:
    """The rep moves a relationship's next review, saying why, or clears it."""
    appointments = with_last_closed_review(
        Appointment.objects.scheduled()
        .managed_by(request.user)
        .select_related("partnership__area", "organisation")
    )
    appointment = get_object_or_404(appointments, pk=pk)
    form = ReviewDateForm(request.POST or None, instance=appointment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The next review date is saved.")
        return redirect("programme:area-detail", appointment.partnership.area.slug)
    context = {"appointment": appointment, "form": form}
    return render(request, "programme/review_date.html", context)


@login_required
def appointment_end(request: HttpRequest, pk: int) -> HttpResponse:
    """The rep records the end date of a current (or ending) LTO appointment;
    one that has already ended is changed in the admin."""
    appointments = (
        Appointment.objects.current_or_ending(timezone.localdate())
        .managed_by(request.user)
        .select_related("partnership__area", "organisation")
    )
    appointment = get_object_or_404(appointments, pk=pk)
    form = AppointmentEndForm(request.POST or None, instance=appointment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            "The end date is saved: an exit interview is due before it."
            if appointment.ended
            else "The end date is cleared.",
        )
        return redirect("reviews:my-areas")
    context = {"appointment": appointment, "form": form}
    return render(request, "programme/appointment_end.html", context)
