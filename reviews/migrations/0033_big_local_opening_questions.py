"""Questions to open with for the ten Big Local statements (framework version 1).

Two questions per statement for each kind of signal a discussion point can open
with: a gap between groups, disagreement within a group, a split between people
who rate it higher now and people who rate it lower, and many "don't know"
answers. They are written to invite people to explain what they see, not to
defend a score: the framework opens a conversation, it does not judge, and a
fall between "at first" and "now" can be a need that has passed.

Like the statements' help (0011), they are added to version 1 in place: nobody
answers them and no rule reads them, so they change nothing about the
instrument that a frozen version keeps the same. Questions an administrator has
already written for a statement are kept; going back removes only these.

Data migration kept apart from schema ones; it uses historical models only.
"""

from django.db import migrations

GAP, DISAGREEMENT, SPLIT, UNKNOWN = "gap", "disagreement", "split", "unknown"

QUESTIONS = {
    "confidence-voice": {
        GAP: (
            "When did residents last feel listened to by the LTO, and what made "
            "the difference that time?",
            "What does the LTO do to help residents be heard that partnership "
            "members see, and what might they not see?",
        ),
        DISAGREEMENT: (
            "Who finds it easy to speak up in partnership meetings, and who "
            "finds it harder? What would help?",
            "Can you each describe a moment when you felt you had, or did not "
            "have, a voice?",
        ),
        SPLIT: (
            "For those who feel more confident now, what changed? For those who "
            "feel less, what changed for you?",
        ),
        UNKNOWN: (
            "How would you know whether the LTO has helped residents find a "
            "voice? What would you look for?",
            "Where do residents and the LTO meet, and who is usually there?",
        ),
    },
    "mentoring-skills": {
        GAP: (
            "What has somebody learned through the partnership that they could "
            "not do before? Who helped?",
            "What support with skills does the LTO think it offers, and how "
            "would members go about asking for it?",
        ),
        DISAGREEMENT: (
            "Who has been shown how to do things, and who has not had the chance yet?",
            "Which skills would make the most difference to the partnership now?",
        ),
        SPLIT: (
            "Has the help with skills changed since the start, or have the "
            "skills the partnership needs changed?",
        ),
        UNKNOWN: (
            "Is anyone at the LTO the person to ask for help with a budget, a "
            "bid or a meeting? How would members find out?",
            "What would good mentoring look like for this partnership?",
        ),
    },
    "aspiration-ambition": {
        GAP: (
            "Think of a big idea the partnership had. What happened to it, and "
            "who helped or held it back?",
            "What does the LTO do to help plans grow that members may not see?",
        ),
        DISAGREEMENT: (
            "What would each of you like the partnership to be able to do that "
            "it cannot do now?",
            "When did the partnership last feel ambitious? What was going on?",
        ),
        SPLIT: (
            "For those who rate it higher now, what has lifted your hopes? For "
            "those who rate it lower, what has dampened them?",
        ),
        UNKNOWN: (
            "Where do new ideas for the area get talked about, and is the LTO "
            "part of that conversation?",
            "What would it look like if the LTO helped the partnership aim higher?",
        ),
    },
    "spaces-assets": {
        GAP: (
            "Which spaces or equipment does the partnership use, and how did it "
            "get them?",
            "What does the LTO do behind the scenes on leases, rooms or "
            "equipment that members might not see?",
        ),
        DISAGREEMENT: (
            "Who finds it easy to get a room or use equipment, and who finds it "
            "hard? What gets in the way?",
            "Which space or asset matters most to the partnership's plans?",
        ),
        SPLIT: (
            "Has access to spaces changed since the start, or has what the "
            "partnership needs from them changed?",
        ),
        UNKNOWN: (
            "Who looks after the partnership's spaces and equipment, and how do "
            "members find out what is available?",
            "Is this something the partnership needs from the LTO, or from "
            "someone else?",
        ),
    },
    "employing-workers": {
        GAP: (
            "How do the partnership, the workers and the LTO share out who "
            "decides what in a worker's job?",
            "What does the LTO do as an employer that members may not see, and "
            "what would members like to see?",
        ),
        DISAGREEMENT: (
            "What has working with paid workers been like for each of you?",
            "Who does a worker go to with a question, and is that clear to everyone?",
        ),
        SPLIT: (
            "What has changed about employing workers since the start: the "
            "people, the jobs, or the way things are arranged?",
        ),
        UNKNOWN: (
            "How are the partnership's workers employed, and who could explain "
            "it to members?",
            "Would it help to walk through how a worker is recruited and "
            "managed, step by step?",
        ),
    },
    "funding-contracts": {
        GAP: (
            "What happens between the partnership deciding to spend money and "
            "the money being paid? Who does what?",
            "What does the LTO do on funding and contracts that members see, and "
            "what do they not see?",
        ),
        DISAGREEMENT: (
            "Can each of you describe the last grant or contract you were "
            "involved in? What went well, and what was hard?",
            "Which part of getting money or contracts feels clear, and which "
            "part feels unclear?",
        ),
        SPLIT: (
            "Has the way money and contracts are handled changed since the "
            "start? For whom has it got easier, and for whom harder?",
        ),
        UNKNOWN: (
            "Who would members ask about a payment, a grant or a contract?",
            "Would a short walk-through of how money moves help everyone answer "
            "this next time?",
        ),
    },
    "networks": {
        GAP: (
            "Which people or organisations has the partnership met through the "
            "LTO, and which through other routes?",
            "Which of the LTO's contacts could be most useful to the "
            "partnership, and how could members meet them?",
        ),
        DISAGREEMENT: (
            "Who in the partnership is well connected, and who would like to be? "
            "What would help?",
            "Which connection made a real difference to the area?",
        ),
        SPLIT: (
            "Have the partnership's connections grown or shrunk since the start? "
            "What happened?",
        ),
        UNKNOWN: (
            "What networks is the LTO part of? Who could tell members about them?",
            "Which people or groups would the partnership most like to know?",
        ),
    },
    "governance-risk": {
        GAP: (
            "What does the LTO do on governance that partnership members see, "
            "and what do they not see?",
            "When a decision carries a risk, how is it talked through between "
            "the partnership and the LTO?",
        ),
        DISAGREEMENT: (
            "What do the partnership's rules and checks help with, and where do "
            "they get in the way?",
            "Think of a time something went wrong or nearly did. How was it "
            "handled, and how did that feel?",
        ),
        SPLIT: (
            "What has changed about how decisions are checked and recorded since "
            "the start?",
        ),
        UNKNOWN: (
            "Who keeps the partnership's paperwork, policies and insurance in "
            "order? How would members find out?",
            "Would it help if the LTO explained what it checks before money is "
            "spent, and why?",
        ),
    },
    "decision-making": {
        GAP: (
            "Which decisions are made by the partnership, which by the LTO, and "
            "is that the same in everyone's mind?",
            "Where are decisions about the area made that residents would like "
            "to be part of?",
        ),
        DISAGREEMENT: (
            "Think of a recent decision. Who was in the room, and who was not?",
            "What would help everyone feel part of the partnership's decisions?",
        ),
        SPLIT: (
            "For those who feel more involved now, what changed? For those who "
            "feel less involved, what changed?",
        ),
        UNKNOWN: (
            "Where are the decisions that affect the partnership made, and how "
            "do members hear about them?",
            "Would a simple map of who decides what help?",
        ),
    },
    "sustainable-partnership": {
        GAP: (
            "What should the partnership be able to do on its own in a few "
            "years, and what will it still want help with?",
            "What is the LTO doing now with the future in mind that members may "
            "not see?",
        ),
        DISAGREEMENT: (
            "What does a lasting partnership look like to each of you?",
            "What would need to be in place for the partnership to carry on "
            "when the money ends?",
        ),
        SPLIT: (
            "For those more hopeful about the future now, why? For those less "
            "hopeful, what worries you?",
        ),
        UNKNOWN: (
            "Has the partnership talked about what happens after the programme? "
            "Who could start that conversation?",
            "What would you need to know to answer this next time?",
        ),
    },
}


def big_local_statements(apps):
    Statement = apps.get_model("reviews", "Statement")
    return Statement.objects.filter(
        version__framework__slug="big-local", version__number=1, key__in=QUESTIONS
    )


def add_questions(apps, schema_editor):
    OpeningQuestion = apps.get_model("reviews", "OpeningQuestion")
    for statement in big_local_statements(apps):
        if OpeningQuestion.objects.filter(statement=statement).exists():
            continue
        OpeningQuestion.objects.bulk_create(
            OpeningQuestion(statement=statement, kind=kind, order=order, text=text)
            for kind, texts in QUESTIONS[statement.key].items()
            for order, text in enumerate(texts, start=1)
        )


def remove_questions(apps, schema_editor):
    OpeningQuestion = apps.get_model("reviews", "OpeningQuestion")
    for statement in big_local_statements(apps):
        for kind, texts in QUESTIONS[statement.key].items():
            OpeningQuestion.objects.filter(
                statement=statement, kind=kind, text__in=texts
            ).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0032_opening_questions_meeting_notes")]

    operations = [migrations.RunPython(add_questions, remove_questions)]
