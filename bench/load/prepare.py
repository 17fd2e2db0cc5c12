"""Load-test data: one open review, N personal links with known tokens, a rep.

`python -m bench.load.prepare --invitations 100 --out bench/load/tokens.json`
runs against the database in DATABASE_URL (the runner creates it empty) and
writes the tokens, the statement keys and the rep's login for the locustfile.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import sys

import django


def prepare(invitations: int, name: str = "load-test") -> dict:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from partnerships.models import (
        Appointment,
        Area,
        Organisation,
        Partnership,
        Person,
        Region,
        RepAssignment,
    )
    from reviews.models import FrameworkVersion, Invitation, Review
    from reviews.responding.tokens import new_token

    today = timezone.localdate()
    area = Area.objects.create(
        name=f"{name} area",
        slug=f"{name}-area",
        region=Region.values[0],
        local_authority="Load test borough",
        phase=Area.Phase.CONSOLIDATING,
    )
    partnership = Partnership.objects.create(
        area=area, name=f"{name} partnership", formed=dt.date(2014, 1, 1)
    )
    organisation = Organisation.objects.create(
        name=f"{name} LTO", slug=f"{name}-lto", kind=Organisation.Kind.CVS
    )
    appointment = Appointment.objects.create(
        partnership=partnership,
        organisation=organisation,
        functions=["fund_holding"],
        started=dt.date(2015, 1, 1),
    )
    version = FrameworkVersion.objects.filter(framework__slug="big-local").latest(
        "number"
    )
    review = Review.objects.create(
        appointment=appointment,
        framework_version=version,
        purpose=Review.Purpose.REGULAR,
        title="Load test review",
        opens=today - dt.timedelta(days=1),
        closes=today + dt.timedelta(days=14),
        status=Review.Status.OPEN,
    )
    password = secrets.token_urlsafe(18)
    user = get_user_model().objects.create_user(f"{name}-rep", password=password)
    rep = Person.objects.create(name="Load test rep", user=user)
    RepAssignment.objects.create(person=rep, area=area, started=dt.date(2015, 1, 1))
    tokens = []
    expires = timezone.now() + dt.timedelta(days=1)
    for _ in range(invitations):
        token, digest = new_token()
        Invitation.objects.create(
            review=review, perspective="member", token_hash=digest, expires=expires
        )
        tokens.append(token)
    return {
        "review": review.pk,
        "keys": list(
            version.statements.order_by("order").values_list("key", flat=True)
        ),
        "tokens": tokens,
        "rep": {"username": user.username, "password": password},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--invitations", type=int, default=100)
    parser.add_argument("--out", required=True)
    # A second set (the stress profile's) needs its own area, review and rep.
    parser.add_argument("--name", default="load-test")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ltoreview.settings")
    django.setup()
    data = prepare(args.invitations, args.name)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
