"""Aix's home page translates through wagtail-localize: its introduction is offered to
translators, its featured cities are synchronised facts."""

from tests.twinning.localize.test_translation_workflow import source_strings
from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    editor_props,
    in_locale,
    publish,
    submit,
    sync,
)


def test_home_page_offers_its_introduction(home):
    home.intro = "<p>Bienvenue.</p>"
    home.save()
    assert source_strings(home) >= {("title", home.title), ("intro", "Bienvenue.")}


def test_translation_editor_opens_for_the_home_page(client, home):
    home.intro = "<p>Bienvenue.</p>"
    home.save_revision().publish()
    submit(home, "ar")
    admin_user(client)

    response = client.get(edit_url(in_locale(home, "ar")))

    assert response.status_code == 200
    offered = {s["source"] for s in editor_props(response)["segments"] if s["type"] == "string"}
    assert offered == {text for _field, text in source_strings(home)}
    assert "Bienvenue." in offered


def test_home_featured_cities_stay_identical_after_sync(
    home, tubingen, perugia, django_capture_on_commit_callbacks
):
    submit(home, "de")
    publish(home, "de", django_capture_on_commit_callbacks)
    home.featured_cities.set([tubingen, perugia])
    home.save()

    sync(home, "de", django_capture_on_commit_callbacks)

    assert set(in_locale(home, "de").featured_cities.all()) == {tubingen, perugia}
