"""Results pages: the rep's divergence report, the meeting pack, the CSV export,
and the released results respondents see.

The first three are for the review's rep and Local Trust staff only
(`Review.objects.managed_by`); anyone else gets a 404. Released results are for
people the review is visible to, and for a respondent whose browser holds a
response to the review, with small groups hidden.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from reviews.actions.audit import record_event
from reviews.exports import answers_csv
from reviews.forms.workflow import CompareForm
from reviews.models import AgreedAction, AuditEvent, Review
from reviews.responding.session import current_response
from reviews.results import comparison
from reviews.results.page_charts import dot_plot_figure, figure_json
from reviews.results.pages import build_individuals, build_results
from reviews.results.progress import progress_by_perspective
from reviews.views.lookup import managed_review, released_review

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


def _audit(request: HttpRequest, review: Review, action: str) -> None:
    """Who looked at unreleased answers, and when (one row per page or file)."""
    page = request.GET.get("page")
    detail = f"Page {page}" if page and page.isdigit() else ""
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
    shows what the page's table beside it shows, so it is not audited apart."""
    review = managed_review(request, pk)
    results = build_results(review)
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
    review = managed_review(request, pk)
    agreed = _agreed(review)
    context = {
        "results": build_results(review),
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


def _is_respondent(request: HttpRequest, review: Review) -> bool:
    return current_response(request, review) is not None


def review_released(request: HttpRequest, pk: int) -> HttpResponse:
    review = Review.objects.released().with_context().filter(pk=pk).first()
    if review is None or not _is_respondent(request, review):
        # Anonymous visitors go to login whether or not the review exists.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        review = released_review(request, pk)
    context = {
        "results": build_results(review, released=True),
        # Released results show every side as released results would.
        "since_start": _since_start(review, Review.objects.released(), protect=True),
        "actions": list(
            AgreedAction.objects.filter(review=review)
            .for_display()
            .order_by("due", "pk")
        ),
    }
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
