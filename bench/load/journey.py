"""What each load-test respondent answers, shared by the locustfile and the check.

Respondent `i` answers statement `j` (counting from 0) with a rating that depends
only on `i` and `j`, so the check can tell a stored answer from a lost one.
"""

DRAFT_STATEMENTS = 5


def ratings(index: int, position: int) -> tuple[int, int]:
    """(then, now) for respondent `index`, statement `position`."""
    return 1 + (index + position) % 10, 1 + (index + 2 * position + 3) % 10


def comment(index: int) -> str:
    return f"Load test respondent {index}."


def form_data(index: int, keys: list[str], upto: int | None = None) -> dict[str, str]:
    """The questionnaire as posted: every statement, or the first `upto`."""
    data = {"comments": comment(index)}
    for position, key in enumerate(keys[:upto]):
        then, now = ratings(index, position)
        data[f"then-{key}"], data[f"now-{key}"] = str(then), str(now)
    return data
