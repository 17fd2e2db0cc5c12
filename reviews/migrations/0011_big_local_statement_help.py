"""Plain-English help for the ten Big Local statements (framework version 1).

Written for a reading age of about 11: what the statement means, then what a low
and a high rating might look like in a partnership's life. Paragraphs are
separated by a blank line; pages show them with `linebreaks`.

Why version 1 is updated in place rather than copied to a version 2: a version in
use is frozen so that everyone who answered a review answered the same
instrument, meaning the same statements, columns and scale. Help text is none of
those. It explains the verbatim statements without changing them, as a rep would
out loud, and no rating rule or analysis reads it. A version 2 would split Big
Local's history across two versions with identical questions, and every review
opened on version 1 so far would go on without help. The freeze is a rule about
editing through the product (the admin keeps frozen versions read-only); this
migration is the product shipping version 1's own data. Help an administrator has
already written is kept: only blank help is filled, and going back clears only
the text written here.

Data migration kept apart from schema ones; it uses historical models only.
"""

from django.db import migrations

MEANS, LOW, HIGH = "What this means", "A low rating", "A high rating"

# key: (what it means, what a low rating might look like, what a high one might)
HELP = {
    "confidence-voice": (
        "Residents feel sure of themselves when they speak up. The LTO listens to "
        "them and helps other people hear them too.",
        "Residents stay quiet in meetings with the LTO. Decisions feel like the "
        "LTO's, not theirs. People say there is no point in asking.",
        "Residents speak up and are listened to. They lead meetings, talk to the "
        "council or the local paper, and feel the money is theirs to decide on.",
    ),
    "mentoring-skills": (
        "The LTO has helped residents learn how to do things, by showing them, "
        "coaching them or finding training for them.",
        "Only the LTO knows how to do budgets, contracts or hiring. Nobody shows "
        "residents how, so they always have to ask.",
        "Residents have learned new skills, like chairing a meeting, reading a "
        "budget or writing a funding bid. Someone at the LTO helps when they get "
        "stuck.",
    ),
    "aspiration-ambition": (
        "The LTO has helped residents dream bigger and believe that their plans "
        "for the area can happen.",
        "Ideas are turned down before anyone tries them. The partnership sticks to "
        "small, safe projects because nobody thinks more is possible.",
        "The LTO welcomes big ideas and helps turn them into real plans. Residents "
        "feel their area can change and that they can make it happen.",
    ),
    "spaces-assets": (
        "The LTO has helped the partnership use buildings, rooms, land or "
        "equipment: a place to meet, say, or a building to run.",
        "The partnership struggles to find a room for meetings or events. Getting "
        "a lease, or using the LTO's building, is hard work.",
        "The partnership has places to meet and work. The LTO has helped it rent, "
        "hold or look after a building, land or equipment.",
    ),
    "employing-workers": (
        "The LTO has made it possible for the partnership to have paid workers, "
        "for example by employing them for the partnership, paying them and "
        "looking after them.",
        "Hiring takes a very long time or never happens. Workers are not sure who "
        "their boss is, or residents have no say in what the workers do.",
        "The partnership has the workers it needs. The LTO deals with contracts "
        "and pay, and residents help decide what the workers do.",
    ),
    "funding-contracts": (
        "The LTO has helped the partnership get and manage money: looking after "
        "the Big Local money, finding other funding, and setting up contracts "
        "with people who do work for the partnership.",
        "Payments are slow or confusing. The partnership is not sure how much "
        "money it has left. Nobody helps it look for other funding.",
        "Bills are paid on time and the partnership gets clear reports about its "
        "money. The LTO helps it bid for other funding and sets up fair "
        "contracts.",
    ),
    "networks": (
        "The LTO has introduced residents to other people and groups who can "
        "help, such as charities, the council, local businesses and other Big "
        "Local areas.",
        "The partnership works on its own. Residents do not know who to contact "
        "outside the area, and the LTO keeps its contacts to itself.",
        "The LTO shares its contacts and brings people together. Residents know "
        "who to call, and they are invited to local meetings and events.",
    ),
    "governance-risk": (
        "The LTO has helped the partnership run itself properly and safely: clear "
        "rules, good records, and thinking ahead about what could go wrong.",
        "Nobody is sure who decides what. Rules and paperwork are missing, or feel "
        "like a way of saying no. Problems come as a surprise.",
        "The partnership has clear rules and roles. The LTO explains the checks it "
        "has to make and why. Risks are spotted early and talked about openly.",
    ),
    "decision-making": (
        "The LTO has helped residents get a seat at the table where decisions "
        "about their area are made, like council meetings, local boards or the "
        "LTO's own board.",
        "Decisions about the area are made without residents. They hear about "
        "them afterwards, or do not know how to take part.",
        "Residents are invited to the meetings where big decisions are made. They "
        "know how those meetings work, and their views are taken seriously.",
    ),
    "sustainable-partnership": (
        "The LTO has helped the partnership get ready to keep going after the Big "
        "Local money ends, for example by planning ahead, building skills or "
        "setting up its own organisation.",
        "Nobody has talked about what happens when the money runs out. The "
        "partnership depends on the LTO for almost everything.",
        "The partnership has a plan for the future. It could carry on without the "
        "LTO, or with a new role for it, and residents feel ready.",
    ),
}


def help_text(key: str) -> str:
    means, low, high = HELP[key]
    return f"{MEANS}: {means}\n\n{LOW} might look like this: {low}\n\n" + (
        f"{HIGH} might look like this: {high}"
    )


def version_one_statements(apps):
    Statement = apps.get_model("reviews", "Statement")
    return Statement.objects.filter(
        version__framework__slug="big-local", version__number=1, key__in=HELP
    )


def add_help(apps, schema_editor):
    for statement in version_one_statements(apps).filter(help_text=""):
        statement.help_text = help_text(statement.key)
        statement.save(update_fields=["help_text"])


def remove_help(apps, schema_editor):
    for statement in version_one_statements(apps):
        if statement.help_text == help_text(statement.key):
            statement.help_text = ""
            statement.save(update_fields=["help_text"])


class Migration(migrations.Migration):
    dependencies = [("reviews", "0010_meeting_code_and_pseudonym_data")]

    operations = [migrations.RunPython(add_help, remove_help)]
