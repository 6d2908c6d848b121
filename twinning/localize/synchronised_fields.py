"""Carry the source's synchronised facts into every translation as soon as they change.

wagtail-localize copies synchronised fields (coordinates, dates, an actor's e-mail and its
consent…) only when a translation is next saved from its source, so a German page kept the
old coordinates, and a German actor kept publishing an e-mail whose French original had
withdrawn consent, until someone synced and published. Here, when a source page is
published or a source snippet saved, the synchronised fields that translators may not
override are copied into each translation in the same transaction: the page row (what
readers see), its live and latest revisions (so neither a later publish nor a rollback
brings the old value back) and the synchronised fields of its inline children. Nothing
translatable is touched and nothing is published. Pages out of the workflow's scope
(``twinning.localize.scope``) are left to wagtail-localize.
"""

from collections.abc import Iterable

from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page, Revision, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from twinning.localize.scope import in_scope


def locked_fields(model: type[models.Model]) -> list[models.Field]:
    """The model's synchronised fields that translators cannot override (no child relations)."""
    fields = []
    for translatable in get_translatable_fields(model):
        if isinstance(translatable, SynchronizedField) and not translatable.overridable:
            field = translatable.get_field(model)
            if not field.auto_created:
                fields.append(field)
    return fields


def translated_children(model: type[models.Model]) -> list[models.ManyToOneRel]:
    """Inline children (ParentalKey + TranslatableMixin) translated with the page."""
    return [
        relation
        for relation in model._meta.related_objects
        if isinstance(relation.remote_field, ParentalKey)
        and issubclass(relation.related_model, TranslatableMixin)
        and locked_fields(relation.related_model)
    ]


def is_translation_source(instance: TranslatableMixin) -> bool:
    """Whether ``instance`` is what wagtail-localize translates the others from."""
    return TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).exists()


def copy_values(source: models.Model, target: models.Model, fields: Iterable[models.Field]):
    for field in fields:
        if isinstance(field, ParentalManyToManyField):
            setattr(target, field.name, list(getattr(source, field.name).all()))
        else:
            setattr(target, field.attname, getattr(source, field.attname))


def update_fields_of(fields: Iterable[models.Field]) -> list[str]:
    return [field.name for field in fields]


def copy_to_revision(revision: Revision | None, data: dict, fields, children) -> None:
    """Write the source's serialised synchronised values into a translation's revision."""
    if revision is None:
        return
    content = revision.content
    for field in fields:
        content[field.name] = data.get(field.name)
    for relation in children:
        name = relation.get_accessor_name()
        by_key = {child["translation_key"]: child for child in data.get(name, [])}
        for child in content.get(name, []):
            source_child = by_key.get(child.get("translation_key"))
            if source_child is None:
                continue
            for field in locked_fields(relation.related_model):
                child[field.name] = source_child.get(field.name)
    revision.content = content
    revision.save(update_fields=["content"])


def copy_children(source: models.Model, target: models.Model, children) -> None:
    for relation in children:
        name = relation.get_accessor_name()
        fields = locked_fields(relation.related_model)
        by_key = {child.translation_key: child for child in getattr(source, name).all()}
        for child in relation.related_model._default_manager.filter(
            **{relation.field.name: target}
        ):
            source_child = by_key.get(child.translation_key)
            if source_child is None:
                continue
            relation.related_model._default_manager.filter(pk=child.pk).update(
                **{field.attname: getattr(source_child, field.attname) for field in fields}
            )


def synchronise_page_translations(page: Page) -> int:
    """Copy ``page``'s locked synchronised facts into its translations; how many changed."""
    model = type(page)
    fields = locked_fields(model)
    children = translated_children(model)
    if not fields and not children:
        return 0
    translations = list(
        model._default_manager.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(locale_id=page.locale_id)
        .select_related("live_revision", "latest_revision")
    )
    if not translations:
        return 0
    data = page.serializable_data()
    count = 0
    for translation in translations:
        copy_values(page, translation, fields)
        translation.save(clean=False, update_fields=update_fields_of(fields))
        copy_children(page, translation, children)
        revisions = {translation.live_revision, translation.latest_revision} - {None}
        for revision in revisions:
            copy_to_revision(revision, data, fields, children)
        count += 1
    return count


def synchronise_snippet_translations(instance: TranslatableMixin) -> int:
    """Copy a source snippet's locked synchronised fields into its translations."""
    model = type(instance)
    fields = locked_fields(model)
    translations = model._default_manager.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )
    concrete = [field for field in fields if not field.many_to_many]
    many = [field for field in fields if field.many_to_many]
    changed = translations.update(
        **{field.attname: getattr(instance, field.attname) for field in concrete}
    )
    if many:
        for translation in translations:
            copy_values(instance, translation, many)
            translation.save(update_fields=update_fields_of(many))
    return changed


def page_published_synchronises_translations(sender, instance, **kwargs):
    if (
        isinstance(instance, TranslatableMixin)
        and in_scope(instance)
        and is_translation_source(instance)
    ):
        synchronise_page_translations(instance)


def snippet_saved_synchronises_translations(sender, instance, created, raw=False, **kwargs):
    if raw or created:
        return
    if is_translation_source(instance):
        synchronise_snippet_translations(instance)
