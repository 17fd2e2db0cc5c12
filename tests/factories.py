"""factory_boy factories for every model, with believable, invented data."""

import datetime as dt
import types

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from partnerships.access import LOCAL_TRUST_STAFF
from partnerships.models import (
    Appointment,
    Area,
    Membership,
    Organisation,
    Partnership,
    Person,
    RepAssignment,
    StaffRole,
)
from reviews.models import (
    Answer,
    Framework,
    FrameworkVersion,
    Invitation,
    Response,
    Review,
    Statement,
)
from reviews.responding.tokens import hash_token, new_token


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


def programme_staff_user(**kwargs):
    user = UserFactory(**kwargs)
    group, _ = Group.objects.get_or_create(name=LOCAL_TRUST_STAFF)
    user.groups.add(group)
    return user


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    region = "north_west"
    local_authority = "Example Borough Council"
    phase = Area.Phase.CONSOLIDATING


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    area = factory.SubFactory(AreaFactory)
    name = factory.LazyAttribute(lambda p: f"{p.area.name} Big Local")
    formed = dt.date(2013, 5, 1)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.CVS


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    functions = factory.LazyFunction(lambda: ["fund_holding", "employing"])
    started = dt.date(2014, 1, 1)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = Membership.Role.MEMBER
    started = dt.date(2015, 1, 1)


class StaffRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffRole

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "Finance officer"
    started = dt.date(2015, 1, 1)


class RepAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RepAssignment

    person = factory.SubFactory(PersonFactory)
    area = factory.SubFactory(AreaFactory)
    started = dt.date(2015, 1, 1)


def rep_of(appointment: Appointment):
    """A user who is the current rep of the appointment's area."""
    user = UserFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=user), area=appointment.partnership.area
    )
    return user


def big_local_v1() -> FrameworkVersion:
    """The framework version the data migration ships."""
    return FrameworkVersion.objects.get(framework__slug="big-local", number=1)


def framework_version(
    slug: str, statements: int, scale_min: int = 1, scale_max: int = 10
) -> FrameworkVersion:
    """Another programme's framework: `statements` numbered statements s1, s2, ..."""
    framework = Framework.objects.create(name=slug.title(), slug=slug)
    version = FrameworkVersion.objects.create(
        framework=framework,
        number=1,
        instruction="Rate each statement.",
        scale_min=scale_min,
        scale_max=scale_max,
    )
    Statement.objects.bulk_create(
        Statement(
            version=version,
            key=f"s{i}",
            order=i,
            text=f"Statement {i}",
            short_label=f"Short {i}",
            capital="social",
        )
        for i in range(1, statements + 1)
    )
    return version


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    appointment = factory.SubFactory(AppointmentFactory)
    framework_version = factory.LazyFunction(big_local_v1)
    purpose = Review.Purpose.REGULAR
    title = factory.Sequence(lambda n: f"Regular review {n}")
    opens = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    closes = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=21))
    status = Review.Status.OPEN


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation
        exclude = ["token"]

    review = factory.SubFactory(ReviewFactory)
    person = factory.SubFactory(PersonFactory)
    perspective = "member"
    token = factory.LazyFunction(lambda: new_token()[0])
    token_hash = factory.LazyAttribute(lambda i: hash_token(i.token))
    expires = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    review = factory.SubFactory(ReviewFactory)
    perspective = "member"
    status = Response.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    statement = factory.LazyAttribute(
        lambda a: a.response.review.framework_version.statements.first()
    )
    then_rating = 5
    now_rating = 7


def answer_all(response: Response, then: int | None = 5, now: int | None = 7) -> None:
    """Give a response one answer per statement of its review's framework."""
    Answer.objects.bulk_create(
        Answer(response=response, statement=s, then_rating=then, now_rating=now)
        for s in response.review.framework_version.statements.all()
    )


def bulk_responses(
    review: Review,
    perspective: str,
    rows: list[list[int | str | None]],
    then: int | str | None = 5,
    **fields,
) -> list[Response]:
    """Submitted responses in two inserts: one per row of "now" cells, in
    statement order; a cell is a rating, "dont_know", "not_relevant" or None."""
    statements = list(review.framework_version.statements.order_by("order"))
    responses = Response.objects.bulk_create(
        Response(
            review=review,
            perspective=perspective,
            **{
                "status": Response.Status.SUBMITTED,
                "submitted_at": timezone.now(),
                **fields,
            },
        )
        for _ in rows
    )

    def columns(prefix: str, cell: int | str | None) -> dict:
        if isinstance(cell, int):
            return {f"{prefix}_rating": cell}
        return {f"{prefix}_state": cell or ""}

    Answer.objects.bulk_create(
        Answer(
            response=response,
            statement=statement,
            **columns("then", then),
            **columns("now", cell),
        )
        for response, row in zip(responses, rows, strict=True)
        for statement, cell in zip(statements, row, strict=False)
    )
    return responses


def two_partnerships() -> "types.SimpleNamespace":
    """Partnerships A and B with one user in every role, for access tests.

    A has a member, a worker, a rep, and LTO staff at its LTO; B has a member and
    a rep; plus Local Trust staff and a superuser. A has an open review with one
    invitation and one submitted response.
    """
    world = types.SimpleNamespace()
    world.appointment_a = AppointmentFactory()
    world.appointment_b = AppointmentFactory()
    partnership_a = world.appointment_a.partnership
    partnership_b = world.appointment_b.partnership

    def person_user(username: str) -> Person:
        return PersonFactory(user=UserFactory(username=username), name=username)

    MembershipFactory(person=person_user("member_a"), partnership=partnership_a)
    MembershipFactory(person=person_user("member_b"), partnership=partnership_b)
    MembershipFactory(
        person=person_user("worker_a"),
        partnership=partnership_a,
        role=Membership.Role.WORKER,
    )
    StaffRoleFactory(
        person=person_user("lto_staff_a"),
        organisation=world.appointment_a.organisation,
    )
    RepAssignmentFactory(person=person_user("rep_a"), area=partnership_a.area)
    RepAssignmentFactory(person=person_user("rep_b"), area=partnership_b.area)
    programme_staff_user(username="lt_staff")
    UserFactory(username="superuser", is_superuser=True, is_staff=True)
    world.users = {user.username: user for user in get_user_model().objects.all()}
    world.review_a = ReviewFactory(appointment=world.appointment_a)
    world.invitation_a = InvitationFactory(review=world.review_a)
    world.response_a = ResponseFactory(
        review=world.review_a, invitation=world.invitation_a
    )
    answer_all(world.response_a)
    return world
