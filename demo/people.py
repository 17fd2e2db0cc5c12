"""The demo programme's people: reps, partnership members and workers, LTO staff.

Each role is kept alongside its dates (`Held`) so the review stage can ask who was
around when a review opened: who could be invited, and who was not there at the
start of the appointment being reviewed.
"""

import datetime as dt
from collections import defaultdict

from demo.dates import date_between
from demo.plan import Held, People, Programme, current_main_segment
from partnerships.models import (
    Membership,
    Organisation,
    Person,
    RepAssignment,
    StaffRole,
)

JOB_TITLES = [
    "Finance officer",
    "Community development manager",
    "Chief executive",
    "Operations director",
    "Projects coordinator",
]
LINK_TITLE = "Big Local link officer"
# Members join over the years; cubing a uniform draw puts most early on.
LAST_JOIN = dt.date(2024, 6, 30)


def demo_rep_area_indexes(programme: Programme) -> list[int]:
    """Split each region's areas among reps (3 to 6 each); return the demo rep's."""
    rng = programme.rng
    by_region: dict[str, list[int]] = defaultdict(list)
    for index, area in enumerate(programme.areas):
        by_region[area.region].append(index)
    for indexes in by_region.values():
        rng.shuffle(indexes)
        groups = max(1, round(len(indexes) / 4.5))
        size, extra = divmod(len(indexes), groups)
        start = 0
        for group in range(groups):
            end = start + size + (1 if group < extra else 0)
            programme.rep_groups.append(indexes[start:end])
            start = end
    return programme.rep_groups[0]


def write_people(programme: Programme) -> People:
    """Create every person and role in bulk; return them with their dates."""
    builder = _PeopleBuilder(programme)
    builder.reps()
    builder.partnership_people()
    builder.organisation_staff()
    return builder.save()


class _PeopleBuilder:
    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.rng = programme.rng
        self.persons: list[Person] = []
        self.rows: list[RepAssignment | Membership | StaffRole] = []
        self.people = People(
            members=[[] for _ in programme.partnerships],
            workers=[[] for _ in programme.partnerships],
            reps=[[] for _ in programme.areas],
        )

    def person(self, user=None) -> Person:
        name, email = self.programme.names.person()
        person = Person(
            name=name,
            email=email if self.rng.random() < 0.8 else "",
            phone=self.programme.names.phone() if self.rng.random() < 0.6 else "",
            user=user,
        )
        if user is not None:
            first, _, last = name.partition(" ")
            user.first_name, user.last_name = first, last
            user.save(update_fields=["first_name", "last_name"])
        self.persons.append(person)
        return person

    def reps(self) -> None:
        rng = self.rng
        partnerships = self.programme.partnerships
        demo_group = self.programme.rep_groups[0]
        by_region: dict[str, list[list[int]]] = defaultdict(list)
        for group in self.programme.rep_groups:
            by_region[self.programme.areas[group[0]].region].append(group)
        for groups in by_region.values():
            # About a third of areas had an earlier rep, who has since moved on.
            changed = [i for group in groups for i in group if rng.random() < 0.3]
            # One former rep per five such areas keeps their old patches rep-sized.
            formers = [self.person() for _ in range(0, len(changed), 5)]
            for group in groups:
                user = self.programme.users.get("rep") if group is demo_group else None
                rep = self.person(user)
                for index in group:
                    formed = partnerships[index].formed
                    assert formed is not None  # every demo partnership has one
                    start = formed + dt.timedelta(days=90)
                    if index in changed:
                        former = formers[changed.index(index) // 5]
                        end = date_between(
                            rng, max(start, dt.date(2017, 1, 1)), dt.date(2023, 12, 31)
                        )
                        self.hold_rep(former, index, start, end)
                        start = end
                    self.hold_rep(rep, index, start, None)

    def hold_rep(
        self, person: Person, index: int, start: dt.date, end: dt.date | None
    ) -> None:
        area = self.programme.areas[index]
        self.rows.append(
            RepAssignment(person=person, area=area, started=start, ended=end)
        )
        self.people.reps[index].append(Held(person, start, end))

    def partnership_people(self) -> None:
        rng = self.rng
        released_area = self.programme.demo_areas[1]
        for index, partnership in enumerate(self.programme.partnerships):
            formed = partnership.formed
            assert formed is not None  # every demo partnership has one
            span = (LAST_JOIN - formed).days
            for k in range(rng.randint(8, 20)):
                user = None
                if index == released_area and k == 1:
                    user = self.programme.users.get("member")
                if k == 0:
                    start = formed + dt.timedelta(days=rng.randint(0, 400))
                else:
                    start = formed + dt.timedelta(days=int(span * rng.random() ** 3))
                role = Membership.Role.CHAIR if k == 0 else Membership.Role.MEMBER
                self.member(index, self.person(user), role, start, None)
            for _ in range(rng.randint(0, 3)):
                start = date_between(rng, formed, dt.date(2020, 12, 31))
                end = date_between(
                    rng, start + dt.timedelta(days=365), dt.date(2025, 6, 30)
                )
                self.member(index, self.person(), Membership.Role.MEMBER, start, end)
            # Workers came once partnerships had plans to spend on, never at once.
            for _ in range(rng.randint(1, 2)):
                start = date_between(rng, dt.date(2016, 1, 1), dt.date(2022, 12, 31))
                self.member(index, self.person(), Membership.Role.WORKER, start, None)

    def member(
        self,
        index: int,
        person: Person,
        role: str,
        start: dt.date,
        end: dt.date | None,
    ) -> None:
        self.rows.append(
            Membership(
                person=person,
                partnership=self.programme.partnerships[index],
                role=role,
                started=start,
                ended=end,
            )
        )
        held = self.people.workers if role == Membership.Role.WORKER else None
        (held or self.people.members)[index].append(Held(person, start, end))

    def organisation_staff(self) -> None:
        rng = self.rng
        first_start: dict[int, dt.date] = {}
        for segments in self.programme.segments:
            for segment in segments:
                key = id(segment.organisation)
                first_start[key] = min(
                    first_start.get(key, segment.start), segment.start
                )
        lto_org = self.lto_user_organisation()
        for org in self.programme.organisations:
            own_body = org.kind == org.Kind.OWN_BODY
            first = first_start[id(org)]
            held = self.people.staff.setdefault(id(org), [])
            for k in range(rng.randint(1, 2) if own_body else rng.randint(2, 4)):
                user = (
                    self.programme.users.get("lto")
                    if org is lto_org and k == 0
                    else None
                )
                end = None
                if k == 0:
                    # The link officer has been there since the first appointment began.
                    lead = 0 if own_body else rng.randint(0, 400)
                    start = first - dt.timedelta(days=lead)
                    title = LINK_TITLE
                else:
                    start = date_between(rng, first, LAST_JOIN)
                    title = rng.choice(JOB_TITLES)
                    if rng.random() < 0.2:
                        end = date_between(
                            rng, start + dt.timedelta(days=365), dt.date(2025, 12, 31)
                        )
                person = self.person(user)
                self.rows.append(
                    StaffRole(
                        person=person,
                        organisation=org,
                        job_title=title,
                        started=start,
                        ended=end,
                    )
                )
                held.append(Held(person, start, end))

    def lto_user_organisation(self) -> Organisation:
        """The current fund-holding LTO of the area with the released demo review."""
        segments = self.programme.segments[self.programme.demo_areas[1]]
        segment = current_main_segment(segments)
        # The plan gives that area a fund-holding LTO up to today.
        assert segment is not None and segment.organisation is not None
        return segment.organisation

    def save(self) -> People:
        Person.objects.bulk_create(self.persons)
        by_model: dict[type[RepAssignment | Membership | StaffRole], list] = (
            defaultdict(list)
        )
        for row in self.rows:
            by_model[type(row)].append(row)
        for model, rows in by_model.items():
            model.objects.bulk_create(rows)
        self.people.count = len(self.persons)
        return self.people
