"""The data migration ships the Big Local framework, version 1, verbatim."""

import pytest

from reviews.models import FrameworkVersion

pytestmark = pytest.mark.django_db

EXPECTED = [
    (
        "The LTO has given residents confidence and a voice",
        "Confidence and voice",
        "social",
    ),
    ("Mentored residents and grown skills", "Mentoring and skills", "social"),
    ("Helped to generate aspiration and ambition", "Aspiration and ambition", "social"),
    ("Provided access to physical spaces and assets", "Spaces and assets", "economic"),
    ("Enabled residents to employ workers", "Employing workers", "economic"),
    ("Provided access to funding and contracts", "Funding and contracts", "economic"),
    ("Plugged residents into networks", "Networks", "cultural"),
    (
        "Provided effective governance and risk management",
        "Governance and risk",
        "cultural",
    ),
    (
        "Given residents access to decision making structures",
        "Decision making structures",
        "cultural",
    ),
    (
        "Built a sustainable resident partnership for the future",
        "Sustainable partnership",
        "overarching",
    ),
]


def test_version_one_has_exactly_the_ten_statements_in_order_and_verbatim():
    version = FrameworkVersion.objects.get(framework__slug="big-local", number=1)
    statements = list(version.statements.order_by("order"))
    assert [s.order for s in statements] == list(range(1, 11))
    assert [(s.text, s.short_label, s.capital) for s in statements] == EXPECTED


def test_version_one_carries_the_instruction_text_verbatim():
    version = FrameworkVersion.objects.get(framework__slug="big-local", number=1)
    assert version.instruction == (
        "On a rating between 1 and 10, where 1 is least and 10 is most, which of the "
        "following statements apply to your LTO's relationship with the Big Local "
        "Partnership? In column A give your view of how things were at the start of "
        "the programme, and in column B please give your view on how things are now."
    )
    assert (version.scale_min, version.scale_max) == (1, 10)


def test_statement_keys_are_unique_and_stable():
    version = FrameworkVersion.objects.get(framework__slug="big-local", number=1)
    keys = list(version.statements.values_list("key", flat=True))
    assert len(set(keys)) == 10
    assert "governance-risk" in keys


def test_a_version_becomes_frozen_once_a_review_uses_it():
    from tests.factories import ReviewFactory

    version = FrameworkVersion.objects.get(framework__slug="big-local", number=1)
    assert not version.is_frozen
    ReviewFactory(framework_version=version)
    assert version.is_frozen
