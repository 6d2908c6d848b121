"""Partner accounts as an editor makes them: Tübingen's page published, an account with a
token and a webhook secret (the plaintexts are returned once, as the admin shows them)."""

import importlib.util
from dataclasses import dataclass

import pytest

from twinning.partners import tokens
from twinning.partners.models import PartnerAccess

# The receiver that resets the task backends when a test overrides TASKS is connected by
# importing its module: the django_tasks app does it in ready(), but the minimal test project
# does not install that app. django-tasks 0.7 (Wagtail 7.0) keeps it in signal_handlers.
importlib.import_module(
    "django_tasks.signal_handlers"
    if importlib.util.find_spec("django_tasks.signal_handlers")
    else "django_tasks.signals"
)


@dataclass
class Partner:
    access: PartnerAccess
    token: str
    secret: str

    @property
    def auth(self) -> dict:
        """Client kwargs that send the token: ``client.get(url, **partner.auth)``."""
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"}


def make_partner(city, *, languages=("de", "en"), events=(), webhook_url="", **fields) -> Partner:
    secret = tokens.new_webhook_secret() if webhook_url else ""
    access = PartnerAccess.objects.create(
        partner=city,
        contact_name=fields.pop("contact_name", "Anna Keller"),
        contact_email=fields.pop("contact_email", "partnerschaft@tuebingen.example"),
        languages=list(languages),
        events=list(events),
        webhook_url=webhook_url,
        webhook_secret=secret,
        **fields,
    )
    return Partner(access, tokens.issue(access), secret)


@pytest.fixture
def tubingen_partner(tubingen) -> Partner:
    """Tübingen's account, German and English, no webhook."""
    return make_partner(tubingen)
