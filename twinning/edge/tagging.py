"""What a served page shows, as cache tags (see twinning.cache_tags).

A page shows itself (in every language: its switcher names the translations), the site's
menu, what it lists (the types of its children; the home page of a language tree also
what its sections list), what it embeds (snippets, images, documents and pages it refers
to, as Wagtail's reference index records them, and those chosen in its many-to-many
fields) and, for a partner city, the content
naming it. Fragments built by the page's templates add their own tags as they render.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest

from wagtail.models import Page, ReferenceIndex

from twinning import cache_tags
from twinning.public.visibility import is_public, view_restrictions

#: On every HTML page: the language trees' home pages and their sections (the menu).
MENU_TAG = "tw-menu"
#: The depth of a language tree's home page (the tree root's children).
HOME_DEPTH = 2


def listed_types(page: Page) -> set[type[Page]]:
    """The page types ``page`` lists: its children's, and on a home page its sections'."""
    from twinning.models import EventPage, ExchangeStoryPage, PartnerCityIndexPage

    if page.specific_class is None:  # a page type no longer installed
        return set()
    types = set(page.specific_class.allowed_subpage_models())
    if page.depth <= HOME_DEPTH:
        for section in list(types):
            types.update(section.allowed_subpage_models())
    if issubclass(page.specific_class, PartnerCityIndexPage):
        types.update((ExchangeStoryPage, EventPage))  # the timeline and the map
    return types


def referenced_tags(page: Page) -> set[str]:
    """Tags of what ``page`` refers to (snippets, images, documents, pages)."""
    tags: set[str] = set()
    page_ids = []
    page_type = ContentType.objects.get_for_model(Page)
    for type_id, object_id in ReferenceIndex.get_references_for_object(page).values_list(
        "to_content_type_id", "to_object_id"
    ):
        if type_id == page_type.pk:
            page_ids.append(object_id)
            continue
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            tags.add(cache_tags.object_tag_for(model._meta.label_lower, object_id))
    if page_ids:
        keys = Page.objects.filter(pk__in=page_ids).values_list("translation_key", flat=True)
        tags.update(cache_tags.page_tag_for(key) for key in keys)
    return tags | related_tags(page)


def related_tags(page: Page) -> set[str]:
    """Tags of the pages and snippets chosen in the page's many-to-many fields (partner
    cities, themes, actors), which the reference index does not record."""
    tags: set[str] = set()
    specific = page.specific_deferred
    for field in type(specific)._meta.many_to_many:
        related = field.related_model
        chosen = getattr(specific, field.name).all()
        if issubclass(related, Page):
            keys = chosen.values_list("translation_key", flat=True)
            tags.update(cache_tags.page_tag_for(key) for key in keys)
        else:
            label = related._meta.label_lower
            pks = chosen.values_list("pk", flat=True)
            tags.update(cache_tags.object_tag_for(label, pk) for pk in pks)
    return tags


def page_tags(page: Page) -> set[str]:
    from twinning.models import PartnerCityPage

    tags = {cache_tags.page_tag(page), MENU_TAG}
    tags.update(cache_tags.type_tag(model) for model in listed_types(page))
    if page.specific_class and issubclass(page.specific_class, PartnerCityPage):
        tags.add(cache_tags.about_tag(page))
    tags.update(referenced_tags(page))
    return tags


def tag_served_page(page: Page, request: HttpRequest) -> None:
    """Tag the response to ``request``, which serves ``page``; share it when the page is
    live and public (a preview is not served this way)."""
    from twinning.public import fragments

    # What a page shows changes only with content: its tags are kept per content
    # generation, as its fragments are (no query for them on an edge miss).
    cache_tags.tag(
        request, fragments.kept(request, "page-tags", [page.pk], lambda: sorted(page_tags(page)))
    )
    if not page.live:
        return
    restrictions = view_restrictions(request)
    if not is_public(page, restrictions):
        return
    original = page.alias_of if page.alias_of_id is not None else None
    if original is not None and not is_public(original, restrictions):
        return
    cache_tags.shareable(request)
