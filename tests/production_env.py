"""What a production environment must set besides SECRET_KEY, for the tests that
start the real settings with DEBUG off in a subprocess."""

PRODUCTION_CONTACTS = {
    "ORGANISATION_NAME": "Example Trust",
    "PRIVACY_CONTACT_EMAIL": "privacy@example.org",
}

# Production refuses to start unless a mail backend was chosen explicitly.
SMTP = "django.core.mail.backends.smtp.EmailBackend"
PRODUCTION_ENV = {**PRODUCTION_CONTACTS, "EMAIL_BACKEND": SMTP}
