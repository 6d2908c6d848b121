"""POST data for the page editor of calls and events, as an editor's browser sends it.

Each builder returns a complete, valid submission; a test changes the value it is
about, so an error on the page can only come from that value.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

_PAGE_FIELDS = {
    "seo_title": "",
    "search_description": "",
    "go_live_at": "",
    "expire_at": "",
    "is_demo_content": "",
    "comments": inline_formset([]),
}


def admin_editor(client: Client) -> Client:
    """A superuser logged into the admin in English, so errors read as the source text."""
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def publish(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "action-publish": "action-publish"}


def call_form_data(**fields: Any) -> dict[str, Any]:
    """The 2026 international call for projects, open January to March."""
    return nested_form_data(
        {
            "title": "Appel à projets international 2026",
            "slug": "appel-2026",
            "summary": "Pour aider les associations aixoises à monter un projet avec une ville partenaire.",
            "eligibility": rich_text("<p>Les associations dont le siège est à Aix.</p>"),
            "body": streamfield([]),
            "documents": streamfield([]),
            "opens_at": "2026-01-05 09:00",
            "closes_at": "2026-03-31 23:59",
            "grant_min": "500",
            "grant_max": "5000",
            "currency": "EUR",
            "budget_note": "",
            "apply_url": "https://example.org/candidater",
            "apply_email": "",
            **_PAGE_FIELDS,
            **fields,
        }
    )


def event_form_data(**fields: Any) -> dict[str, Any]:
    """Europe day 2026 on the Cours Mirabeau."""
    return nested_form_data(
        {
            "title": "Fête de l'Europe 2026",
            "slug": "fete-europe-2026",
            "summary": "Les villes partenaires européennes sur le Cours Mirabeau.",
            "hero_image": "",
            "body": streamfield([]),
            "start": "2026-05-09 10:00",
            "end": "2026-05-09 18:00",
            "place_name": "Cours Mirabeau",
            "place_address": "",
            "latitude": "43.52630",
            "longitude": "5.44540",
            "online_url": "",
            "registration_url": "",
            "organiser": "",
            **_PAGE_FIELDS,
            **fields,
        }
    )
