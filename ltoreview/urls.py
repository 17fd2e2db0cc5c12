from django.contrib import admin
from django.contrib.auth.views import LoginView, PasswordResetView
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from accounts.forms import LoginForm, QueuedPasswordResetForm
from accounts.views import admin_login
from ltoreview import health


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Pages name their icon; this answers browsers and tools that ask anyway."""
    # Resolved per request: the hashed name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("favicon.ico", favicon, name="favicon"),
    # One sign-in page for everyone, the admin too, so every account meets the
    # same username check and second factor.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("reviews.urls")),
    path("", include("programme.urls")),
]

handler404 = "reviews.responding.languages.page_not_found"
