"""Update the reference and search indexes once per object a submission saves, not per save.

Submitting a page for translation saves each new translation four times (Wagtail's copy,
its first revision, the translated content, its revision), and every save queues two
tasks for the object: Wagtail's reference index update and the search index update
(modelsearch). Each reads the object again and rewrites its rows from what the object is
when the task runs, so running each once after the last save leaves the same rows as
running it four times. Inside ``once_per_object()`` the saves are noted instead, and
each task is queued once per object when the block ends, in the order of first saves.
Objects deleted meanwhile are dropped from the list (their rows leave the indexes at
once, as without the block).

The reference index is held back with Wagtail's public ``disable_reference_index_auto_
update``. The search index has no such switch: ``install()`` puts a proxy in place of the
task modelsearch's ``post_save`` receiver queues, which calls through except in a block,
in the thread that opened it. That is a private internal, hence the version guard
(``SEARCH_SUPPORTED``, checked by ``install()``; elsewhere only the reference index is
batched) and ``tests/twinning/localize/test_index_updates.py``, which fails if modelsearch
queues its updates another way. A public way to defer or batch index updates in
modelsearch (or in Wagtail) would retire the proxy.
"""

from contextlib import contextmanager, nullcontext

from django.db import transaction

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from asgiref.local import Local

try:
    from wagtail.tasks import update_reference_index_task
except ImportError:  # a Wagtail that updates the reference index otherwise
    update_reference_index_task = None

try:
    import modelsearch
    from modelsearch import signal_handlers as search_signal_handlers
except ImportError:  # a Wagtail with its search built in
    modelsearch = search_signal_handlers = None

# The modelsearch releases whose post_save receiver queues insert_or_update_object_task.
SEARCH_SUPPORTED = ((1, 3),)

_block = Local()


class SearchTaskProxy:
    """modelsearch's ``insert_or_update_object_task``, noting its objects within a block."""

    def __init__(self, task):
        self.task = task

    def enqueue(self, *args, **kwargs):
        noted = getattr(_block, "value", None)
        if noted is None or kwargs:
            return self.task.enqueue(*args, **kwargs)
        noted["search"][args] = None
        return None

    def __getattr__(self, name):
        return getattr(self.task, name)


def references_supported() -> bool:
    return update_reference_index_task is not None and hasattr(ReferenceIndex, "tracked_models")


def search_supported() -> bool:
    return (
        modelsearch is not None
        and tuple(modelsearch.VERSION[:2]) in SEARCH_SUPPORTED
        and hasattr(
            getattr(search_signal_handlers, "insert_or_update_object_task", None), "enqueue"
        )
    )


def search_installed() -> bool:
    return search_supported() and isinstance(
        search_signal_handlers.insert_or_update_object_task, SearchTaskProxy
    )


def install() -> None:
    """Note saves and deletes while a block is open (without a block, nothing changes)."""
    from django.db.models.signals import post_delete, post_save

    post_save.connect(object_saved, dispatch_uid="twinning_index_updates_saved")
    post_delete.connect(object_deleted, dispatch_uid="twinning_index_updates_deleted")
    if search_supported() and not search_installed():
        search_signal_handlers.insert_or_update_object_task = SearchTaskProxy(
            search_signal_handlers.insert_or_update_object_task
        )


def key(instance) -> tuple[str, str, str]:
    return instance._meta.app_label, instance._meta.model_name, str(instance.pk)


@contextmanager
def once_per_object():
    if getattr(_block, "value", None) is not None:
        yield  # an outer block updates the indexes when it ends
        return
    references = references_supported()
    _block.value = {"references": {} if references else None, "search": {}}
    try:
        with disable_reference_index_auto_update() if references else nullcontext():
            yield
        noted = _block.value
    finally:
        del _block.value
    for args in noted["references"] or ():
        update_reference_index_task.enqueue(*args)
    for args in noted["search"]:
        search_signal_handlers.insert_or_update_object_task.task.enqueue(*args)


def object_saved(sender, instance, raw=False, **kwargs):
    noted = getattr(_block, "value", None)
    if noted is None or raw or noted["references"] is None:
        return
    if sender in ReferenceIndex.tracked_models:
        noted["references"][key(instance)] = None


def object_deleted(sender, instance, **kwargs):
    noted = getattr(_block, "value", None)
    if noted is None:
        return
    noted["search"].pop(key(instance), None)
    if noted["references"] is not None and sender in ReferenceIndex.tracked_models:
        noted["references"].pop(key(instance), None)
        # What Wagtail's receiver does, which the block holds back.
        with transaction.atomic():
            ReferenceIndex.remove_for_object(instance)
            if hasattr(ReferenceIndex, "remove_references_to"):  # Wagtail 7.1 and later
                ReferenceIndex.remove_references_to(instance)
