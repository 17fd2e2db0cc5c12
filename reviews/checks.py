"""Our own deployment checks, reported by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

# Backends that take a message and deliver it to no one.
NOWHERE = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(deploy=True)
def check_email_backend(app_configs, **kwargs) -> list[CheckMessage]:
    """With DEBUG off, an email backend that delivers nothing is an error:
    invitations, reminders and password resets would never arrive."""
    if settings.DEBUG or settings.EMAIL_BACKEND not in NOWHERE:
        return []
    return [
        Error(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which delivers no email.",
            hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend "
            "and the EMAIL_HOST settings.",
            id="reviews.E001",
        )
    ]
