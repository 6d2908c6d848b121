"""Only people who may publish a translation publish it, and never half-translated.

wagtail-localize's "Sync translated pages" (``/admin/localize/update/<source>/``) with
"Publish immediately" publishes every translation of the source with the permission to
submit translations only: an editor without the publish right republished German pages,
bypassing their workflow, and new French strings went live on German pages with no
notice. This view replaces it at the same URL (so wagtail-localize's links lead here) and
keeps its form; with "Publish immediately" it publishes a translation only when the user
may publish that page (or snippet) and every string of it is translated. Any other
translation becomes a draft revision, its live version untouched, handed to its
workflow where one applies and the translation is complete, and the message says which
translations were published, which wait for review and which still need translating.
Sources out of the workflow's scope (``twinning.localize.scope``) get wagtail-localize's
own view unchanged.
"""

import contextlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import (
    UpdateTranslationsView as LocalizeUpdateTranslationsView,
)

from twinning.localize.review import SubmissionRefused, save_translation_draft, submit_for_review
from twinning.localize.scope import in_scope


def may_publish(user, target) -> bool:
    """Whether ``user`` may make ``target`` (a translated page or snippet) live."""
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(target, DraftStateMixin) else "change"
    return ModelPermissionPolicy(type(target)).user_has_permission(user, action)


def is_complete(translation: Translation) -> bool:
    total, translated = translation.get_progress()
    return translated >= total


@dataclass
class Outcome:
    published: list[str] = field(default_factory=list)
    in_review: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)


def publish_or_keep_draft(translation: Translation, user, outcome: Outcome) -> None:
    """Publish ``translation`` when ``user`` may and it is complete, else keep a draft."""
    target = translation.get_target_instance()
    language = str(translation.target_locale.get_display_name())
    complete = is_complete(translation)
    if complete and may_publish(user, target):
        with contextlib.suppress(ValidationError):
            translation.save_target(user=user, publish=True)
            outcome.published.append(language)
        return
    if not isinstance(target, Page):
        # A snippet without a draft state has no draft to keep: it stays as it is.
        (outcome.incomplete if not complete else outcome.drafts).append(language)
        return
    target = target.specific
    if complete:
        try:
            submit_for_review(translation, target, user)
        except SubmissionRefused:
            pass
        else:
            outcome.in_review.append(language)
            return
    with contextlib.suppress(ValidationError):
        save_translation_draft(translation, target, user)
    (outcome.drafts if complete else outcome.incomplete).append(language)


class UpdateTranslationsView(LocalizeUpdateTranslationsView):
    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"] or not in_scope(
            self.object.specific_content_type.model_class()
        ):
            return super().form_valid(form)
        self.object.update_from_db()
        translations = self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        if form.cleaned_data.get("use_machine_translation"):
            translator = get_machine_translator()
            for translation in translations:
                apply_machine_translation(translation.id, self.request.user, translator)
        outcome = Outcome()
        for translation in translations:
            publish_or_keep_draft(translation, self.request.user, outcome)
        self.components.save(
            self.object, sources_and_translations={self.object: list(translations)}
        )
        self.report(outcome)
        return redirect(self.get_success_url() or self.get_default_success_url())

    def report(self, outcome: Outcome) -> None:
        title = self.object.object_repr
        if outcome.published:
            messages.success(
                self.request,
                _("“%(title)s” was updated and published in: %(languages)s.")
                % {"title": title, "languages": ", ".join(outcome.published)},
            )
        if outcome.in_review:
            messages.info(
                self.request,
                _("Submitted for review, as you may not publish them: %(languages)s.")
                % {"languages": ", ".join(outcome.in_review)},
            )
        if outcome.drafts:
            messages.warning(
                self.request,
                _("Saved as drafts, not published, as you may not publish them: %(languages)s.")
                % {"languages": ", ".join(outcome.drafts)},
            )
        if outcome.incomplete:
            messages.warning(
                self.request,
                _(
                    "Not published, as some strings are not translated yet "
                    "(readers keep the published version): %(languages)s."
                )
                % {"languages": ", ".join(outcome.incomplete)},
            )


# Before wagtail-localize's own URLs (order 0): the same path resolves to this view.
def register_update_translations_url():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="twinning_update_translations",
        )
    ]
