"""How requests reach pages: routing a language tree in a few queries, and the partner
cities index's other views, ``map/`` and ``timeline/``.

Wagtail routes a URL one tree level at a time (a child lookup, then its specific page),
and then reads the page's ancestors and their view restrictions: nine queries for a
partner city. ``TreeRoutingMixin``, on the home page of each language tree, reads every
page the URL can name in one query and the served page in a second; the view
restrictions it hands the served page come from the list kept on the request.

The map and the timeline live on the index page (a routable page) rather than in urls.py
so that each language's tree has its own under its own index page, with the page's menu
entry, language prefix and language switcher for free.
"""

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, prefetch_related_objects
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from twinning import compat, wagtail_internals
from twinning.models.mixins import KnownRestrictionsMixin
from twinning.public import base_template, request_cache, visibility
from twinning.public.aliases import untranslated_stand_in, with_text_language
from twinning.public.timelines import TimelineFilterForm, milestones_by_year, partnership_chart


class TreeRoutingMixin(KnownRestrictionsMixin):
    """Routes the rest of a URL below this page (a language tree's home) in two queries.

    One query reads this page's children (kept on the request for menus and section
    links) and, for each further path segment, the pages with that slug at that depth;
    the URL's pages are chained in memory, then the served page is read with its own
    fields, its locale and ``served_select_related``. A page on the way with its own
    ``route()`` (a routable page whose sub-URL matches, or any other override) routes
    the rest itself, as in Wagtail. View restrictions apply as Wagtail applies them: those
    of the page and its ancestors, an alias taking the restrictions of its original.
    """

    def route(self, request: HttpRequest, path_components: list[str]):
        home = self._home_in_translation()
        if home is not None:
            return home.route(request, path_components)
        steplen = self.steplen
        # Each branch is an index range of paths (the children's, as treebeard reads them)
        # or a slug: both indexed, whichever the database prefers.
        wanted = [self._below(1)] + [
            self._below(level + 1) & Q(slug=slug)
            for level, slug in enumerate(path_components)
            if level > 0
        ]
        pages = list(
            with_text_language(
                compat.base_page_model(self).objects.filter(reduce(or_, wanted))
            ).order_by("path")
        )
        children = [page for page in pages if page.depth == self.depth + 1]
        request_cache.keep_tree(request, self, children)
        by_parent_and_slug = {
            (page.path[:-steplen], page.slug): page for page in pages if page.depth > self.depth
        }
        chain = [self]
        node = self
        for level, slug in enumerate(path_components):
            if level and _routes_itself(node, path_components[level:]):
                return self._serve_from(request, node, chain, path_components[level:])
            child = by_parent_and_slug.get((node.path, slug))
            if child is None:
                raise Http404
            wagtail_internals.keep_parent(child, node)
            chain.append(child)
            node = child
        return self._serve_from(request, node, chain, [])

    def _home_in_translation(self) -> Page | None:
        """The reader's language's own home page, when Wagtail skipped it as a draft.

        Wagtail routes a language through its home page only once that page is live
        (``Page.localized``): a home page being translated would hand the language's URLs
        to the source tree and hide its published translations. Told from Wagtail's cached
        site root paths, so the usual case costs no query.
        """
        if not self.live:
            return None
        try:
            language = get_supported_content_language_variant(get_language())
        except LookupError:
            return None
        roots = Site.get_site_root_paths()
        sites = {root.site_id for root in roots if root.root_path == self.url_path}
        for root in roots:
            if (
                root.site_id in sites
                and root.language_code == language
                and root.root_path != self.url_path
            ):
                home = Page.objects.filter(
                    url_path=root.root_path, live=False, alias_of__isnull=True
                ).first()
                return home.specific if home is not None else None
        return None

    def _below(self, levels: int) -> Q:
        """The pages ``levels`` levels below this one."""
        size = self.steplen * levels
        low, high = self.alphabet[0] * size, self.alphabet[-1] * size
        return Q(depth=self.depth + levels, path__range=(self.path + low, self.path + high))

    def _serve_from(self, request: HttpRequest, node: Page, chain: list[Page], rest: list[str]):
        """Let ``node``, read with its own fields, route ``rest`` (nothing: serve itself)."""
        page = node if node is self else _specific(node)
        restrictions = self._restrictions_on(request, chain)
        # The home page's slug is not in its URL: it stands in whatever it is.
        stand_in = untranslated_stand_in(page, slug_in_url=node is not self) if not rest else None
        if stand_in is not None:
            page = _specific(stand_in)
            page.known_view_restrictions = restrictions + [
                restriction
                for restriction in visibility.view_restrictions(request)
                if stand_in.path.startswith(restriction.page.path)
            ]
            return RouteResult(page)
        page.known_view_restrictions = restrictions
        return page.route(request, rest) if page is not self else super().route(request, rest)

    def _restrictions_on(self, request: HttpRequest, chain: list[Page]) -> list:
        """The restrictions of the pages of ``chain`` and of the ancestors of this page."""
        ids = {page.alias_of_id or page.pk for page in chain}
        return [
            restriction
            for restriction in visibility.view_restrictions(request)
            if restriction.page_id in ids
            or (
                len(restriction.page.path) < len(self.path)
                and self.path.startswith(restriction.page.path)
            )
        ]


def _routes_itself(page: Page, rest: list[str]) -> bool:
    """Whether ``page`` takes over the rest of the URL, as Wagtail would let it."""
    model = page.specific_class or type(page)
    route = model.route
    if route is compat.base_page_model(page).route:
        return False
    if route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
        except Http404:
            return False
    return True


def _specific(page: Page) -> Page:
    """``page`` as its own type, with its locale and the relations it renders."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    related = ("locale", *getattr(model, "served_select_related", ()))
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    wagtail_internals.copy_parent(page, specific)
    return specific


def render_index_view(
    index: Page, request: HttpRequest, template: str, context: dict[str, Any]
) -> TemplateResponse:
    """A view of the partner cities index, with the page's context but not its listing."""
    # The index's own get_context() builds its grouped listing: not needed here.
    base = {**Page.get_context(index, request), **base_template.context()}
    # What these views say is generated, so it is said in the reader's language even
    # when the index page itself is not translated yet (an alias of the French page).
    base["reader_language"] = get_language()
    return TemplateResponse(request, template, {**base, **context})


def partner_map(index: Page, request: HttpRequest) -> TemplateResponse:
    """``map/`` under the partner cities index."""
    cities = index.public_cities()
    return render_index_view(
        index,
        request,
        "twinning/partner_map.html",
        {"cities": cities, "view_name": "partner_map"},
    )


def partnership_timeline(index: Page, request: HttpRequest) -> TemplateResponse:
    """``timeline/`` under the partner cities index, filtered by ``TimelineFilterForm``."""
    cities = index.public_cities()
    prefetch_related_objects(cities, "milestones")
    form = TimelineFilterForm(request.GET or None, cities=cities)
    filters = form.filters() if form.is_bound else {}
    years = milestones_by_year(cities, **filters)
    return render_index_view(
        index,
        request,
        "twinning/partnership_timeline.html",
        {
            "cities": cities,
            "view_name": "partnership_timeline",
            "form": form,
            "filters": filters,
            "years": years,
            "milestone_count": sum(len(year.entries) for year in years),
            "chart": partnership_chart(cities),
        },
    )
