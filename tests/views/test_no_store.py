"""No private page is cached: every URL a role may open answers `no-store, private`.

Walks the URL x role table of test_url_role_matrix, so a new page is checked as
soon as it has a row there.
"""

import pytest

from tests.views.test_url_role_matrix import (  # noqa: F401 - the fixture
    EXPECTED,
    ROLES,
    client_for,
    url_for,
    url_patterns,
    world,
)

pytestmark = pytest.mark.django_db


def cache_directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.slow
def test_every_page_any_role_can_open_is_no_store_and_private(world):  # noqa: F811
    cached = []
    for name, _ in url_patterns():
        if name not in EXPECTED:
            continue
        url = url_for(name, world)
        for role, expected in zip(ROLES, EXPECTED[name], strict=True):
            if expected != 200:
                continue
            response = client_for(role, world).get(url)
            if not {"no-store", "private"} <= cache_directives(response):
                cached.append(f"{name} as {role}: {response.get('Cache-Control')}")
    assert not cached, "\n".join(cached)


def test_redirects_and_404s_are_not_cached_either(client):
    assert "no-store" in cache_directives(client.get("/my/"))
    assert "no-store" in cache_directives(client.get("/reviews/987654/"))
