"""One pass over the responses, counting everything the analysis reads.

Per perspective: a histogram of the answers to each statement in each column,
the change from "at first" to "now" of those who rated both, and for every
response how many "now" ratings it gives and their range (for flat answers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviews.analysis.agreement import histogram_width, slots
from reviews.analysis.records import Cell, ResponseData
from reviews.analysis.scale import Scale
from reviews.analysis.words import NOW, PERSPECTIVES, THEN


@dataclass
class Tally:
    """Counts per perspective, indexed by statement then column as asked."""

    # perspective -> statement -> column -> histogram (see agreement.slots).
    counts: dict[str, list[list[list[int]]]]
    # perspective -> statement -> [n, sum of now - then, rose, fell] over those
    # who rated both.
    diffs: dict[str, list[list[int]]]
    respondents: dict[str, int]
    # (response id, "now" ratings given, their range) for every response.
    now_spreads: list[tuple[int, int, int]]


def tally(
    responses: Iterable[ResponseData],
    keys: Sequence[str],
    columns: Sequence[str],
    scale: Scale,
) -> Tally:
    result = Tally({}, {}, {}, [])
    at = slots(scale)
    now_asked = NOW in columns
    # A change needs both columns asked.
    change_asked = now_asked and THEN in columns
    for response in responses:
        p = response.perspective
        if p not in result.counts:
            _start_perspective(result, p, len(keys), len(columns), scale)
        result.respondents[p] += 1
        counts, diffs = result.counts[p], result.diffs[p]
        nows = []
        for si, key in enumerate(keys):
            answer = response.answers.get(key)
            if not answer:
                continue
            for ci, column in enumerate(columns):
                cell = answer.get(column)
                if cell is not None:
                    counts[si][ci][_slot(at, cell)] += 1
            now = _rating(answer, NOW) if now_asked else None
            if now is None:
                continue
            nows.append(now)
            then = _rating(answer, THEN) if change_asked else None
            if then is not None:
                change = diffs[si]
                change[0] += 1
                change[1] += now - then
                change[2] += now > then
                change[3] += now < then
        spread = max(nows) - min(nows) if nows else 0
        result.now_spreads.append((response.id, len(nows), spread))
    return result


def _slot(at: Mapping[object, int], cell: Cell) -> int:
    """Where `cell` is counted in a histogram; an error for anything else."""
    # type() keeps True and 7.0 out: they would hash like 1 and 7.
    slot = at.get(cell) if type(cell) in (int, str) else None
    if slot is None:
        raise ValueError(f"not an answer: {cell!r}")
    return slot


def _rating(answer: Mapping[str, Cell], column: str) -> int | None:
    cell = answer.get(column)
    return cell if type(cell) is int else None


def _start_perspective(
    result: Tally, p: str, statements: int, columns: int, scale: Scale
) -> None:
    if p not in PERSPECTIVES:
        raise ValueError(f"unknown perspective: {p!r}")
    width = histogram_width(scale)
    result.counts[p] = [
        [[0] * width for _ in range(columns)] for _ in range(statements)
    ]
    result.diffs[p] = [[0, 0, 0, 0] for _ in range(statements)]
    result.respondents[p] = 0
