"""Inviting people: pick or add invitees, print a QR sheet, revoke, resend, remind."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_http_methods

from partnerships.access import AuthenticatedRequest
from reviews.actions import invitations, workflow
from reviews.emails import personal_link
from reviews.forms.invitations import InvitationSheetForm, InviteForm
from reviews.models import Invitation, Review
from reviews.views.lookup import managed_review


def _report_sending(request: HttpRequest, result: invitations.SendResult) -> None:
    if not result.sent and not result.not_sent:
        messages.info(request, "Everyone listed already has a link: nothing was sent.")
    if result.sent:
        count = len(result.sent)
        messages.success(request, f"Emailed {count} personal link{pluralize(count)}.")
    if result.not_sent:
        messages.warning(
            request,
            f"{len(result.not_sent)} people have no email or could not be emailed: "
            "print their links on the invitation sheet.",
        )


@login_required
@require_http_methods(["GET", "POST"])
def review_invite(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    form = InviteForm(request.POST or None, request.FILES or None, review=review)
    # "Change the list" comes back from the preview to the form as it was typed.
    if "edit" not in request.POST and form.is_valid():
        if "preview" in request.POST:
            new, skipped = form.preview()
            context = {"review": review, "form": form, "new": new, "skipped": skipped}
            return render(request, "reviews/workflow/invite_preview.html", context)
        try:
            result = invitations.invite(
                review=review, actor=request.user, invitees=form.invitees()
            )
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        else:
            _report_sending(request, result)
        return redirect("reviews:review-detail", pk=review.pk)
    return render(
        request, "reviews/workflow/invite.html", {"review": review, "form": form}
    )


def qr_data_uri(url: str) -> str:
    """A PNG QR code as a data URI: prints sharply and needs no second request."""
    return segno.make(url, error="m").png_data_uri(scale=5, border=4)


@login_required
@require_http_methods(["GET", "POST"])
def review_invitation_sheet(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    form = InvitationSheetForm(
        request.POST or None, awaiting=invitations.awaiting_reply(review)
    )
    if not form.is_valid():
        context = {"review": review, "form": form}
        return render(request, "reviews/workflow/invitation_sheet_choose.html", context)
    pairs = invitations.print_invitations(
        review=review, actor=request.user, invitations=form.cleaned_data["invitations"]
    )
    sheets = []
    for invitation, token in pairs:
        link = personal_link(token)
        sheets.append({"invitation": invitation, "link": link, "qr": qr_data_uri(link)})
    # The links exist only in this response: never let a cache keep a copy.
    response = render(
        request,
        "reviews/workflow/invitation_sheet.html",
        {"review": review, "sheets": sheets},
    )
    response["Cache-Control"] = "no-store"
    return response


def _managed_invitation(request: HttpRequest, pk: int) -> Invitation:
    queryset = Invitation.objects.filter(
        review__in=Review.objects.managed_by(request.user)
    ).select_related("review", "person")
    return get_object_or_404(queryset, pk=pk)


@login_required
def invitation_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    invitation = _managed_invitation(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    invitations.revoke_invitation(invitation=invitation, actor=request.user)
    messages.success(request, f"{invitation.person}'s link no longer works.")
    return redirect("reviews:review-detail", pk=invitation.review_id)


@login_required
def invitation_resend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    invitation = _managed_invitation(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        sent = invitations.resend_invitation(invitation=invitation, actor=request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    else:
        if sent:
            messages.success(request, f"Sent a new link to {invitation.person}.")
        else:
            messages.error(request, "The email could not be sent; try again later.")
    return redirect("reviews:review-detail", pk=invitation.review_id)


@login_required
@require_http_methods(["GET", "POST"])
def review_remind(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """GET says who will be reminded and who is skipped; the POST sends."""
    review = managed_review(request, pk)
    if request.method == "GET":
        due, skipped = invitations.to_remind(review)
        context = {
            "review": review,
            "due": due,
            "skipped": skipped,
            "reminder_hours": settings.REMINDER_MIN_HOURS,
        }
        return render(request, "reviews/workflow/confirm_remind.html", context)
    try:
        result = invitations.send_reminders(review=review, actor=request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    else:
        sent = len(result.sent)
        messages.success(request, f"Sent {sent} reminder{pluralize(sent)}.")
        if result.skipped:
            messages.info(
                request,
                f"{len(result.skipped)} not reminded again: reminded in the last "
                f"{settings.REMINDER_MIN_HOURS} hours.",
            )
    return redirect("reviews:review-detail", pk=review.pk)
