"""Pages for the Lighthouse run, and a session cookie for each one that needs it.

Run by `bench/lighthouse/run.py` in a child process with the server's settings
and database: prints JSON `[{"key", "name", "path", "cookie"}]`. Sessions live
in the database, so a cookie made here is valid on the gunicorn server.
"""

import datetime as dt
import json

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from reviews.models import Invitation, Review  # noqa: E402
from reviews.responding.tokens import new_token  # noqa: E402


def signed_in(username: str) -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client.cookies["sessionid"].value


def respondent(review: Review) -> tuple[str, str]:
    """A fresh personal link, followed: the respondent's cookie and page."""
    token, digest = new_token()
    Invitation.objects.create(
        review=review,
        perspective="member",
        token_hash=digest,
        expires=timezone.now() + dt.timedelta(days=1),
    )
    client = Client()
    reply = client.get(f"/r/{token}/")
    assert reply.status_code == 302, reply.status_code
    return client.cookies["sessionid"].value, reply["Location"]


def pages() -> list[dict]:
    rep = get_user_model().objects.get(username="rep")
    member = get_user_model().objects.get(username="member")
    open_review = Review.objects.filter(status=Review.Status.OPEN).order_by("pk")[0]
    results = (
        Review.objects.visible_to(rep).exclude(status=Review.Status.OPEN).first()
        or Review.objects.visible_to(rep).first()
    )
    released = Review.objects.visible_to(member).released().first()
    assert results is not None and released is not None, "seed_demo first"
    cookie, questionnaire = respondent(open_review)
    return [
        {"key": "landing", "name": "Landing", "path": "/", "cookie": ""},
        {
            "key": "questionnaire",
            "name": "Questionnaire",
            "path": questionnaire,
            "cookie": cookie,
        },
        {
            "key": "results",
            "name": "Results",
            "path": f"/reviews/{results.pk}/results/",
            "cookie": signed_in("rep"),
        },
        {
            "key": "pack",
            "name": "Meeting pack",
            "path": f"/reviews/{results.pk}/pack/",
            "cookie": signed_in("rep"),
        },
        {
            "key": "released",
            "name": "Released results",
            "path": f"/reviews/{released.pk}/released/",
            "cookie": signed_in("member"),
        },
        {
            "key": "overview",
            "name": "Programme overview",
            "path": "/programme/",
            "cookie": signed_in("staff"),
        },
    ]


print(json.dumps(pages()))
