"""Purge the edge when content changes, by tag (see twinning.cache_tags, tagging.py).

A page published, unpublished or deleted: its own tag (every language), the lists of its
type (and of pages in general), its parent, the pages referring to it, the menu when it
is a home page or a section; for content naming partner cities, the cities it names now
and those its previous live version named. A page moved: the same, for it and every page
below it (their URLs changed). A view restriction added, changed or removed: the page,
every page below it, the lists of their types and the cities they name (and the menu, for
a section). A snippet, image or document saved or deleted: the object, the lists of its
type, the pages referring to it; a collection's restriction: every image and document in
it and its sub-collections, and the pages showing them. A site or locale: everything
(``SITE_TAG``). Never a purge of the whole site for a page.

The purge goes after the commit (purge.py). Without an edge to purge
(``TWINNING["EDGE_PURGE_URLS"]`` empty) the receivers do nothing, and read nothing.
"""

import functools
import threading
from collections.abc import Iterable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    get_page_models,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from twinning import cache_tags
from twinning.edge.purge import edge_urls, purge_after_commit
from twinning.edge.tagging import HOME_DEPTH, MENU_TAG

_moving = threading.local()
_previous = threading.local()


def with_an_edge(receiver):
    """``receiver``, run only when there is an edge to purge: the tags of a change cost
    queries, which a site without an edge has no use for."""

    @functools.wraps(receiver)
    def guarded(*args, **kwargs) -> None:
        if edge_urls():
            receiver(*args, **kwargs)

    return guarded


def _changes_tags() -> set[str]:
    """The partner API's changes feed, which every change extends."""
    if apps.is_installed("twinning.api"):
        from twinning.api.models import Change

        return {cache_tags.type_tag(Change)}
    return set()


def _page_type_tags(pages: Iterable[Page]) -> set[str]:
    tags = {cache_tags.type_tag(Page)}
    for page in pages:
        tags.add(cache_tags.type_tag(page.specific_class or Page))
    return tags


def _referring_pages_tags(references) -> set[str]:
    page_type = ContentType.objects.get_for_model(Page).pk
    page_ids = list(
        references.filter(base_content_type_id=page_type).values_list("object_id", flat=True)
    )
    if not page_ids:
        return set()
    keys = Page.objects.filter(pk__in=page_ids).values_list("translation_key", flat=True)
    return {cache_tags.page_tag_for(key) for key in keys}


def referrers_tags(obj) -> set[str]:
    """Page tags of the pages referring to ``obj`` (they show its name, its picture...)."""
    return _referring_pages_tags(ReferenceIndex.get_references_to(obj))


def named_cities_tags(page: Page) -> set[str]:
    """About-tags of the partner cities ``page`` names, as stored now (its live version
    while it is being published)."""
    if page.pk is None:
        return set()
    return cities_named_by([page.pk], [page.specific_class])


def cities_named_by(page_ids: list, models: Iterable[type]) -> set[str]:
    """About-tags of the partner cities that the pages ``page_ids`` (of ``models``) name."""
    from twinning.models import PartnerCityPage

    city_ids: set = set()
    for model in set(models):
        try:
            field = model._meta.get_field("partner_cities")
        except (FieldDoesNotExist, AttributeError):
            continue
        city_ids.update(
            field.remote_field.through.objects.filter(
                **{f"{field.m2m_field_name()}__in": page_ids}
            ).values_list(f"{field.m2m_reverse_field_name()}_id", flat=True)
        )
    if not city_ids:
        return set()
    keys = PartnerCityPage.objects.filter(pk__in=city_ids).values_list("translation_key", flat=True)
    return {cache_tags.about_tag_for(key) for key in keys}


def page_change_tags(page: Page) -> set[str]:
    tags = {cache_tags.page_tag(page)} | _page_type_tags([page]) | _changes_tags()
    if page.depth <= HOME_DEPTH + 1:  # a home page or a section: in every page's menu
        tags.add(MENU_TAG)
    parent = page.get_parent() if page.depth > 1 else None
    if parent is not None:
        tags.add(cache_tags.page_tag(parent))
    tags |= referrers_tags(page)
    tags |= named_cities_tags(page)
    return tags


def subtree_tags(page: Page) -> set[str]:
    """Tags of ``page`` and every page below it, of the lists of their types and of the
    partner cities they name."""
    below = Page.objects.descendant_of(page, inclusive=True).values_list(
        "pk", "translation_key", "content_type_id"
    )
    tags = {cache_tags.type_tag(Page)}
    ids, models = [], set()
    for pk, key, type_id in below:
        tags.add(cache_tags.page_tag_for(key))
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            tags.add(cache_tags.type_tag(model))
            ids.append(pk)
            models.add(model)
    return tags | cities_named_by(ids, models)


# Pages


@with_an_edge
def page_saving(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    """Before a page's row is written (its live version, when publishing): the cities its
    previous live version names, purged with the publication (their lists lose it if they
    are no longer named)."""
    if raw or instance.pk is None or update_fields is not None:
        return
    tags = named_cities_tags(instance)
    if tags:
        previous = getattr(_previous, "tags", None)
        if previous is None:
            previous = _previous.tags = {}
        previous.setdefault(instance.pk, set()).update(tags)


def _previous_tags(page: Page) -> set[str]:
    return (getattr(_previous, "tags", None) or {}).pop(page.pk, set())


@with_an_edge
def page_changed(sender, instance, **kwargs) -> None:
    purge_after_commit(page_change_tags(instance) | _previous_tags(instance))


@with_an_edge
def page_moving(sender, instance, **kwargs) -> None:
    moving = getattr(_moving, "tags", None)
    if moving is None:
        moving = _moving.tags = {}
    moving[instance.pk] = subtree_tags(instance) | page_change_tags(instance)


@with_an_edge
def page_moved(sender, instance, **kwargs) -> None:
    before = (getattr(_moving, "tags", None) or {}).pop(instance.pk, set())
    purge_after_commit(before | subtree_tags(instance) | page_change_tags(instance))


@with_an_edge
def page_deleting(sender, instance, **kwargs) -> None:
    # Signalled for the Page row and for its specific class's: once is enough.
    specific_class = instance.specific_class
    if specific_class is not None and type(instance) is not specific_class:
        return
    purge_after_commit(page_change_tags(instance))


@with_an_edge
def restriction_changed(sender, instance, **kwargs) -> None:
    try:
        page = instance.page
    except Page.DoesNotExist:  # deleted with its page (purged as the page)
        return
    tags = subtree_tags(page) | _changes_tags()
    if page.depth <= HOME_DEPTH + 1:  # a section shown in, or hidden from, every menu
        tags.add(MENU_TAG)
    purge_after_commit(tags)


# Snippets, images, documents


#: Fields Wagtail fills in on an image or document when it first reads them: nothing shown
#: changes.
_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


@with_an_edge
def object_changed(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields and set(update_fields) <= _BOOKKEEPING_FIELDS):
        return
    tags = {cache_tags.object_tag(instance), cache_tags.type_tag(type(instance))}
    purge_after_commit(tags | referrers_tags(instance) | _changes_tags())


@with_an_edge
def collection_restriction_changed(sender, instance, **kwargs) -> None:
    """A collection's privacy covers its sub-collections too."""
    tags = _changes_tags()
    try:
        collection = instance.collection
    except Collection.DoesNotExist:  # deleted with its collection
        return
    collections = Collection.objects.descendant_of(collection, inclusive=True)
    for model in (get_image_model(), get_document_model()):
        tags.add(cache_tags.type_tag(model))
        objects = model.objects.filter(collection__in=collections)
        label = model._meta.label_lower
        tags.update(
            cache_tags.object_tag_for(label, pk) for pk in objects.values_list("pk", flat=True)
        )
        tags |= _referring_pages_tags(
            ReferenceIndex.objects.filter(
                to_content_type=ContentType.objects.get_for_model(model),
                to_object_id__in=[str(pk) for pk in objects.values_list("pk", flat=True)],
            )
        )
    purge_after_commit(tags)


@with_an_edge
def site_changed(sender, instance=None, raw=False, **kwargs) -> None:
    if not raw:
        purge_after_commit({cache_tags.SITE_TAG})


def connect() -> None:
    from twinning.models import Actor, CooperationTheme

    uid = "twinning-edge"
    page_published.connect(page_changed, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{uid}-unpublished")
    pre_page_move.connect(page_moving, dispatch_uid=f"{uid}-moving")
    post_page_move.connect(page_moved, dispatch_uid=f"{uid}-moved")
    for model in get_page_models():
        label = model._meta.label_lower
        pre_delete.connect(page_deleting, sender=model, dispatch_uid=f"{uid}-deleting-{label}")
        if hasattr(model, "partner_cities"):
            pre_save.connect(page_saving, sender=model, dispatch_uid=f"{uid}-saving-{label}")
    for model in (PageViewRestriction,):
        post_save.connect(restriction_changed, sender=model, dispatch_uid=f"{uid}-pvr-saved")
        post_delete.connect(restriction_changed, sender=model, dispatch_uid=f"{uid}-pvr-deleted")
    post_save.connect(
        collection_restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid=f"{uid}-cvr-saved",
    )
    post_delete.connect(
        collection_restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid=f"{uid}-cvr-deleted",
    )
    for model in (Actor, CooperationTheme, get_image_model(), get_document_model()):
        label = model._meta.label_lower
        post_save.connect(object_changed, sender=model, dispatch_uid=f"{uid}-saved-{label}")
        post_delete.connect(object_changed, sender=model, dispatch_uid=f"{uid}-deleted-{label}")
    for model in (Site, Locale):
        label = model._meta.label_lower
        post_save.connect(site_changed, sender=model, dispatch_uid=f"{uid}-saved-{label}")
        post_delete.connect(site_changed, sender=model, dispatch_uid=f"{uid}-deleted-{label}")
