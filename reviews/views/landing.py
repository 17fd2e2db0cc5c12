"""The public landing page: what the framework asks and how answers are shown."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reviews.analysis.words import CAPITAL_HELP
from reviews.models import Capital, FrameworkVersion, Review


def home(request: HttpRequest) -> HttpResponse:
    version = (
        FrameworkVersion.objects.filter(framework__slug="big-local")
        .order_by("-number")
        .prefetch_related("statements")
        .first()
    )
    groups = []
    if version is not None:
        statements = list(version.statements.all())
        groups = [
            (
                value,
                label,
                CAPITAL_HELP[value],
                [s for s in statements if s.capital == value],
            )
            for value, label in Capital.choices
        ]
    return render(
        request,
        "reviews/home.html",
        {
            "version": version,
            "capital_groups": groups,
            "purposes": Review.Purpose.choices,
        },
    )
