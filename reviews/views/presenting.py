"""Presenting a closed review to the room, and the rep's presenter page.

`present_screen` is what a projector or television shows: the title, one screen
per agenda point, then "What we agreed", each its own URL with next and previous
links, so it works without JavaScript; `static/js/present.js` adds the keys a
presentation clicker sends, swipes, and following the presenter page. The
presenter page, on the rep's laptop or phone, shows the same point with the
rep's notes (saved as typed) and a form to record an agreed action. Both pages
keep to the screen in `Presentation`, which each polls through `present_state`.

Only the review's rep and Local Trust staff reach any of these
(`managed_review`); others, and reviews not closed, get a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from partnerships.access import AuthenticatedRequest
from reviews.actions import agreed
from reviews.actions.audit import record_event
from reviews.actions.meeting import move_to_screen, save_note
from reviews.forms.agreed import AgreedActionForm
from reviews.forms.meeting import NoteForm
from reviews.models import AgreedAction, AuditEvent, MeetingNote, Presentation, Review
from reviews.responding.languages import room_language
from reviews.results.presenting import Deck, build_deck
from reviews.results.room_charts import strip_height
from reviews.views.lookup import managed_review


def _deck(request: AuthenticatedRequest, pk: int, screen: int) -> Deck:
    review = managed_review(request, pk)
    if not review.is_closed:
        raise Http404("Only a closed review can be presented.")
    deck = build_deck(review)
    if deck.kind(screen) is None:
        raise Http404("No such screen.")
    return deck


def _screen_context(deck: Deck, screen: int) -> dict[str, Any]:
    review = deck.review
    statement = deck.statement(screen)
    context: dict[str, Any] = {
        "deck": deck,
        "review": review,
        "screen": screen,
        "kind": deck.kind(screen),
        "item": deck.item(screen),
        "statement": statement,
        "title": deck.title(screen),
        "previous": screen - 1 if screen > 0 else None,
        "next": screen + 1 if screen < deck.last else None,
    }
    if statement is not None:
        context["numbers"] = deck.numbers(statement)
        context["chart_height"] = strip_height(len(context["numbers"]))
        context["chart_script"] = deck.chart_script(statement, "room-chart-data")
        context["last_time"] = (
            AgreedAction.objects.last_time(review)
            .filter(statements__key=statement.key)
            .for_display()
            .order_by("due", "pk")
        )
    if screen == deck.last:
        context["actions"] = (
            AgreedAction.objects.filter(review=review)
            .for_display()
            .order_by("due", "pk")
        )
    return context


@login_required
def present_screen(request: AuthenticatedRequest, pk: int, screen: int) -> HttpResponse:
    """A screen the room reads, in the language chosen for it on the title
    screen (the rep's presenter page stays English)."""
    language = room_language(request)
    with translation.override(language):
        deck = _deck(request, pk, screen)
        if screen == 0:
            detail = "Presented at the meeting (what released results show)"
            record_event(
                review=deck.review,
                actor=request.user,
                action=AuditEvent.Action.VIEWED_RESULTS,
                detail=detail,
            )
        context = _screen_context(deck, screen)
        reply = render(request, "reviews/presenting/screen.html", context)
    reply.headers["Content-Language"] = language
    return reply


@login_required
@require_http_methods(["GET", "POST"])
def present_state(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    """The screen the meeting is on: both pages poll it, and post a move."""
    review = managed_review(request, pk)
    if request.method == "POST":
        screen = request.POST.get("screen", "")
        if not screen.isdigit():
            return JsonResponse({"error": "screen must be a number"}, status=400)
        move_to_screen(review=review, screen=int(screen))
    presentation = Presentation.objects.filter(review=review).first()
    return JsonResponse({"screen": presentation.screen if presentation else 0})


def _statement_row(review: Review, deck: Deck, screen: int):
    info = deck.statement(screen)
    if info is None:
        return None
    return get_object_or_404(review.framework_version.statements, key=info.key)


def _render_presenter(
    request: AuthenticatedRequest,
    deck: Deck,
    screen: int,
    action_form: AgreedActionForm,
    note_form: NoteForm | None = None,
) -> HttpResponse:
    review = deck.review
    statement = _statement_row(review, deck, screen)
    if note_form is None:
        note = MeetingNote.objects.filter(review=review, statement=statement).first()
        note_form = NoteForm(initial={"text": note.text if note else ""})
    if statement is not None:
        # Where the page keeps what is typed until the server has it.
        key = f"lto-note-{review.pk}-{statement.pk}"
        note_form.fields["text"].widget.attrs["data-note-key"] = key
    context = _screen_context(deck, screen) | {
        "statement_row": statement,
        "action_form": action_form,
        "note_form": note_form,
        "adding_action": action_form.is_bound,
    }
    return render(request, "reviews/presenting/presenter.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def presenter(request: AuthenticatedRequest, pk: int, screen: int) -> HttpResponse:
    """The rep's page: the same point as the room, notes, and an action form.
    A POST records an agreed action for the current statement."""
    deck = _deck(request, pk, screen)
    review = deck.review
    statement = _statement_row(review, deck, screen)
    initial = {"statements": [statement.pk]} if statement else {}
    form = AgreedActionForm(request.POST or None, review=review, initial=initial)
    if form.is_valid():
        agreed.record_action(review=review, actor=request.user, **form.cleaned_data)
        messages.success(request, "Action recorded: it is on “What we agreed”.")
        return redirect("reviews:presenter", pk=review.pk, screen=screen)
    return _render_presenter(request, deck, screen, form)


@login_required
def presenter_note(request: AuthenticatedRequest, pk: int, screen: int) -> HttpResponse:
    """Save the current statement's note: JSON for the page's autosave, a
    redirect back for the Save button without JavaScript."""
    deck = _deck(request, pk, screen)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    statement = _statement_row(deck.review, deck, screen)
    if statement is None:
        raise Http404("This screen has no statement to take notes on.")
    form = NoteForm(request.POST)
    wants_json = request.headers.get("Accept") == "application/json"
    if not form.is_valid():
        if wants_json:
            return JsonResponse({"errors": form.errors}, status=400)
        # Shown again with what was typed, and the reason.
        blank = AgreedActionForm(review=deck.review)
        return _render_presenter(request, deck, screen, blank, note_form=form)
    note = save_note(
        review=deck.review,
        statement=statement,
        text=form.cleaned_data["text"],
        actor=request.user,
    )
    if wants_json:
        return JsonResponse({"saved": note.updated.isoformat()})
    messages.success(request, "Notes saved.")
    return redirect("reviews:presenter", pk=deck.review.pk, screen=screen)
