"""The messages a respondent gets: the personal link and a date, nothing else.

An email may be read by someone other than its addressee, so it names no one
but the recipient and says nothing about the review beyond when it closes. The
release message does not even name the recipient, and never carries a score:
the results are behind the link. It thanks only people who answered: someone
invited who did not is told (if the rep chooses) that the results are shared.
Every sentence must stay true of what the code does. Messages are composed as
they are sent (`reviews.outbox`), a batch through one connection, each in its
recipient's preferred language (English when they have none).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from reviews.models import Invitation

Message = Invitation.Message

SUBJECTS = {
    Message.INVITATION: _("Your view on your partnership and its LTO"),
    Message.REMINDER: _("Reminder: your view on your partnership and its LTO"),
    Message.RELEASE: _("The results you helped with are ready to see"),
    Message.RELEASE_NOT_ANSWERED: _("The results of a review you were invited to"),
}
TEMPLATES = {
    Message.INVITATION: "invitation",
    Message.REMINDER: "invitation",
    Message.RELEASE: "release",
    Message.RELEASE_NOT_ANSWERED: "release",
}


def personal_link(token: str) -> str:
    return settings.SITE_URL + reverse("reviews:respond-link", args=[token])


def invitation_message(
    invitation: Invitation, token: str, *, kind: str = Message.INVITATION
) -> EmailMultiAlternatives:
    """One person's message with their link; the token exists only in memory."""
    person = invitation.person
    assert person is not None and person.email  # only people with an address
    context = {
        "name": person.name,
        "link": personal_link(token),
        "closes": invitation.review.closes,
        "reminder": kind == Message.REMINDER,
        # Only someone who answered is thanked for it.
        "answered": kind == Message.RELEASE,
    }
    template = TEMPLATES[Message(kind)]
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        message = EmailMultiAlternatives(
            subject=str(SUBJECTS[Message(kind)]),
            body=render_to_string(f"reviews/email/{template}.txt", context),
            to=[person.email],
        )
        html = render_to_string(f"reviews/email/{template}.html", context)
    message.attach_alternative(html, "text/html")
    return message
