"""Where the translation workflow listens to Wagtail and wagtail-localize: every receiver
of ``twinning.localize`` is connected here, by ``TwinningLocalizeConfig.ready()``."""

from django.db.models.signals import post_save

from wagtail.signals import page_published, page_unpublished


def connect() -> None:
    from wagtail_localize.models import TranslationLog

    from twinning import conf
    from twinning.localize import (
        drafts,
        index_updates,
        language_trees,
        segment_refresh,
        synchronised_fields,
    )
    from twinning.models import Actor, CooperationTheme

    post_save.connect(
        drafts.keep_new_page_translation_in_draft,
        sender=TranslationLog,
        dispatch_uid="twinning_keep_new_translations_draft",
    )
    page_published.connect(
        synchronised_fields.page_published_synchronises_translations,
        dispatch_uid="twinning_synchronise_page_translations",
    )
    for model in (Actor, CooperationTheme):
        post_save.connect(
            synchronised_fields.snippet_saved_synchronises_translations,
            sender=model,
            dispatch_uid=f"twinning_synchronise_{model._meta.model_name}_translations",
        )
    page_unpublished.connect(
        language_trees.unpublish_translations_with_their_source,
        dispatch_uid="twinning_unpublish_translations_with_their_source",
    )
    # wagtail-localize re-extracts a source segment by segment: do it in bulk, where the
    # host opted in (read once: this replaces a method of wagtail-localize's model).
    if conf.get("BULK_SEGMENT_REFRESH"):
        segment_refresh.install()
    # Translation jobs update each new page's search and reference index rows once, not
    # once per save (index_updates.once_per_object); outside a job nothing changes.
    index_updates.install()
