"""Finding a review for the person asking: the one place views scope by user.

Someone else's review is a 404, whatever the method, so nothing is revealed by
trying ids.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from reviews.models import Review


def managed_review(request: HttpRequest, pk: int) -> Review:
    """A review this person runs: their area's as rep, any as Local Trust staff."""
    reviews = Review.objects.managed_by(request.user).with_context()
    return get_object_or_404(reviews, pk=pk)


def released_review(request: HttpRequest, pk: int) -> Review:
    """Released results this signed-in person may read."""
    reviews = Review.objects.visible_to(request.user).released().with_context()
    return get_object_or_404(reviews, pk=pk)
