"""Keep every language tree in step with the source tree: deletes, moves and unpublishing.

wagtail-localize fills each synchronised language tree with aliases of the French pages
and turns an alias into a real page when it is translated. Wagtail's admin views carry a
delete, a move or an unpublish over to "translated pages" only through the
``construct_translated_pages_to_cascade_actions`` hook (which this module registers for
pages of the source language); the rest uses ``before_*_page`` hooks. The policy:

- Deleting a French page deletes its copies in every tree, aliases and translations
  alike, so no live translation is left without a source and no former alias is left as
  an orphan unpublished page with French text (Wagtail would otherwise turn the aliases
  into such pages). ``WAGTAILLOCALIZE_DISABLE_ON_DELETE`` keeps the translated strings
  and the ``TranslationSource``: they stay in translation memory. The confirmation page
  counts, per language, the translated pages (live and draft) and strings concerned. A
  user who may not delete one of the translations is refused, and nothing is deleted.
- Deleting a translation keeps its strings, and the page goes back to being an alias of
  the French page, as before it was translated: readers keep the French fallback, and
  "Translate" again brings the strings back.
- Unpublishing a French page unpublishes its live translations too (Wagtail already
  unpublishes aliases), after checking that the user may unpublish each of them.
- Moving a French page moves each of its copies under the copy of the new parent in
  that language, creating that copy as an alias where it is missing, as
  wagtail-localize's sync does, all in one transaction and with Wagtail's permission
  check on each move. If one move is refused, none is made.

These hooks work in the admin's views. A French page unpublished outside them (its
scheduled expiry, code) takes its live translations offline too, by a receiver: the
system acts there, as for the expiry itself, so no user's permission is asked. Deleting
or moving a page from code is not carried over.

All of this applies to the page types in the workflow's scope (``twinning.localize.scope``);
Wagtail's own behaviour is left to the others.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.actions.move_page import MovePageAction
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail_localize.models import LocaleSynchronization, StringTranslation

from twinning.localize.scope import in_scope
from twinning.localize.status import source_locale

CASCADED_ACTIONS = ("delete", "move", "unpublish")


def is_source_page(page: Page, source: Locale | None = None) -> bool:
    """A page written in the source language, which the other trees mirror or translate."""
    source = source or source_locale()
    return page.alias_of_id is None and page.locale_id == source.pk


def copies_follow(page: Page, source: Locale | None = None) -> bool:
    """A source page in the workflow's scope, whose copies in other trees follow it."""
    return in_scope(page) and is_source_page(page, source)


def copies_in_other_trees(page: Page):
    """The page's translations and aliases in every other locale."""
    return Page.objects.translation_of(page, inclusive=False).select_related("locale")


def cascade_to_language_trees(pages: list[Page], action: str) -> dict[Page, list[Page]]:
    """What Wagtail's delete, move and unpublish views also act on, for source pages."""
    if action not in CASCADED_ACTIONS:
        return {}
    cascaded = {}
    source = source_locale()
    for page in pages:
        if not copies_follow(page, source):
            continue
        copies = copies_in_other_trees(page)
        if action == "unpublish":
            # Wagtail unpublishes the aliases itself.
            copies = copies.filter(alias_of__isnull=True, live=True)
        cascaded[page] = list(copies)
    return cascaded


def languages(locales) -> str:
    return ", ".join(sorted(str(locale.get_display_name()) for locale in locales))


def refuse(request, message: str, page: Page):
    messages.error(request, message)
    return redirect("wagtailadmin_pages:edit", page.pk)


# Deleting


@dataclass
class LanguageTreeLoss:
    """What deleting a source page (and its subtree) takes from one language tree."""

    locale: Locale
    live: int = 0
    drafts: int = 0
    aliases: int = 0
    strings: int = 0
    translation_keys: set = field(default_factory=set)

    @property
    def language(self) -> str:
        return str(self.locale.get_display_name())

    @property
    def translations(self) -> int:
        return self.live + self.drafts


def losses_on_delete(copies: list[Page]) -> list[LanguageTreeLoss]:
    """Per language, the pages (live, draft, alias) and translated strings deleted with them."""
    by_locale: dict[int, LanguageTreeLoss] = {}
    for copy in copies:
        loss = by_locale.setdefault(copy.locale_id, LanguageTreeLoss(copy.locale))
        subtree = Page.objects.descendant_of(copy, inclusive=True)
        for alias_of, live, key in subtree.values_list("alias_of_id", "live", "translation_key"):
            if alias_of is not None:
                loss.aliases += 1
            else:
                loss.translation_keys.add(key)
                if live:
                    loss.live += 1
                else:
                    loss.drafts += 1
    strings = (
        StringTranslation.objects.filter(
            locale_id__in=by_locale,
            context__object_id__in=set().union(
                *(loss.translation_keys for loss in by_locale.values())
            ),
        )
        .values("locale_id", "context__object_id")
        .annotate(n=Count("pk"))
    )
    for row in strings:
        loss = by_locale[row["locale_id"]]
        if row["context__object_id"] in loss.translation_keys:
            loss.strings += row["n"]
    return sorted(by_locale.values(), key=lambda loss: loss.language)


# Last, so that other hooks run before this one answers the request itself.
def confirm_deleting_the_language_trees(request, page):
    if not copies_follow(page):
        return None
    copies = cascade_to_language_trees([page], "delete").get(page, [])
    if not copies:
        return None
    refused = [
        copy.locale
        for copy in copies
        if copy.alias_of_id is None and not copy.permissions_for_user(request.user).can_delete()
    ]
    if refused:
        return refuse(
            request,
            _(
                "This page cannot be deleted: you may not delete its translations in "
                "%(languages)s. Ask someone who may, or unpublish the page instead."
            )
            % {"languages": languages(refused)},
            page,
        )
    if request.method != "GET":
        return None
    return TemplateResponse(
        request,
        "twinning/admin/language_trees_confirm_delete.html",
        delete_confirmation_context(request, page, copies),
    )


def delete_confirmation_context(request, page, copies) -> dict:
    """Wagtail's own confirmation context, with what each language tree loses."""
    usage = ReferenceIndex.get_references_to(page).group_by_source_object()
    descendant_count = page.get_descendant_count()
    losses = losses_on_delete(copies)
    return {
        "page": page,
        "descendant_count": descendant_count,
        "next": get_valid_next_url_from_request(request),
        "model_opts": page._meta,
        "usage_url": reverse("wagtailadmin_pages:usage", args=(page.id,)) + "?describe_on_delete=1",
        "usage_count": usage.count(),
        "is_protected": usage.is_protected,
        "type_to_confirm_before_delete": (descendant_count + 1)
        >= getattr(settings, "WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT", 10),
        "wagtail_site_name": getattr(settings, "WAGTAIL_SITE_NAME", "wagtail"),
        "translated_losses": [loss for loss in losses if loss.translations],
        "translation_count": sum(loss.translations for loss in losses),
        "string_count": sum(loss.strings for loss in losses),
        "alias_count": sum(loss.aliases for loss in losses),
    }


def restore_alias_of_deleted_translation(request, page):
    """A deleted translation goes back to being an alias of its source, as before."""
    if not in_scope(page) or page.locale_id == source_locale().pk:
        return None
    synchronisation = (
        LocaleSynchronization.objects.filter(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )
    if synchronisation is None:
        return None
    source = (
        Page.objects.filter(
            translation_key=page.translation_key, locale_id=synchronisation.sync_from_id
        )
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    realias_subtree(source, synchronisation.locale)
    messages.info(
        request,
        _(
            "Until it is translated again, this page shows its %(source_language)s text "
            "in %(language)s."
        )
        % {
            "source_language": source.locale.get_display_name(),
            "language": synchronisation.locale.get_display_name(),
        },
    )
    return None


def realias_subtree(source: Page, locale: Locale) -> None:
    """Alias into ``locale`` each page of ``source``'s subtree that has no page there."""
    subtree = list(Page.objects.descendant_of(source, inclusive=True).order_by("path"))
    present = set(
        Page.objects.filter(
            locale=locale, translation_key__in=[page.translation_key for page in subtree]
        ).values_list("translation_key", flat=True)
    )
    for page in subtree:
        if page.translation_key not in present:
            page.specific.copy_for_translation(locale, copy_parents=True, alias=True)
            present.add(page.translation_key)


# Unpublishing


def check_unpublishing_the_translations(request, page):
    """Refuse, before anything is unpublished, if one translation may not be unpublished."""
    translations = cascade_to_language_trees([page], "unpublish").get(page, [])
    refused = [
        translation.locale
        for translation in translations
        if not translation.permissions_for_user(request.user).can_unpublish()
    ]
    if refused:
        return refuse(
            request,
            _(
                "This page was not unpublished: you may not unpublish its translations in "
                "%(languages)s, which would stay online without their source."
            )
            % {"languages": languages(refused)},
            page,
        )
    return None


# Moving


def copy_of_parent(destination: Page, locale: Locale) -> Page | None:
    return Page.objects.filter(translation_key=destination.translation_key, locale=locale).first()


# Last, so that other hooks run before this one answers the request itself.
def move_with_the_language_trees(request, page, destination):
    """Move the source page and each of its copies under the new parent's copy, at once."""
    if not copies_follow(page) or destination.locale_id != page.locale_id:
        return None
    copies = copies_in_other_trees(page)
    moves = [(copy, copy_of_parent(destination, copy.locale)) for copy in copies]
    refused = [
        copy.locale
        for copy, target in moves
        if not (
            copy.permissions_for_user(request.user).can_move_to(target)
            if target is not None
            else copy.permissions_for_user(request.user).can_move()
        )
    ]
    if refused:
        return refuse_move(request, page, refused)
    if request.method != "POST":
        return None

    locale = page.locale
    try:
        with transaction.atomic():
            MovePageAction(page, destination, pos="last-child", user=request.user).execute()
            for copy, target in moves:
                locale = copy.locale
                if target is None:
                    target = destination.copy_for_translation(
                        copy.locale, copy_parents=True, alias=True
                    )
                copy = Page.objects.get(pk=copy.pk)
                if copy.get_parent().pk != target.pk:
                    MovePageAction(copy, target, pos="last-child", user=request.user).execute()
    except PermissionDenied:
        return refuse_move(request, page, [locale])
    except ValidationError as error:
        messages.error(
            request,
            _("This page was not moved: its copy in %(language)s could not be moved (%(error)s).")
            % {"language": locale.get_display_name(), "error": " ".join(error.messages)},
        )
        return redirect("wagtailadmin_pages:move", page.pk)

    # What Wagtail's view says and does after a move.
    messages.success(
        request,
        _("Page '%(page_title)s' moved.") % {"page_title": page.get_admin_display_title()},
        buttons=[messages.button(reverse("wagtailadmin_pages:edit", args=(page.id,)), _("Edit"))],
    )
    for fn in hooks.get_hooks("after_move_page"):
        result = fn(request, page)
        if hasattr(result, "status_code"):
            return result
    return redirect("wagtailadmin_explore", destination.id)


def refuse_move(request, page, locales):
    messages.error(
        request,
        _(
            "This page was not moved: you may not move its copies in %(languages)s, "
            "which must follow it."
        )
        % {"languages": languages(locales)},
    )
    return redirect("wagtailadmin_pages:move", page.pk)


# Bulk actions in page listings


def keep_bulk_actions_off_pages_with_copies(request, action_type, objects, action_class_instance):
    """Bulk actions run no page hooks: pages whose copies must follow go one at a time."""
    if action_type not in CASCADED_ACTIONS or not all(isinstance(obj, Page) for obj in objects):
        return None
    with_copies = [
        page for page, copies in cascade_to_language_trees(objects, action_type).items() if copies
    ]
    if not with_copies:
        return None
    messages.error(
        request,
        _(
            "These pages have copies in other languages, which must follow them: "
            "%(pages)s. Delete, move or unpublish them one at a time."
        )
        % {"pages": ", ".join(page.get_admin_display_title() for page in with_copies)},
    )
    return redirect(
        get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root")
    )


def unpublish_translations_with_their_source(sender, instance, **kwargs):
    """A source page gone offline by any path leaves no live translation behind."""
    if not copies_follow(instance):
        return
    for translation in Page.objects.filter(
        translation_key=instance.translation_key, live=True, alias_of__isnull=True
    ).exclude(pk=instance.pk):
        translation.specific.unpublish(user=None)
