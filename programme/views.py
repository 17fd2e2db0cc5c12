"""Browsing the programme: the area directory (and its CSV), partnership pages and
organisation pages.

Every object is found through the access rules, so someone else's area or
organisation is a 404. People who neither represent an area nor work for Local
Trust see only released reviews, and small groups stay hidden from them.
"""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from partnerships import access
from partnerships.models import Area, Organisation
from programme import directory
from programme.forms import DirectoryFilterForm
from reviews.exports import BOM, escape_cell

PAGE_SIZE = 25


def _directory(request: HttpRequest):
    manager = access.may_manage(request.user)
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters(attention_allowed=manager)
    areas = directory.area_directory(request.user, timezone.localdate(), filters)
    return form, areas, manager


@login_required
def area_list(request: HttpRequest) -> HttpResponse:
    form, areas, manager = _directory(request)
    page = Paginator(areas, PAGE_SIZE).get_page(request.GET.get("page"))
    directory.attach_last_reviews(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "selects": [form[name] for name in ("region", "phase", "kind", "sort")],
        "page": page,
        "manager": manager,
        "query": query.urlencode(),
        "attention_rules": directory.ATTENTION_RULES,
    }
    return render(request, "programme/area_list.html", context)


@login_required
def area_export(request: HttpRequest) -> HttpResponse:
    _, areas, manager = _directory(request)
    areas = list(areas)
    directory.attach_last_reviews(areas)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(directory_header(manager))
    writer.writerows(
        [escape_cell(cell) for cell in directory_row(area, manager)] for area in areas
    )
    response = HttpResponse(
        BOM + out.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="areas.csv"'
    return response


def directory_header(manager: bool) -> list[str]:
    header = ["Area", "Region", "Local authority", "Phase", "Current LTOs", "Rep"]
    header += ["Last review opened", "Last review purpose", "Responses"]
    return header + (["Needs attention"] if manager else [])


def directory_row(area: Area, manager: bool) -> list[object]:
    review = area.last_review
    row = [
        area.name,
        area.get_region_display(),
        area.local_authority,
        area.get_phase_display(),
        "; ".join(
            f"{a.organisation.name} ({a.organisation.get_kind_display()})"
            for a in area.partnership.current_appointments
        ),
        "; ".join(r.person.name for r in area.current_reps),
        review.opens.isoformat() if review else "",
        review.get_purpose_display() if review else "",
        review.submitted if review else "",
    ]
    if manager:
        row.append("; ".join(area.attention_reasons))
    return row


@login_required
def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    areas = Area.objects.visible_to(request.user).select_related("partnership")
    area = get_object_or_404(areas, slug=slug)
    manager = Area.objects.represented_by(request.user).filter(pk=area.pk).exists()
    reviews = directory.partnership_reviews(request.user, area)
    context = {
        "area": area,
        "partnership": area.partnership,
        "manager": manager,
        "appointments": area.partnership.appointments.select_related(
            "organisation"
        ).order_by("started", "pk"),
        "reps": area.rep_assignments.select_related("person").order_by("started"),
        "reviews": reviews,
        "change_charts": directory.change_over_time(reviews, protect=not manager),
    }
    return render(request, "programme/area_detail.html", context)


@login_required
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisations = Organisation.objects.visible_to(request.user)
    organisation = get_object_or_404(organisations, slug=slug)
    appointments = (
        organisation.appointments.filter(
            partnership__area__in=Area.objects.visible_to(request.user)
        )
        .select_related("partnership__area")
        .order_by("ended", "-started")
    )
    context = {
        "organisation": organisation,
        "current": [a for a in appointments if a.is_current],
        "past": [a for a in appointments if not a.is_current],
        "reviews": directory.organisation_reviews(request.user, organisation),
        "manager": access.may_manage(request.user),
    }
    return render(request, "programme/organisation_detail.html", context)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    if not access.is_programme_staff(request.user):
        raise Http404("The programme overview is for Local Trust staff.")
    labels = directory.statement_labels()
    coverage = directory.coverage_by_region(timezone.localdate())
    years, by_purpose = directory.reviews_by_purpose_and_year()
    context = {
        "coverage": coverage,
        "coverage_total": directory.Share(
            "All regions",
            sum(s.part for s in coverage),
            sum(s.whole for s in coverage),
        ),
        "years": years,
        "by_purpose": by_purpose,
        "year_totals": [
            sum(counts[i] for _, counts in by_purpose) for i in range(len(years))
        ],
        "rates": directory.response_rates_by_year(),
        "divergence": directory.divergence_by_statement(labels),
        "distribution": directory.now_distribution(labels),
        "gap_threshold": directory.GAP_FLAG,
    }
    return render(request, "programme/overview.html", context)
