"""The site's media files: documents only through Wagtail's checked view, never as files.

In development (DEBUG) the site serves image renditions under /media/images/ as a web
server does in production, and nothing else of /media/: a document of a private
collection is refused to anonymous readers at its only address, /documents/<id>/<name>.
"""

import importlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls():
    """The site's URLconf as ``runserver`` with DEBUG loads it; put back afterwards."""
    import cms.urls

    with override_settings(DEBUG=True):
        importlib.reload(cms.urls)
        clear_url_caches()
        yield
    importlib.reload(cms.urls)
    clear_url_caches()


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Confidentiel")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Budget confidentiel",
        collection=collection,
        file=ContentFile(b"secret figures", name="budget.pdf"),
    )


def test_documents_are_served_through_wagtails_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_private_document_is_refused_to_anonymous_readers(client, private_document):
    response = client.get(private_document.url)
    assert private_document.url.startswith(f"/documents/{private_document.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_development_server_serves_images_but_no_document(client, debug_urls, private_document):
    image = factories.ImageFactory()
    rendition = image.get_rendition("width-100")
    assert rendition.url.startswith("/media/images/")
    assert client.get(rendition.url).status_code == 200
    assert client.get(private_document.file.url).status_code == 404
    assert private_document.file.url.startswith("/media/documents/")
    # The original, as the API's download_url gives it for a public image.
    assert client.get(image.file.url).status_code == 200
    assert image.file.url.startswith("/media/original_images/")
