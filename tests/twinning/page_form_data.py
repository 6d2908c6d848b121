"""POST data for Wagtail's page editor, as an editor's browser sends it.

Each builder returns a complete, valid submission; a test changes the one value it is
about, so an error on the page can only come from that value.
"""

from typing import Any

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

# Formsets that every page editor posts, empty unless a test fills them.
_PAGE_FORMSETS = {"comments": inline_formset([])}


def log_in_editor(client: Client, user) -> Client:
    """Log ``user`` into the admin, in English so messages read as the source text."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    # Messages are read after the request too, in the language the request activated.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(user)
    return client


def add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "action-publish": "action-publish"}


def milestone(**fields: Any) -> dict[str, Any]:
    return {
        "date": "1960-10-20",
        "kind": "signing",
        "title": "Signature du jumelage",
        "description": "",
        "image": "",
        "link_url": "",
        "link_page": "",
        "id": "",
        **fields,
    }


def city_form_data(*, milestones: list[dict] | None = None, **fields: Any) -> dict[str, Any]:
    """A partner city as an editor fills it in: Tübingen, with its signing."""
    data = {
        "title": "Tübingen",
        "slug": "tubingen",
        "intro": "Ville universitaire du Bade-Wurtemberg.",
        "hero_image": "",
        "body": streamfield([("paragraph", rich_text("<p>Jumelée depuis 1960.</p>"))]),
        "milestones": inline_formset(milestones if milestones is not None else [milestone()]),
        "country": "DE",
        "region": "Bade-Wurtemberg",
        "latitude": "48.52160",
        "longitude": "9.05760",
        "population": "91000",
        "wikidata_id": "Q3806",
        "website": "https://www.tuebingen.de/",
        "kind": "twinning",
        "status": "active",
        "signed": "1960-10-20",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **_PAGE_FORMSETS,
    }
    data.update(fields)
    return nested_form_data(data)


def story_form_data(*, partner_cities: list = (), **fields: Any) -> dict[str, Any]:
    """An exchange story: students from Aix in a partner city."""
    data = {
        "title": "Étudiants aixois à Tübingen",
        "slug": "etudiants-aixois-tubingen",
        "summary": "Un semestre d'échange universitaire.",
        "hero_image": "",
        "body": streamfield([]),
        "date": "2016-05-09",
        "audience": "students",
        "participants": "12",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **_PAGE_FORMSETS,
    }
    data.update(fields)
    data = nested_form_data(data)
    # Several checked boxes share one name: the test client posts a list as repeated keys.
    data["partner_cities"] = [str(city.pk) for city in partner_cities]
    return data


def index_form_data(**fields: Any) -> dict[str, Any]:
    """A partner cities index, exchange stories index (intro in rich text)."""
    data = {
        "title": "Index",
        "slug": "index",
        "intro": rich_text("<p>Introduction.</p>"),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **_PAGE_FORMSETS,
    }
    data.update(fields)
    return nested_form_data(data)


def content_page_form_data(**fields: Any) -> dict[str, Any]:
    """A plain page such as the international strategy."""
    data = {
        "title": "Stratégie internationale 2016-2020",
        "slug": "strategie-internationale",
        "intro": "Les axes de l'action internationale.",
        "body": streamfield([("heading", {"text": "Mobilité", "level": "h2"})]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **_PAGE_FORMSETS,
    }
    data.update(fields)
    return nested_form_data(data)
