"""PO files for translators who work outside the admin, such as a partner city's staff.

Export writes one file per page (or snippet) that needs translating into a locale, built by
wagtail-localize's own ``Translation.export_po()``: source strings as msgids, segment paths
as msgctxt, the translations made so far as msgstrs. Its header names the object and the
version of the source it was made from. Import checks that header, then applies the file
through ``Translation.import_po()`` and saves the result as a draft: a translator's work is
published by a person in the admin, never by the import. Each file is applied in its own
transaction, so a rejected file leaves nothing behind.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import DataError, transaction
from django.db.models import Model, Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.coreutils import find_available_slug, get_content_languages
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringNotUsedInContext,
    Translation,
    TranslationLog,
    TranslationSource,
    UnknownContext,
    UnknownString,
)
from wagtail_localize.segments.ingest import ingest_segments

import polib

from .models import CooperationTheme, ExchangeStoryPage, PartnerCityPage
from .translation_status import coverage_for, source_locale

# Header fields, beside the standard "Language". Together they identify what the file
# translates and from which version of the source it was made.
TRANSLATION_KEY = "X-Twinning-Translation-Key"
OBJECT_TYPE = "X-Twinning-Object-Type"
OBJECT_TITLE = "X-Twinning-Object-Title"
SOURCE_LOCALE = "X-Twinning-Source-Locale"
SOURCE_ID = "X-Twinning-Source-Object-Id"
SOURCE_PATH = "X-Twinning-Source-Url-Path"
TRANSLATION_SOURCE_ID = "X-Twinning-Translation-Source-Id"
SOURCE_VERSION = "X-Twinning-Source-Version"
TARGET_LOCALE = "X-Twinning-Target-Locale"
REQUIRED_HEADERS = (
    TRANSLATION_KEY,
    SOURCE_LOCALE,
    TRANSLATION_SOURCE_ID,
    SOURCE_VERSION,
    TARGET_LOCALE,
)
# wagtail-localize's own header: import_po() silently ignores a file whose value differs
# from the translation it is given, so it is never written and dropped on import.
WAGTAIL_LOCALIZE_TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
TOOL_NAME = "PO file"


class RejectedFile(Exception):
    """A PO file that cannot be applied; the message says why, for the translator."""


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    title: str
    strings: int
    translated: int


@dataclass(frozen=True)
class ImportedFile:
    path: Path
    title: str
    language_code: str
    applied: int
    draft: bool


@dataclass(frozen=True)
class ExportPlan:
    """What an export would write: the objects to translate and those left out, and why."""

    to_export: list[TranslatableMixin]
    up_to_date: list[TranslatableMixin]
    edited_by_hand: list[TranslatableMixin]


def target_locale(language_code: str) -> Locale:
    """The locale to translate into, or ValueError saying which ones can be used."""
    source = source_locale()
    choices = [
        code
        for code in get_content_languages()
        if code != source.language_code and Locale.objects.filter(language_code=code).exists()
    ]
    if language_code not in choices:
        raise ValueError(
            _("Unknown locale “%(code)s”: choose one of %(choices)s.")
            % {"code": language_code, "choices": ", ".join(choices) or "-"}
        )
    return Locale.objects.get(language_code=language_code)


def find_partner(value: str) -> PartnerCityPage:
    """A partner city by slug, page id or Wikidata ID, as its page in the source locale."""
    value = value.strip()
    cities = PartnerCityPage.objects.all()
    if value.isdigit():
        found = cities.filter(pk=int(value))
    elif re.fullmatch(r"[Qq][1-9]\d*", value):
        found = cities.filter(wikidata_id=value.upper())
    else:
        found = cities.filter(slug=value)
    city = found.order_by("depth", "pk").first()
    if city is None:
        raise LookupError(
            _(
                "No partner city matches “%(value)s”: give its slug, page id or "
                "Wikidata ID (for example tubingen or Q3806)."
            )
            % {"value": value}
        )
    in_source = cities.filter(translation_key=city.translation_key, locale=source_locale())
    return in_source.first() or city


def translatable_sources(partner: PartnerCityPage | None = None) -> list[TranslatableMixin]:
    """Live, public pages of the source locale (and its themes), or those about one partner.

    Unpublished and private pages are left out: files leave the building.
    """
    source = source_locale()
    pages = Page.objects.filter(locale=source, depth__gt=1, alias_of__isnull=True).live().public()
    if partner is None:
        found: list[TranslatableMixin] = list(pages.specific().order_by("path"))
        found += list(CooperationTheme.objects.filter(locale=source).order_by("sort_order", "pk"))
        return found
    stories = ExchangeStoryPage.objects.concerning(partner).values("pk")
    about_partner = Q(translation_key=partner.translation_key) | Q(pk__in=stories)
    return list(pages.filter(about_partner).specific().order_by("path"))


def plan_export(objects: Sequence[TranslatableMixin], locale: Locale) -> ExportPlan:
    """Which objects need translating into ``locale``: missing, incomplete or out of date.

    A translation edited by hand (made outside wagtail-localize, or whose synchronisation
    was stopped in the editor) is left alone: importing over it would overwrite that work.
    """
    coverage = coverage_for(objects, [locale])
    managed = dict(
        Translation.objects.filter(
            source__object_id__in=[obj.translation_key for obj in objects],
            target_locale=locale,
        ).values_list("source__object_id", "enabled")
    )
    plan = ExportPlan([], [], [])
    for obj in objects:
        figures = coverage[obj.translation_key][locale.language_code]
        if figures.exists and not managed.get(obj.translation_key, False):
            plan.edited_by_hand.append(obj)
        elif figures.exists and figures.percent == 100 and not figures.out_of_date:
            plan.up_to_date.append(obj)
        else:
            plan.to_export.append(obj)
    return plan


def current_source(obj: TranslatableMixin) -> TranslationSource:
    """The object's TranslationSource, extracted again if the object changed since."""
    source, created = TranslationSource.get_or_create_from_instance(obj)
    if created:
        return source
    if isinstance(obj, Page):
        # Compare publication dates: the page row also holds revision bookkeeping that
        # changes with every draft and would mark every translation out of date.
        if obj.last_published_at and obj.last_published_at > source.last_updated_at:
            source.update_from_db()
        return source
    source, _created = TranslationSource.update_or_create_from_instance(obj)
    return source


def build_po(obj: TranslatableMixin, locale: Locale) -> polib.POFile:
    source = current_source(obj)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    po = (translation or Translation(source=source, target_locale=locale)).export_po()
    po.metadata.pop(WAGTAIL_LOCALIZE_TRANSLATION_ID, None)
    source_language = source.locale.get_display_name()
    target_language = locale.get_display_name()
    po.header = (
        f"{source.object_repr}: {source_language} → {target_language}.\n"
        "Fill in each msgstr; do not change msgid, msgctxt or the header below.\n"
        "Send the file back as it is: it is applied as a draft, reviewed, then published."
    )
    po.metadata.update(
        {
            "Project-Id-Version": getattr(settings, "WAGTAIL_SITE_NAME", "") or "twinning",
            "Language": locale.language_code,
            TRANSLATION_KEY: str(obj.translation_key),
            OBJECT_TYPE: obj._meta.label_lower,
            OBJECT_TITLE: source.object_repr,
            SOURCE_LOCALE: source.locale.language_code,
            SOURCE_ID: str(obj.pk),
            TRANSLATION_SOURCE_ID: str(source.pk),
            SOURCE_VERSION: source.last_updated_at.isoformat(),
            TARGET_LOCALE: locale.language_code,
        }
    )
    if isinstance(obj, Page):
        po.metadata[SOURCE_PATH] = obj.url_path
    return po


def po_filename(obj: Model, locale: Locale) -> str:
    kind = "page" if isinstance(obj, Page) else obj._meta.model_name
    name = slugify(str(obj))[:50] or "untitled"
    return f"{kind}-{obj.pk}-{name}.{locale.language_code}.po"


def export_object(obj: TranslatableMixin, locale: Locale, directory: Path) -> ExportedFile:
    po = build_po(obj, locale)
    path = directory / po_filename(obj, locale)
    po.save(str(path))
    entries = [entry for entry in po if not entry.obsolete]
    return ExportedFile(
        path=path,
        title=po.metadata[OBJECT_TITLE],
        strings=len(entries),
        translated=sum(1 for entry in entries if entry.msgstr),
    )


def po_files(paths: Iterable[Path]) -> list[Path]:
    """The PO files named, or found in the directories named, sorted by name."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob("*.po")) if path.is_dir() else [path]
    return found


def read_po(path: Path) -> polib.POFile:
    try:
        po = polib.pofile(str(path), wrapwidth=200)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RejectedFile(_("Malformed PO file: %(error)s") % {"error": error}) from error
    missing = [name for name in REQUIRED_HEADERS if not po.metadata.get(name)]
    if missing:
        raise RejectedFile(
            _(
                "Not a file written by export_translations: its header lacks %(fields)s. "
                "Export the page again and translate that file."
            )
            % {"fields": ", ".join(missing)}
        )
    return po


def check_locale(po: polib.POFile, expected: Locale | None) -> Locale:
    code = po.metadata[TARGET_LOCALE]
    language = po.metadata.get("Language")
    if language and language != code:
        raise RejectedFile(
            _("Wrong locale: the header says both “%(language)s” and “%(code)s”.")
            % {"language": language, "code": code}
        )
    if expected is not None and code != expected.language_code:
        raise RejectedFile(
            _("Wrong locale: this file translates into “%(code)s”, not “%(expected)s”.")
            % {"code": code, "expected": expected.language_code}
        )
    if code == po.metadata[SOURCE_LOCALE]:
        raise RejectedFile(
            _("Wrong locale: “%(code)s” is the language of the source.") % {"code": code}
        )
    try:
        return target_locale(code)
    except ValueError as error:
        raise RejectedFile(str(error)) from error


def check_source(po: polib.POFile) -> TranslationSource:
    source_id = po.metadata[TRANSLATION_SOURCE_ID]
    source = None
    if source_id.isdigit():
        source = (
            TranslationSource.objects.filter(pk=int(source_id)).select_related("locale").first()
        )
    if source is None or str(source.object_id) != po.metadata[TRANSLATION_KEY]:
        raise RejectedFile(
            _("Unknown source: %(title)s is not (or no longer) on this site.")
            % {"title": po.metadata.get(OBJECT_TITLE) or po.metadata[TRANSLATION_KEY]}
        )
    if source.locale.language_code != po.metadata[SOURCE_LOCALE]:
        raise RejectedFile(
            _("Unknown source: the file was made from “%(code)s”, the site's source is “%(site)s”.")
            % {"code": po.metadata[SOURCE_LOCALE], "site": source.locale.language_code}
        )
    try:
        source.get_source_instance()
    except ObjectDoesNotExist as error:
        raise RejectedFile(
            _("Unknown source: %(title)s has been deleted.") % {"title": source.object_repr}
        ) from error
    try:
        version = datetime.fromisoformat(po.metadata[SOURCE_VERSION])
    except ValueError as error:
        raise RejectedFile(
            _("Malformed header: %(field)s is not a date.") % {"field": SOURCE_VERSION}
        ) from error
    if version != source.last_updated_at:
        raise RejectedFile(
            _(
                "Stale source: %(title)s changed on %(changed)s, after this file was exported "
                "(%(exported)s). Export it again and carry your translations over "
                "(msgmerge does it)."
            )
            % {
                "title": source.object_repr,
                "changed": source.last_updated_at.isoformat(timespec="minutes"),
                "exported": version.isoformat(timespec="minutes"),
            }
        )
    return source


def check_not_edited_by_hand(source: TranslationSource, locale: Locale) -> None:
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return
    if getattr(target, "alias_of_id", None):
        return
    if not Translation.objects.filter(source=source, target_locale=locale, enabled=True).exists():
        raise RejectedFile(
            _(
                "The %(language)s version of %(title)s is edited by hand, outside the "
                "synchronised translation: update it in the admin instead."
            )
            % {"language": locale.get_display_name(), "title": source.object_repr}
        )


def check_page_title(po: polib.POFile, source: TranslationSource) -> None:
    """wagtail-localize copies a translated title into the page row as soon as it is stored,
    before any validation: an overlong title must be refused first."""
    if not issubclass(source.specific_content_type.model_class(), Page):
        return
    limit = Page._meta.get_field("title").max_length
    for entry in po:
        if entry.msgctxt == "title" and len(entry.msgstr) > limit:
            raise RejectedFile(
                _(
                    "The translation is not valid: title: at most %(limit)d characters, not %(count)d."
                )
                % {"limit": limit, "count": len(entry.msgstr)}
            )


def describe_import_warnings(warnings: list) -> str:
    described = []
    for warning in warnings[:5]:
        if isinstance(warning, UnknownString):
            described.append(_("unknown msgid “%(text)s”") % {"text": warning.string[:60]})
        elif isinstance(warning, UnknownContext):
            described.append(_("unknown msgctxt “%(text)s”") % {"text": warning.context})
        elif isinstance(warning, StringNotUsedInContext):
            described.append(
                _("msgid “%(text)s” does not belong to msgctxt “%(context)s”")
                % {"text": warning.string[:60], "context": warning.context}
            )
    more = len(warnings) - len(described)
    if more > 0:
        described.append(_("and %(count)d more") % {"count": more})
    return "; ".join(described)


def validate_translation(source: TranslationSource, locale: Locale) -> None:
    """Raise ValidationError if the translated text does not fit its fields.

    Checked on a throwaway copy before anything is saved: wagtail-localize validates drafts
    only partly, and reports some of their errors by failing itself.
    """
    original = source.as_instance()
    candidate = source.as_instance()
    # The segments wagtail-localize itself ingests when it saves the translation.
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, candidate, source.locale, locale, segments)
    errors: dict[str, list[str]] = {}
    try:
        # The slug is made valid and unique by wagtail-localize when it saves.
        candidate.clean_fields(exclude=["slug"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if isinstance(candidate, ClusterableModel):
        for relation in get_all_child_relations(candidate):
            for child in getattr(candidate, relation.get_accessor_name()).all():
                try:
                    child.clean_fields(exclude=[relation.field.name])
                except ValidationError as error:
                    for field_name, messages in error.message_dict.items():
                        errors.setdefault(f"{relation.name}.{field_name}", []).extend(messages)
    if errors:
        raise ValidationError(errors)


def save_as_draft(translation: Translation, user=None) -> bool:
    """Save the translation without publishing it; False for models that have no drafts.

    wagtail-localize's ``save_target(publish=False)`` writes the new text into the page row,
    which is what the public site shows when that translation is already live: there, the
    new version is stored as a revision only, for a person to review and publish.
    """
    source = translation.source
    locale = translation.target_locale
    if not issubclass(source.specific_content_type.model_class(), DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return False
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        target = None
    if target is None or not target.live or getattr(target, "alias_of_id", None):
        translation.save_target(user=user, publish=False)
        return True
    instance = source.get_ephemeral_translated_instance(locale, fallback=True)
    if isinstance(instance, Page):
        instance.slug = find_available_slug(
            instance.get_parent(), slugify(instance.slug), ignore_page_id=instance.pk
        )
    revision = instance.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return True


def import_file(path: Path, *, locale: Locale | None = None, user=None) -> ImportedFile:
    """Apply one PO file as a draft translation, or raise RejectedFile having written nothing."""
    po = read_po(path)
    target = check_locale(po, locale)
    source = check_source(po)
    check_not_edited_by_hand(source, target)
    for entry in po.obsolete_entries():
        po.remove(entry)
    for entry in po:
        if entry.fuzzy:
            # A guess the translator has not confirmed: leave that segment untranslated.
            entry.msgstr = ""
    po.metadata.pop(WAGTAIL_LOCALIZE_TRANSLATION_ID, None)
    check_page_title(po, source)
    try:
        with transaction.atomic():
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=target
            )
            warnings = translation.import_po(po, user=user, tool_name=TOOL_NAME)
            if warnings:
                raise RejectedFile(
                    _("The file does not match its source: %(problems)s.")
                    % {"problems": describe_import_warnings(warnings)}
                )
            validate_translation(source, target)
            draft = save_as_draft(translation, user=user)
    except DataError as error:
        # A value the database refuses that validation did not foresee.
        raise RejectedFile(
            _("The translation is not valid: %(error)s.") % {"error": error}
        ) from error
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}"
            for field, messages in getattr(error, "message_dict", {"": error.messages}).items()
        )
        raise RejectedFile(
            _("The translation is not valid: %(problems)s.") % {"problems": problems}
        ) from error
    return ImportedFile(
        path=path,
        title=source.object_repr,
        language_code=target.language_code,
        applied=sum(1 for entry in po if entry.msgstr),
        draft=draft,
    )
