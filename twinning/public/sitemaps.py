"""A sitemap of every locale's pages with their hreflang alternates.

Wagtail's sitemap lists one locale's tree without alternates, and Django's ``Sitemap`` with
``i18n``/``alternates`` assumes one object served under every language prefix, whereas
wagtail-localize keeps one page per locale. So: one query for the pages of all the site's
locale trees (live, public, real), grouped by translation key, rendered by a template.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse

from wagtail.models import Page, Site, get_page_models

from twinning import cache_tags
from twinning.public.languages import Alternate, absolute_url, alternates_for
from twinning.public.visibility import page_scope, visible_pages, within_q


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: datetime | None
    alternates: list[Alternate]


def site_pages(site: Site, request: HttpRequest | None = None) -> list[Page]:
    """Live, public, non-alias pages of every locale tree of ``site``, in tree order."""
    roots = [root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk]
    if not roots:
        return []
    return list(
        visible_pages(page_scope(request))
        .filter(within_q(roots, field="url_path"))
        .select_related("locale")
        .order_by("path")
    )


def sitemap_entries(site: Site, request: HttpRequest) -> list[SitemapEntry]:
    """One entry per page, each carrying the alternates of its whole translation group."""
    pages = site_pages(site, request)
    groups: dict = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    alternates = {key: alternates_for(group, request) for key, group in groups.items()}
    entries = []
    for page in pages:
        url = page.get_url(request)
        if url is None:
            continue
        entries.append(
            SitemapEntry(
                url=absolute_url(request, url),
                lastmod=page.last_published_at,
                alternates=alternates[page.translation_key],
            )
        )
    return entries


def sitemap(request: HttpRequest) -> TemplateResponse:
    """``sitemap.xml`` for the site the request is addressed to."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    entries = sitemap_entries(site, request)
    # Lists every page type: any page published, moved or hidden changes it.
    cache_tags.tag(request, {cache_tags.type_tag(model) for model in get_page_models()})
    cache_tags.tag(request, cache_tags.type_tag(Page))
    cache_tags.shareable(request)
    return TemplateResponse(
        request,
        "twinning/sitemap.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )
