"""The site's URLs plus one that fails, to see what a person is shown on an error."""

from django.urls import path

from ltoreview.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret-detail from inside the server")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
