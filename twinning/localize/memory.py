"""Earlier translations offered again: after a source string changes, or for identical text.

wagtail-localize keys a translation on the exact source string and its context. When the
French text changes by one character, the German translation of the old text stays in the
database but is never offered again; a duplicated block, or one whose type changed, must be
translated again although the same text is translated elsewhere. This module finds, for
each untranslated segment of a translation, (1) the translation of the previous text in
the same place, with that previous text, or (2) a translation of the identical text in
another place: the same object first, then any other.

Suggestions are computed, never stored: nothing counts as translated until a translator
accepts one, in the admin view below (reached from an info bar of the translation editor)
or by unflagging a ``fuzzy`` entry of an exported PO file.
"""

import difflib
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    get_edit_url,
)
from wagtail_localize.strings import (
    StringValue,
    validate_translation_links,
)
from wagtail_localize.views.edit_translation import user_can_edit_instance

from twinning.localize.review import translation_of_page
from twinning.localize.scope import in_scope

URL_NAME = "twinning_translation_memory_suggestions"
TEMPLATE = "twinning/admin/translation_memory_suggestions.html"

# Kinds of suggestion.
PREVIOUS = "previous"  # the same place translated before its source text changed
SAME_TEXT = "same_text"  # the identical source text translated in another place

# Below this similarity, an earlier text of a place holding several strings (paragraphs
# of one rich text) is taken for another paragraph, not an earlier version of this one.
MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class Suggestion:
    segment_id: int
    string_id: int
    context_id: int
    context_path: str
    # Source texts as stored by wagtail-localize (HTML; plain text is escaped).
    source: str
    previous_source: str | None
    translation: str
    kind: str
    # The segment is plain text (not a paragraph of rich text).
    plain_text: bool

    @property
    def source_text(self) -> str:
        return display_text(self.source, self.plain_text)

    @property
    def previous_source_text(self) -> str | None:
        if self.previous_source is None:
            return None
        return display_text(self.previous_source, self.plain_text)

    @property
    def translation_text(self) -> str:
        return display_text(self.translation, self.plain_text)


def display_text(data: str, plain_text: bool) -> str:
    """What a translator reads: plain text unescaped, rich text as its inline HTML."""
    return StringValue(data).render_text() if plain_text else data


def rich_text_contexts(source_id: int) -> dict[int, str]:
    """Contexts (id: path) of a source that hold rich text: they have a template segment."""
    return dict(
        TemplateSegment.objects.filter(source_id=source_id).values_list(
            "context_id", "context__path"
        )
    )


def translation_error(source_text: str, translation: str) -> str | None:
    """Why wagtail-localize would mark ``translation`` erroneous (and never use it), if so.

    The checks of ``StringTranslation.save()``: inline HTML only, links from the source.
    """
    try:
        StringValue.from_translated_html(translation)
        validate_translation_links(source_text, translation)
    except ValueError as error:
        return str(error.args[0]) if error.args else str(error)
    return None


def is_valid_for(source_text: str, translation: str) -> bool:
    return translation_error(source_text, translation) is None


def suggestions_for(translation: Translation) -> list[Suggestion]:
    """Suggestions for each untranslated segment of ``translation``, in page order.

    Three queries, whatever the number of segments: the segments, the rich text contexts,
    and the candidate translations (same contexts, or same strings anywhere).
    """
    locale_id = translation.target_locale_id
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .annotate(
            translated=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale_id,
                    has_error=False,
                )
            )
        )
        .order_by("order")
    )
    untranslated = [segment for segment in segments if not segment.translated]
    if not untranslated:
        return []
    rich = rich_text_contexts(translation.source_id)
    current = {(segment.string_id, segment.context_id) for segment in segments}
    strings_per_context: dict[int, int] = {}
    for segment in segments:
        strings_per_context[segment.context_id] = strings_per_context.get(segment.context_id, 0) + 1

    candidates = list(
        StringTranslation.objects.filter(locale_id=locale_id, has_error=False)
        .filter(
            Q(context_id__in={segment.context_id for segment in untranslated})
            | Q(translation_of_id__in={segment.string_id for segment in untranslated})
        )
        .select_related("translation_of", "context")
        .order_by("-updated_at", "-pk")
    )
    by_context: dict[int, list[StringTranslation]] = {}
    by_string: dict[int, list[StringTranslation]] = {}
    for candidate in candidates:
        if (candidate.translation_of_id, candidate.context_id) in current:
            by_string.setdefault(candidate.translation_of_id, []).append(candidate)
            continue
        by_context.setdefault(candidate.context_id, []).append(candidate)
        by_string.setdefault(candidate.translation_of_id, []).append(candidate)

    # The source's object, without a query: every context of its segments belongs to it.
    object_id = segments[0].context.object_id
    found: list[Suggestion] = []
    offered: set[int] = set()
    for segment in untranslated:
        plain = segment.context_id not in rich
        text = segment.string.data
        match, previous = None, None
        # An identical text translated elsewhere: in this object first, then anywhere.
        same_text = [
            candidate
            for candidate in by_string.get(segment.string_id, [])
            if candidate.context_id != segment.context_id and is_valid_for(text, candidate.data)
        ]
        same_text.sort(key=lambda candidate: candidate.context.object_id != object_id)
        if same_text:
            match = same_text[0]
        else:
            earlier = [
                candidate
                for candidate in by_context.get(segment.context_id, [])
                if candidate.pk not in offered
                and candidate.translation_of_id != segment.string_id
                and is_valid_for(text, candidate.data)
            ]
            best, best_ratio = None, 0.0
            for candidate in earlier:
                ratio = difflib.SequenceMatcher(
                    None, candidate.translation_of.data, text, autojunk=False
                ).ratio()
                if best is None or ratio > best_ratio:
                    best, best_ratio = candidate, ratio
            alone = strings_per_context.get(segment.context_id, 0) == 1
            if best is not None and (alone or best_ratio >= MIN_SIMILARITY):
                match, previous = best, best.translation_of.data
                offered.add(best.pk)
        if match is None:
            continue
        found.append(
            Suggestion(
                segment_id=segment.pk,
                string_id=segment.string_id,
                context_id=segment.context_id,
                context_path=segment.context.path,
                source=text,
                previous_source=previous,
                translation=match.data,
                kind=PREVIOUS if previous is not None else SAME_TEXT,
                plain_text=plain,
            )
        )
    return found


@transaction.atomic
def accept(translation: Translation, suggestions: list[Suggestion], user) -> int:
    """Store the accepted suggestions as the translator's own translations: two queries.

    An erroneous translation of the same segment, if any, is replaced. A page title also
    becomes the page's draft title, as wagtail-localize's own signal does on save.
    """
    if not suggestions:
        return 0
    now = timezone.now()
    rows = [
        StringTranslation(
            translation_of_id=suggestion.string_id,
            locale_id=translation.target_locale_id,
            context_id=suggestion.context_id,
            data=suggestion.translation,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name="",
            last_translated_by=user,
            has_error=False,
            field_error="",
            updated_at=now,
        )
        for suggestion in suggestions
    ]
    StringTranslation.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["locale", "translation_of", "context"],
        update_fields=[
            "data",
            "translation_type",
            "tool_name",
            "last_translated_by",
            "has_error",
            "field_error",
            "updated_at",
        ],
    )
    for suggestion in suggestions:
        if suggestion.context_path == "title":
            Page.objects.filter(
                translation_key=translation.source.object_id,
                locale_id=translation.target_locale_id,
            ).update(draft_title=suggestion.translation)
    return len(suggestions)


def edit_url_of(translation: Translation) -> str:
    return get_edit_url(translation.get_target_instance())


@require_http_methods(["GET", "POST"])
def review_suggestions(request, translation_id: int):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise PermissionDenied from error
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    edit_url = edit_url_of(translation)
    suggestions = suggestions_for(translation)
    if request.method == "POST":
        chosen = set(request.POST.getlist("accept"))
        accepted = [item for item in suggestions if str(item.segment_id) in chosen]
        count = accept(translation, accepted, request.user)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)d earlier translation accepted: check it in the editor.",
                    "%(count)d earlier translations accepted: check them in the editor.",
                    count,
                )
                % {"count": count},
            )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "translation": translation,
            "title": str(target),
            "language": translation.target_locale.get_display_name(),
            "suggestions": suggestions,
            "edit_url": edit_url,
            "PREVIOUS": PREVIOUS,
        },
    )


def register_translation_memory_urls():
    return [
        path(
            "translations/<int:translation_id>/suggestions/",
            review_suggestions,
            name=URL_NAME,
        )
    ]


# Before wagtail-localize's own hook (order 0), which answers with the translation editor.
def offer_suggestions(request, page):
    if request.method != "GET" or not in_scope(page):
        return None
    translation = translation_of_page(page)
    if translation is None or not page.permissions_for_user(request.user).can_edit():
        return None
    count = len(suggestions_for(translation))
    if count:
        messages.info(
            request,
            ngettext(
                "%(count)d suggestion from earlier translations.",
                "%(count)d suggestions from earlier translations.",
                count,
            )
            % {"count": count},
            buttons=[messages.button(reverse(URL_NAME, args=[translation.pk]), _("Review"))],
        )
    return None
