"""The demo app: data generators and the commands that load them; no models."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo and benchmark data"
