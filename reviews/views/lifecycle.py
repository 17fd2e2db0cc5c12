"""Closing, reopening and releasing a review: POST-only buttons on its page.

The review is looked up before the method is checked, so someone else's review
is a 404 whether they GET or POST.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect

from reviews.actions import workflow
from reviews.views.lookup import managed_review


def _step(request: HttpRequest, pk: int, action: Callable, done: str) -> HttpResponse:
    review = managed_review(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        action(review=review, actor=request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("reviews:review-detail", pk=review.pk)


@login_required
def review_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, workflow.close_review, "Review closed: no more answers.")


@login_required
def review_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, workflow.reopen_review, "Review reopened for answers.")


@login_required
def review_release(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        workflow.release_review,
        "Results released: respondents, members and the LTO can now see them.",
    )
