"""After answering: the thank-you page with the person's own answers, and a
meeting-code respondent's own results link. Their view of the released results
is `reviews.views.results.released_results`."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from reviews.forms.questionnaire import STATE_WORDS, question_columns
from reviews.models import Answer, Response, Review, Statement
from reviews.responding.session import can_edit, issue_results_secret
from reviews.results import charts
from reviews.results.reading import scale_of
from reviews.views.invitations import qr_data_uri
from reviews.views.respond import (
    problem,
    respondent_view,
    stored_answers,
    worded_statements,
)


@respondent_view
def thanks(request: HttpRequest, review: Review, response: Response) -> HttpResponse:
    if not response.is_submitted:
        return redirect("reviews:respond", review.pk)
    statements, words = worded_statements(review)
    columns = question_columns(review, words)
    rows, series = own_numbers(response, statements, [c.key for c in columns])
    figure = charts.perspective_radar(
        [s.short_label for s in statements],
        None if response.not_involved_at_start else series["then"],
        series["now"],
        series["like"] if review.asks_would_like else None,
        title=gettext("Your answers"),
        scale=scale_of(review),
        headings={column.key: column.short for column in columns},
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


def own_numbers(
    response: Response, statements: list[Statement], columns: list[str]
) -> tuple[list, dict[str, list]]:
    """Table rows (statement, cells) and radar series (ratings or None)."""
    answers = {a.statement_id: a for a in stored_answers(response)}
    labels = {value: str(label) for value, label in STATE_WORDS.items()}
    rows = []
    series: dict[str, list] = {column: [] for column in Answer.COLUMNS}
    for statement in statements:
        answer = answers.get(statement.pk)
        cells = []
        for column in Answer.COLUMNS:
            value = answer.cell(column) if answer else None
            series[column].append(value if isinstance(value, int) else None)
            if column in columns:
                cells.append(
                    labels.get(str(value), str(value)) if value is not None else "–"
                )
        rows.append((statement, cells))
    return rows, series
