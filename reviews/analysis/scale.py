"""The rating scale a framework version asks on, such as Big Local's 1 to 10.

The scale belongs to the framework version, not to the analysis: callers build a
`Scale` from the version's `scale_min` and `scale_max` and pass it to `analyse`
and to the charts. Everything that depends on the scale's size (r_wg's uniform
null, the histogram slots, chart axes) reads it from here.
"""

from __future__ import annotations

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


BIG_LOCAL_SCALE = Scale(1, 10)
