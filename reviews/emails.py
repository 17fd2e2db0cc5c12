"""Invitation and reminder emails: the personal link and the closing date, nothing else.

An email may be read by someone other than its addressee, so it names no one
but the recipient and says nothing about the review beyond when it closes.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from reviews.models import Invitation


def personal_link(token: str) -> str:
    return settings.SITE_URL + reverse("reviews:respond-link", args=[token])


def send_invitation(
    invitation: Invitation, token: str, *, reminder: bool = False
) -> None:
    """Send one person their link; the token exists only in memory, so only now."""
    person = invitation.person
    assert person is not None  # only invitations to a person are emailed
    context = {
        "name": person.name,
        "link": personal_link(token),
        "closes": invitation.review.closes,
        "reminder": reminder,
    }
    subject = (
        "Reminder: your view on your partnership and its LTO"
        if reminder
        else "Your view on your partnership and its LTO"
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("reviews/email/invitation.txt", context),
        to=[person.email],
    )
    message.attach_alternative(
        render_to_string("reviews/email/invitation.html", context), "text/html"
    )
    message.send()
