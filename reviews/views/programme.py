"""The programme overview for Local Trust staff: coverage, reviews by purpose and
year, response rates, where divergence is most common, and the spread of "now"
ratings by statement. Nothing on it names or ranks an area or an LTO.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from partnerships import access
from reviews import browsing


@login_required
def programme(request: HttpRequest) -> HttpResponse:
    if not access.is_programme_staff(request.user):
        raise Http404("The programme overview is for Local Trust staff.")
    labels = browsing.statement_labels()
    coverage = browsing.coverage_by_region(timezone.localdate())
    years, by_purpose = browsing.reviews_by_purpose_and_year()
    context = {
        "coverage": coverage,
        "coverage_total": browsing.Share(
            "All regions",
            sum(s.part for s in coverage),
            sum(s.whole for s in coverage),
        ),
        "years": years,
        "by_purpose": by_purpose,
        "year_totals": [
            sum(counts[i] for _, counts in by_purpose) for i in range(len(years))
        ],
        "rates": browsing.response_rates_by_year(),
        "divergence": browsing.divergence_by_statement(labels),
        "distribution": browsing.now_distribution(labels),
        "gap_threshold": browsing.GAP_FLAG,
    }
    return render(request, "reviews/browse/programme.html", context)
