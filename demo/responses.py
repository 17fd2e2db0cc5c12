"""Who answers each demo review and how: invitations, responses with their
answer cells, and the review's audit trail, collected for bulk writing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from demo.answers import Respondent, answer_cells, comment_for, make_pattern
from demo.dates import aware, date_between
from demo.plan import Held, Programme, Segment
from reviews.analysis import Cell
from reviews.models import AuditEvent, Invitation, Response, Review
from reviews.responding.tokens import new_token


@dataclass
class Plan:
    """A review about to be written, with what its responses need to know."""

    review: Review
    partnership: int
    segment: Segment
    signals: set[str] = field(default_factory=set)
    by_link: bool = True


class ResponseWriter:
    """Collects invitations, responses, answers and events for bulk writing."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.rng = programme.rng
        assert programme.people is not None  # write_people runs first
        self.people = programme.people
        self.invitations: list[Invitation] = []
        self.responses: list[Response] = []
        self.answers: list[tuple[Response, list[tuple[Cell, Cell, Cell]]]] = []
        self.events: list[AuditEvent] = []

    def respond(self, plan: Plan) -> None:
        rng = self.rng
        review = plan.review
        opens = review.opens
        is_open = review.status == Review.Status.OPEN
        invited, spare = self.respondents(plan)
        pattern = make_pattern(rng, plan.signals)
        last_day = min(review.closes, self.programme.today - dt.timedelta(days=1))
        members_seen = 0
        for perspective, held in invited:
            # In an open review only about half have answered so far.
            answered = not is_open or rng.random() < 0.5
            invitation = None
            if (plan.by_link or is_open) and held is not None:
                invitation = self.invite(review, perspective, held, answered)
            if not answered:
                continue
            member = perspective == "member"
            flat = (
                member
                and "flat" in plan.signals
                and (members_seen == 0 or rng.random() < pattern.flat_share)
            )
            respondent = Respondent(
                perspective=perspective,
                index=members_seen if member else 0,
                not_involved_at_start=self.joined_late(plan, held),
                flat=flat,
            )
            members_seen += member
            day = date_between(rng, opens, last_day)
            submitted = aware(day, rng.randint(8, 21), rng.randint(0, 59))
            if invitation is not None:
                invitation.first_used = submitted - dt.timedelta(minutes=12)
            response = Response(
                review=review,
                perspective=perspective,
                invitation=invitation,
                meeting_key="" if invitation else f"{rng.getrandbits(128):032x}",
                via_meeting_code=invitation is None,
                not_involved_at_start=respondent.not_involved_at_start,
                comments=comment_for(rng, perspective),
                status=Response.Status.SUBMITTED,
                submitted_at=submitted,
            )
            self.responses.append(response)
            cells = answer_cells(
                rng, pattern, respondent, asks_like=review.asks_would_like
            )
            self.answers.append((response, cells))
        if plan.by_link and not is_open:
            for held in spare[: rng.randint(0, 4)]:
                self.invite(review, "member", held, answered=False)
        self.audit(plan, invited)

    def respondents(self, plan: Plan) -> tuple[list, list[Held]]:
        """Who answers (perspective, held role or None), and members left over."""
        rng = self.rng
        day = plan.review.opens
        index = plan.partnership

        def around(held: list[Held]) -> list[Held]:
            return [h for h in held if h.active(day)]

        members = around(self.people.members[index])
        rng.shuffle(members)
        staff = around(self.people.staff[id(plan.segment.organisation)])
        workers = around(self.people.workers[index])
        reps = around(self.people.reps[index])
        chosen: list[tuple[str, Held | None]] = []
        chosen += [("lto_staff", h) for h in staff[: rng.randint(1, 3)]]
        chosen += [("worker", h) for h in workers[: rng.randint(0, 2)]]
        if reps and rng.random() < 0.6:
            chosen.append(("rep", reps[0]))
        wanted = max(3, rng.randint(5, 30) - len(chosen))
        if plan.review.status == Review.Status.OPEN:
            wanted = len(members)  # everyone is invited; half have answered
        chosen += [("member", h) for h in members[:wanted]]
        # A review needs five voices; a local stakeholder or two makes them up.
        while len(chosen) < 5:
            chosen.append(("other", None))
        rng.shuffle(chosen)
        return chosen, members[wanted:]

    def joined_late(self, plan: Plan, held: Held | None) -> bool:
        if held is None:
            return self.rng.random() < 0.3
        # Someone who arrived well into an appointment cannot say how it began.
        late = held.start > plan.segment.start + dt.timedelta(days=730)
        return late or self.rng.random() < 0.05

    def invite(
        self, review: Review, perspective: str, held: Held, answered: bool
    ) -> Invitation:
        rng = self.rng
        sent = aware(review.opens, 9, 30)
        reminded = None
        remind_day = review.opens + dt.timedelta(days=10)
        if not answered and remind_day < self.programme.today and rng.random() < 0.5:
            reminded = aware(min(remind_day, review.closes), 9, 30)
        invitation = Invitation(
            review=review,
            person=held.person,
            perspective=perspective,
            # Demo links are never shown, so only a hash of a throwaway token is kept.
            token_hash=new_token()[1],
            expires=aware(review.closes, 23, 59),
            sent_at=sent,
            reminded_at=reminded,
        )
        self.invitations.append(invitation)
        return invitation

    def audit(self, plan: Plan, invited: list) -> None:
        review = plan.review
        actor = review.created_by
        Action = AuditEvent.Action

        def event(action: str, at: dt.datetime, detail: str = "") -> None:
            self.events.append(
                AuditEvent(
                    review=review, actor=actor, action=action, at=at, detail=detail
                )
            )

        event(Action.OPENED, aware(review.opens, 9))
        if plan.by_link or review.status == Review.Status.OPEN:
            event(Action.INVITED, aware(review.opens, 9, 30), f"{len(invited)} people")
        else:
            event(Action.EDITED, aware(review.opens, 9, 5), "Meeting code turned on")
        if review.status == Review.Status.CLOSED:
            event(Action.CLOSED, aware(review.closes, 18))
        if review.released_at is not None:
            event(Action.RELEASED, review.released_at)
