"""The partner API's receivers that write the changes feed's log (see change_log.py),
connected by ``TwinningAPIConfig.ready()``. Cache invalidation connects its own
(invalidation.py) to the same signals."""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from twinning.api import change_log


def published(sender, instance, **kwargs) -> None:
    if not kwargs.get("alias"):  # an alias mirrors its page: not a translation
        change_log.page_published(instance)


def unpublished(sender, instance, **kwargs) -> None:
    change_log.page_unpublished(instance)


def moved(sender, instance, url_path_before, url_path_after, **kwargs) -> None:
    if url_path_before != url_path_after:  # reordered among its siblings: same URL
        change_log.page_moved(instance, kwargs["parent_page_before"], kwargs["parent_page_after"])


def page_deleting(sender, instance, **kwargs) -> None:
    # A page deleted is signalled as a Page and as its specific class: once is enough.
    if sender is instance.specific_class:
        change_log.page_deleted(instance)


def snippet_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not raw:  # not while loading fixtures
        change_log.snippet_saved(instance, created)


def snippet_deleting(sender, instance, **kwargs) -> None:
    change_log.snippet_deleted(instance)


def restriction_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        change_log.section_restricted(instance)


def restriction_deleted(sender, instance, origin=None, **kwargs) -> None:
    # Removed by itself, not with the pages it protected (they are deleted, not shown).
    if not _is_page_deletion(origin):
        change_log.section_opened(instance)


def _is_page_deletion(origin) -> bool:
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(model, Page)


def connect() -> None:
    from twinning.models import Actor, CooperationTheme

    page_published.connect(published, dispatch_uid="twinning-changes-published")
    page_unpublished.connect(unpublished, dispatch_uid="twinning-changes-unpublished")
    post_page_move.connect(moved, dispatch_uid="twinning-changes-moved")
    for model in get_page_models():
        pre_delete.connect(
            page_deleting,
            sender=model,
            dispatch_uid=f"twinning-changes-deleted-{model._meta.label_lower}",
        )
    for model in (Actor, CooperationTheme):
        uid = f"twinning-changes-{model._meta.label_lower}"
        post_save.connect(snippet_saved, sender=model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(snippet_deleting, sender=model, dispatch_uid=f"{uid}-deleted")
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid="twinning-changes-restricted"
    )
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid="twinning-changes-opened"
    )
