"""Closing, reopening, releasing and withdrawing a review.

Closing, releasing and withdrawing ask first: a GET shows what will happen and
who will see what, and only the POST from that page acts. Reopening is a button
on the review's page (it loses nothing). The review is looked up before the
method is checked, so someone else's review is a 404 whether they GET or POST.
"""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from reviews.actions import invitations, workflow
from reviews.models import Review
from reviews.results.audience import release_audience, release_notices
from reviews.results.progress import progress_by_perspective
from reviews.views.lookup import managed_review


def _act(request: HttpRequest, review: Review, action: Callable, done: str):
    try:
        action(review=review, actor=request.user)
    except workflow.WorkflowError as error:
        # A second click on a confirmation lands here: the first one did it.
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("reviews:review-detail", pk=review.pk)


def _confirm(request: HttpRequest, review: Review, step: str, **context):
    context = {"review": review, "step": step, **context}
    return render(request, f"reviews/workflow/confirm_{step}.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_close(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    if request.method == "POST":
        return _act(request, review, workflow.close_review, "Review closed.")
    progress = progress_by_perspective(review)
    return _confirm(
        request,
        review,
        "close",
        submitted=sum(row.submitted for row in progress),
        drafts=sum(row.drafts for row in progress),
        waiting=invitations.awaiting_reply(review).count(),
    )


@login_required
def review_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _act(request, review, workflow.reopen_review, "Review reopened.")


@login_required
@require_http_methods(["GET", "POST"])
def review_release(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    if request.method == "POST":
        release = partial(
            workflow.release_review,
            tell_not_answered=request.POST.get("tell_not_answered") == "1",
        )
        return _act(request, review, release, "Results released.")
    return _confirm(
        request,
        review,
        "release",
        audience=release_audience(review),
        notices=release_notices(review),
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    if request.method == "POST":
        return _act(request, review, workflow.withdraw_release, "Release withdrawn.")
    return _confirm(request, review, "withdraw", audience=release_audience(review))
