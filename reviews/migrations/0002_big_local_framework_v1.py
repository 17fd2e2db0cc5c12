"""Load the Big Local framework, version 1: the instrument's ten statements verbatim.

Data migration kept apart from schema ones; it uses historical models only.
"""

from django.db import migrations

INSTRUCTION = (
    "On a rating between 1 and 10, where 1 is least and 10 is most, which of the "
    "following statements apply to your LTO's relationship with the Big Local "
    "Partnership? In column A give your view of how things were at the start of the "
    "programme, and in column B please give your view on how things are now."
)

# (key, verbatim statement, short label, capital)
STATEMENTS = [
    (
        "confidence-voice",
        "The LTO has given residents confidence and a voice",
        "Confidence and voice",
        "social",
    ),
    (
        "mentoring-skills",
        "Mentored residents and grown skills",
        "Mentoring and skills",
        "social",
    ),
    (
        "aspiration-ambition",
        "Helped to generate aspiration and ambition",
        "Aspiration and ambition",
        "social",
    ),
    (
        "spaces-assets",
        "Provided access to physical spaces and assets",
        "Spaces and assets",
        "economic",
    ),
    (
        "employing-workers",
        "Enabled residents to employ workers",
        "Employing workers",
        "economic",
    ),
    (
        "funding-contracts",
        "Provided access to funding and contracts",
        "Funding and contracts",
        "economic",
    ),
    ("networks", "Plugged residents into networks", "Networks", "cultural"),
    (
        "governance-risk",
        "Provided effective governance and risk management",
        "Governance and risk",
        "cultural",
    ),
    (
        "decision-making",
        "Given residents access to decision making structures",
        "Decision making structures",
        "cultural",
    ),
    (
        "sustainable-partnership",
        "Built a sustainable resident partnership for the future",
        "Sustainable partnership",
        "overarching",
    ),
]


def load_framework(apps, schema_editor):
    Framework = apps.get_model("reviews", "Framework")
    FrameworkVersion = apps.get_model("reviews", "FrameworkVersion")
    Statement = apps.get_model("reviews", "Statement")
    framework, _ = Framework.objects.get_or_create(
        slug="big-local",
        defaults={
            "name": "Big Local LTO relationship review",
            "description": (
                "Ten statements about the LTO's relationship with the partnership, "
                "prototyped by CRESR (Sheffield Hallam University) and Shared Assets "
                "with LTOs, partnerships and reps in 2022."
            ),
        },
    )
    version, created = FrameworkVersion.objects.get_or_create(
        framework=framework,
        number=1,
        defaults={
            "instruction": INSTRUCTION,
            "then_label": "Where was the relationship at first?",
            "now_label": "Where is the relationship now?",
            "like_label": "Where would you like the relationship to be?",
            "comments_prompt": "Any other comments?",
            "scale_min": 1,
            "scale_max": 10,
        },
    )
    if created:
        Statement.objects.bulk_create(
            Statement(
                version=version,
                key=key,
                order=order,
                text=text,
                short_label=label,
                capital=capital,
            )
            for order, (key, text, label, capital) in enumerate(STATEMENTS, start=1)
        )


def unload_framework(apps, schema_editor):
    Framework = apps.get_model("reviews", "Framework")
    FrameworkVersion = apps.get_model("reviews", "FrameworkVersion")
    FrameworkVersion.objects.filter(framework__slug="big-local", number=1).delete()
    Framework.objects.filter(slug="big-local", versions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(load_framework, unload_framework)]
