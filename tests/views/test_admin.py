"""Every model can be managed in the Django admin, and its list pages load."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def project_models():
    for label in ("partnerships", "reviews"):
        yield from apps.get_app_config(label).get_models()


@pytest.mark.parametrize("model", list(project_models()), ids=lambda m: m.__name__)
def test_every_model_is_registered_and_its_list_page_loads(admin_client, model):
    assert admin.site.is_registered(model)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert admin_client.get(url).status_code == 200


def test_system_checks_find_no_problems():
    from django.core.management import call_command

    # Raises SystemCheckError on any error, such as a misconfigured admin inline.
    call_command("check", fail_level="ERROR")
