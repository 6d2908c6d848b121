"""PO files for translators who work outside the admin, such as a partner city's staff.

Export writes one file per page (or snippet) that needs translating into a locale, built by
wagtail-localize's own ``Translation.export_po()``: source strings as msgids, segment paths
as msgctxt, the translations made so far as msgstrs. Its header names the object and the
version of the source it was made from. Import checks that header, then applies the file
through ``Translation.import_po()`` and saves the result as a draft: a translator's work is
published by a person in the admin, never by the import. Every file is checked before any
is applied, and by default one rejected file leaves the database as it was.
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
from django.utils.translation import ngettext

from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringNotUsedInContext,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
    UnknownContext,
    UnknownString,
)
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

import polib

from twinning.localize.drafts import is_converted_alias
from twinning.localize.memory import (
    display_text,
    rich_text_contexts,
    suggestions_for,
    translation_error,
)
from twinning.localize.review import save_translation_draft
from twinning.localize.status import coverage_for, source_locale
from twinning.models import CooperationTheme, ExchangeStoryPage, PartnerCityPage
from twinning.validators import parse_whole_number

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


class StaleSource(RejectedFile):
    """The file was made from an earlier version of its source: export it again."""


class EditedByHand(RejectedFile):
    """The translation is edited by hand in the admin: a file must not overwrite it."""


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    title: str
    strings: int
    # Translated, not counting the fuzzy suggestions.
    translated: int
    suggested: int


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
    if (pk := parse_whole_number(value)) is not None:
        found = cities.filter(pk=pk)
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
    """The PO file of ``obj`` for ``locale``, from the object's current content.

    Plain-text strings are written as the translator reads them (``AT&T``, not the
    ``AT&amp;T`` wagtail-localize stores); rich text keeps its inline HTML. Untranslated
    strings with an earlier translation get it as a ``fuzzy`` suggestion, with the earlier
    source text as ``#| msgid`` when the source changed: a suggestion is not a
    translation until a translator confirms it by removing the flag.
    """
    source = current_source(obj)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    translation = translation or Translation(source=source, target_locale=locale)
    po = translation.export_po()
    po.metadata.pop(WAGTAIL_LOCALIZE_TRANSLATION_ID, None)
    rich = set(rich_text_contexts(source.pk).values())
    suggestions = {
        (suggestion.context_path, suggestion.source): suggestion
        for suggestion in suggestions_for(translation)
    }
    for entry in po:
        if entry.obsolete:
            continue
        suggestion = suggestions.get((entry.msgctxt, entry.msgid))
        if entry.msgctxt not in rich:
            entry.msgid = display_text(entry.msgid, plain_text=True)
            entry.msgstr = display_text(entry.msgstr, plain_text=True)
        if suggestion is not None and not entry.msgstr:
            entry.msgstr = suggestion.translation_text
            entry.flags.append("fuzzy")
            if suggestion.previous_source is not None:
                entry.previous_msgid = suggestion.previous_source_text
    source_language = source.locale.get_display_name()
    target_language = locale.get_display_name()
    po.header = (
        f"{source.object_repr}: {source_language} → {target_language}.\n"
        "Fill in each msgstr; do not change msgid, msgctxt or the header below.\n"
        "Entries marked fuzzy hold an earlier translation: correct it if needed and remove\n"
        "the fuzzy flag to use it; fuzzy entries are not imported.\n"
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
        translated=sum(1 for entry in entries if entry.msgstr and not entry.fuzzy),
        suggested=sum(1 for entry in entries if entry.fuzzy),
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
    return check_header(po)


def parse_po(content: str) -> polib.POFile:
    """A PO file from its text (an upload), checked as ``read_po`` checks a file."""
    # polib reads its argument as a path when a file of that name exists: a PO file always
    # has several lines, a path here never does.
    if "\n" not in content.strip():
        raise RejectedFile(_("Malformed PO file: it has no entries and no header."))
    try:
        po = polib.pofile(content, wrapwidth=200)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RejectedFile(_("Malformed PO file: %(error)s") % {"error": error}) from error
    return check_header(po)


def check_header(po: polib.POFile) -> polib.POFile:
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


def normalised_language(value: str) -> str:
    """A language code as configured for content: ``es_ES``, ``es-ES`` and ``ES`` give ``es``.

    A code no configured language matches comes back lower-cased, for the error message.
    """
    code = value.strip().replace("_", "-").lower()
    try:
        return get_supported_content_language_variant(code)
    except LookupError:
        return code


def check_locale(po: polib.POFile, expected: Locale | None) -> Locale:
    declared = po.metadata[TARGET_LOCALE]
    language = (po.metadata.get("Language") or "").strip()
    if not language:
        raise RejectedFile(
            _(
                "Missing language: the header “Language” is empty. Put back the language "
                "code of the translation (“%(code)s”), or export the page again."
            )
            % {"code": declared}
        )
    code = normalised_language(declared)
    if normalised_language(language) != code:
        raise RejectedFile(
            _("Wrong locale: the header says both “%(language)s” and “%(code)s”.")
            % {"language": language, "code": declared}
        )
    if expected is not None and code != expected.language_code:
        raise RejectedFile(
            _("Wrong locale: this file translates into “%(code)s”, not “%(expected)s”.")
            % {"code": code, "expected": expected.language_code}
        )
    if code == normalised_language(po.metadata[SOURCE_LOCALE]):
        raise RejectedFile(
            _("Wrong locale: “%(code)s” is the language of the source.") % {"code": code}
        )
    try:
        return target_locale(code)
    except ValueError as error:
        raise RejectedFile(str(error)) from error


def check_source(po: polib.POFile) -> TranslationSource:
    """The file's source, extracted again from the object's current content if it changed.

    A file is current only if it was exported from that content: otherwise the draft would
    be built from an old extract (a deleted milestone back, old coordinates).
    """
    source_id = po.metadata[TRANSLATION_SOURCE_ID]
    source = None
    if (pk := parse_whole_number(source_id)) is not None:
        source = TranslationSource.objects.filter(pk=pk).select_related("locale").first()
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
        instance = source.get_source_instance()
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
    source = current_source(instance)
    if version != source.last_updated_at:
        changed = source.last_updated_at
        published = getattr(instance, "last_published_at", None)
        if published and published > version:
            changed = published
        raise StaleSource(
            _(
                "Stale source: %(title)s changed on %(changed)s, after this file was exported "
                "(%(exported)s). Export it again and carry your translations over "
                "(msgmerge does it)."
            )
            % {
                "title": source.object_repr,
                "changed": changed.isoformat(timespec="minutes"),
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
        raise EditedByHand(
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


@dataclass(frozen=True)
class InvalidString:
    """A translation wagtail-localize would mark erroneous, and so never use."""

    context: str
    msgid: str
    reason: str

    def __str__(self) -> str:
        return _("msgctxt “%(context)s”, msgid “%(text)s”: %(reason)s") % {
            "context": self.context,
            "text": self.msgid[:60],
            "reason": self.reason,
        }


def describe_invalid(invalid: Sequence[InvalidString]) -> str:
    return "; ".join(str(item) for item in invalid)


def to_stored_form(
    po: polib.POFile, source: TranslationSource
) -> list[tuple[polib.POEntry, InvalidString]]:
    """Rewrite the entries as wagtail-localize stores them; return the erroneous ones.

    Plain-text msgids were written as text: they are mapped back to the stored strings, and
    their msgstrs escaped as text (``AT&T`` stays ``AT&T``). Rich text is inline HTML both
    ways. An entry that matches no string of the source raises RejectedFile. Erroneous
    translations are left in place: the caller decides whether they refuse the file.
    """
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    rich = rich_text_contexts(source.pk)
    known: dict[tuple[str, str], tuple[str, bool]] = {}
    for segment in segments:
        plain = segment.context_id not in rich
        text = display_text(segment.string.data, plain_text=plain)
        known[(segment.context.path, text)] = (segment.string.data, plain)
    contexts = {context for context, _text in known}
    texts = {text for _context, text in known}

    warnings, invalid = [], []
    for index, entry in enumerate(po):
        found = known.get((entry.msgctxt, entry.msgid))
        if found is None:
            if entry.msgctxt not in contexts:
                warnings.append(UnknownContext(index, entry.msgctxt))
            elif entry.msgid not in texts:
                warnings.append(UnknownString(index, entry.msgid))
            else:
                warnings.append(StringNotUsedInContext(index, entry.msgid, entry.msgctxt))
            continue
        data, plain = found
        shown, entry.msgid = entry.msgid, data
        if not entry.msgstr:
            continue
        value = StringValue.from_plaintext(entry.msgstr).data if plain else entry.msgstr
        error = translation_error(data, value)
        if error:
            invalid.append((entry, InvalidString(entry.msgctxt, shown, error)))
            continue
        entry.msgstr = value if plain else StringValue.from_translated_html(value).data
    if warnings:
        raise RejectedFile(
            _("The file does not match its source: %(problems)s.")
            % {"problems": describe_import_warnings(warnings)}
        )
    return invalid


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

    A page that exists is saved by the review module's ``save_translation_draft``, which
    keeps live content untouched. A missing page, or an alias of the source, is created or
    converted by wagtail-localize as a draft; a converted alias is then unpublished (as
    ``translation_drafts`` does when live status is not synchronised) so nothing goes live.
    """
    source = translation.source
    locale = translation.target_locale
    model = source.specific_content_type.model_class()
    if not issubclass(model, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return False
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        target = None
    if isinstance(target, Page) and not target.alias_of_id:
        save_translation_draft(translation, target, user)
        return True
    translation.save_target(user=user, publish=False)
    if issubclass(model, Page):
        page = Page.objects.get(translation_key=source.object_id, locale=locale)
        if is_converted_alias(page):
            page.specific.unpublish(user=None)
    return True


@dataclass
class PreparedFile:
    """A file checked against the site, ready to apply."""

    # None for a file that was never on disk (an upload).
    path: Path | None
    po: polib.POFile
    source: TranslationSource
    target: Locale
    # Fuzzy entries with a suggestion, ignored.
    fuzzy: int
    # Erroneous translations left out (only with ``skip_invalid``).
    skipped: list[InvalidString]


@dataclass(frozen=True)
class ImportedFile:
    path: Path | None
    title: str
    language_code: str
    applied: int
    # The translation is a draft waiting for review (pages); False for a snippet.
    draft: bool
    fuzzy: int = 0
    skipped: tuple[InvalidString, ...] = ()
    page_id: int | None = None


@dataclass(frozen=True)
class ImportReport:
    imported: list[ImportedFile]
    # (file, why it was rejected)
    rejected: list[tuple[Path, str]]
    # Files found valid but not applied because others were rejected (all-or-nothing).
    withheld: list[Path]


def prepare_file(
    path: Path, *, locale: Locale | None = None, skip_invalid: bool = False
) -> PreparedFile:
    """Check one file without writing any translation; raise RejectedFile saying why."""
    return prepare(read_po(path), locale=locale, skip_invalid=skip_invalid, path=path)


def prepare(
    po: polib.POFile,
    *,
    locale: Locale | None = None,
    skip_invalid: bool = False,
    path: Path | None = None,
) -> PreparedFile:
    """Check a PO file read by ``read_po`` or ``parse_po``, as ``prepare_file`` does."""
    target = check_locale(po, locale)
    source = check_source(po)
    check_not_edited_by_hand(source, target)
    for entry in po.obsolete_entries():
        po.remove(entry)
    po.metadata.pop(WAGTAIL_LOCALIZE_TRANSLATION_ID, None)
    fuzzy = 0
    for entry in po:
        if entry.fuzzy:
            # A suggestion the translator has not confirmed: that string stays untranslated.
            fuzzy += bool(entry.msgstr)
            entry.msgstr = ""
    check_page_title(po, source)
    found = to_stored_form(po, source)
    invalid = [problem for _entry, problem in found]
    if invalid and not skip_invalid:
        raise RejectedFile(
            ngettext(
                "%(count)d translation is not valid, so nothing of the file was applied: "
                "%(problems)s. Correct it, or import with --skip-invalid to apply the file "
                "without it.",
                "%(count)d translations are not valid, so nothing of the file was applied: "
                "%(problems)s. Correct them, or import with --skip-invalid to apply the file "
                "without them.",
                len(invalid),
            )
            % {"count": len(invalid), "problems": describe_invalid(invalid)}
        )
    for entry, _problem in found:
        entry.msgstr = ""
    return PreparedFile(path, po, source, target, fuzzy, invalid)


def apply_file(prepared: PreparedFile, *, user=None) -> ImportedFile:
    """Apply a checked file as a draft translation, or raise RejectedFile having written nothing."""
    po, source, target = prepared.po, prepared.source, prepared.target
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
            check_nothing_erroneous(po, source, target)
            validate_translation(source, target)
            draft = save_as_draft(translation, user=user)
            page_id = None
            if draft:
                page = Page.objects.get(translation_key=source.object_id, locale=target)
                draft = not page.live or page.has_unpublished_changes
                page_id = page.pk
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
        path=prepared.path,
        title=source.object_repr,
        language_code=target.language_code,
        applied=sum(1 for entry in po if entry.msgstr),
        draft=draft,
        fuzzy=prepared.fuzzy,
        skipped=tuple(prepared.skipped),
        page_id=page_id,
    )


def check_nothing_erroneous(po: polib.POFile, source: TranslationSource, locale: Locale) -> None:
    """Refuse the file if wagtail-localize marked any of its translations erroneous anyway."""
    stored = {(entry.msgctxt, entry.msgid) for entry in po if entry.msgstr}
    erroneous = [
        InvalidString(path, display_text(data, plain_text=True), "")
        for path, data in StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=locale, has_error=True
        ).values_list("context__path", "translation_of__data")
        if (path, data) in stored
    ]
    if erroneous:
        raise RejectedFile(
            _("wagtail-localize refused these translations: %(problems)s.")
            % {"problems": "; ".join(f"{item.context}: {item.msgid[:60]}" for item in erroneous)}
        )


def import_file(
    path: Path, *, locale: Locale | None = None, user=None, skip_invalid: bool = False
) -> ImportedFile:
    """Check and apply one PO file as a draft, or raise RejectedFile having written nothing."""
    return apply_file(prepare_file(path, locale=locale, skip_invalid=skip_invalid), user=user)


def import_files(
    paths: Iterable[Path],
    *,
    locale: Locale | None = None,
    user=None,
    skip_invalid: bool = False,
    partial: bool = False,
) -> ImportReport:
    """Check every file, then apply them: all or none, unless ``partial``.

    Every file is checked before any is applied. By default one rejected file (when
    checked, or when applied) leaves the database as it was; with ``partial`` the valid
    files are applied and the rejected ones left out, each in its own transaction.
    """
    prepared, rejected = [], []
    for path in paths:
        try:
            prepared.append(prepare_file(path, locale=locale, skip_invalid=skip_invalid))
        except RejectedFile as error:
            rejected.append((path, str(error)))
    if rejected and not partial:
        return ImportReport([], rejected, [item.path for item in prepared])
    imported: list[ImportedFile] = []
    with transaction.atomic():
        for item in prepared:
            try:
                imported.append(apply_file(item, user=user))
            except RejectedFile as error:
                rejected.append((item.path, str(error)))
        if rejected and not partial:
            transaction.set_rollback(True)
            return ImportReport([], rejected, [item.path for item in imported])
    return ImportReport(imported, rejected, [])
