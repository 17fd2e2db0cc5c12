"""Build a believable, fictional programme for demonstrations: `seed_demo`.

150 areas across the nine regions, their partnerships, about 130 organisations with
appointment histories (changes of LTO, partnerships becoming their own LTO, areas
with two LTOs at once), reps, members, LTO staff and workers, and seven years of
reviews whose answers carry every signal the report reads. Plus five demo logins.

Same seed, same programme: every choice comes from one `random.Random(seed)`. History
is dated against fixed anchors; only the handful of open and draft reviews are dated
against today, so they are open whenever the demo is loaded. Rows are built in memory
and written with `bulk_create` inside one transaction.
"""

import datetime as dt
import random
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from demo.actions import write_agreed_actions
from demo.dates import date_between
from demo.logins import create_logins
from demo.names import ORGANISATION_KIND_WEIGHTS, NameMaker
from demo.people import demo_rep_area_indexes, write_people
from demo.plan import Programme, Segment
from demo.reviews import write_reviews
from demo.rows import Progress, no_progress
from partnerships.models import (
    Appointment,
    Area,
    Organisation,
    Partnership,
    Region,
)
from reviews.summaries import summarise_reviews

DEFAULT_SEED = 2026

# Roughly the real programme's spread of areas over the regions.
REGION_SIZES = {
    Region.NORTH_EAST: 14,
    Region.NORTH_WEST: 24,
    Region.YORKSHIRE: 17,
    Region.EAST_MIDLANDS: 14,
    Region.WEST_MIDLANDS: 17,
    Region.EAST: 14,
    Region.LONDON: 15,
    Region.SOUTH_EAST: 18,
    Region.SOUTH_WEST: 17,
}
PHASE_WEIGHTS = {
    Area.Phase.GETTING_STARTED: 8,
    Area.Phase.CONSOLIDATING: 25,
    Area.Phase.SPENDING_OUT: 42,
    Area.Phase.COMPLETED: 25,
}
OWN_LTO_COUNT = 12
CHANGED_LTO_COUNT = 40
SECOND_LTO_COUNT = 24
# Organisations other than the partnerships' own bodies; with those, about 130.
ORGANISATION_COUNT = 118


def _new_programme(seed: int) -> Programme:
    rng = random.Random(seed)
    programme = Programme(rng=rng, names=NameMaker(rng), today=timezone.localdate())
    # Area names are drawn first, so `demo_area_slugs` can replay just this part.
    for region, count in REGION_SIZES.items():
        councils = [programme.names.council(region) for _ in range(max(2, count // 4))]
        for _ in range(count):
            name = programme.names.area()
            programme.areas.append(
                Area(
                    name=name,
                    slug=slugify(name),
                    region=region,
                    local_authority=rng.choice(councils),
                )
            )
    return programme


def demo_area_slugs(seed: int = DEFAULT_SEED) -> list[str]:
    """The slugs this seed gives its areas, without touching the database."""
    return [area.slug for area in _new_programme(seed).areas]


def demo_present(seed: int = DEFAULT_SEED) -> bool:
    """The marker: any of this seed's areas already in the database."""
    return Area.objects.filter(slug__in=demo_area_slugs(seed)).exists()


def seed_demo(
    *, seed: int = DEFAULT_SEED, progress: Progress | None = None
) -> dict[str, int]:
    """Load the demo programme in one transaction; return counts of rows made."""
    report = progress or no_progress
    programme = _new_programme(seed)
    with transaction.atomic():
        report("areas", 0.02)
        _write_areas(programme)
        report("organisations", 0.08)
        _plan_appointments(programme)
        _write_organisations(programme)
        report("appointments", 0.14)
        _write_appointments(programme)
        report("demo logins", 0.18)
        programme.users = create_logins()
        report("people", 0.22)
        programme.people = write_people(programme)
        counts = write_reviews(programme, report)
        counts["agreed actions"] = write_agreed_actions(programme.rng)
        report("summaries", 0.95)
        counts["summaries"] = summarise_reviews()
    report("done", 1.0)
    return {
        "areas": len(programme.areas),
        "organisations": len(programme.organisations),
        "appointments": sum(len(s) for s in programme.segments),
        "people": programme.people.count,
        **counts,
    }


def _write_areas(programme: Programme) -> None:
    rng = programme.rng
    phases, weights = zip(*PHASE_WEIGHTS.items(), strict=True)
    for area in programme.areas:
        area.phase = rng.choices(phases, weights)[0]
    # The demo rep covers the first North East group; their first two areas carry
    # the open review and the released one, so they must still have an LTO.
    programme.demo_areas = demo_rep_area_indexes(programme)
    for index in programme.demo_areas[:2]:
        programme.areas[index].phase = Area.Phase.SPENDING_OUT
    Area.objects.bulk_create(programme.areas)
    for area in programme.areas:
        formed = dt.date(rng.randint(2012, 2014), rng.choice((3, 6, 9, 12)), 1)
        programme.partnerships.append(
            Partnership(
                area=area, name=programme.names.partnership(area.name), formed=formed
            )
        )
    Partnership.objects.bulk_create(programme.partnerships)


def _main_functions(rng: random.Random) -> list[str]:
    functions = ["fund_holding"]
    for function, chance in (
        ("employing", 0.7),
        ("assets", 0.3),
        ("contracts", 0.35),
        ("services", 0.2),
    ):
        if rng.random() < chance:
            functions.append(function)
    return functions


def _plan_appointments(programme: Programme) -> None:
    """Each partnership's LTO history as dated segments, organisations chosen later."""
    rng = programme.rng
    count = len(programme.partnerships)
    open_area, released_area = programme.demo_areas[:2]
    ordinary = [i for i in range(count) if i not in (open_area, released_area)]
    own = set(rng.sample(ordinary, OWN_LTO_COUNT))
    changed = set(rng.sample([i for i in ordinary if i not in own], CHANGED_LTO_COUNT))
    changed |= set(rng.sample(sorted(own), 4)) | {released_area}
    second = set(
        rng.sample([i for i in range(count) if i not in own], SECOND_LTO_COUNT)
    )
    for index, partnership in enumerate(programme.partnerships):
        assert partnership.formed is not None  # _write_areas dates them all
        start = partnership.formed + dt.timedelta(days=rng.randint(60, 300))
        functions = _main_functions(rng)
        if index in second and "employing" in functions:
            functions.remove("employing")
        segments: list[Segment] = []
        if index in changed:
            change = date_between(
                rng,
                max(start + dt.timedelta(days=730), dt.date(2016, 1, 1)),
                dt.date(2022, 12, 31),
            )
            segments.append(
                Segment(index, start, change, "changed_lto", list(functions))
            )
            start = change
        if index in own:
            became_own = date_between(
                rng,
                max(start + dt.timedelta(days=540), dt.date(2019, 6, 1)),
                dt.date(2024, 12, 31),
            )
            segments.append(
                Segment(index, start, became_own, "own_lto", list(functions))
            )
            functions = ["fund_holding", "employing", "assets", "contracts"]
            segments.append(Segment(index, became_own, functions=functions))
            segments[-1].own_body = True
        else:
            segments.append(Segment(index, start, functions=list(functions)))
        if index in second:
            segments.append(
                Segment(
                    index,
                    date_between(
                        rng,
                        segments[0].start + dt.timedelta(days=365),
                        dt.date(2021, 12, 31),
                    ),
                    functions=["employing"],
                )
            )
        # Some completed areas have closed their appointments as the programme ended.
        if programme.areas[index].phase == Area.Phase.COMPLETED and rng.random() < 0.5:
            ended = date_between(rng, dt.date(2026, 1, 5), dt.date(2026, 6, 15))
            for segment in segments:
                if segment.end is None:
                    segment.end = max(ended, segment.start)
                    segment.end_reason = "programme_ended"
        programme.segments.append(segments)


def _write_organisations(programme: Programme) -> None:
    """Own bodies for the partnerships that incorporated; the rest shared by region."""
    rng = programme.rng
    names = programme.names
    by_region: dict[str, list[Segment]] = defaultdict(list)
    for index, segments in enumerate(programme.segments):
        for segment in segments:
            if segment.own_body:
                segment.organisation = _organisation(
                    names.own_body(programme.areas[index].name),
                    Organisation.Kind.OWN_BODY,
                )
                programme.organisations.append(segment.organisation)
            else:
                by_region[programme.areas[index].region].append(segment)
    total = sum(len(segments) for segments in by_region.values())
    kinds, weights = zip(*ORGANISATION_KIND_WEIGHTS.items(), strict=True)
    for region, segments in by_region.items():
        size = max(2, round(len(segments) * ORGANISATION_COUNT / total))
        pool = []
        for _ in range(size):
            kind = rng.choices(kinds, weights)[0]
            if kind == Organisation.Kind.LOCAL_AUTHORITY:
                name = names.council(region)
            else:
                name = names.organisation(kind)
            pool.append(_organisation(name, kind))
        _assign(rng, pool, segments)
        programme.organisations.extend(pool)
    Organisation.objects.bulk_create(programme.organisations)


def _organisation(name: str, kind: str) -> Organisation:
    return Organisation(name=name, slug=slugify(name), kind=kind)


def _assign(
    rng: random.Random, pool: list[Organisation], segments: list[Segment]
) -> None:
    """Every organisation acts at least once; some for two or three partnerships."""
    served: dict[int, set[int]] = defaultdict(set)
    order = list(segments)
    rng.shuffle(order)
    for position, segment in enumerate(order):
        if position < len(pool):
            choice = pool[position]
        else:
            eligible = [
                org
                for org in pool
                if len(served[id(org)]) < 3
                and segment.partnership not in served[id(org)]
            ] or [org for org in pool if segment.partnership not in served[id(org)]]
            choice = rng.choice(eligible)
        served[id(choice)].add(segment.partnership)
        segment.organisation = choice


def _write_appointments(programme: Programme) -> None:
    rows = []
    for index, segments in enumerate(programme.segments):
        for segment in segments:
            segment.row = Appointment(
                partnership=programme.partnerships[index],
                organisation=segment.organisation,
                functions=segment.functions,
                started=segment.start,
                ended=segment.end,
                end_reason=segment.end_reason,
            )
            rows.append(segment.row)
    Appointment.objects.bulk_create(rows)
