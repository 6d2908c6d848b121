"""Translations a partner city sends back as PO files, and what becomes of them.

A partner downloads the PO file of a page (or a snippet) that concerns it, in one of its
languages, and sends it back translated. The file is checked as ``import_translations``
checks one (``twinning.localize.po_exchange``); a page's translation is then saved as a
draft and handed to the page's moderation workflow, never published by the upload. A
snippet has no drafts: its file is kept, checked, and applied when an editor approves it.
Each upload is recorded as a ``TranslationContribution``, which the review updates.

Refusals raise ``Refused`` with the HTTP status the API answers with; nothing is written.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Model
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.coreutils import get_content_languages
from wagtail.log_actions import log
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState

from twinning import conf
from twinning.api.filters import concerning_q
from twinning.localize import po_exchange
from twinning.localize.status import source_locale
from twinning.models import Actor, CooperationTheme, PartnerCityPage
from twinning.partners.models import PartnerAccess, TranslationContribution

#: The page-history action of an upload (see admin/contributions.py for its wording).
LOG_ACTION = "twinning_partners.contribution"
#: Snippets a partner may translate, by the name the API uses.
SNIPPET_MODELS = {"twinning.actor": Actor, "twinning.cooperationtheme": CooperationTheme}
RATE_WINDOW = 3600


@dataclass
class Refused(Exception):
    """Why an upload or a download is refused, with the status the API answers with."""

    status: int
    message: str
    problems: list[str] = field(default_factory=list)
    retry_after: int | None = None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Target:
    """What a partner translates: the source object (in the source language), and into what."""

    source: TranslatableMixin
    locale: Locale


# What concerns a partner ------------------------------------------------------------------


def concerns(access: PartnerAccess, obj: Model) -> bool:
    """Whether a page or a snippet concerns the partner, in any of its languages.

    Pages: the partner's city page, the pages naming it in ``partner_cities``, and calls
    naming no city (the API's ``?partner=`` filter, ``concerning_q``). Actors: those whose
    partner cities include it. Cooperation themes: those its city page lists.
    """
    city = access.partner
    if isinstance(obj, Page):
        return Page.objects.filter(pk=obj.pk).filter(concerning_q(city)).exists()
    if isinstance(obj, Actor):
        return obj.partner_cities.filter(translation_key=city.translation_key).exists()
    if isinstance(obj, CooperationTheme):
        return PartnerCityPage.objects.filter(
            translation_key=city.translation_key, themes__translation_key=obj.translation_key
        ).exists()
    return False


def partner_name(access: PartnerAccess) -> str:
    """The partner city's name in the source language, as editors know it."""
    city = access.partner
    original = PartnerCityPage.objects.filter(
        translation_key=city.translation_key, locale=source_locale()
    ).first()
    return (original or city).title


# Finding what is translated ---------------------------------------------------------------


def target_locale(access: PartnerAccess, code: str) -> Locale:
    """The locale a partner may translate into, or Refused (404 unknown, 403 not its own)."""
    source = source_locale()
    configured = [language for language, _name in get_content_languages().items()]
    locale = Locale.objects.filter(language_code=code).first()
    if code not in configured or code == source.language_code or locale is None:
        choices = [c for c in configured if c != source.language_code]
        raise Refused(
            404,
            _("“%(code)s” is not a language this site translates into: choose one of %(choices)s.")
            % {"code": code, "choices": ", ".join(choices)},
        )
    if code not in access.languages:
        raise Refused(
            403,
            _(
                "“%(code)s” is not among your languages (%(languages)s): ask the site's "
                "editors to add it to your account."
            )
            % {"code": code, "languages": ", ".join(access.languages) or "-"},
        )
    return locale


def page_target(access: PartnerAccess, page_id: int, code: str) -> Target:
    """The live, public page ``page_id`` (any language), its source and the locale."""
    page = Page.objects.filter(pk=page_id, depth__gt=1).live().public().first()
    if page is None:
        raise Refused(404, _("No published page has the id %(id)d.") % {"id": page_id})
    locale = target_locale(access, code)
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale=source_locale())
        .live()
        .public()
        .first()
    )
    if source is None:
        raise Refused(
            404,
            _(
                "The original version of page %(id)d is not published: there is nothing to translate."
            )
            % {"id": page_id},
        )
    source = source.specific
    if not concerns(access, source):
        raise Refused(
            403,
            _("Page %(id)d does not concern %(partner)s: you can translate only pages about it.")
            % {"id": page_id, "partner": access.partner.title},
        )
    return Target(source, locale)


def snippet_target(access: PartnerAccess, model_name: str, object_id: int, code: str) -> Target:
    """A translatable snippet (any language) that concerns the partner, and the locale."""
    model = SNIPPET_MODELS.get(model_name.lower())
    if model is None:
        raise Refused(
            404,
            _("“%(model)s” is not a kind of snippet partners translate: use %(models)s.")
            % {"model": model_name, "models": ", ".join(label(m) for m in SNIPPET_MODELS.values())},
        )
    obj = model.objects.filter(pk=object_id).first()
    if obj is None:
        raise Refused(
            404, _("No %(model)s has the id %(id)d.") % {"model": label(model), "id": object_id}
        )
    locale = target_locale(access, code)
    source = model.objects.filter(translation_key=obj.translation_key, locale=source_locale())
    source = source.first()
    if source is None:
        raise Refused(
            404, _("%(title)s has no original version to translate.") % {"title": str(obj)}
        )
    if not concerns(access, source):
        raise Refused(
            403,
            _("%(title)s does not concern %(partner)s: you can translate only what is about it.")
            % {"title": str(obj), "partner": access.partner.title},
        )
    return Target(source, locale)


def label(model: type[Model]) -> str:
    return model._meta.label


def po_file(target: Target) -> tuple[str, str]:
    """The PO file's text and its file name."""
    po = po_exchange.build_po(target.source, target.locale)
    return str(po), po_exchange.po_filename(target.source, target.locale)


# Limits -----------------------------------------------------------------------------------


def max_bytes() -> int:
    return int(conf.get("PARTNER_UPLOAD_MAX_BYTES"))


def too_large() -> Refused:
    return Refused(
        413,
        _("The file is larger than %(limit)s bytes: send one page or snippet per file.")
        % {"limit": max_bytes()},
    )


def count_upload(access: PartnerAccess) -> None:
    """Count an upload in this hour's window; Refused (429) past the limit.

    Counted in the cache, not in contributions: refused uploads count too (they cost the
    checks as much as accepted ones), and a refusal writes nothing to the database. A fixed
    window, keyed by the hour it started, expires by itself.
    """
    limit = int(conf.get("PARTNER_UPLOADS_PER_HOUR"))
    now = int(time.time())
    start = now - now % RATE_WINDOW
    key = f"twinning_partners:uploads:{access.pk}:{start}"
    cache.add(key, 0, timeout=RATE_WINDOW + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW + 60)
        count = 1
    if count > limit:
        raise Refused(
            429,
            ngettext(
                "Too many files: %(limit)d upload per hour is allowed. Try again later.",
                "Too many files: %(limit)d uploads per hour are allowed. Try again later.",
                limit,
            )
            % {"limit": limit},
            retry_after=max(1, start + RATE_WINDOW - now),
        )


# Checking a file --------------------------------------------------------------------------


def check_upload(target: Target, content: bytes) -> po_exchange.PreparedFile:
    """The file checked against its target, nothing written; Refused saying why."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(400, _("The file is not UTF-8 text: save it as UTF-8.")) from error
    try:
        po = po_exchange.parse_po(text)
    except po_exchange.RejectedFile as error:
        raise Refused(400, str(error)) from error
    if po.metadata[po_exchange.TRANSLATION_KEY] != str(target.source.translation_key):
        raise Refused(
            400,
            _("This file translates “%(file)s”, not “%(title)s”: send it to its own address.")
            % {
                "file": po.metadata.get(po_exchange.OBJECT_TITLE) or "?",
                "title": str(target.source),
            },
        )
    try:
        prepared = po_exchange.prepare(po, locale=target.locale, skip_invalid=True)
    except po_exchange.StaleSource as error:
        raise Refused(409, str(error)) from error
    except po_exchange.EditedByHand as error:
        raise Refused(409, str(error)) from error
    except po_exchange.RejectedFile as error:
        raise Refused(400, str(error)) from error
    if prepared.skipped:
        raise Refused(
            400,
            ngettext(
                "%(count)d translation is not valid, so nothing of the file was applied: "
                "correct it and send the file again.",
                "%(count)d translations are not valid, so nothing of the file was applied: "
                "correct them and send the file again.",
                len(prepared.skipped),
            )
            % {"count": len(prepared.skipped)},
            problems=[str(problem) for problem in prepared.skipped],
        )
    if not any(entry.msgstr for entry in prepared.po):
        raise Refused(
            400,
            _(
                "The file holds no translation: fill in the msgstr of the strings you "
                "translated (fuzzy entries count once their flag is removed)."
            ),
        )
    return prepared


def check_review_possible(target: Target) -> None:
    """A page already awaiting review, or locked, takes no new draft (409)."""
    page = (
        Page.objects.filter(translation_key=target.source.translation_key, locale=target.locale)
        .select_related("locked_by")
        .first()
    )
    if page is None:
        return
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise Refused(
            409,
            _(
                "The %(language)s version of “%(title)s” is already awaiting review: send your "
                "file again once it is reviewed."
            )
            % {"language": target.locale.get_display_name(), "title": target.source.title},
        )
    if page.locked:
        raise Refused(
            409,
            _("The %(language)s version of “%(title)s” is locked by an editor: try again later.")
            % {"language": target.locale.get_display_name(), "title": target.source.title},
        )


def apply_checked(prepared: po_exchange.PreparedFile) -> po_exchange.ImportedFile:
    try:
        return po_exchange.apply_file(prepared, user=None)
    except po_exchange.RejectedFile as error:
        raise Refused(400, str(error)) from error


# Submitting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submitted:
    contribution: TranslationContribution
    #: The translated page (None for a snippet, held until approved).
    page: Page | None
    #: Whether a moderation workflow reviews it (False: the draft waits for an editor).
    in_workflow: bool


def submit_page(access: PartnerAccess, target: Target, content: bytes) -> Submitted:
    """Apply the file as a draft of the translated page and hand it to its workflow."""
    prepared = check_upload(target, content)
    check_review_possible(target)
    with transaction.atomic():
        imported = apply_checked(prepared)
        page = Page.objects.get(pk=imported.page_id).specific
        revision = page.latest_revision
        workflow = page.get_workflow()
        state = None
        if workflow is not None:
            state = page.current_workflow_state
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(user=None)
            else:
                state = workflow.start(page, None)
        contribution = TranslationContribution.objects.create(
            access=access,
            content_type=ContentType.objects.get_for_model(page),
            object_id=str(page.pk),
            translation_key=page.translation_key,
            locale=target.locale,
            revision=revision,
            workflow_state=state,
            strings=imported.applied,
            po_file=content.decode("utf-8"),
        )
        log(
            instance=page,
            action=LOG_ACTION,
            user=None,
            revision=revision,
            data=log_data(access, contribution),
        )
    return Submitted(contribution, page, workflow is not None)


def submit_snippet(access: PartnerAccess, target: Target, content: bytes) -> Submitted:
    """Check the file fully (applied, then rolled back) and keep it for an editor."""
    prepared = check_upload(target, content)
    with transaction.atomic():
        imported = apply_checked(prepared)
        transaction.set_rollback(True)
    translated = translated_instance(target)
    contribution = TranslationContribution.objects.create(
        access=access,
        content_type=ContentType.objects.get_for_model(type(target.source)),
        object_id=str((translated or target.source).pk),
        translation_key=target.source.translation_key,
        locale=target.locale,
        strings=imported.applied,
        po_file=content.decode("utf-8"),
    )
    return Submitted(contribution, None, False)


def log_data(access: PartnerAccess, contribution: TranslationContribution) -> dict:
    return {
        "partner": {
            "id": access.partner_id,
            "title": partner_name(access),
            "contact": access.contact_name,
        },
        "contribution": {"id": contribution.pk, "strings": contribution.strings},
    }


def translated_instance(target: Target) -> TranslatableMixin | None:
    model = type(target.source)
    return model._default_manager.filter(
        translation_key=target.source.translation_key, locale=target.locale
    ).first()


# Review -----------------------------------------------------------------------------------


def contributed_object(contribution: TranslationContribution) -> Model | None:
    model = contribution.content_type.model_class()
    if model is None:
        return None
    found = model._default_manager.filter(
        translation_key=contribution.translation_key, locale=contribution.locale
    ).first()
    if isinstance(found, Page):
        return found.specific
    return found


def approve_snippet(contribution: TranslationContribution, user) -> Model:
    """Apply a snippet's held file (checked again: the source may have changed since)."""
    model = contribution.content_type.model_class()
    source = model._default_manager.filter(
        translation_key=contribution.translation_key, locale=source_locale()
    ).first()
    if source is None:
        raise Refused(404, _("The original of this snippet no longer exists."))
    target = Target(source, contribution.locale)
    prepared = check_upload(target, contribution.po_file.encode("utf-8"))
    with transaction.atomic():
        apply_checked(prepared)
        obj = translated_instance(target)
        contribution.object_id = str(obj.pk)
        mark(contribution, TranslationContribution.Status.APPROVED, user)
    notify_partner(contribution, obj)
    return obj


def request_changes_to_snippet(contribution: TranslationContribution, user, comment: str) -> None:
    with transaction.atomic():
        mark(contribution, TranslationContribution.Status.CHANGES_REQUESTED, user, comment)
    notify_partner(contribution, contributed_object(contribution))


def mark(contribution: TranslationContribution, status: str, user, comment: str = "") -> None:
    contribution.status = status
    contribution.comment = comment
    contribution.reviewed_at = timezone.now()
    contribution.reviewed_by = user if getattr(user, "pk", None) else None
    contribution.save(
        update_fields=["object_id", "status", "comment", "reviewed_at", "reviewed_by"]
    )


def notify_partner(contribution: TranslationContribution, obj: Model | None) -> None:
    """The outcome to the partner: its webhook, and an e-mail when changes are requested."""
    event = (
        "contribution.approved"
        if contribution.status == TranslationContribution.Status.APPROVED
        else "contribution.changes_requested"
    )
    extra = {
        "contribution": {
            "id": contribution.pk,
            "status": contribution.status,
            "comment": contribution.comment,
        }
    }
    emit = webhook_emitter()
    if emit is not None:
        emit(
            contribution.access,
            event,
            obj=obj,
            locale=contribution.locale.language_code,
            extra=extra,
        )
    if contribution.status == TranslationContribution.Status.CHANGES_REQUESTED:
        transaction.on_commit(lambda: mail_changes_requested(contribution, obj))


def webhook_emitter():
    """``dispatch.emit`` when the webhook module is there (it is optional to this one)."""
    try:
        from twinning.partners.dispatch import emit
    except ImportError:
        return None
    return emit


def partner_language(access: PartnerAccess) -> str:
    """The partner's first language the site speaks, for what is written to it."""
    spoken = {code for code, _name in settings.LANGUAGES}
    return next((code for code in access.languages if code in spoken), settings.LANGUAGE_CODE)


def mail_changes_requested(contribution: TranslationContribution, obj: Model | None) -> None:
    access = contribution.access
    with translation.override(partner_language(access)):
        title = str(obj) if obj is not None else str(contribution.translation_key)
        language = contribution.locale.get_display_name()
        subject = _("Changes requested to your translation of “%(title)s”") % {"title": title}
        lines = [
            _("Hello %(name)s,") % {"name": access.contact_name},
            "",
            _(
                "A reviewer asks for changes to the %(language)s translation of “%(title)s” "
                "that you sent on %(sent)s."
            )
            % {
                "language": language,
                "title": title,
                "sent": timezone.localtime(contribution.created_at).strftime("%Y-%m-%d %H:%M"),
            },
        ]
        if contribution.comment:
            lines += ["", _("The reviewer's comment:"), contribution.comment]
        lines += [
            "",
            _("Download the file again, correct it, and send it back to the same address."),
        ]
    send_mail(subject, "\n".join(lines), None, [access.contact_email])


def contribution_for_revision(page: Page) -> TranslationContribution | None:
    """The partner's upload that made the page's latest draft, if one did."""
    if not page.latest_revision_id:
        return None
    return (
        TranslationContribution.objects.filter(revision_id=page.latest_revision_id)
        .select_related("access__partner")
        .first()
    )
