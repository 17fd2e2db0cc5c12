"""Models of reviews: frameworks, reviews, invitations, responses, audit, actions,
and the outgoing messages."""

# Rules the database can hold are database constraints: the score range, one answer
# per statement per response, a rating never alongside "don't know", one response
# per invitation. Every model is re-exported here, so callers import from
# `reviews.models` and Django finds every model by importing this package.

from reviews.models.actions import (
    DUE_SOON_DAYS,
    AgreedAction,
    AgreedActionQuerySet,
    AgreedActionUpdate,
)
from reviews.models.audit import (
    ERASED_NAME,
    ERASED_USERNAME_PREFIX,
    PEOPLE_PLACEHOLDER,
    AuditEvent,
    AuditEventQuerySet,
    MeetingCodeAttempt,
)
from reviews.models.counting import COUNTED, SET_ASIDE
from reviews.models.frameworks import (
    RATING_LIMITS,
    SMALL_GROUP_PERSPECTIVES,
    Capital,
    Framework,
    FrameworkVersion,
    OpeningQuestion,
    Perspective,
    Statement,
)
from reviews.models.invitations import Invitation, InvitationQuerySet, not_revoked
from reviews.models.meeting import MeetingNote, Presentation
from reviews.models.outbox import OutgoingMessage, OutgoingMessageQuerySet
from reviews.models.responses import (
    Answer,
    AnswerQuerySet,
    Response,
    ResponseQuerySet,
)
from reviews.models.reviews import (
    RELEASED,
    Review,
    ReviewQuerySet,
    awaiting_exit_interview,
    with_exit_review,
    with_last_closed_review,
)
from reviews.models.summaries import (
    ProgrammeRollup,
    ReviewSummary,
    StatementSummary,
)
from reviews.models.translations import (
    DRAFT_TRANSLATION,
    STATEMENT_WORDS,
    VERSION_WORDS,
    InterfaceLanguage,
    OpeningQuestionTranslation,
    StatementTranslation,
    VersionTranslation,
)

__all__ = [
    "DRAFT_TRANSLATION",
    "STATEMENT_WORDS",
    "VERSION_WORDS",
    "InterfaceLanguage",
    "OpeningQuestionTranslation",
    "StatementTranslation",
    "VersionTranslation",
    "COUNTED",
    "DUE_SOON_DAYS",
    "ERASED_NAME",
    "ERASED_USERNAME_PREFIX",
    "PEOPLE_PLACEHOLDER",
    "RATING_LIMITS",
    "RELEASED",
    "SET_ASIDE",
    "SMALL_GROUP_PERSPECTIVES",
    "AgreedAction",
    "AgreedActionQuerySet",
    "AgreedActionUpdate",
    "Answer",
    "AnswerQuerySet",
    "AuditEvent",
    "AuditEventQuerySet",
    "Capital",
    "Framework",
    "FrameworkVersion",
    "Invitation",
    "InvitationQuerySet",
    "MeetingCodeAttempt",
    "MeetingNote",
    "OpeningQuestion",
    "OutgoingMessage",
    "OutgoingMessageQuerySet",
    "Perspective",
    "Presentation",
    "ProgrammeRollup",
    "Response",
    "ResponseQuerySet",
    "Review",
    "ReviewQuerySet",
    "ReviewSummary",
    "Statement",
    "StatementSummary",
    "not_revoked",
    "awaiting_exit_interview",
    "with_exit_review",
    "with_last_closed_review",
]
