"""Logs hold no personal link, token, email address or name: the invitation,
reminder and submission flows (a wrong link and a refused address too) run with
every logger at DEBUG, read back as the configured handler writes them."""

import io
import logging
import re
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse

from ltoreview.log_privacy import MaskSecrets, mask
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)
from tests.views.respond_helpers import answers, url

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/r/([^/\s]+)/")
NAMES = ["Ann Example", "Bo Refused", "Rita Rep"]
ADDRESSES = ["ann.example@example.org", "bo.refused@example.org", "rita@example.org"]
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the address, naming it, as servers do."""

    def send_messages(self, email_messages):
        to = email_messages[0].to[0]
        raise smtplib.SMTPRecipientsRefused({to: (550, f"{to}: unknown".encode())})


@pytest.fixture
def written():
    """What the configured console handler writes, level first, at DEBUG."""
    root = logging.getLogger()
    [handler] = [
        h for h in root.handlers if any(isinstance(f, MaskSecrets) for f in h.filters)
    ]
    stream = io.StringIO()
    before = handler.setStream(stream), handler.formatter, root.level
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.setLevel(logging.DEBUG)
    yield stream
    handler.setStream(before[0])
    handler.setFormatter(before[1])
    root.setLevel(before[2])


def test_no_log_line_names_a_person_or_holds_their_link(written, settings):
    appointment = AppointmentFactory()
    rep = UserFactory(username="rita", email="rita@example.org")
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    review = ReviewFactory(appointment=appointment)
    staff = Client()
    staff.force_login(rep)
    invite_page = reverse("reviews:review-invite", args=[review.pk])

    def invite(name: str, email: str) -> None:
        data = {"name": name, "email": email, "perspective": "member"}
        staff.post(invite_page, data)

    invite("Ann Example", "ann.example@example.org")
    settings.EMAIL_BACKEND = "tests.views.test_log_privacy.RefusingBackend"
    invite("Bo Refused", "bo.refused@example.org")
    settings.EMAIL_BACKEND = LOCMEM
    staff.post(reverse("reviews:review-remind", args=[review.pk]))
    first, reminder = (LINK.search(m.body).group(1) for m in mail.outbox[:2])
    respondent = Client()
    assert respondent.get(reverse("reviews:respond-link", args=[first])).status_code
    respondent.get(reverse("reviews:respond-link", args=[reminder]))
    respondent.post(url("respond", review), {**answers(review), "action": "continue"})
    submitted = respondent.post(url("respond-submit", review))
    Client().post(reverse("password_reset"), {"email": "rita@example.org"})
    logging.getLogger("reviews").debug("Sent the link %s", f"/r/{reminder}/")

    lines = written.getvalue().splitlines()
    loud = [line for line in lines if not line.startswith("DEBUG")]
    assert submitted.status_code == 302
    assert any("Not Found: /r/[token]/" in line for line in loud), "the old link"
    assert any("SMTPRecipientsRefused 550" in line for line in loud)
    for secret in [*NAMES, *ADDRESSES, first, reminder]:
        assert not [line for line in loud if secret in line], secret
    for token in (first, reminder):
        assert not [line for line in lines if token in line], "a token at DEBUG"
    assert "DEBUG reviews Sent the link /r/[token]/" in lines


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Not Found: /r/abc/", "Not Found: /r/[token]/"),
        ("GET /reset/MQ/cg3-9ab/ 200", "GET /reset/MQ/[token]/ 200"),
        ("to Ann <ann.o'x@mail.example.org>", "to Ann <[email]>"),
        ("id Zx8_Qw3-Lm0Po9Ij7Uh6Yg5Tf4 here", "id [token] here"),
        ("reviews_outgoingmessage_status_idx", "reviews_outgoingmessage_status_idx"),
        (
            "Message 12 (invitation): TimeoutError",
            "Message 12 (invitation): TimeoutError",
        ),
    ],
)
def test_mask_hides_tokens_and_addresses_and_leaves_words(text, masked):
    assert mask(text) == masked
