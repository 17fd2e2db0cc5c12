"""Template filters for the navigation: which links a person's roles open."""

from django import template

from partnerships import access

register = template.Library()


@register.filter
def is_programme_staff(user: access.AnyUser) -> bool:
    # Cached on the user object, so pages that already checked pay nothing more.
    return access.is_programme_staff(user)
