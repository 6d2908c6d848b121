"""Machine translation: LibreTranslate over real HTTP, in the translation editor."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.test import override_settings
from django.urls import reverse

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

import pytest

from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    editor_props,
    in_locale,
    locale,
    publish,
    submit,
    translation_of,
)

GLOSSARY = {
    "Tübingen": "Tübingen",
    "tubingen": "tuebingen",
    "Signature du jumelage": "Unterzeichnung der Partnerschaft",
    "Prix de l'Europe": "Europapreis",
}


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """Answers POST /translate as LibreTranslate does, from a small glossary."""

    requests: list[dict] = []
    status = 200

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, **body})
        if self.path != "/translate" or type(self).status != 200:
            self.send_response(type(self).status if self.path == "/translate" else 404)
            self.end_headers()
            self.wfile.write(b'{"error": "unavailable"}')
            return
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        translated = [GLOSSARY.get(text, f"[{body['target']}] {text}") for text in texts]
        payload = json.dumps({"translatedText": translated}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    FakeLibreTranslate.requests = []
    FakeLibreTranslate.status = 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    config = {
        "CLASS": "twinning.localize.machine_translators.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": f"http://127.0.0.1:{server.server_port}",
            "API_KEY": "secret-key",
            "TIMEOUT": 10,
        },
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
        yield FakeLibreTranslate
    server.shutdown()
    server.server_close()


def machine_translate(client, page):
    translation = translation_of(page, "de")
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url(in_locale(page, "de"))},
    )


def test_editor_offers_libretranslate(client, tubingen, libretranslate):
    submit(tubingen, "de")
    admin_user(client)

    props = editor_props(client.get(edit_url(in_locale(tubingen, "de"))))

    assert props["machineTranslator"]["name"] == "LibreTranslate"


def test_libretranslate_fills_the_translation_editor_over_http(
    client, client_fr, tubingen, libretranslate, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    admin_user(client)

    response = machine_translate(client, tubingen)

    assert response.status_code == 302
    (sent,) = libretranslate.requests
    assert sent["path"] == "/translate"
    assert (sent["source"], sent["target"], sent["api_key"], sent["format"]) == (
        "fr",
        "de",
        "secret-key",
        "html",
    )
    assert "Signature du jumelage" in sent["q"]
    machine = StringTranslation.objects.filter(
        translation_type="machine", tool_name="LibreTranslate"
    )
    assert set(machine.values_list("data", flat=True)) >= {
        "Unterzeichnung der Partnerschaft",
        "Europapreis",
        "[de] Tübingen, ville partenaire d'Aix-en-Provence.",
    }
    # Still a draft until someone publishes it.
    assert not in_locale(tubingen, "de").live
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    page = client_fr.get(in_locale(tubingen, "de").url).content.decode()
    assert "Unterzeichnung der Partnerschaft" in page


def test_machine_translation_leaves_translations_made_by_people(client, tubingen, libretranslate):
    submit(tubingen, "de")
    admin_user(client)
    machine_translate(client, tubingen)
    human = StringTranslation.objects.get(data="Europapreis")
    human.data, human.translation_type = "Preis des Europarats", "manual"
    human.save()

    machine_translate(client, tubingen)

    human.refresh_from_db()
    assert human.data == "Preis des Europarats"
    assert len(libretranslate.requests) == 1  # nothing left to send the second time


def test_unavailable_service_leaves_strings_untranslated_without_an_error_page(
    client, tubingen, libretranslate
):
    submit(tubingen, "de")
    admin_user(client)
    libretranslate.status = 503

    response = machine_translate(client, tubingen)

    assert response.status_code == 302
    assert len(libretranslate.requests) == 1
    assert not StringTranslation.objects.exists()


def test_translator_class_translates_real_string_values(tubingen, libretranslate):
    translator = get_machine_translator()
    strings = [StringValue("Signature du jumelage"), StringValue("Une <b>belle</b> amitié")]

    result = translator.translate(locale("fr"), locale("de"), strings)

    assert result == {
        strings[0]: StringValue("Unterzeichnung der Partnerschaft"),
        strings[1]: StringValue("[de] Une <b>belle</b> amitié"),
    }
    assert translator.can_translate(locale("fr"), locale("de"))
    assert not translator.can_translate(locale("fr"), locale("fr"))
