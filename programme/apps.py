"""The programme app: browsing areas, partnerships and organisations, and the
programme overview. It reads what `reviews` stores and owns no models."""

from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = "Programme"
