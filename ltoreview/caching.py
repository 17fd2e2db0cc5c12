"""Nothing the app itself answers is kept by a browser or a shared cache.

Pages carry answers, results, names or audit rows, and a shared computer's
browser cache would otherwise show them after logout. Rather than remember to
mark each private view, every response from a view gets `no-store, private`
(added to whatever the view set). The few public pages lose little by it. Static
files never get here: WhiteNoise answers them earlier in the chain, with its own
long-lived headers.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response
