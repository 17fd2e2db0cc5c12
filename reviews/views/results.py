"""Results pages: the rep's divergence report, the meeting pack, the CSV export,
and the released results.

The first three are for the review's rep and Local Trust staff only
(`Review.objects.managed_by`); anyone else gets a 404. Released results are one
page with two ways in: by account (`/reviews/<pk>/released/`), for people the
review is visible to and for a browser holding its respondent's answers; and by
the respondent's own link (`/respond/<pk>/results/`), which also says when the
results are not released yet. Small groups are hidden in both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from reviews.actions.audit import record_event
from reviews.exports import answers_csv
from reviews.forms.questionnaire import question_columns
from reviews.forms.workflow import CompareForm
from reviews.models import AgreedAction, AuditEvent, Response, Review
from reviews.responding.languages import room_language
from reviews.responding.session import (
    current_response,
    may_read_results,
    own_response,
    results_link_expired,
)
from reviews.results import comparison
from reviews.results.page_charts import dot_plot_figure, figure_json
from reviews.results.pages import build_individuals, build_results
from reviews.results.progress import progress_by_perspective
from reviews.views.lookup import managed_review, released_review
from reviews.views.own_results import own_numbers
from reviews.views.respond import problem, worded_statements

PACK_BLANK_LINES = 8


def _agreed(review: Review) -> dict[str, list[AgreedAction]]:
    """This review's actions, and the previous review's ("Last time you agreed"),
    in one query (each list in due order, as each review's actions are)."""
    both = (
        (
            AgreedAction.objects.filter(review=review)
            | AgreedAction.objects.last_time(review)
        )
        .for_display()
        .order_by("due", "pk")
    )
    agreed: dict[str, list[AgreedAction]] = {"actions": [], "last_time": []}
    for action in both:
        agreed["actions" if action.review_id == review.pk else "last_time"].append(
            action
        )
    return agreed


# How a fetch of the dot plot's data reads in the audit trail.
DOTS_DETAIL = "The dot plot's data: every respondent's rating"


def _audit(request: HttpRequest, review: Review, action: str, detail: str = "") -> None:
    """Who looked at unreleased answers, and when (one row per page or file)."""
    page = request.GET.get("page")
    if page and page.isdigit():
        detail = f"Page {page}"
    record_event(review=review, actor=request.user, action=action, detail=detail)


def _since_start(
    review: Review, visible, *, protect: bool
) -> comparison.Comparison | None:
    """An exit interview's "Since the start of this relationship", else None."""
    sides = comparison.since_start(review, visible)
    return comparison.compare(sides, protect=protect) if sides else None


@login_required
def review_results(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    context = {
        "results": build_results(review),
        "progress": progress_by_perspective(review),
        "since_start": _since_start(
            review, Review.objects.managed_by(request.user), protect=False
        ),
        **_agreed(review),
    }
    _audit(request, review, AuditEvent.Action.VIEWED_RESULTS)
    return render(request, "reviews/results/results.html", context)


@login_required
def review_dots(request: HttpRequest, pk: int) -> HttpResponse:
    """The results page's dot plot figure, fetched when it comes into view. It
    holds every respondent's rating, so fetching it is audited like the page."""
    review = managed_review(request, pk)
    results = build_results(review)
    _audit(request, review, AuditEvent.Action.VIEWED_RESULTS, DOTS_DETAIL)
    labels = [s.label for s in results.analysis.statements]
    figure = dot_plot_figure(results.analysis, labels)
    return HttpResponse(figure_json(figure), content_type="application/json")


@login_required
def review_individuals(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    context = {"individuals": build_individuals(review, request.GET.get("page"))}
    _audit(request, review, AuditEvent.Action.VIEWED_INDIVIDUALS)
    return render(request, "reviews/results/individuals.html", context)


@login_required
def review_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting pack, printed in the meeting's language (chosen on the pack
    or the title screen; English until then)."""
    language = room_language(request)
    with translation.override(language):
        reply = _pack(request, pk)
    reply.headers["Content-Language"] = language
    return reply


def _pack(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    agreed = _agreed(review)
    context = {
        "results": build_results(review),
        "printed": timezone.localdate(),
        "progress": progress_by_perspective(review),
        "since_start": _since_start(
            review, Review.objects.managed_by(request.user), protect=False
        ),
        **agreed,
        # Room to write new actions by hand, fewer once some are recorded, so
        # the pack keeps to four pages.
        "action_lines": range(
            max(PACK_BLANK_LINES - len(agreed["actions"]) - len(agreed["last_time"]), 2)
        ),
    }
    _audit(request, review, AuditEvent.Action.VIEWED_PACK)
    return render(request, "reviews/results/pack.html", context)


@login_required
def review_export(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    response = HttpResponse(answers_csv(review), content_type="text/csv; charset=utf-8")
    _audit(request, review, AuditEvent.Action.EXPORTED_CSV)
    filename = f"review-{review.pk}-{slugify(review.title)[:40]}-answers.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Who is reading released results: the review, and this browser's own response
# to it if it gave one; or the page that answers instead (login, wait, 404, 410).
Reader = tuple[Review, Response | None] | HttpResponse


def _by_account(request: HttpRequest, pk: int) -> Reader:
    """Someone signed in whom the review is visible to; or, without signing in,
    a browser still holding its respondent's answers to the review."""
    review = Review.objects.released().with_context().filter(pk=pk).first()
    response = current_response(request, review) if review is not None else None
    if review is not None and response is not None:
        return review, response
    # Anonymous visitors go to login whether or not the review exists.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return released_review(request, pk), None


def _by_link(request: HttpRequest, pk: int) -> Reader:
    """A browser that came by the respondent's own link (personal link, meeting
    code or results link), and only that: before release it is told to wait."""
    review = Review.objects.with_context().filter(pk=pk).first()
    if review is None or not may_read_results(request, review):
        return problem(request, "no_session", 404)
    response = own_response(request, review)
    if not review.is_released:
        return problem(request, "waiting", 200, review)
    if results_link_expired(response.invitation if response else None, review):
        return problem(request, "expired", 410, review)
    return review, response


WAYS_IN: dict[str, Callable[[HttpRequest, int], Reader]] = {
    "account": _by_account,
    "link": _by_link,
}


@never_cache
def released_results(request: HttpRequest, pk: int, way_in: str) -> HttpResponse:
    """Released results: one page, whichever way in (`WAYS_IN`, set by the URL).
    Small groups hidden and nothing individual, the agreed actions, and this
    browser's own answers when it gave them."""
    reader = WAYS_IN[way_in](request, pk)
    if isinstance(reader, HttpResponse):
        return reader
    review, response = reader
    context: dict[str, Any] = {
        "results": build_results(review, released=True),
        # Released results show every side as released results would.
        "since_start": _since_start(review, Review.objects.released(), protect=True),
        "actions": list(review.agreed_actions.for_display().order_by("due", "pk")),
        "own": None,
    }
    if response is not None and response.is_submitted:
        statements, words = worded_statements(review)
        columns = question_columns(review, words)
        rows, _ = own_numbers(response, statements, [c.key for c in columns])
        context["own"] = {"rows": rows, "columns": columns}
    return render(request, "reviews/results/released.html", context)


@login_required
def review_compare(request: HttpRequest, pk: int) -> HttpResponse:
    """This review beside another of the same partnership that this person may
    see; small groups hidden on both sides unless they run the review."""
    visible = Review.objects.visible_to(request.user)
    review = get_object_or_404(visible.with_context(), pk=pk)
    manages = Review.objects.managed_by(request.user).filter(pk=pk).exists()
    others = comparison.comparable(review, visible)
    form = CompareForm(request.GET or None, reviews=others)
    compared = None
    if form.is_valid() and review.is_closed:
        other = next(r for r in others if r.pk == form.cleaned_data["other"])
        compared = comparison.compare([review, other], protect=not manages)
    context = {
        "review": review,
        "form": form,
        "others": others,
        "comparison": compared,
        "manages": manages,
    }
    return render(request, "reviews/results/compare.html", context)
