"""The respondent's pages: personal link, questionnaire, check and submit.

Autosave is in `reviews.views.autosave`; the thank-you page and the
meeting-code results link in `reviews.views.own_results`; the released results,
which the respondent's own link opens, in `reviews.views.results`.

No account: the browser's session says which response it may edit
(`reviews.responding.session`). Anything else is a plain page saying what happened,
with a status code to match, and nothing about any other review.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from reviews.actions.responses import (
    MeetingCodeRefused,
    open_invited_response,
    save_answers,
    submit_response,
)
from reviews.forms.questionnaire import (
    QuestionnaireForm,
    initial_from,
    question_columns,
)
from reviews.forms.respondents import PERSPECTIVE_WORDS
from reviews.models import (
    SMALL_GROUP_PERSPECTIVES,
    Answer,
    Response,
    Review,
    Statement,
)
from reviews.responding.drafts import draft_initial, remember_shape
from reviews.responding.session import (
    LinkProblem,
    answers_marker,
    can_edit,
    check_link,
    current_response,
    keep_posted_answers,
    meeting_browser_response,
    posted_answers,
    remember_response,
    remember_results_reader,
    review_rep,
    take_kept_answers,
)
from reviews.responding.words import VersionWords, version_words

RespondentView = Callable[[HttpRequest, Review, Response], HttpResponse]
SHARED_AS = {
    "lto_staff": _("the LTO's view"),
    "worker": _("the workers' view"),
    "rep": _("the rep's view"),
}


def problem(
    request: HttpRequest,
    kind: str,
    status: int,
    review: Review | None = None,
    *,
    wait_minutes: int | None = None,
) -> HttpResponse:
    rep = review_rep(review) if review is not None else None
    context = {"kind": kind, "rep": rep, "review": review, "wait": wait_minutes}
    return render(request, "reviews/respond/problem.html", context, status=status)


def respondent_view(view: RespondentView) -> Callable[..., HttpResponse]:
    """Pass the view the review and this browser's response, or answer 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int) -> HttpResponse:
        review = (
            Review.objects.select_related("framework_version").filter(pk=pk).first()
        )
        response = current_response(request, review) if review else None
        if review is not None and response is None:
            # A meeting-code browser whose session went finds its response again.
            response = meeting_browser_response(request, review)
            if response is not None:
                remember_response(request, response)
        if review is None or response is None:
            if posted_answers(request) and keep_posted_answers(request, pk):
                return problem(request, "answers_kept", 403)
            return problem(request, "no_session", 404)
        return view(request, review, response)

    return never_cache(wrapper)


def questionnaire_form(
    review: Review,
    statements,
    complete: bool = False,
    words: VersionWords | None = None,
    **kwargs,
) -> QuestionnaireForm:
    version = review.framework_version
    # The page's autosaves are then checked without reading the statements again.
    remember_shape(review, statements)
    return QuestionnaireForm(
        statements=statements,
        columns=question_columns(review, words),
        scale=version.scale,
        complete=complete,
        **kwargs,
    )


def version_statements(review: Review) -> list[Statement]:
    """The review's statements in the framework's order. One version, so sorting
    by number alone: the model's ordering joins the version and the framework."""
    return list(review.framework_version.statements.order_by("order"))


def worded_statements(review: Review) -> tuple[list[Statement], VersionWords]:
    """The review's statements and its version's words, in the page's language."""
    statements = version_statements(review)
    return statements, version_words(review.framework_version, statements)


def stored_answers(response: Response) -> QuerySet[Answer]:
    """A response's answers, unsorted: every reader looks them up by statement,
    and the model's ordering joins the review and the statements to sort."""
    return response.answers.order_by()


def stored_form(
    review: Review, response: Response, statements, words: VersionWords | None = None
) -> QuestionnaireForm:
    """The complete-answers form over what is stored, to check or resubmit."""
    initial = initial_from(response, stored_answers(response), statements)
    data = {k: v for k, v in initial.items() if v not in (False, None)}
    return questionnaire_form(review, statements, True, words, data=data)


def render_questionnaire(
    request: HttpRequest,
    review: Review,
    response: Response,
    form: QuestionnaireForm,
    words: VersionWords,
    status: int = 200,
) -> HttpResponse:
    context = {
        "review": review,
        "response": response,
        "version": words,
        "perspective_label": PERSPECTIVE_WORDS.get(response.perspective, ""),
        "form": form,
        "rows": form.rows(),
        "answers_for": answers_marker(response),
        "shared_as": SHARED_AS.get(response.perspective)
        if response.perspective in SMALL_GROUP_PERSPECTIVES
        else None,
    }
    return render(request, "reviews/respond/questionnaire.html", context, status=status)


@never_cache
def respond_link(request: HttpRequest, token: str) -> HttpResponse:
    """Swap a personal link for a session, then drop the token from the URL."""
    found = check_link(token)
    if isinstance(found, LinkProblem):
        reply = problem(request, found.kind, found.status, found.review)
    elif found.review.is_closed:
        # After close the same link leads to the results, or to the wait for them.
        answered = Response.objects.filter(invitation=found).first()
        remember_results_reader(request, found.review, answered)
        reply = redirect("reviews:respond-results", found.review_id)
    else:
        remember_response(request, open_invited_response(invitation=found))
        reply = redirect("reviews:respond", found.review_id)
    reply["Referrer-Policy"] = "no-referrer"
    return reply


def no_more_answers(request: HttpRequest, review: Review) -> HttpResponse:
    """Once a review closes, a respondent's pages lead to its results; answers
    posted after close are refused with a page that says so."""
    if review.is_closed and request.method == "GET":
        return redirect("reviews:respond-results", review.pk)
    return problem(request, "closed", 403, review)


@respondent_view
def respond(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not can_edit(response):
        return no_more_answers(request, review)
    statements, words = worded_statements(review)
    if request.method != "POST":
        kept = take_kept_answers(request, response)
        if kept is not None:
            return restore_kept(request, review, response, (statements, words), kept)
        initial = draft_initial(response) or initial_from(
            response, stored_answers(response), statements
        )
        form = questionnaire_form(review, statements, words=words, initial=initial)
        return render_questionnaire(request, review, response, form, words)
    action = request.POST.get("action", "continue")
    form, saved = save_posted(
        request.POST, review, response, (statements, words), action
    )
    if form.is_valid() and action == "save":
        messages.success(
            request, gettext("Your answers are saved. Use your link to finish.")
        )
        return redirect("reviews:respond", review.pk)
    if form.is_valid():
        return redirect("reviews:respond-check", review.pk)
    status = 200 if saved else 400
    return render_questionnaire(request, review, response, form, words, status)


Worded = tuple[list[Statement], VersionWords]


def restore_kept(
    request: HttpRequest,
    review: Review,
    response: Response,
    worded: Worded,
    kept: QueryDict,
) -> HttpResponse:
    """Put back what was typed before the session went, and save what is valid."""
    form, saved = save_posted(kept, review, response, worded, "save")
    if saved:
        messages.success(
            request,
            gettext(
                "We have put back the answers you typed before your session "
                "ended, and saved them."
            ),
        )
    else:
        messages.warning(
            request,
            gettext(
                "We have put back the answers you typed before your session "
                "ended. Check them, then continue."
            ),
        )
    return render_questionnaire(request, review, response, form, worded[1])


def save_posted(
    data: QueryDict,
    review: Review,
    response: Response,
    worded: Worded,
    action: str,
) -> tuple[QuestionnaireForm, bool]:
    """Save what was posted as far as it is valid; return (form, saved).

    A draft keeps any valid subset, so a missing answer never loses the rest; a
    submitted response only ever changes to another complete set of answers.
    """
    statements, words = worded
    submitted = response.is_submitted
    complete = action == "continue" or submitted
    draft = questionnaire_form(review, statements, words=words, data=data)
    # A draft's own form is the one to show: build the complete one only if asked.
    form = (
        questionnaire_form(review, statements, complete, words, data=data)
        if complete
        else draft
    )
    saved = draft.is_valid() and (form.is_valid() or not submitted)
    if saved:
        save_answers(
            response=response,
            answers=draft.answers(),
            not_involved_at_start=draft.cleaned_data["not_involved_at_start"],
            comments=draft.cleaned_data["comments"],
        )
    return form, saved


@respondent_view
def check(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not can_edit(response):
        return no_more_answers(request, review)
    statements, words = worded_statements(review)
    form = stored_form(review, response, statements, words)
    if not form.is_valid():
        return render_questionnaire(request, review, response, form, words)
    context = {
        "review": review,
        "response": response,
        "version": words,
        "rows": form.rows(),
    }
    return render(request, "reviews/respond/check.html", context)


@require_POST
@respondent_view
def submit(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not can_edit(response):
        return no_more_answers(request, review)
    statements, words = worded_statements(review)
    form = stored_form(review, response, statements, words)
    if not form.is_valid():
        return render_questionnaire(request, review, response, form, words)
    try:
        submit_response(response=response)
    except MeetingCodeRefused:
        return problem(request, "code_full", 403, review)
    return redirect("reviews:respond-thanks", review.pk)
