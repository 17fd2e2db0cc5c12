"""Paper questionnaires: a printable blank form, and typing one in afterwards.

Only people who manage the review (its rep, Local Trust staff) see these pages;
a typed-in response records who entered it and when.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from reviews.actions.responses import enter_paper_response
from reviews.forms.questionnaire import question_columns
from reviews.forms.respondents import PaperEntryForm
from reviews.models import Perspective
from reviews.views.lookup import managed_review


@login_required
def paper_form(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    version = review.framework_version
    context = {
        "review": review,
        "version": version,
        "statements": version.statements.all(),
        "columns": question_columns(review),
        "perspectives": Perspective.choices,
    }
    return render(request, "reviews/respond/paper_form.html", context)


@login_required
def paper_entry(request: HttpRequest, pk: int) -> HttpResponse:
    review = managed_review(request, pk)
    version = review.framework_version
    form = PaperEntryForm(
        request.POST if request.method == "POST" else None,
        initial={"entry_key": secrets.token_urlsafe(16)},
        statements=list(version.statements.all()),
        columns=question_columns(review),
        scale=version.scale,
    )
    if request.method == "POST" and review.is_closed:
        return render(
            request, "reviews/respond/paper_entry.html", {"review": review}, status=403
        )
    if form.is_valid():
        response, _ = enter_paper_response(
            review=review,
            perspective=form.cleaned_data["perspective"],
            answers=form.answers(),
            not_involved_at_start=form.cleaned_data["not_involved_at_start"],
            comments=form.cleaned_data["comments"],
            entered_by=request.user,
            entry_key=form.cleaned_data["entry_key"],
        )
        messages.success(
            request, f"Saved paper response {response.pk}. Enter the next one below."
        )
        return redirect("reviews:paper-entry", review.pk)
    context = {"review": review, "form": form, "rows": form.rows()}
    status = 400 if form.errors else 200
    return render(request, "reviews/respond/paper_entry.html", context, status=status)
