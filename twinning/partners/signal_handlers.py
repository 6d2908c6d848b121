"""Receivers of the partner exchange, connected in ``ready()``.

- Changes partners can see (the partner API's log) become webhook deliveries, queued.
- The review of a partner's translation is told to the partner. Wagtail's own workflow
  decides: when the workflow of a draft a partner sent is approved (which publishes the
  page), the contribution is approved; when a reviewer rejects a task ("Request changes"),
  it needs changes, with the reviewer's comment. Either way the partner's webhook receives
  the outcome, and a request for changes is e-mailed to its contact. A page with no
  workflow, or published directly by an editor, approves what it publishes (the editor
  whose revision went live is recorded); a workflow cancelled without publishing closes
  the contribution.
- The widget's reads are allowed from any origin (see widget_cors.py).
"""

import logging

from django.db import transaction

from wagtail.models import WorkflowState
from wagtail.signals import page_published, task_rejected, workflow_approved, workflow_cancelled

from twinning.api.signals import changes_recorded
from twinning.partners import contributions, widget_cors
from twinning.partners.models import TranslationContribution

logger = logging.getLogger(__name__)
Status = TranslationContribution.Status


# Webhooks ---------------------------------------------------------------------------------


def send_webhooks(sender, changes, **kwargs) -> None:
    """Turn the changes partners can see into webhook deliveries (queued, not sent here)."""
    from twinning.partners import dispatch

    try:
        dispatch.from_changes(changes)
    except Exception:  # the change is committed: a webhook problem must not fail it
        logger.exception("Could not record the webhook events of %d changes.", len(changes))


# Translations sent by partners ------------------------------------------------------------


def _in_review(workflow_state):
    return TranslationContribution.objects.filter(
        workflow_state=workflow_state, status=Status.IN_REVIEW
    ).select_related("access", "locale", "content_type")


def contribution_approved(sender, instance, user=None, **kwargs) -> None:
    """``workflow_approved``: ``instance`` is the WorkflowState; the page is published."""
    for contribution in _in_review(instance):
        with transaction.atomic():
            contributions.mark(contribution, Status.APPROVED, user)
        contributions.notify_partner(contribution, contributions.contributed_object(contribution))


def contribution_rejected(sender, instance, user=None, **kwargs) -> None:
    """``task_rejected``: ``instance`` is the TaskState, with the reviewer's comment."""
    for contribution in _in_review(instance.workflow_state):
        with transaction.atomic():
            contributions.mark(
                contribution, Status.CHANGES_REQUESTED, user, comment=instance.comment or ""
            )
        contributions.notify_partner(contribution, contributions.contributed_object(contribution))


def contribution_published(sender, instance, revision=None, **kwargs) -> None:
    """``page_published`` outside a workflow's approval (which ``contribution_approved``
    records with its reviewer): a draft with no workflow, or one an editor published."""
    if revision is None:
        return
    published = (
        TranslationContribution.objects.filter(
            translation_key=instance.translation_key,
            locale_id=instance.locale_id,
            status=Status.IN_REVIEW,
            revision_id__lte=revision.pk,
        )
        .exclude(workflow_state__status=WorkflowState.STATUS_APPROVED)
        .select_related("access", "locale", "content_type")
    )
    for contribution in published:
        with transaction.atomic():
            contributions.mark(contribution, Status.APPROVED, revision.user)
        contributions.notify_partner(contribution, instance)


def contribution_cancelled(sender, instance, user=None, **kwargs) -> None:
    for contribution in _in_review(instance):
        contributions.mark(contribution, Status.CANCELLED, user)


def connect() -> None:
    changes_recorded.connect(send_webhooks, dispatch_uid="twinning_partners_webhooks")
    workflow_approved.connect(contribution_approved, dispatch_uid="twinning_partners_approved")
    task_rejected.connect(contribution_rejected, dispatch_uid="twinning_partners_rejected")
    page_published.connect(contribution_published, dispatch_uid="twinning_partners_published")
    workflow_cancelled.connect(contribution_cancelled, dispatch_uid="twinning_partners_cancelled")
    widget_cors.connect()
