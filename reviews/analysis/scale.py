"""The rating scale a framework version asks on, such as Big Local's 1 to 10,
and the one common footing for comparing reviews asked on different scales.

The scale belongs to the framework version, not to the analysis: callers build a
`Scale` from the version's `scale_min` and `scale_max` and pass it to `analyse`
and to the charts. Everything that depends on the scale's size (r_wg's uniform
null, the histogram slots, chart axes) reads it from here.

One scale at a time: numbers from versions on different scales never share an
axis or a summary. Pages that compare reviews put every value on one footing,
its share of its own scale (0% = the lowest option, 100% = the highest). A
reader can check any figure by hand from its rating and scale, the footing keeps
a scale's ends at the same place whatever its size, and it needs no choice of
a "reference" scale, so it reads the same when a programme's frameworks change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """Integer ratings from `min` to `max` inclusive."""

    min: int = 1
    max: int = 10

    def __post_init__(self) -> None:
        # The same rule as the framework version's database constraint.
        if self.max <= self.min:
            raise ValueError(f"a scale needs max above min, not {self.min}–{self.max}")

    @classmethod
    def from_range(cls, ratings: range) -> Scale:
        """The scale of `FrameworkVersion.scale`, a range over the ratings."""
        if ratings.step != 1 or len(ratings) < 2:
            raise ValueError(f"not a rating scale: {ratings!r}")
        return cls(ratings[0], ratings[-1])

    @property
    def options(self) -> int:
        """A, the number of ratings someone can choose."""
        return self.max - self.min + 1

    @property
    def null_variance(self) -> float:
        """σ²_EU = (A² − 1) / 12, the variance of ratings chosen uniformly at random."""
        return (self.options * self.options - 1) / 12

    @property
    def ratings(self) -> range:
        return range(self.min, self.max + 1)

    @property
    def ticks(self) -> range:
        """Where an axis over this scale is marked: every rating on a short
        scale, every tenth of a long one (0 to 100 in tens)."""
        step = max(1, -(-(self.max - self.min) // 10))
        return range(self.min, self.max + 1, step)

    @property
    def label(self) -> str:
        """The scale as tables name it: "1–10"."""
        return f"{self.min}\u2013{self.max}"

    @property
    def words(self) -> str:
        """The scale as instructions name it: "from 1 (least) to 10 (most)"."""
        return f"from {self.min} (least) to {self.max} (most)"


BIG_LOCAL_SCALE = Scale(1, 10)

# The common footing: a share of the scale, in percent.
SHARE_OF_SCALE = Scale(0, 100)

# Said next to every chart and table that compares reviews, and in "How we read
# the answers".
FOOTING_WORDS = (
    "Averages are shown as a share of their own rating scale, so reviews asked on "
    "different scales can be compared: 0% is the scale's lowest option and 100% "
    "its highest (on a scale from 1 to 10, an average of 6.1 is 56.7%). Each "
    "table names the scale each figure was asked on."
)


def share_of_scale(value: float, scale: Scale) -> float:
    """`value` (a rating or a mean of ratings on `scale`) as a percentage of the
    way from the scale's lowest option to its highest: on 1–10, 1 is 0%, 10 is
    100% and 5.5 is 50%; on 0–5, 2.5 is 50%."""
    return (value - scale.min) * 100 / (scale.max - scale.min)


# "between 1 and 10", "from 1 to 10", "1-10", "1–10": a range named in words.
_NAMED_RANGE = re.compile(
    r"\b(\d+)\s*(?:\((?:least|lowest)\)\s*)?(?:and|to|-|\u2013)\s*(\d+)\b"
)


def ranges_named(text: str) -> list[tuple[int, int]]:
    """The number ranges a piece of text names, such as an instruction's
    "between 1 and 10", so one naming another scale can be caught."""
    return [(int(a), int(b)) for a, b in _NAMED_RANGE.findall(text)]


def names_another_scale(text: str, scale: Scale) -> bool:
    """Whether `text` names a rating range other than `scale`'s own."""
    return any((a, b) != (scale.min, scale.max) for a, b in ranges_named(text))
