"""`seed_demo` builds the fictional programme: its sizes, signals, logins, and reruns.

Seeding takes seconds, so the module seeds once, inside a transaction rolled back
when the module ends; each test runs in its own savepoint within it.
"""

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Avg, Count, F, Max, Min, Q, Variance
from django.test import RequestFactory
from django.utils import timezone

from demo import programme
from demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from demo.reviews import REWORDED, SECOND_VERSION_FROM
from partnerships.models import (
    Appointment,
    Area,
    Membership,
    Organisation,
    Partnership,
    Person,
    Region,
    RepAssignment,
    StaffRole,
)
from programme.directory import area_directory, attach_last_reviews
from reviews.models import (
    AgreedAction,
    AgreedActionUpdate,
    Answer,
    AuditEvent,
    FrameworkVersion,
    Invitation,
    Response,
    Review,
)
from tests.factories import AreaFactory

# Seeding the whole demo takes seconds, twice for the rebuild test.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Parents before children, so deleting in reverse never cascades.
MODELS = [
    get_user_model(),
    Area,
    Partnership,
    Organisation,
    Appointment,
    Person,
    Membership,
    StaffRole,
    RepAssignment,
    Review,
    Invitation,
    Response,
    Answer,
    AuditEvent,
    AgreedAction,
    AgreedActionUpdate,
]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        # --if-empty on the empty test database is how `make run` loads it.
        call_command("seed_demo", if_empty=True, quiet=True)
        # PostgreSQL defers foreign key checks to the end of a transaction, and each
        # test's teardown forces them: settle them once here rather than per test.
        connection.check_constraints()
        yield
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def answers_checksum() -> str:
    """Every answer's cells and where it sits, in insertion order, hashed."""
    rows = Answer.objects.order_by("pk").values_list(
        "response__review__appointment__partnership__area__slug",
        "response__review__title",
        "response__perspective",
        "statement__order",
        "then_rating",
        "then_state",
        "now_rating",
        "now_state",
        "like_rating",
        "like_state",
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def fingerprint() -> tuple:
    return (
        list(Area.objects.order_by("pk").values_list("name", "region", "phase")),
        list(Organisation.objects.order_by("pk").values_list("name", "kind")),
        list(Person.objects.order_by("pk").values_list("name", flat=True)),
        {name: n for name, n in counts().items() if name != "User"},
        answers_checksum(),
    )


def test_programme_has_the_sizes_the_domain_describes(seeded):
    assert Area.objects.count() == 150
    assert set(Area.objects.values_list("region", flat=True)) == set(Region.values)
    assert len(set(Area.objects.values_list("phase", flat=True))) == 4
    assert Partnership.objects.count() == 150
    assert 120 <= Organisation.objects.count() <= 140
    serving = Organisation.objects.annotate(
        n=Count("appointments__partnership", distinct=True)
    )
    assert set(serving.values_list("n", flat=True)) == {1, 2, 3}


def test_appointment_histories_include_changes_own_ltos_and_second_ltos(seeded):
    ended = Appointment.objects.filter(ended__isnull=False)
    assert ended.filter(end_reason="changed_lto").count() >= 30
    own = ended.filter(end_reason="own_lto")
    assert own.count() >= 10
    for appointment in own:
        successor = Appointment.objects.get(
            partnership=appointment.partnership, started=appointment.ended
        )
        assert successor.organisation.kind == Organisation.Kind.OWN_BODY
    two_current = Partnership.objects.annotate(
        n=Count("appointments", filter=Q(appointments__ended__isnull=True))
    ).filter(n=2)
    assert two_current.count() >= 10


def test_reps_cover_three_to_six_areas_and_some_areas_changed_rep(seeded):
    current = RepAssignment.objects.filter(ended__isnull=True)
    assert current.count() == 150
    per_rep = current.values("person").annotate(n=Count("id"))
    assert {row["n"] for row in per_rep} <= {3, 4, 5, 6}
    assert RepAssignment.objects.filter(ended__isnull=False).count() >= 20


def test_each_partnership_has_eight_to_twenty_members_one_chair_and_a_worker(seeded):
    partnerships = Partnership.objects.annotate(
        members=Count(
            "memberships",
            filter=Q(
                memberships__ended__isnull=True,
                memberships__role__in=["member", "chair"],
            ),
        ),
        chairs=Count("memberships", filter=Q(memberships__role="chair")),
        workers=Count("memberships", filter=Q(memberships__role="worker")),
    )
    for partnership in partnerships:
        assert 8 <= partnership.members <= 20
        assert partnership.chairs == 1
        assert 1 <= partnership.workers <= 2
    assert StaffRole.objects.values("organisation").distinct().count() == (
        Organisation.objects.count()
    )


def test_reviews_span_the_years_mostly_closed_with_a_few_open(seeded):
    assert 250 <= Review.objects.count() <= 350
    years = set(Review.objects.values_list("opens__year", flat=True))
    assert set(range(2019, 2027)) <= years
    assert Review.objects.filter(status="open").count() == 8
    assert Review.objects.filter(status="closed").count() >= 240
    assert Review.objects.filter(released_at__isnull=False).count() >= 100
    assert Review.objects.filter(asks_would_like=True).exists()
    assert len(set(Review.objects.values_list("purpose", flat=True))) >= 7
    # Big Local's framework throughout: version 1, and version 2 lately.
    assert not Review.objects.exclude(
        framework_version__framework__slug="big-local",
        framework_version__number__in=(1, 2),
    ).exists()


def test_open_reviews_are_open_today(seeded):
    today = timezone.localdate()
    for review in Review.objects.filter(status="open"):
        assert review.opens < today < review.closes
        assert review.responses.exists()


def test_closed_reviews_have_five_to_thirty_responses_of_ten_answers(seeded):
    assert 3000 <= Response.objects.count() <= 5000
    sizes = Review.objects.filter(status="closed").annotate(n=Count("responses"))
    assert {r.n for r in sizes} <= set(range(5, 31))
    per_response = Response.objects.annotate(n=Count("answers"))
    assert set(per_response.values_list("n", flat=True)) == {10}
    assert not Response.objects.exclude(status="submitted").exists()
    assert Response.objects.exclude(comments="").exists()
    assert Invitation.objects.filter(responses__isnull=False).exists()


def test_answers_are_ratings_from_one_to_ten_or_a_state(seeded):
    for column in Answer.COLUMNS:
        out_of_range = Q(**{f"{column}_rating__lt": 1}) | Q(
            **{f"{column}_rating__gt": 10}
        )
        assert not Answer.objects.filter(out_of_range).exists()
    assert Answer.objects.filter(now_state="dont_know").exists()
    assert Answer.objects.filter(now_state="not_relevant").exists()
    assert Answer.objects.filter(like_rating__isnull=False).exists()
    late = Answer.objects.filter(response__not_involved_at_start=True)
    assert late.exists()
    assert not late.filter(Q(then_rating__isnull=False) | ~Q(then_state="")).exists()


def test_some_review_shows_a_gap_of_two_points_between_members_and_lto_staff(seeded):
    means = (
        Answer.objects.filter(
            now_rating__isnull=False,
            response__perspective__in=["member", "lto_staff"],
        )
        .values("response__review", "statement", "response__perspective")
        .annotate(mean=Avg("now_rating"))
    )
    by_cell: dict[tuple, dict[str, float]] = {}
    for row in means:
        cell = (row["response__review"], row["statement"])
        by_cell.setdefault(cell, {})[row["response__perspective"]] = row["mean"]
    gaps = [
        abs(cell["member"] - cell["lto_staff"])
        for cell in by_cell.values()
        if len(cell) == 2
    ]
    assert sum(gap >= 2 for gap in gaps) >= 20


def test_some_review_shows_members_disagreeing_and_splitting_direction(seeded):
    members = Answer.objects.filter(response__perspective="member")
    # r_wg <= 0.30 means a sample variance of at least 0.7 * 8.25.
    spread = (
        members.filter(now_rating__isnull=False)
        .values("response__review", "statement")
        .annotate(n=Count("id"), variance=Variance("now_rating", sample=True))
        .filter(n__gte=3, variance__gte=0.7 * 8.25)
    )
    assert spread.exists()
    split = (
        members.filter(now_rating__isnull=False, then_rating__isnull=False)
        .values("response__review", "statement")
        .annotate(
            n=Count("id"),
            up=Count("id", filter=Q(now_rating__gt=F("then_rating"))),
            down=Count("id", filter=Q(now_rating__lt=F("then_rating"))),
        )
        .filter(n__gte=4, up__gte=F("n") * 0.25, down__gte=F("n") * 0.25)
    )
    assert split.exists()


def test_some_responses_answer_flat_and_some_statements_are_mostly_unknown(seeded):
    flat = (
        Response.objects.annotate(
            answered=Count("answers", filter=Q(answers__now_rating__isnull=False)),
            spread=Max("answers__now_rating") - Min("answers__now_rating"),
        )
        .filter(answered__gte=7, spread__lte=2)
        .count()
    )
    assert flat >= 20
    unknown = (
        Answer.objects.values("response__review", "statement")
        .annotate(n=Count("id"), dont_know=Count("id", filter=Q(now_state="dont_know")))
        .filter(dont_know__gte=F("n") * 0.3)
    )
    assert unknown.exists()


def test_the_demo_marks_some_areas_needs_attention_and_most_not(seeded):
    staff = get_user_model().objects.get(username="staff")
    areas = list(area_directory(staff, timezone.localdate()))
    attach_last_reviews(areas)
    marked = [a for a in areas if a.needs_attention]

    assert 0 < len(marked) < len(areas) / 2
    assert any(a.wide_gap for a in marked) and any(a.action_overdue for a in marked)


def test_demo_users_can_log_in_with_the_demo_password(seeded, client):
    for _, username in DEMO_LOGINS:
        assert client.login(
            request=RequestFactory().get("/"),
            username=username,
            password=DEMO_PASSWORD,
        ), username
        client.logout()
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    staff = User.objects.get(username="staff")
    assert not staff.is_staff
    assert Review.objects.visible_to(staff).count() == Review.objects.count()


def test_demo_rep_has_an_open_review_and_a_released_one_the_member_and_lto_see(
    seeded,
):
    User = get_user_model()
    rep, member, lto = (User.objects.get(username=n) for n in ("rep", "member", "lto"))
    rep_areas = Area.objects.represented_by(rep)
    assert 3 <= rep_areas.count() <= 6
    managed = Review.objects.managed_by(rep)
    assert managed.filter(status="open").exists()
    released = managed.filter(released_at__isnull=False)
    showcase = released.filter(
        appointment__partnership__memberships__person__user=member
    ).latest("opens")
    assert showcase.appointment.ended is None
    assert showcase.appointment.organisation.staff_roles.filter(
        person__user=lto, ended__isnull=True
    ).exists()
    assert showcase in Review.objects.visible_to(member)
    assert showcase in Review.objects.visible_to(lto)
    assert showcase.responses.filter(perspective="lto_staff").exists()
    assert showcase.responses.filter(perspective="member").count() >= 3


def test_some_closed_reviews_carry_agreed_actions_with_dated_notes(seeded):
    actions = AgreedAction.objects.all()
    assert actions.exists()
    assert not actions.exclude(review__status="closed").exists()
    assert actions.values("review").distinct().count() >= 10
    showcase = Review.objects.get(opens=dt.date(2026, 3, 2), released_at__isnull=False)
    assert showcase.agreed_actions.count() == 3
    assert {a.status for a in actions} >= {"agreed", "in_progress", "done"}
    moved_on = actions.exclude(status="agreed")
    assert AgreedActionUpdate.objects.filter(action__in=moved_on).count() == (
        2 * moved_on.count()
    )


def test_a_second_run_changes_nothing(seeded):
    before, checksum = counts(), answers_checksum()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo data already present; nothing to do." in out.getvalue()
    assert counts() == before
    assert answers_checksum() == checksum


def test_the_same_seed_builds_the_same_programme_again(seeded):
    before = fingerprint()
    # Undo the demo inside this test's savepoint, leaves first so each delete is a
    # single statement rather than a cascade collected in Python, and build afresh.
    for model in reversed(MODELS):
        model.objects.all().delete()
    call_command("seed_demo", quiet=True)
    assert fingerprint() == before


def test_a_different_seed_gives_different_names():
    assert programme.demo_area_slugs(1) != programme.demo_area_slugs(
        programme.DEFAULT_SEED
    )
    assert programme.demo_area_slugs(1) == programme.demo_area_slugs(1)


def test_if_empty_loads_nothing_once_any_area_exists(monkeypatch):
    AreaFactory()
    calls = []
    monkeypatch.setattr(programme, "demo_present", lambda seed: False)
    monkeypatch.setattr(programme, "seed_demo", lambda **kwargs: calls.append(kwargs))
    out = StringIO()
    call_command("seed_demo", if_empty=True, stdout=out)
    assert calls == []
    assert "Areas already exist" in out.getvalue()


def test_quiet_seeding_prints_nothing(monkeypatch):
    monkeypatch.setattr(programme, "demo_present", lambda seed: False)
    monkeypatch.setattr(programme, "seed_demo", lambda **kwargs: {"areas": 150})
    out = StringIO()
    call_command("seed_demo", quiet=True, stdout=out)
    assert out.getvalue() == ""


def test_demo_logins_prints_the_table_of_accounts(seeded):
    out = StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    assert "demonstrations only" in text
    assert "http://127.0.0.1:8000/" in text
    for _, username in DEMO_LOGINS:
        assert f" {username} " in text
    assert text.count(DEMO_PASSWORD) == len(DEMO_LOGINS)


def test_demo_logins_does_not_print_a_password_someone_changed(seeded):
    member = get_user_model().objects.get(username="member")
    member.set_password("a private one now")
    member.save()
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "member     (changed)" in out.getvalue()
    assert out.getvalue().count(DEMO_PASSWORD) == len(DEMO_LOGINS) - 1


def test_demo_logins_says_so_when_there_is_no_demo_data():
    get_user_model().objects.filter(
        username__in=[username for _, username in DEMO_LOGINS]
    ).delete()
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "No demo accounts yet" in out.getvalue()
    assert DEMO_PASSWORD not in out.getvalue()


def test_the_most_recent_reviews_use_version_two_with_one_statement_reworded(seeded):
    v1, v2 = FrameworkVersion.objects.filter(framework__slug="big-local").order_by(
        "number"
    )
    first = list(v1.statements.values_list("key", "text"))
    second = list(v2.statements.values_list("key", "text"))
    reworded = [(a, b) for a, b in zip(first, second, strict=True) if a != b]

    assert [key for (key, _), _ in reworded] == [REWORDED[0]]
    assert reworded[0][1] == REWORDED
    assert [k for k, _ in first] == [k for k, _ in second]
    assert Review.objects.order_by("-opens").first().framework_version == v2
    assert Review.objects.filter(framework_version=v2, status="closed").count() >= 5
    assert not Review.objects.filter(
        framework_version=v1, opens__gte=SECOND_VERSION_FROM
    ).exists()
    assert not Review.objects.filter(
        framework_version=v2, opens__lt=SECOND_VERSION_FROM
    ).exists()
    # Every answer is to a statement of its own review's version.
    assert not Answer.objects.exclude(
        statement__version=F("response__review__framework_version")
    ).exists()


def test_the_demo_rep_sees_an_ended_appointment_with_its_exit_interview(seeded):
    rep = get_user_model().objects.get(username="rep")

    exits = Review.objects.managed_by(rep).filter(
        purpose=Review.Purpose.EXIT,
        status=Review.Status.CLOSED,
        appointment__ended__isnull=False,
        closes__lte=F("appointment__ended"),
    )

    assert exits.exists()
    exit_review = exits.first()
    assert exit_review.released_at is not None
    # Reviews of the same appointment before it: "Since the start" has sides.
    assert (
        Review.objects.closed()
        .filter(appointment=exit_review.appointment, opens__lt=exit_review.opens)
        .count()
        >= 2
    )


def test_version_two_has_every_translation_of_version_one(seeded):
    """Copied by the product's own copy: its questions to open with too."""
    v2 = FrameworkVersion.objects.get(framework__slug="big-local", number=2)
    translations = list(v2.translations.all())
    assert sorted(t.language for t in translations) == ["pl", "ur"]
    for translation in translations:
        assert translation.untranslated() == [], translation.language
