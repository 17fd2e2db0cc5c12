from django.contrib import admin
from django.urls import include, path

from ltoreview import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("reviews.urls")),
    path("", include("programme.urls")),
]
