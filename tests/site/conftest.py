"""The reference site's tests build under Aix's own home page (``home.HomePage``)."""

import pytest

from home.models import HomePage


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale__language_code="fr")
