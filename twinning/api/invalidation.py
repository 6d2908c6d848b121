"""Keep caches truthful: retire cached API responses and purge CDN copies on change.

Connected by ``connect()`` (idempotent). What changes an API response: a page published,
unpublished, moved or deleted (a translation being published is a page published), a
theme, image or document saved or deleted, a view restriction added or removed (privacy
must never wait for a cache to expire), a site or locale changed.

The server-side cache is retired at once and again after the transaction commits: a
request racing the change cannot store pre-change data under the new generation. CDNs
are purged after the commit.

When ``WAGTAILFRONTENDCACHE`` is configured, the public list URLs (and the detail URLs
of the page and its translations) are purged too; Wagtail's own API hook purges detail
URLs only, and under another URL namespace.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from twinning.absolute_urls import site_base_urls
from twinning.api.caching import bump_generation
from twinning.models import Actor, CooperationTheme, PartnerCityPage

#: URL namespaces of the routers whose URLs are purged (see ``connect``).
_namespaces: set[str] = set()


def retire_cached_responses() -> None:
    bump_generation()
    transaction.on_commit(bump_generation)


def _reverse(name: str, *args) -> list[str]:
    urls = []
    for namespace in sorted(_namespaces):
        try:
            urls.append(reverse(f"{namespace}:{name}", args=args))
        except NoReverseMatch:
            continue
    return urls


def list_paths() -> list[str]:
    """The list URLs partners are documented to use, in every language."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    paths = []
    for suffix in ["", *(f"?locale={code}" for code in languages)]:
        for pages in _reverse("pages:listing"):
            paths.append(pages + suffix)
            for model in ("twinning.PartnerCityPage", "twinning.ExchangeStoryPage"):
                typed = f"?type={model}" + (suffix.replace("?", "&") if suffix else "")
                paths.append(pages + typed)
                if suffix:
                    paths.append(pages + typed + "&fallback=true")
        for name in ("partners-geojson", "stories-feed"):
            paths += [url + suffix for url in _reverse(name)]
    return paths


def detail_paths(page: Page) -> list[str]:
    versions = list(
        Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    )
    paths = [path for pk in versions for path in _reverse("pages:detail", pk)]
    if isinstance(page.specific_deferred, PartnerCityPage):
        paths += [path for pk in versions for path in _reverse("partner-calendar", pk)]
    return paths


def purge_frontend_caches(page: Page | None = None) -> None:
    """Purge after the commit: a CDN refilled before it would keep the old content."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    paths = list_paths() + (detail_paths(page) if page is not None else [])
    urls = [base + path for base in site_base_urls(api=True) for path in paths]
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def page_changed(sender, instance, **kwargs) -> None:
    retire_cached_responses()
    purge_frontend_caches(instance)


def content_changed(sender, instance=None, **kwargs) -> None:
    retire_cached_responses()
    purge_frontend_caches()


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        retire_cached_responses()
        purge_frontend_caches()


def connect(namespace: str = "wagtailapi") -> None:
    """Connect the handlers (safe to call more than once); ``namespace`` is the URL
    namespace of the API router whose URLs a frontend cache should purge."""
    _namespaces.add(namespace)
    page_published.connect(page_changed, dispatch_uid="twinning-api-published")
    page_unpublished.connect(page_changed, dispatch_uid="twinning-api-unpublished")
    post_page_move.connect(page_changed, dispatch_uid="twinning-api-moved")
    post_delete.connect(page_deleted, dispatch_uid="twinning-api-page-deleted")
    for model in (
        CooperationTheme,
        Actor,
        get_image_model(),
        get_document_model(),
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        Locale,
    ):
        uid = f"twinning-api-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-deleted")
