"""What a response's content points to (images, pages, documents), fetched in bulk.

Rich text and StreamField store bare ids. Wagtail resolves them lazily, a few queries per
field and per item; a list of fifty stories would cost hundreds. Here a response first
*collects* every id its items mention, then *loads* them in a fixed number of queries,
then renders from memory. Loading also applies the API's rules: a link to a page resolves
to that page's real, live, public translation in the item's language, else to the page
itself when readers may see it, else the link is dropped (its text stays); images and
documents from private collections are left out.

One query reads every page the response needs: the pages linked to, their translations,
the items' parents (by path) and every version of the items themselves (for their
translations and coverage), each row flagged with whether readers may see it. Rows are
plain records, not Page instances: a list reads hundreds of them.
"""

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, Case, Q, Value, When
from django.http import HttpRequest
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    FIND_EMBED_TAG,
    EmbedRewriter,
    LinkRewriter,
    extract_attrs,
)

from twinning.absolute_urls import URLBuilder
from twinning.api.images import image_representation, load_images
from twinning.api.languages import locales as request_locales
from twinning.api.languages import source_locale
from twinning.api.site_state import scope, site_state
from twinning.public.visibility import visible_q


@dataclass(frozen=True)
class PageRecord:
    """What a response reads of a page it mentions."""

    pk: int
    title: str
    url_path: str
    path: str
    translation_key: object
    locale_id: int
    live: bool
    alias_of_id: int | None
    last_published_at: datetime | None
    #: Live, public, in the site, and a real page (not an alias).
    visible: bool


_RECORD_FIELDS = (
    "pk",
    "title",
    "url_path",
    "path",
    "translation_key",
    "locale_id",
    "live",
    "alias_of_id",
    "last_published_at",
)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class References:
    """The images, pages and documents of one response."""

    def __init__(
        self, request: HttpRequest, urls: URLBuilder, locales: dict[int, Locale] | None = None
    ):
        self.request = request
        self.urls = urls
        self.locales = locales if locales is not None else request_locales(request)
        self.image_ids: set[int] = set()
        self.page_ids: set[int] = set()
        self.page_paths: set[str] = set()
        self.translation_keys: set = set()
        self.document_ids: set[int] = set()
        self.images: dict[int, object] = {}
        self.documents: dict[int, object] = {}
        self._page_keys: dict[int, object] = {}
        self._pk_by_path: dict[str, int] = {}
        self._pages_by_key: dict[tuple[object, int], PageRecord] = {}
        self._any_by_key: dict[object, PageRecord] = {}
        self._versions: dict[object, list[PageRecord]] = {}
        self._source_locale_id: int | None = None
        self._image_data: dict[tuple[int | None, str | None], dict | None] = {}
        self._summaries: dict[tuple[int | None, int], dict | None] = {}
        self.loaded = False

    # Collecting -----------------------------------------------------------------------

    def add_images(self, ids: Iterable[int | None]) -> None:
        self.image_ids.update(pk for pk in ids if pk)

    def add_pages(self, ids: Iterable[int | None]) -> None:
        self.page_ids.update(pk for pk in ids if pk)

    def add_page_paths(self, paths: Iterable[str]) -> None:
        """Pages known by their tree path (an item's parent), resolved like page ids."""
        self.page_paths.update(path for path in paths if path)

    def add_translation_keys(self, keys: Iterable) -> None:
        """Translation keys whose every version (any locale, alias or draft) is wanted."""
        self.translation_keys.update(keys)

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
        """Fetch everything collected: at most three queries, whatever the response size."""
        if self.loaded:
            return
        self.loaded = True
        self.images = load_images(self.request, self.image_ids)
        if self.page_ids or self.page_paths or self.translation_keys:
            self._load_pages()
        if self.document_ids:
            private = site_state(self.request).private_collection_ids
            self.documents = {
                document.pk: document
                for document in get_document_model()
                .objects.filter(pk__in=self.document_ids)
                .exclude(collection_id__in=private)
            }

    def _load_pages(self) -> None:
        visible = Case(
            When(visible_q(scope(self.request)), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )

        def versions_of(keys):
            return (
                Page.objects.filter(translation_key__in=keys)
                .annotate(_visible=visible)
                .values_list(*_RECORD_FIELDS, "_visible")
                .order_by()
            )

        # Each part looks translation keys up in the index: a condition on several columns
        # (an OR), or one subquery for both parts, has PostgreSQL scan the page table.
        parts = []
        if self.translation_keys:
            parts.append(versions_of(self.translation_keys))
        linked = Q()
        if self.page_ids:
            linked |= Q(pk__in=self.page_ids)
        if self.page_paths:
            linked |= Q(path__in=self.page_paths)
        if linked:
            parts.append(versions_of(Page.objects.filter(linked).values("translation_key")))
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        records = {row[0]: PageRecord(*row) for row in rows}  # a page in both parts: once
        linked_keys = set()
        for page in sorted(records.values(), key=operator.attrgetter("path")):
            key = page.translation_key
            if page.pk in self.page_ids:
                self._page_keys[page.pk] = key
                linked_keys.add(key)
            if page.path in self.page_paths:
                self._pk_by_path[page.path] = page.pk
                self._page_keys[page.pk] = key
                linked_keys.add(key)
            self._versions.setdefault(key, []).append(page)
        for key in linked_keys:
            for page in self._versions[key]:
                if page.visible:
                    self._pages_by_key[(key, page.locale_id)] = page
                    self._any_by_key.setdefault(key, page)
        source = source_locale(self.request)
        self._source_locale_id = source.pk if source else None

    def versions(self, key) -> list[PageRecord]:
        """Every version of a wanted translation key, in tree order."""
        return self._versions.get(key, [])

    def visible_versions(self, key) -> list[PageRecord]:
        """The versions of a wanted translation key readers may see, by locale id."""
        visible = [page for page in self._versions.get(key, []) if page.visible]
        return sorted(visible, key=operator.attrgetter("locale_id"))

    def pk_for_path(self, path: str | None) -> int | None:
        return self._pk_by_path.get(path)

    # Resolving ------------------------------------------------------------------------

    def page(self, pk: int | None, locale_id: int) -> PageRecord | None:
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
        """The page as items show it; the same dict for every mention in a response."""
        cache_key = (pk, locale_id)
        if cache_key not in self._summaries:
            page = self.page(pk, locale_id)
            locale = self.locales.get(page.locale_id) if page is not None else None
            self._summaries[cache_key] = (
                None
                if page is None
                else {
                    "id": page.pk,
                    "title": page.title,
                    "locale": locale.language_code if locale else None,
                    "html_url": self.urls.page_url(page),
                    "detail_url": self.urls.api_detail_url(Page, page.pk),
                }
            )
        return self._summaries[cache_key]

    def image(self, pk: int | None, alt: str | None = None) -> dict | None:
        """The image as items show it; the same dict for every mention in a response."""
        cache_key = (pk, alt)
        if cache_key not in self._image_data:
            self._image_data[cache_key] = image_representation(
                self.images.get(pk), self.urls, alt=alt
            )
        return self._image_data[cache_key]

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
