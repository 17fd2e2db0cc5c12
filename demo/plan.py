"""The demo programme as planned in memory, passed from one stage to the next.

`programme.py` fills a `Programme` stage by stage; `people.py` and `reviews.py`
read it. Keeping the shared shapes here lets those modules depend on this one
rather than on each other.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from demo.names import NameMaker
from partnerships.models import Appointment, Area, Organisation, Partnership, Person


@dataclass
class Segment:
    """One planned appointment of a partnership, before an organisation is chosen."""

    partnership: int
    start: dt.date
    end: dt.date | None = None
    end_reason: str = ""
    functions: list[str] = field(default_factory=list)
    own_body: bool = False
    organisation: Organisation | None = None
    row: Appointment | None = None


@dataclass
class Held:
    """A role somebody held, from start to end (None: still holds it)."""

    person: Person
    start: dt.date
    end: dt.date | None = None

    def active(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass
class People:
    """Everyone's roles with their dates, so reviews can ask who was around."""

    members: list[list[Held]] = field(default_factory=list)  # by partnership
    workers: list[list[Held]] = field(default_factory=list)  # by partnership
    staff: dict[int, list[Held]] = field(default_factory=dict)  # by id(organisation)
    reps: list[list[Held]] = field(default_factory=list)  # by area
    count: int = 0


@dataclass
class Programme:
    """Everything built so far, passed from one stage to the next."""

    rng: random.Random
    names: NameMaker
    today: dt.date
    areas: list[Area] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    segments: list[list[Segment]] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    # Indexes of the areas the demo rep covers: [open review, released review, ...]
    demo_areas: list[int] = field(default_factory=list)
    # Area indexes per rep, region by region; the first group is the demo rep's.
    rep_groups: list[list[int]] = field(default_factory=list)
    users: dict = field(default_factory=dict)
    people: People | None = None


def current_main_segment(segments: list[Segment]) -> Segment | None:
    """The appointment that holds the funds now, or None once all have ended."""
    for segment in segments:
        if segment.end is None and "fund_holding" in segment.functions:
            return segment
    return None
