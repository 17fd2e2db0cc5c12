"""Compressed pages: HTML, CSV and JSON go out gzipped when the browser accepts it.

Django's GZipMiddleware does the work, including its BREACH mitigation (random
bytes in the gzip filename field, so a secret's compressed length does not leak
through a page that reflects input). Only text is compressed: a page is about a
tenth of its size gzipped, while a spreadsheet or image is already compressed and
would only cost CPU. Static files never get here: WhiteNoise, above this in the
chain, serves its own pre-compressed copies.
"""

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = ("text/html", "text/csv", "text/plain", "application/json")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
