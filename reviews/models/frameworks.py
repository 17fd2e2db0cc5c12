"""Frameworks: capitals, perspectives, versioned frameworks and their statements."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext

from reviews.analysis.scale import Scale, names_another_scale
from reviews.analysis.words import PERSPECTIVE_CHOICES


class Capital(models.TextChoices):
    SOCIAL = "social", "Social"
    ECONOMIC = "economic", "Economic"
    CULTURAL = "cultural", "Cultural"
    OVERARCHING = "overarching", "Overarching"


# Built from the analysis package's words, so a perspective has one name everywhere.
# django-stubs types no functional TextChoices call, hence the ignore.
Perspective = models.TextChoices(  # type: ignore[call-overload]
    "Perspective",
    [(value.upper(), (value, label)) for value, label in PERSPECTIVE_CHOICES],
)


# Perspectives whose answers come from one or two people and so may be recognisable.
SMALL_GROUP_PERSPECTIVES = frozenset(
    {Perspective.LTO_STAFF, Perspective.WORKER, Perspective.REP}
)


# The widest scale any framework version may use. The database holds every rating
# to these limits; a version's own, narrower bounds are enforced by the
# questionnaire form, whose choices are `FrameworkVersion.scale`.
RATING_LIMITS = (0, 100)


class Framework(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FrameworkVersion(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField()
    instruction = models.TextField()
    then_label = models.CharField(
        max_length=200, default="Where was the relationship at first?"
    )
    now_label = models.CharField(
        max_length=200, default="Where is the relationship now?"
    )
    like_label = models.CharField(
        max_length=200, default="Where would you like the relationship to be?"
    )
    comments_prompt = models.CharField(max_length=200, default="Any other comments?")
    scale_min = models.PositiveSmallIntegerField(default=1)
    scale_max = models.PositiveSmallIntegerField(default=10)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="frameworkversion_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")),
                name="frameworkversion_scale_ordered",
            ),
            models.CheckConstraint(
                condition=Q(scale_min__gte=RATING_LIMITS[0])
                & Q(scale_max__lte=RATING_LIMITS[1]),
                name="frameworkversion_scale_within_limits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework} v{self.number}"

    def clean(self) -> None:
        """An instruction that names a scale names this version's own: a copy
        given a new scale must have its instruction reworded too."""
        if self.scale_max <= self.scale_min or not self.instruction:
            return
        if names_another_scale(self.instruction, self.rating_scale):
            raise ValidationError(
                {
                    "instruction": "The instruction names another rating scale: "
                    f"reword it for this version's scale, {self.scale_words}."
                }
            )

    @property
    def is_frozen(self) -> bool:
        """A version in use by any review is frozen: editing means a new version."""
        return self.reviews.exists()

    @property
    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)

    @property
    def rating_scale(self) -> Scale:
        return Scale(self.scale_min, self.scale_max)

    @property
    def scale_words(self) -> str:
        """The scale as a sentence names it: "from 1 (least) to 10 (most)"."""
        return self.rating_scale.words

    @property
    def scale_hint(self) -> str:
        """The instruction every rating carries, in this version's own numbers."""
        return gettext("%(low)s is least, %(high)s is most") % {
            "low": self.scale_min,
            "high": self.scale_max,
        }


class Statement(models.Model):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="statements"
    )
    # Stable across versions, so reworded statements still line up over time.
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField()
    text = models.TextField()
    short_label = models.CharField(max_length=60)
    capital = models.CharField(max_length=20, choices=Capital)
    help_text = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "key"], name="statement_unique_key"
            ),
            models.UniqueConstraint(
                fields=["version", "order"], name="statement_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(
                    capital__in=["social", "economic", "cultural", "overarching"]
                ),
                name="statement_capital_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.short_label}"


class OpeningQuestion(models.Model):
    """A question to open a discussion point with: per statement and kind of
    signal, in plain words that invite people to explain rather than defend."""

    class Kind(models.TextChoices):
        # The kinds of signal a discussion point can open with (analysis.agenda).
        GAP = "gap", "A gap between groups"
        DISAGREEMENT = "disagreement", "Disagreement within a group"
        SPLIT = "split", "A split between higher and lower"
        UNKNOWN = "unknown", "Many \u201cdon\u2019t know\u201d answers"

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="opening_questions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["statement", "kind", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "kind", "order"],
                name="openingquestion_unique_order",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["gap", "disagreement", "split", "unknown"]),
                name="openingquestion_kind_valid",
            ),
            # One to three per kind: the order numbers them.
            models.CheckConstraint(
                condition=Q(order__gte=1) & Q(order__lte=3),
                name="openingquestion_at_most_three",
            ),
        ]

    def __str__(self) -> str:
        return self.text
