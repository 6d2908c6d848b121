"""Resolve related objects into the reader's language in one query."""

from collections.abc import Iterable

from django.db.models import Model

from wagtail.models import Locale, Page


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
