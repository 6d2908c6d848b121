"""What a response's content points to (images, pages, documents), fetched in bulk.

Rich text and StreamField store bare ids. Wagtail resolves them lazily, a few queries per
field and per item; a list of fifty stories would cost hundreds. Here a response first
*collects* every id its items mention, then *loads* them in a fixed number of queries,
then renders from memory. Loading also applies the API's rules: a link to a page resolves
to that page's real, live, public translation in the item's language, else to the page
itself when readers may see it, else the link is dropped (its text stays); images and
documents from private collections are left out.
"""

from collections.abc import Iterable

from django.http import HttpRequest
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    FIND_EMBED_TAG,
    EmbedRewriter,
    LinkRewriter,
    extract_attrs,
)

from .absolute import URLBuilder
from .images import image_representation, load_images
from .languages import source_locale
from .visibility import private_collection_ids, visible_pages


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class References:
    """The images, pages and documents of one response."""

    def __init__(self, request: HttpRequest, urls: URLBuilder):
        self.request = request
        self.urls = urls
        self.image_ids: set[int] = set()
        self.page_ids: set[int] = set()
        self.document_ids: set[int] = set()
        self.images: dict[int, object] = {}
        self.documents: dict[int, object] = {}
        self._page_keys: dict[int, object] = {}
        self._pages_by_key: dict[tuple[object, int], Page] = {}
        self._any_by_key: dict[object, Page] = {}
        self._source_locale_id: int | None = None
        self.loaded = False

    # Collecting -----------------------------------------------------------------------

    def add_images(self, ids: Iterable[int | None]) -> None:
        self.image_ids.update(pk for pk in ids if pk)

    def add_pages(self, ids: Iterable[int | None]) -> None:
        self.page_ids.update(pk for pk in ids if pk)

    def add_rich_text(self, html: str | None) -> None:
        if not html:
            return
        for attrs in map(extract_attrs, FIND_A_TAG.findall(html)):
            if attrs.get("linktype") == "page":
                self.add_pages([_int(attrs.get("id"))])
            elif attrs.get("linktype") == "document" and _int(attrs.get("id")):
                self.document_ids.add(_int(attrs.get("id")))
        for attrs in map(extract_attrs, FIND_EMBED_TAG.findall(html)):
            if attrs.get("embedtype") == "image":
                self.add_images([_int(attrs.get("id"))])

    # Loading --------------------------------------------------------------------------

    def load(self) -> None:
        """Fetch everything collected: at most five queries, whatever the response size."""
        if self.loaded:
            return
        self.loaded = True
        self.images = load_images(self.request, self.image_ids)
        if self.page_ids:
            self._load_pages()
        if self.document_ids:
            private = private_collection_ids(self.request)
            self.documents = {
                document.pk: document
                for document in get_document_model()
                .objects.filter(pk__in=self.document_ids)
                .exclude(collection_id__in=private)
            }

    def _load_pages(self) -> None:
        self._page_keys = dict(
            Page.objects.filter(pk__in=self.page_ids).values_list("pk", "translation_key")
        )
        candidates = (
            visible_pages(self.request)
            .filter(translation_key__in=set(self._page_keys.values()))
            .select_related("locale")
            .only("id", "title", "url_path", "translation_key", "locale", "content_type")
        )
        for page in candidates:
            self._pages_by_key[(page.translation_key, page.locale_id)] = page
            self._any_by_key.setdefault(page.translation_key, page)
        source = source_locale(self.request)
        self._source_locale_id = source.pk if source else None

    # Resolving ------------------------------------------------------------------------

    def page(self, pk: int | None, locale_id: int) -> Page | None:
        """The page ``pk`` as a reader of ``locale_id`` should reach it, or None."""
        key = self._page_keys.get(pk)
        if key is None:
            return None
        return (
            self._pages_by_key.get((key, locale_id))
            or self._pages_by_key.get((key, self._source_locale_id))
            or self._any_by_key.get(key)
        )

    def page_summary(self, pk: int | None, locale_id: int) -> dict | None:
        page = self.page(pk, locale_id)
        if page is None:
            return None
        return {
            "id": page.pk,
            "title": page.title,
            "locale": page.locale.language_code,
            "html_url": self.urls.page_url(page),
            "detail_url": self.urls.api_detail_url(Page, page.pk),
        }

    def image(self, pk: int | None, alt: str | None = None) -> dict | None:
        return image_representation(self.images.get(pk), self.urls, alt=alt)

    def document(self, pk: int | None) -> dict | None:
        document = self.documents.get(pk)
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "url": self.urls.absolute(document.url),
        }

    def rich_text(self, html: str | None, locale_id: int) -> str:
        """Database rich text as HTML: links resolved and absolute, private targets dropped."""
        if not html:
            return ""

        def page_links(attrs_list):
            pages = (self.page(_int(attrs.get("id")), locale_id) for attrs in attrs_list)
            return [self._anchor(self.urls.page_url(page) if page else None) for page in pages]

        def document_links(attrs_list):
            docs = (self.document(_int(attrs.get("id"))) for attrs in attrs_list)
            return [self._anchor(doc["url"] if doc else None) for doc in docs]

        def image_embeds(attrs_list):
            tags = []
            for attrs in attrs_list:
                image = self.image(_int(attrs.get("id")), alt=attrs.get("alt", ""))
                tags.append(
                    ""
                    if image is None
                    else '<img src="{}" width="{}" height="{}" alt="{}">'.format(
                        escape(image["large"]["url"]),
                        image["large"]["width"],
                        image["large"]["height"],
                        escape(image["alt"]),
                    )
                )
            return tags

        html = LinkRewriter(bulk_rules={"page": page_links, "document": document_links})(html)
        html = EmbedRewriter(bulk_rules={"image": image_embeds})(html)
        return self.urls.absolutize_html(html)

    @staticmethod
    def _anchor(url: str | None) -> str:
        return f'<a href="{escape(url)}">' if url else "<a>"
