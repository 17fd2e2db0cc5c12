"""The rep's pages: my areas, a review's page with its progress, settings and audit.

Every view here finds its object through `managed_by(user)` or the access module,
so someone else's review or appointment is a 404 whatever the method.
"""

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from partnerships.access import AuthenticatedRequest, is_programme_staff
from partnerships.models import Appointment, Area, Membership, StaffRole
from reviews.actions import invitations, workflow
from reviews.forms.workflow import ReviewForm
from reviews.models import (
    AgreedAction,
    Response,
    Review,
    counting,
    not_revoked,
    with_exit_review,
    with_last_closed_review,
)
from reviews.responding.meeting_codes import code_answers, code_counts, proposed_cap
from reviews.results.progress import messages_by_perspective, progress_by_perspective
from reviews.views.lookup import managed_review

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def _active_reviews():
    """Unreleased reviews, and released ones until the relationship's next review
    opens, with the counts 'my areas' shows, in one query."""
    return (
        Review.objects.filter(
            Q(released_at__isnull=True)
            | Q(pk__in=Review.objects.released().latest_of_relationship())
        )
        .annotate(
            invited=Count(
                "invitations", filter=not_revoked("invitations"), distinct=True
            ),
            answered=Count(
                "responses",
                filter=counting.counted("responses"),
                distinct=True,
            ),
            invited_answered=Count(
                "invitations",
                filter=not_revoked("invitations")
                & counting.counted("invitations__responses"),
                distinct=True,
            ),
        )
        .order_by("-opens")
    )


class ActiveCounts(TypedDict):
    """The counts `_active_reviews()` annotates on each review."""

    invited: int
    answered: int
    invited_answered: int


def next_step(review: "WithAnnotations[Review, ActiveCounts]", today: dt.date) -> str:
    """What the rep should do next with a review, in a few words."""
    if review.is_released:
        return "Follow up the agreed actions; open the next review when it is due."
    if review.is_closed:
        return "Discuss the results, then release them to respondents."
    if review.closes < today:
        return "The closing date has passed: close the review."
    if not review.invited and not review.meeting_code_active:
        return "Invite people."
    waiting = review.invited - review.invited_answered
    if waiting:
        return f"{waiting} invited people have not answered yet: send a reminder."
    return f"Waiting for answers until {review.closes:%d %B %Y}."


@login_required
def my_areas(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    # Each relationship's next review date (programme.schedule) reads its last
    # closed review; an appointment given an end date stays, prompting its exit
    # interview.
    appointments = with_exit_review(
        with_last_closed_review(
            Appointment.objects.current_or_ending(today).select_related("organisation")
        )
    )
    areas = list(
        Area.objects.represented_by(request.user)
        .select_related("partnership")
        .prefetch_related(
            Prefetch("partnership__appointments", queryset=appointments),
            Prefetch(
                "partnership__appointments__reviews",
                queryset=_active_reviews(),
                to_attr="active_reviews",
            ),
        )
    )
    for area in areas:
        # An area without a partnership row yet simply has nothing to show.
        partnership = getattr(area, "partnership", None)
        for appointment in partnership.appointments.all() if partnership else []:
            for review in appointment.active_reviews:
                review.next_step = next_step(review, today)
    # Open actions of the areas this person represents: overdue and due soon first.
    actions = (
        AgreedAction.objects.still_open()
        .filter(
            review__appointment__partnership__area__in=Area.objects.represented_by(
                request.user
            )
        )
        .for_display()
        .by_due_date()
    )
    context = {
        "areas": areas,
        "actions": actions,
        "programme_staff": is_programme_staff(request.user),
        **_own_partnership(request.user),
    }
    return render(request, "reviews/workflow/my_areas.html", context)


def _own_partnership(user) -> dict:
    """What a partnership member or the LTO's staff follow on "My areas": their
    partnership's (or organisation's) reviews they do not run, the released
    results among them, and the actions agreed on those. Nothing unreleased
    beyond a review's title and stage."""
    memberships = Membership.objects.current().of(user).values("partnership_id")
    staff_roles = StaffRole.objects.current().of(user).values("organisation_id")
    reviews = list(
        Review.objects.filter(
            Q(appointment__partnership__in=memberships)
            | Q(appointment__organisation__in=staff_roles)
        )
        .exclude(status=Review.Status.DRAFT)
        .exclude(pk__in=Review.objects.managed_by(user).values("pk"))
        .select_related("appointment__partnership", "appointment__organisation")
        .order_by("-opens", "-pk")
    )
    released = [review for review in reviews if review.is_released]
    actions = (
        AgreedAction.objects.filter(review__in=[r.pk for r in released])
        .for_display()
        .by_due_date()
        if released
        else []
    )
    return {
        "own_reviews": reviews,
        "own_actions": actions,
        "is_member": memberships.exists(),
        "is_lto_staff": staff_roles.exists(),
    }


def _invitation_rows(review: Review):
    responses = Response.objects.filter(invitation=OuterRef("pk"))
    return (
        review.invitations.select_related("person")
        .annotate(
            answered=Exists(responses.counted()),
            started=Exists(responses.drafts()),
        )
        .order_by("revoked", "perspective", "person__name")
    )


@login_required
def review_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    counted, set_aside = code_answers(review)
    emails = messages_by_perspective(review)
    context = {
        "review": review,
        "progress": progress_by_perspective(review),
        "emails": emails,
        "unsent": sum(row.failed for row in emails),
        "invitations": _invitation_rows(review),
        "today": timezone.localdate(),
        "code_counts": code_counts(review),
        "code_answers": counted,
        "code_set_aside": set_aside,
        "last_time": list(AgreedAction.objects.last_time(review).for_display()),
        "agreed_count": review.agreed_actions.count(),
    }
    return render(request, "reviews/workflow/review_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_open(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    appointment = get_object_or_404(
        Appointment.objects.managed_by(request.user).select_related(
            "partnership", "organisation"
        ),
        pk=pk,
    )
    # "Open the exit interview" on My areas comes with ?purpose=exit.
    purpose = request.GET.get("purpose")
    initial = {"purpose": purpose} if purpose in Review.Purpose.values else {}
    form = ReviewForm(
        request.POST or None,
        initial=initial,
        proposed_cap=proposed_cap(appointment.partnership),
    )
    if form.is_valid():
        review = workflow.open_review(
            appointment=appointment, actor=request.user, **form.cleaned_data
        )
        messages.success(request, "Review opened. Now invite people to answer.")
        return redirect("reviews:review-invite", pk=review.pk)
    context = {"form": form, "appointment": appointment}
    return render(request, "reviews/workflow/review_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    form = ReviewForm(
        request.POST or None,
        review=review,
        proposed_cap=proposed_cap(review.appointment.partnership),
    )
    if form.is_valid():
        try:
            workflow.update_review(
                review=review, actor=request.user, **form.cleaned_data
            )
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Review settings saved.")
        return redirect("reviews:review-detail", pk=review.pk)
    context = {"form": form, "review": review, "appointment": review.appointment}
    return render(request, "reviews/workflow/review_form.html", context)


@login_required
def review_audit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    events = review.events.for_display().order_by("-at")
    context = {"review": review, "events": events}
    return render(request, "reviews/workflow/review_audit.html", context)


@login_required
def review_resend_failed(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Queue again every message of this review that could not be sent."""
    review = managed_review(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    result = invitations.resend_failed(review=review, actor=request.user)
    if result.not_sent:
        messages.error(
            request, f"{len(result.not_sent)} messages still could not be sent."
        )
    if result.sent:
        messages.success(request, f"Sending {len(result.sent)} messages again.")
    return redirect("reviews:review-detail", pk=review.pk)
