"""The reviews app's admin, by what it holds: the framework's words, and the
records reviews keep. Django's autodiscovery imports this package."""

from reviews.admin import frameworks, records

__all__ = ["frameworks", "records"]
