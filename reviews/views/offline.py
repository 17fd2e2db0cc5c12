"""The questionnaire's service worker: what lets a reload in a hall with no
signal still show the questionnaire (issue 23).

Served from `/respond/` rather than `/static/`, as a worker controls only the
pages under the folder its script comes from; rendered, so that it names the
hashed static files the questionnaire loads.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

# Bumped when the worker's own logic changes: the old caches are then dropped.
CACHE_VERSION = "2"


@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    context = {"cache_name": f"lto-questionnaire-{CACHE_VERSION}"}
    return render(
        request,
        "reviews/respond/service_worker.js",
        context,
        content_type="text/javascript; charset=utf-8",
    )
