"""Invented names for the demo programme: places, councils, organisations, people.

Every name is built from word lists, so no real area, organisation or person is
named. A `NameMaker` draws from the seeded generator it is given and never hands out
the same slug twice, which keeps the unique name and slug columns happy.
"""

import random

from django.utils.text import slugify

from partnerships.models import Organisation, Region

PLACE_STARTS = [
    "Ash", "Alder", "Bracken", "Bram", "Brook", "Bur", "Calder", "Chal", "Cold",
    "Crane", "Dun", "Elm", "Fern", "Fen", "Gorse", "Hal", "Hawk", "Heath", "Hol",
    "Kes", "Kirk", "Lang", "Lark", "Lin", "Marl", "Mill", "Moss", "Nether", "Oak",
    "Orm", "Pen", "Quar", "Raven", "Rother", "Rush", "Sal", "Sand", "Shep", "Stan",
    "Stour", "Tarn", "Thorn", "Wal", "Wex", "Whit", "Wil", "Wold", "Wren", "Yar",
]  # fmt: skip
PLACE_ENDS = [
    "bury", "by", "combe", "dale", "den", "field", "ford", "gate", "ham", "hurst",
    "ley", "mere", "minster", "mouth", "stead", "stow", "thorpe", "ton", "wick",
    "well", "worth", "bridge", "holme", "moor",
]  # fmt: skip
AREA_SUFFIXES = ["Estate", "Park", "Village", "Heights", "Green", "Vale", "Fields"]
AREA_PREFIXES = ["North", "South", "East", "West", "Upper", "Lower", "Old", "New"]
COUNCIL_KINDS = ["Borough Council", "District Council", "City Council"]
# Regions with metropolitan boroughs get that kind of council too.
METROPOLITAN = {
    Region.NORTH_EAST,
    Region.NORTH_WEST,
    Region.YORKSHIRE,
    Region.WEST_MIDLANDS,
}
SAINTS = [
    "Aidan", "Anne", "Barnabas", "Bede", "Chad", "Columba", "Cuthbert", "Hilda",
    "Jude", "Luke", "Margaret", "Mark", "Oswald", "Swithun", "Wilfrid",
]  # fmt: skip
HOUSING_WORDS = ["Riverside", "Northgate", "Hearthstone", "Keystone", "Lantern"]
FIRST_NAMES = [
    "Aaliyah", "Adam", "Agnieszka", "Alan", "Amina", "Andrew", "Angela", "Ayesha",
    "Barbara", "Ben", "Bernadette", "Bilal", "Carol", "Chidi", "Chloe", "Colin",
    "Dalia", "Darren", "Deborah", "Dev", "Eileen", "Emeka", "Emma", "Fatima",
    "Gareth", "Gloria", "Graham", "Hannah", "Harjit", "Ian", "Imran", "Irene",
    "Jackie", "Jamal", "Janet", "Jason", "Joanne", "Kamala", "Karen", "Keith",
    "Kwame", "Leanne", "Lee", "Linda", "Liam", "Lorraine", "Malik", "Marcia",
    "Marek", "Maureen", "Mohammed", "Nadia", "Neil", "Nkechi", "Norman", "Olu",
    "Pauline", "Priya", "Rachel", "Rajesh", "Rhiannon", "Rob", "Rosa", "Ruth",
    "Samir", "Sandra", "Shanice", "Sharon", "Steve", "Sunita", "Tariq", "Tom",
    "Tracey", "Val", "Wayne", "Winston", "Yusuf", "Zofia",
]  # fmt: skip
SURNAMES = [
    "Abbott", "Adeyemi", "Ahmed", "Ainsworth", "Akhtar", "Barker", "Bellamy",
    "Bhatti", "Blackwood", "Bradshaw", "Brennan", "Campbell", "Chaudhry", "Clegg",
    "Collins", "Cooper", "Dawson", "Dempsey", "Dixon", "Doherty", "Egan", "Farrow",
    "Fenwick", "Fletcher", "Gallagher", "Greaves", "Hammond", "Hargreaves", "Hussain",
    "Iqbal", "Jennings", "Kaur", "Kowalski", "Lamb", "Lister", "Lowe", "Mahmood",
    "Marsden", "McAllister", "Mensah", "Morley", "Nowak", "Nuttall", "Okafor",
    "Osei", "Parkin", "Patel", "Pickering", "Quinn", "Rahman", "Redfern",
    "Sahota", "Sharma", "Shaw", "Singh", "Slater", "Sutcliffe", "Thornley",
    "Threlfall", "Underwood", "Varley", "Wainwright", "Walsh", "Whitaker",
    "Wilkinson", "Yates",
]  # fmt: skip

# How often each kind of organisation acts as LTO among the non-own-body ones.
ORGANISATION_KIND_WEIGHTS = {
    Organisation.Kind.CVS: 20,
    Organisation.Kind.HOUSING: 14,
    Organisation.Kind.ENVIRONMENTAL: 8,
    Organisation.Kind.LOCAL_AUTHORITY: 8,
    Organisation.Kind.COMMUNITY: 20,
    Organisation.Kind.DEVELOPMENT_TRUST: 12,
    Organisation.Kind.SCHOOL: 4,
    Organisation.Kind.FAITH: 6,
    Organisation.Kind.PRIVATE: 8,
}

ORGANISATION_PATTERNS: dict[str, list[str]] = {
    Organisation.Kind.CVS: [
        "{place} CVS",
        "Voluntary Action {place}",
        "{place} Council for Voluntary Service",
        "Community Action {place}",
    ],
    Organisation.Kind.HOUSING: [
        "{place} Homes",
        "{place} Housing Association",
        "{word} Housing Trust",
        "{place} Community Housing",
    ],
    Organisation.Kind.ENVIRONMENTAL: [
        "{place} Green Trust",
        "{place} Environment Trust",
        "{place} Green Spaces Trust",
    ],
    Organisation.Kind.COMMUNITY: [
        "{place} Community Association",
        "{place} Neighbourhood Centre",
        "{place} Community Hub",
        "{place} Family Centre",
    ],
    Organisation.Kind.DEVELOPMENT_TRUST: [
        "{place} Development Trust",
        "{place} Community Development Trust",
        "{place} Regeneration Trust",
    ],
    Organisation.Kind.SCHOOL: [
        "{place} Academy",
        "{place} Community College",
        "St {saint}'s Primary School, {place}",
    ],
    Organisation.Kind.FAITH: [
        "St {saint}'s Church, {place}",
        "{place} Methodist Mission",
        "{place} Baptist Church",
    ],
    Organisation.Kind.PRIVATE: [
        "{surname} Community Consulting Ltd",
        "{surname} and {surname2} Associates Ltd",
        "{place} Social Enterprise Ltd",
    ],
}
OWN_BODY_PATTERNS = [
    "{area} Big Local CIC",
    "{area} Community Benefit Society",
    "{area} Community Trust",
]
PARTNERSHIP_PATTERNS = [
    "{area} Big Local",
    "{area} Big Local",
    "{area} Big Local",
    "{area} Big Local Partnership",
    "Together {area}",
    "Our {area}",
]


class NameMaker:
    """Draws invented names from `rng`, never repeating a slug."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        # Collisions are rare; a bounded retry keeps a bad word list from hanging.
        for _ in range(500):
            name = make()
            slug = slugify(name)
            if slug not in self.used:
                self.used.add(slug)
                return name
        raise RuntimeError("The demo word lists ran out of unique names.")

    def place(self) -> str:
        return self.rng.choice(PLACE_STARTS) + self.rng.choice(PLACE_ENDS)

    def area(self) -> str:
        def make() -> str:
            form = self.rng.random()
            if form < 0.5:
                return self.place()
            if form < 0.75:
                return f"{self.place()} {self.rng.choice(AREA_SUFFIXES)}"
            if form < 0.92:
                return f"{self.rng.choice(AREA_PREFIXES)} {self.place()}"
            return f"{self.place()} and {self.place()}"

        return self._unique(make)

    def council(self, region: str) -> str:
        def make() -> str:
            if region == Region.LONDON:
                return f"London Borough of {self.place()}"
            kinds = COUNCIL_KINDS + (
                ["Metropolitan Borough Council"] if region in METROPOLITAN else []
            )
            return f"{self.place()} {self.rng.choice(kinds)}"

        return self._unique(make)

    def organisation(self, kind: str) -> str:
        patterns = ORGANISATION_PATTERNS[kind]
        return self._unique(
            lambda: self.rng.choice(patterns).format(
                place=self.place(),
                word=self.rng.choice(HOUSING_WORDS),
                saint=self.rng.choice(SAINTS),
                surname=self.rng.choice(SURNAMES),
                surname2=self.rng.choice(SURNAMES),
            )
        )

    def own_body(self, area_name: str) -> str:
        return self._unique(
            lambda: self.rng.choice(OWN_BODY_PATTERNS).format(area=area_name)
        )

    def partnership(self, area_name: str) -> str:
        return self.rng.choice(PARTNERSHIP_PATTERNS).format(area=area_name)

    def person(self) -> tuple[str, str]:
        """A full name and a matching fictional email address."""
        first = self.rng.choice(FIRST_NAMES)
        last = self.rng.choice(SURNAMES)
        number = self.rng.randint(1, 99)
        return f"{first} {last}", f"{first}.{last}{number}@example.org".lower()

    def phone(self) -> str:
        # 07700 900000 to 900999 is Ofcom's range reserved for fiction.
        return f"07700 900{self.rng.randint(0, 999):03d}"
