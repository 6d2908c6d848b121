"""Keep a new page translation in draft when it replaces a live alias.

With ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` wagtail-localize saves new
translations as drafts, except in synchronised locale trees: there the untranslated page
already exists as a live alias of the source, and translating it converts the alias in
place, so the half-translated page goes live at once (wagtail-localize issue 743). This
receiver unpublishes such a converted alias as soon as its first translation is logged;
readers of its URL then get the source page with the "not translated yet" notice, as
they did from the alias (see ``routes``), until someone publishes the translation.

A converted alias is told by what Wagtail leaves on real data: the alias copied the
source's ``live_revision`` when it was created (``CreatePageAliasAction``), so the page is
live on a revision that is not its own, and its log says it was converted. A translation
saved with ``publish=True`` is still published: wagtail-localize publishes it when the
transaction commits, after this receiver ran.

Only pages in the workflow's scope (``twinning.localize.scope``) are kept in draft; others
behave as wagtail-localize makes them.
"""

from django.conf import settings

from wagtail.models import Page, PageLogEntry, Revision

from twinning.localize.scope import in_scope


def never_published_as_itself(page: Page) -> bool:
    """Live only through the revision an alias copied from its source (or none at all)."""
    if page.live_revision_id is None:
        return True
    owner = (
        Revision.objects.filter(pk=page.live_revision_id)
        .values_list("object_id", flat=True)
        .first()
    )
    return owner != str(page.pk)


def is_converted_alias(page: Page) -> bool:
    """A live page that used to be an alias and was never published as a page of its own."""
    return (
        page.live
        and page.alias_of_id is None
        and never_published_as_itself(page)
        and PageLogEntry.objects.filter(page=page, action="wagtail.convert_alias").exists()
    )


def keep_new_page_translation_in_draft(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        return
    source = instance.source
    model = source.specific_content_type.model_class()
    if not issubclass(model, Page) or not in_scope(model):
        return
    page = Page.objects.filter(
        translation_key=source.object_id, locale_id=instance.locale_id
    ).first()
    if page is not None and is_converted_alias(page):
        # No user: the translator may not hold the unpublish permission, and this is
        # the system restoring the draft state they asked for, not their action.
        page.specific.unpublish(user=None)
