"""The accessibility helper really fails a page that breaks WCAG."""

import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_axe_helper_fails_a_page_with_an_unlabelled_input(phone_page):
    phone_page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main>'
        '<input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(phone_page)
