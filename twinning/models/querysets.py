"""Domain queries on twinning pages, and related objects read in the reader's language."""

from collections.abc import Iterable

from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet

from twinning.public.aliases import with_text_language


def localize_all(objects: Iterable[Model], locale: Locale | None = None) -> list[Model]:
    """Each object's translation in ``locale`` (live, for pages), or the object itself.

    One query for the whole list, instead of ``obj.localized`` per object.
    """
    objects = list(objects)
    if not objects:
        return []
    locale = locale or Locale.get_active()
    model = type(objects[0])
    if all(obj.locale_id == locale.pk for obj in objects):
        return objects
    queryset = model._default_manager.filter(
        translation_key__in={obj.translation_key for obj in objects}, locale=locale
    )
    if issubclass(model, Page):
        queryset = queryset.live()
    found = {obj.translation_key: obj for obj in queryset}
    return [found.get(obj.translation_key, obj) for obj in objects]


def linked_to(through: type[Model], owner: str, city) -> Exists:
    """Rows linked through ``through`` to any language's page of ``city``.

    An ``Exists`` rather than a join: a row naming the city in two languages comes once,
    without the ``DISTINCT`` that would make the database sort whole page rows.
    """
    return Exists(
        through.objects.filter(
            **{owner: OuterRef("pk"), "partnercitypage__translation_key": city.translation_key}
        )
    )


def named_in_language_of(city, name: str) -> Q:
    """Pages of ``city``'s language whose ``partner_cities`` name it (in any language).

    Read from ``PartnerCityLink`` (``name``: its field for the pages' type), through an
    index on the city and the language: the links of other languages are never read.
    """
    from twinning.models.cities import PartnerCityLink  # cities import this module

    return Q(locale_id=city.locale_id) & Q(
        pk__in=PartnerCityLink.objects.naming(city).values(f"{name}_id")
    )


def localize_related(related, locale_id: int) -> list[Model]:
    """Each object of ``related`` in the locale ``locale_id``, or itself, in one query.

    ``related`` is a relation's objects (``page.themes.all()``, maybe ordered): its
    translations in the locale (live ones, for pages) are read with it, and the result
    keeps its order. Objects kept in memory (a preview) go through ``localize_all``.
    """
    if not isinstance(related, QuerySet):
        return localize_all(list(related), Locale.objects.get(pk=locale_id))
    model = related.model
    in_locale = Q(locale_id=locale_id)
    if issubclass(model, Page):
        in_locale &= Q(live=True)
    rows = model._default_manager.filter(
        Q(pk__in=related.values("pk"))
        | (in_locale & Q(translation_key__in=related.values("translation_key")))
    ).annotate(is_linked=Exists(related.filter(pk=OuterRef("pk"))))
    if issubclass(model, Page):
        rows = with_text_language(rows)
    if related.query.order_by:
        rows = rows.order_by(*related.query.order_by)
    if isinstance(related.query.select_related, dict):
        rows = rows.select_related(*_lookups(related.query.select_related))
    rows = list(rows)
    found = {
        row.translation_key: row
        for row in rows
        if row.locale_id == locale_id and (not isinstance(row, Page) or row.live)
    }
    return [found.get(row.translation_key, row) for row in rows if row.is_linked]


def _lookups(tree: dict, prefix: str = ""):
    """``select_related`` lookups back from the tree a query keeps them in."""
    for name, subtree in tree.items():
        yield prefix + name
        yield from _lookups(subtree, f"{prefix}{name}__")


class ExchangeStoryQuerySet(PageQuerySet):
    def concerning(self, city):
        """Stories about ``city``, whichever language's page of the city they link."""
        from twinning.models.stories import ExchangeStoryPage

        through = ExchangeStoryPage.partner_cities.through
        return self.filter(linked_to(through, "exchangestorypage_id", city))

    def concerning_in_its_language(self, city):
        """Stories of ``city``'s language about it (the city page's stories)."""
        return self.filter(named_in_language_of(city, "story"))

    def with_theme(self, slug: str):
        """Stories tagged with the theme of that slug (in any language)."""
        from twinning.models.stories import ExchangeStoryPage

        tagged = ExchangeStoryPage.themes.through.objects.filter(cooperationtheme__slug=slug)
        return self.filter(pk__in=tagged.values("exchangestorypage_id"))

    def naming(self, actor):
        """Stories naming ``actor``, whichever language's version of the actor they link."""
        from twinning.models.stories import ExchangeStoryPage

        naming = ExchangeStoryPage.actors.through.objects.filter(
            actor__translation_key=actor.translation_key
        )
        return self.filter(pk__in=naming.values("exchangestorypage_id"))

    def newest_first(self):
        return self.order_by("-date", "-pk")


ExchangeStoryManager = PageManager.from_queryset(ExchangeStoryQuerySet)
