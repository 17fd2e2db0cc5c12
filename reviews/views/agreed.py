"""Agreed actions: the rep (or Local Trust staff) records them at the meeting,
edits them and moves them on with a dated note.

Actions are found through `Review.objects.managed_by`, so anyone who does not run
the review gets a 404 whatever the method.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from partnerships.access import AuthenticatedRequest
from reviews.actions import agreed
from reviews.forms.agreed import AgreedActionForm, StatusForm
from reviews.models import AgreedAction, Review
from reviews.views.lookup import managed_review


def _managed_action(request: AuthenticatedRequest, pk: int) -> AgreedAction:
    actions = AgreedAction.objects.filter(
        review__in=Review.objects.managed_by(request.user)
    ).select_related(
        "review__appointment__partnership",
        "review__appointment__organisation",
        "review__framework_version",
    )
    return get_object_or_404(actions, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_actions(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    form = AgreedActionForm(request.POST or None, review=review)
    if form.is_valid():
        agreed.record_action(review=review, actor=request.user, **form.cleaned_data)
        messages.success(request, "Action recorded.")
        return redirect("reviews:review-actions", pk=review.pk)
    context = {
        "review": review,
        "form": form,
        "actions": AgreedAction.objects.filter(review=review)
        .for_display()
        .order_by("due", "pk"),
        "last_time": AgreedAction.objects.last_time(review).for_display(),
    }
    return render(request, "reviews/agreed/review_actions.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    action = _managed_action(request, pk)
    form = AgreedActionForm(request.POST or None, review=action.review, action=action)
    if form.is_valid():
        changed = agreed.edit_action(
            action=action, actor=request.user, **form.cleaned_data
        )
        messages.success(request, "Action changed." if changed else "Nothing changed.")
        return redirect("reviews:review-actions", pk=action.review_id)
    context = {"action": action, "review": action.review, "form": form}
    return render(request, "reviews/agreed/action_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def action_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    action = _managed_action(request, pk)
    form = StatusForm(request.POST or None, action=action)
    if form.is_valid():
        agreed.change_status(action=action, actor=request.user, **form.cleaned_data)
        messages.success(request, f"Status is now {action.get_status_display()}.")
        return redirect("reviews:review-actions", pk=action.review_id)
    context = {
        "action": action,
        "review": action.review,
        "form": form,
        "updates": action.updates.select_related("by").order_by("at", "pk"),
    }
    return render(request, "reviews/agreed/action_status.html", context)
