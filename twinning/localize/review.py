"""Submit a page translated in wagtail-localize's editor to the page's moderation workflow.

wagtail-localize replaces Wagtail's page editor with its own translation editor for
translated pages. Its action bar is drawn by React from fixed props and offers "Publish"
only: a translator without publish rights can save strings but never ask for review, and
the strings never reach a revision. This module adds the missing step.

The translation editor shows the view's messages, so a ``before_edit_page`` hook that runs
before wagtail-localize's (which answers with the editor) adds one offering "Submit for
review". That link opens a confirmation page; confirming saves the current strings as a
draft revision of the translated page and starts (or, after changes were requested,
resumes) the page's workflow. Reviewers then approve it with Wagtail's own workflow
screens, and approving publishes it.

A live page keeps its live content until the new revision is approved: wagtail-localize's
``save_target(publish=False)`` writes the translated fields to the page row itself, which
readers and the API would see at once, so for live pages only a revision is saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, Revision, Workflow, WorkflowState
from wagtail_localize.models import Translation, TranslationLog

from twinning.localize.scope import in_scope

URL_NAME = "twinning_submit_translation_for_review"
TEMPLATE = "twinning/admin/submit_translation_for_review.html"


class SubmissionRefused(Exception):
    """Why a translation cannot be submitted for review, in words for the editor."""


def translation_of_page(page: Page) -> Translation | None:
    """The translation whose target is ``page``, when the translation editor edits it."""
    if page.alias_of_id:
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def check_submission(page: Page, user, translation: Translation | None) -> Workflow:
    """The workflow to submit ``page`` to; raises SubmissionRefused when it cannot be."""
    title = page.get_admin_display_title()
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        raise SubmissionRefused(
            _("You cannot edit “%(title)s”, so you cannot submit it for review.") % {"title": title}
        )
    if translation is None:
        raise SubmissionRefused(
            _("“%(title)s” is not a translation made in the translation editor.") % {"title": title}
        )
    workflow = page.get_workflow()
    if workflow is None:
        raise SubmissionRefused(
            _(
                "No moderation workflow applies to “%(title)s”: "
                "someone who may publish it must publish it."
            )
            % {"title": title}
        )
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task = state.current_task_state.task.name if state.current_task_state else workflow.name
        raise SubmissionRefused(
            _("“%(title)s” is already awaiting review (%(task)s).") % {"title": title, "task": task}
        )
    # After the moderation check: a page in moderation is locked too, and that says less.
    if permissions.page_locked():
        raise SubmissionRefused(
            _("“%(title)s” is locked, so it cannot be submitted for review.") % {"title": title}
        )
    return workflow


def save_translation_draft(translation: Translation, page: Page, user) -> Revision:
    """A new revision of ``page`` holding the current translations; live content untouched.

    Untranslated strings keep the source text, as when wagtail-localize publishes.
    """
    if page.live:
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
        )
        revision = draft.save_revision(user=user)
        TranslationLog.objects.create(
            source=translation.source, locale=translation.target_locale, revision=revision
        )
    else:
        translation.save_target(user=user, publish=False)
        revision = page.get_latest_revision()
    log(instance=page, action="wagtail.edit", user=user, revision=revision)
    return revision


@transaction.atomic
def submit_for_review(translation: Translation, page: Page, user) -> WorkflowState:
    """Save the translation as a draft and hand it to the page's workflow."""
    page = page.specific_class.objects.select_for_update().get(pk=page.pk)
    workflow = check_submission(page, user, translation)
    save_translation_draft(translation, page, user)
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    return workflow.start(page, user)


def describe(page: Page, translation: Translation) -> dict[str, str]:
    return {
        "title": page.get_admin_display_title(),
        "language": translation.target_locale.get_display_name(),
    }


@require_http_methods(["GET", "POST"])
def submit_translation_for_review(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    translation = translation_of_page(page)
    try:
        workflow = check_submission(page, request.user, translation)
    except SubmissionRefused as refusal:
        messages.error(request, str(refusal))
        if not page.permissions_for_user(request.user).can_edit():
            return redirect("wagtailadmin_home")
        return redirect(edit_url)

    if request.method == "POST":
        try:
            submit_for_review(translation, page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation of “%(title)s” could not be saved: %(errors)s")
                % {**describe(page, translation), "errors": " ".join(error.messages)},
            )
        except SubmissionRefused as refusal:  # submitted by someone else meanwhile
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("The translation of “%(title)s” (%(language)s) was submitted for review.")
                % describe(page, translation),
            )
        return redirect(edit_url)

    total, translated = translation.get_progress()
    state = page.current_workflow_state
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "page": page,
            "translation": translation,
            "workflow": workflow,
            "resubmission": state is not None
            and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
            "total_strings": total,
            "translated_strings": translated,
            "edit_url": edit_url,
            **describe(page, translation),
        },
    )


def register_translation_review_urls():
    return [
        path(
            "translations/<int:page_id>/submit-for-review/",
            submit_translation_for_review,
            name=URL_NAME,
        )
    ]


# Before wagtail-localize's own hook (order 0), which answers with the translation editor.
def offer_submission_for_review(request, page):
    if request.method != "GET" or not in_scope(page):
        return None
    translation = translation_of_page(page)
    if translation is None:
        return None
    try:
        check_submission(page, request.user, translation)
    except SubmissionRefused:
        return None
    messages.info(
        request,
        _(
            "When the translation is ready, submit it for review: a reviewer approves and publishes it."
        ),
        buttons=[messages.button(reverse(URL_NAME, args=[page.pk]), _("Submit for review"))],
    )
    return None
