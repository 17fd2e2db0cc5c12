"""After the load run: is every journey in the database, whole and only once?

`python -m bench.load.check --tokens bench/load/tokens.json` (DATABASE_URL set)
prints JSON and exits non-zero on any missing, partial or duplicate response.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import django

from bench.load.journey import comment, ratings


def check(data: dict) -> dict:
    from django.db.models import Count

    from reviews.models import Answer, Invitation, Response
    from reviews.responding.tokens import hash_token

    problems: list[str] = []
    keys = data["keys"]
    invitations = Invitation.objects.filter(review_id=data["review"]).annotate(
        n=Count("responses")
    )
    by_hash = {i.token_hash: i for i in invitations}
    stray = Response.objects.filter(review_id=data["review"], invitation=None)
    if stray.exists():
        problems.append(f"{stray.count()} responses without an invitation")
    submitted = 0
    for index, token in enumerate(data["tokens"]):
        invitation = by_hash[hash_token(token)]
        if invitation.n != 1:
            problems.append(f"respondent {index}: {invitation.n} responses")
            continue
        response = Response.objects.get(invitation=invitation)
        submitted += response.status == Response.Status.SUBMITTED
        if response.status != Response.Status.SUBMITTED:
            problems.append(f"respondent {index}: response not submitted")
        if response.comments != comment(index):
            problems.append(f"respondent {index}: comment lost")
        if response.draft is not None:
            problems.append(f"respondent {index}: a draft left after submitting")
        stored = {
            a.statement.key: (a.then_rating, a.now_rating)
            for a in Answer.objects.filter(response=response).select_related(
                "statement"
            )
        }
        expected = {key: ratings(index, j) for j, key in enumerate(keys)}
        if stored != expected:
            problems.append(f"respondent {index}: answers differ from those sent")
    answers = Answer.objects.filter(response__review_id=data["review"]).count()
    return {
        "invitations": len(data["tokens"]),
        "submitted_responses": submitted,
        "answers": answers,
        "expected_answers": len(data["tokens"]) * len(keys),
        "problems": problems,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ltoreview.settings")
    django.setup()
    with open(args.tokens, encoding="utf-8") as source:
        result = check(json.load(source))
    print(json.dumps(result))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
