"""`make faults` data, run against the database in DATABASE_URL.

`python -m bench.faults.prepare people --count 50 --out people.json` makes an open
review, its rep and `count` people with email addresses (none invited yet);
`python -m bench.faults.prepare invite --data people.json` then invites them all
through the rep's own action, which queues one task for the 50 emails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import django

NAME = "faults-mail"


def address(index: int) -> str:
    return f"invitee{index:03d}@faults.example"


def people(count: int) -> dict:
    from bench.load.prepare import prepare
    from partnerships.models import Person
    from reviews.models import Review

    data = prepare(0, NAME)
    Person.objects.bulk_create(
        Person(name=f"Invitee {index}", email=address(index)) for index in range(count)
    )
    data["addresses"] = [address(index) for index in range(count)]
    data["review_title"] = Review.objects.get(pk=data["review"]).title
    return data


def invite(data: dict) -> int:
    from django.contrib.auth import get_user_model

    from partnerships.models import Person
    from reviews.actions.invitations import Invitee, invite
    from reviews.models import Review

    review = Review.objects.get(pk=data["review"])
    rep = get_user_model().objects.get(username=data["rep"]["username"])
    invitees = [
        Invitee("member", person=person)
        for person in Person.objects.filter(email__in=data["addresses"])
    ]
    result = invite(review=review, actor=rep, invitees=invitees)
    return len(result.sent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["people", "invite"])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--out")
    parser.add_argument("--data")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ltoreview.settings")
    django.setup()
    if args.what == "people":
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump(people(args.count), out, indent=2)
        return 0
    with open(args.data, encoding="utf-8") as source:
        queued = invite(json.load(source))
    print(queued)
    return 0


if __name__ == "__main__":
    sys.exit(main())
