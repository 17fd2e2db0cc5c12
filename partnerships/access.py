"""Who someone is in the programme, read from the data rather than stored flags.

A rep is a person with a current area assignment, a member someone with a current
membership, LTO staff someone with a current staff role, and Local Trust staff a
member of the LOCAL_TRUST_STAFF group (or a superuser). One person may hold several.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q

LOCAL_TRUST_STAFF = "Local Trust staff"

AnyUser = User | AnonymousUser


def is_programme_staff(user: AnyUser) -> bool:
    """Local Trust staff see everything, across all areas."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_programme_staff", None)
    if cached is None:
        cached = user.groups.filter(name=LOCAL_TRUST_STAFF).exists()
        user._is_programme_staff = cached
    return cached


def current(prefix: str = "") -> Q:
    """A dated role that has not ended."""
    return Q(**{f"{prefix}ended__isnull": True})


def rep_area_ids(user: AnyUser):
    """Subquery of the ids of the areas this user currently represents."""
    from partnerships.models import RepAssignment

    return RepAssignment.objects.filter(current(), person__user_id=user.pk).values(
        "area_id"
    )


def member_partnership_ids(user: AnyUser):
    from partnerships.models import Membership

    return Membership.objects.filter(current(), person__user_id=user.pk).values(
        "partnership_id"
    )


def staff_organisation_ids(user: AnyUser):
    from partnerships.models import StaffRole

    return StaffRole.objects.filter(current(), person__user_id=user.pk).values(
        "organisation_id"
    )


def has_any_role(user: AnyUser) -> bool:
    from partnerships.models import Membership, RepAssignment, StaffRole

    if is_programme_staff(user):
        return True
    if not user.is_authenticated:
        return False
    return (
        RepAssignment.objects.filter(current(), person__user_id=user.pk).exists()
        or Membership.objects.filter(current(), person__user_id=user.pk).exists()
        or StaffRole.objects.filter(current(), person__user_id=user.pk).exists()
    )


def is_rep(user: AnyUser) -> bool:
    from partnerships.models import RepAssignment

    if not user.is_authenticated:
        return False
    return RepAssignment.objects.filter(current(), person__user_id=user.pk).exists()


def roles(user: AnyUser) -> frozenset[str]:
    """Every role a person holds now, for pages that adapt to who is looking."""
    from partnerships.models import Membership, StaffRole

    if not user.is_authenticated:
        return frozenset()
    held = set()
    if is_programme_staff(user):
        held.add("programme_staff")
    if is_rep(user):
        held.add("rep")
    if StaffRole.objects.filter(current(), person__user_id=user.pk).exists():
        held.add("lto_staff")
    for role in Membership.objects.filter(
        current(), person__user_id=user.pk
    ).values_list("role", flat=True):
        held.add("worker" if role == "worker" else "member")
    return frozenset(held)


def managed_appointments(user: AnyUser):
    """Appointments whose reviews this user may open and run."""
    from partnerships.models import Appointment, Area

    return Appointment.objects.filter(
        partnership__area__in=Area.objects.represented_by(user)
    )


def visible_partnerships(user: AnyUser):
    """Partnerships a person may look at: those of the areas they can see."""
    from partnerships.models import Area, Partnership

    return Partnership.objects.filter(area__in=Area.objects.visible_to(user))


def visible_organisations(user: AnyUser):
    """Organisations a person may look at: staff all; others those they work
    for or that act (or acted) as LTO for a partnership they can see."""
    from partnerships.models import Organisation

    if is_programme_staff(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Q(pk__in=staff_organisation_ids(user))
        | Q(appointments__partnership__in=visible_partnerships(user))
    ).distinct()
