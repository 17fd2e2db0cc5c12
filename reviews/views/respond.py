"""The respondent's pages: personal link, questionnaire, check, submit, thanks.

No account: the browser's session says which response it may edit
(`reviews.respondent`). Anything else is a plain page saying what happened,
with a status code to match, and nothing about any other review.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from reviews import charts
from reviews.actions.responses import (
    open_invited_response,
    save_answers,
    save_draft,
    submit_response,
)
from reviews.drafts import clean_draft, draft_initial, known_shape, remember_shape
from reviews.forms.questionnaire import (
    QuestionnaireForm,
    initial_from,
    question_columns,
)
from reviews.models import (
    SMALL_GROUP_PERSPECTIVES,
    Answer,
    Response,
    Review,
    Statement,
)
from reviews.reading import scale_of
from reviews.respondent import (
    LinkProblem,
    answers_marker,
    can_edit,
    check_link,
    current_response,
    issue_results_secret,
    keep_posted_answers,
    may_read_results,
    meeting_browser_response,
    own_response,
    posted_answers,
    remember_response,
    remember_results_reader,
    remembered_response_id,
    results_link_expired,
    review_rep,
    take_kept_answers,
)
from reviews.results import build_results
from reviews.views.invitations import qr_data_uri

RespondentView = Callable[[HttpRequest, Review, Response], HttpResponse]
SHARED_AS = {
    "lto_staff": "the LTO's view",
    "worker": "the workers' view",
    "rep": "the rep's view",
}


def problem(
    request: HttpRequest, kind: str, status: int, review: Review | None = None
) -> HttpResponse:
    rep = review_rep(review) if review is not None else None
    context = {"kind": kind, "rep": rep, "review": review}
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
    review: Review, statements, complete: bool = False, **kwargs
) -> QuestionnaireForm:
    version = review.framework_version
    # The page's autosaves are then checked without reading the statements again.
    remember_shape(review, statements)
    return QuestionnaireForm(
        statements=statements,
        columns=question_columns(review),
        scale=version.scale,
        complete=complete,
        **kwargs,
    )


def version_statements(review: Review) -> list[Statement]:
    """The review's statements in the framework's order. One version, so sorting
    by number alone: the model's ordering joins the version and the framework."""
    return list(review.framework_version.statements.order_by("order"))


def stored_answers(response: Response) -> QuerySet[Answer]:
    """A response's answers, unsorted: every reader looks them up by statement,
    and the model's ordering joins the review and the statements to sort."""
    return response.answers.order_by()


def stored_form(review: Review, response: Response, statements) -> QuestionnaireForm:
    """The complete-answers form over what is stored, to check or resubmit."""
    initial = initial_from(response, stored_answers(response), statements)
    data = {k: v for k, v in initial.items() if v not in (False, None)}
    return questionnaire_form(review, statements, complete=True, data=data)


def render_questionnaire(
    request: HttpRequest, review: Review, response: Response, form, status: int = 200
) -> HttpResponse:
    context = {
        "review": review,
        "response": response,
        "version": review.framework_version,
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
    statements = version_statements(review)
    if request.method != "POST":
        kept = take_kept_answers(request, response)
        if kept is not None:
            return restore_kept(request, review, response, statements, kept)
        initial = draft_initial(response) or initial_from(
            response, stored_answers(response), statements
        )
        form = questionnaire_form(review, statements, initial=initial)
        return render_questionnaire(request, review, response, form)
    action = request.POST.get("action", "continue")
    form, saved = save_posted(request.POST, review, response, statements, action)
    if form.is_valid() and action == "save":
        messages.success(request, "Your answers are saved. Use your link to finish.")
        return redirect("reviews:respond", review.pk)
    if form.is_valid():
        return redirect("reviews:respond-check", review.pk)
    return render_questionnaire(request, review, response, form, 200 if saved else 400)


def restore_kept(
    request: HttpRequest,
    review: Review,
    response: Response,
    statements: list[Statement],
    kept: QueryDict,
) -> HttpResponse:
    """Put back what was typed before the session went, and save what is valid."""
    form, saved = save_posted(kept, review, response, statements, "save")
    if saved:
        messages.success(
            request,
            "We have put back the answers you typed before your session ended, "
            "and saved them.",
        )
    else:
        messages.warning(
            request,
            "We have put back the answers you typed before your session ended. "
            "Check them, then continue.",
        )
    return render_questionnaire(request, review, response, form)


def save_posted(
    data: QueryDict,
    review: Review,
    response: Response,
    statements: list[Statement],
    action: str,
) -> tuple[QuestionnaireForm, bool]:
    """Save what was posted as far as it is valid; return (form, saved).

    A draft keeps any valid subset, so a missing answer never loses the rest; a
    submitted response only ever changes to another complete set of answers.
    """
    submitted = response.is_submitted
    complete = action == "continue" or submitted
    draft = questionnaire_form(review, statements, data=data)
    # A draft's own form is the one to show: build the complete one only if asked.
    form = (
        questionnaire_form(review, statements, complete, data=data)
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


@require_POST
@never_cache
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """The questionnaire's script posts the whole form here as answers change,
    and it is kept as the response's draft.

    Usually one session read and one UPDATE, which holds the rules for who may
    still change what: the browser's response, the review open, the link live.
    Anything else (no shape kept yet, a value refused, a write that matched
    nothing) goes the long way, which says why.
    """
    response_id = remembered_response_id(request, pk)
    shape = known_shape(pk)
    if response_id is not None and shape is not None:
        draft, errors = clean_draft(request.POST, shape)
        if not errors and save_draft(response_id=response_id, shape=shape, draft=draft):
            return draft_saved()
    return autosave_checked(request, pk)


@respondent_view
def autosave_checked(
    request: HttpRequest, review: Review, response: Response
) -> HttpResponse:
    if not can_edit(response):
        return JsonResponse({"saved": False, "reason": "closed"}, status=403)
    shape = remember_shape(review, review.framework_version.statements.all())
    draft, errors = clean_draft(request.POST, shape)
    if errors:
        return JsonResponse(
            {"saved": False, "reason": "invalid", "errors": errors}, status=400
        )
    if not save_draft(response_id=response.pk, shape=shape, draft=draft):
        return JsonResponse({"saved": False, "reason": "closed"}, status=403)
    return draft_saved()


def draft_saved() -> HttpResponse:
    return JsonResponse({"saved": True, "at": timezone.localtime().strftime("%H:%M")})


@respondent_view
def check(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not can_edit(response):
        return no_more_answers(request, review)
    statements = version_statements(review)
    form = stored_form(review, response, statements)
    if not form.is_valid():
        return render_questionnaire(request, review, response, form)
    context = {
        "review": review,
        "response": response,
        "rows": form.rows(),
    }
    return render(request, "reviews/respond/check.html", context)


@require_POST
@respondent_view
def submit(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not can_edit(response):
        return no_more_answers(request, review)
    statements = version_statements(review)
    form = stored_form(review, response, statements)
    if not form.is_valid():
        return render_questionnaire(request, review, response, form)
    submit_response(response=response)
    return redirect("reviews:respond-thanks", review.pk)


@respondent_view
def thanks(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not response.is_submitted:
        return redirect("reviews:respond", review.pk)
    statements = version_statements(review)
    columns = question_columns(review)
    rows, series = own_numbers(response, statements, [c.key for c in columns])
    figure = charts.perspective_radar(
        [s.short_label for s in statements],
        None if response.not_involved_at_start else series["then"],
        series["now"],
        series["like"] if review.asks_would_like else None,
        title="Your answers",
        scale=scale_of(review),
    )
    context = {
        "review": review,
        "response": response,
        "rows": rows,
        "figure": charts.with_config(figure),
        "columns": columns,
        "can_edit": can_edit(response),
    }
    if response.via_meeting_code and not response.results_secret_hash:
        context.update(results_link_context(issue_results_secret(response)))
    return render(request, "reviews/respond/thanks.html", context)


def results_link_context(secret: str) -> dict[str, str]:
    """A meeting-code respondent's own results link, and its QR code, shown once."""
    link = settings.SITE_URL + reverse("reviews:results-link", args=[secret])
    return {"results_link": link, "results_qr": qr_data_uri(link)}


@require_POST
@respondent_view
def new_results_link(
    request: HttpRequest, review: Review, response: Response
) -> HttpResponse:
    """Replace a lost results link: the old one stops working."""
    if not response.via_meeting_code or not response.is_submitted:
        return problem(request, "no_session", 404)
    context = {"review": review, "response": response, "replaced": True}
    context.update(results_link_context(issue_results_secret(response)))
    return render(request, "reviews/respond/results_link.html", context)


@never_cache
def respond_results(request: HttpRequest, pk: int) -> HttpResponse:
    """A respondent's view of the results: released ones, or the wait for them.

    Only for a browser that came by the respondent's own link (personal link,
    meeting code or results link). Released results are the same page members
    see, small groups hidden and nothing individual, plus the respondent's own
    answers.
    """
    review = Review.objects.with_context().filter(pk=pk).first()
    if review is None or not may_read_results(request, review):
        return problem(request, "no_session", 404)
    response = own_response(request, review)
    if not review.is_released:
        return problem(request, "waiting", 200, review)
    if results_link_expired(response.invitation if response else None, review):
        return problem(request, "expired", 410, review)
    context = {
        "results": build_results(review, released=True),
        "actions": list(review.agreed_actions.for_display().order_by("due", "pk")),
        "own": None,
    }
    if response is not None and response.is_submitted:
        statements = version_statements(review)
        columns = question_columns(review)
        rows, _ = own_numbers(response, statements, [c.key for c in columns])
        context["own"] = {"rows": rows, "columns": columns}
    return render(request, "reviews/respond/results.html", context)


def own_numbers(
    response: Response, statements: list[Statement], columns: list[str]
) -> tuple[list, dict[str, list]]:
    """Table rows (statement, cells) and radar series (ratings or None)."""
    answers = {a.statement_id: a for a in stored_answers(response)}
    labels = dict(Answer.State.choices)
    rows = []
    series: dict[str, list] = {column: [] for column in Answer.COLUMNS}
    for statement in statements:
        answer = answers.get(statement.pk)
        cells = []
        for column in Answer.COLUMNS:
            value = answer.cell(column) if answer else None
            series[column].append(value if isinstance(value, int) else None)
            if column in columns:
                cells.append(labels.get(value, value) if value is not None else "–")
        rows.append((statement, cells))
    return rows, series
