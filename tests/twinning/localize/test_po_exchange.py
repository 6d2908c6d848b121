"""PO export and import for translators outside the admin."""

import datetime
from io import StringIO

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib
import pytest

from tests import factories
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    locale,
    publish,
    submit,
    translate_strings,
    translation_of,
)
from tests.twinning.translation_helpers import alias
from twinning.localize import po_exchange
from twinning.models import PartnerCityPage


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in their source language."""
    with translation.override("en"):
        yield


@pytest.fixture
def languages(db):
    return [locale("en"), locale("de"), locale("ar")]


def export(*args, out):
    stdout = StringIO()
    call_command("export_translations", *args, "--out", str(out), stdout=stdout)
    return stdout.getvalue()


def import_(*args):
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        call_command("import_translations", *map(str, args), stdout=stdout, stderr=stderr)
    except CommandError as raised:
        error = raised
    return stdout.getvalue(), stderr.getvalue(), error


def po_for(directory, page, code="de"):
    (path,) = directory.glob(f"page-{page.pk}-*.{code}.po")
    return path, polib.pofile(str(path))


def fill(path, translations: dict[str, str]):
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    po.save(str(path))


# Export ----------------------------------------------------------------------------------


def test_export_writes_one_file_per_page_with_its_identity(tubingen, story, languages, tmp_path):
    theme = factories.CooperationThemeFactory(name="Culture")
    summary = export("--locale", "de", out=tmp_path)

    names = sorted(path.name for path in tmp_path.iterdir())
    assert f"page-{tubingen.pk}-tubingen.de.po" in names
    assert f"page-{story.pk}-etudiants-a-tubingen.de.po" in names
    assert f"cooperationtheme-{theme.pk}-culture.de.po" in names
    assert len(names) == 6  # home, two indexes, city, story, theme
    assert "Exported 6 PO files for German" in summary

    _path, po = po_for(tmp_path, tubingen)
    source = TranslationSource.objects.get(object_id=tubingen.translation_key)
    assert po.metadata["Language"] == "de"
    assert po.metadata["X-Twinning-Target-Locale"] == "de"
    assert po.metadata["X-Twinning-Source-Locale"] == "fr"
    assert po.metadata["X-Twinning-Translation-Key"] == str(tubingen.translation_key)
    assert po.metadata["X-Twinning-Source-Object-Id"] == str(tubingen.pk)
    assert po.metadata["X-Twinning-Source-Url-Path"] == tubingen.url_path
    assert po.metadata["X-Twinning-Translation-Source-Id"] == str(source.pk)
    assert po.metadata["X-Twinning-Source-Version"] == source.last_updated_at.isoformat()
    assert "X-WagtailLocalize-TranslationID" not in po.metadata
    entries = {(entry.msgctxt.split(".")[0], entry.msgid): entry.msgstr for entry in po}
    assert entries[("milestones", "Signature du jumelage")] == ""
    assert entries[("title", "Tübingen")] == ""


def test_export_carries_the_translations_made_so_far(tubingen, languages, tmp_path):
    submit(tubingen, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})

    export("--locale", "de", "--partner", "tubingen", out=tmp_path)

    _path, po = po_for(tmp_path, tubingen)
    assert {entry.msgid: entry.msgstr for entry in po}["Signature du jumelage"] == "Unterzeichnung"
    assert po.percent_translated() == 20


def test_export_leaves_out_complete_up_to_date_and_unpublished_pages(
    tubingen, perugia, story, languages, tmp_path, django_capture_on_commit_callbacks
):
    submit(perugia, "de")
    translate_strings(
        perugia,
        "de",
        {
            "Pérouse": "Perugia",
            "perouse": "perugia",
            "Pérouse, ville partenaire d'Aix-en-Provence.": "Perugia, Partnerstadt.",
        },
    )
    publish(perugia, "de", django_capture_on_commit_callbacks)
    draft = factories.PartnerCityPageFactory(parent=tubingen.get_parent(), live=False)

    summary = export("--locale", "de", out=tmp_path)

    exported = {path.name.split("-")[1] for path in tmp_path.iterdir()}
    assert str(tubingen.pk) in exported
    assert str(perugia.pk) not in exported
    assert str(draft.pk) not in exported
    assert "Up to date, not exported: 1." in summary


def test_export_includes_a_complete_translation_once_its_source_changed(
    perugia, languages, tmp_path, django_capture_on_commit_callbacks
):
    submit(perugia, "de")
    translate_strings(
        perugia,
        "de",
        {
            "Pérouse": "Perugia",
            "perouse": "perugia",
            "Pérouse, ville partenaire d'Aix-en-Provence.": "Perugia, Partnerstadt.",
        },
    )
    publish(perugia, "de", django_capture_on_commit_callbacks)
    perugia.intro = "Pérouse, capitale de l'Ombrie."
    with django_capture_on_commit_callbacks(execute=True):
        perugia.save_revision().publish()

    export("--locale", "de", "--partner", "Q3437", out=tmp_path)

    _path, po = po_for(tmp_path, perugia)
    entries = {entry.msgid: entry for entry in po if not entry.obsolete}
    # The new text, to translate: the earlier translation is only a fuzzy suggestion.
    changed = entries["Pérouse, capitale de l'Ombrie."]
    assert changed.fuzzy and changed.msgstr == "Perugia, Partnerstadt."
    assert changed.previous_msgid == "Pérouse, ville partenaire d'Aix-en-Provence."
    assert entries["Pérouse"].msgstr == "Perugia" and not entries["Pérouse"].fuzzy


@pytest.mark.parametrize("partner", ["tubingen", "Q3806", "pk"])
def test_export_for_one_partner_writes_its_page_and_its_stories(
    tubingen, perugia, story, languages, tmp_path, partner
):
    if partner == "pk":
        partner = str(in_locale(tubingen, "fr").pk)

    export("--locale", "de", "--partner", partner, out=tmp_path)

    exported = sorted(int(path.name.split("-")[1]) for path in tmp_path.iterdir())
    assert exported == sorted([tubingen.pk, story.pk])


@pytest.mark.parametrize(
    "args, message",
    [
        (["--locale", "xx"], "Unknown locale “xx”: choose one of en, de, ar."),
        (["--locale", "fr"], "Unknown locale “fr”"),
        (["--locale", "de", "--partner", "atlantis"], "No partner city matches “atlantis”"),
        (["--locale", "de", "--partner", "Q1"], "No partner city matches “Q1”"),
    ],
)
def test_export_checks_its_arguments_before_writing(tubingen, languages, tmp_path, args, message):
    out = tmp_path / "out"
    with pytest.raises(CommandError, match=message):
        call_command("export_translations", *args, "--out", str(out))
    assert not out.exists()
    assert not TranslationSource.objects.exists()


def test_export_refuses_a_file_as_output_directory(tubingen, languages, tmp_path):
    out = tmp_path / "file.txt"
    out.write_text("")
    with pytest.raises(CommandError, match="is not a directory"):
        call_command("export_translations", "--locale", "de", "--out", str(out))


# Import ----------------------------------------------------------------------------------


def test_import_applies_a_file_as_a_draft_translation(client_fr, tubingen, languages, tmp_path):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Unterzeichnung", "Prix de l'Europe": "Europapreis"})

    stdout, stderr, error = import_(tmp_path)

    assert error is None and stderr == ""
    assert "Imported 1 file, 2 translated strings: 1 draft(s)" in stdout
    german = in_locale(tubingen, "de")
    assert not german.live
    assert sorted(german.milestones.values_list("title", flat=True)) == [
        "Europapreis",
        "Unterzeichnung",
    ]
    assert StringTranslation.objects.filter(tool_name="PO file").count() == 2


def test_import_over_a_live_translation_keeps_the_live_text_until_published(
    client_fr, tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Unterzeichnung des Vertrags"})

    _stdout, _stderr, error = import_(path)

    assert error is None
    german = in_locale(tubingen, "de")
    assert german.live and german.has_unpublished_changes
    page = client_fr.get(german.url).content.decode()
    assert "Unterzeichnung" in page and "Unterzeichnung des Vertrags" not in page
    draft = german.get_latest_revision_as_object()
    assert "Unterzeichnung des Vertrags" in [m.title for m in draft.milestones.all()]

    with django_capture_on_commit_callbacks(execute=True):
        german.get_latest_revision().publish()
    assert "Unterzeichnung des Vertrags" in client_fr.get(german.url).content.decode()


def test_import_applies_a_theme_directly(db, languages, tmp_path):
    theme = factories.CooperationThemeFactory(name="Culture", description="Festivals.")
    export("--locale", "de", out=tmp_path)
    (path,) = tmp_path.glob("cooperationtheme-*.po")
    fill(path, {"Culture": "Kultur", "Festivals.": "Feste."})

    stdout, _stderr, error = import_(path)

    assert error is None
    assert "1 snippet(s) applied directly" in stdout
    german = in_locale(theme, "de")
    assert (german.name, german.description, german.slug) == ("Kultur", "Feste.", theme.slug)


def test_round_trip_completes_the_translation(tubingen, languages, tmp_path):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, po = po_for(tmp_path, tubingen)
    for entry in po:
        entry.msgstr = f"[de] {entry.msgid}" if entry.msgctxt != "slug" else "tuebingen"
    po.save(str(path))
    import_(path)

    again = tmp_path / "again"
    summary = export("--locale", "de", "--partner", "tubingen", out=again)

    assert in_locale(tubingen, "de").title == "[de] Tübingen"
    assert in_locale(tubingen, "de").slug == "tuebingen"
    assert not list(again.iterdir())
    assert "Up to date, not exported: 1." in summary


def rejected(tmp_path, tubingen, change, *args):
    """Export Tübingen, fill one string, spoil the file with ``change``, import it."""
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Unterzeichnung"})
    change(path)
    return import_(path, *args)


def set_header(name, value):
    def change(path):
        po = polib.pofile(str(path))
        po.metadata[name] = value
        po.save(str(path))

    return change


def assert_nothing_written(tubingen):
    assert not PartnerCityPage.objects.filter(
        translation_key=tubingen.translation_key, locale__language_code="de"
    ).exists()
    assert not StringTranslation.objects.filter(data="Unterzeichnung").exists()
    assert not Translation.objects.exists()


@pytest.mark.parametrize(
    "change, args, message",
    [
        (
            lambda path: (
                set_header("X-Twinning-Target-Locale", "xx")(path),
                set_header("Language", "xx")(path),
            ),
            [],
            "Unknown locale “xx”",
        ),
        (set_header("Language", "en"), [], "Wrong locale: the header says both “en” and “de”"),
        (lambda path: None, ["--locale", "en"], "this file translates into “de”, not “en”"),
        (
            lambda path: (
                set_header("X-Twinning-Target-Locale", "fr")(path),
                set_header("Language", "fr")(path),
            ),
            [],
            "“fr” is the language of the source",
        ),
        (set_header("X-Twinning-Translation-Source-Id", "99999"), [], "Unknown source"),
        (
            set_header("X-Twinning-Translation-Key", "0a4b7c3e-0000-4000-8000-000000000000"),
            [],
            "Unknown source",
        ),
        (set_header("X-Twinning-Source-Version", "yesterday"), [], "is not a date"),
        (
            lambda path: path.write_text('msgid "a"\nmsgstr "b"\nmsgid', encoding="utf-8"),
            [],
            "Malformed PO file",
        ),
        (lambda path: path.write_bytes(b"\xff\xfe\x00garbage"), [], "Malformed PO file"),
        (
            lambda path: path.write_text('msgid "Bonjour"\nmsgstr "Hallo"\n', encoding="utf-8"),
            [],
            "Not a file written by export_translations",
        ),
        (
            lambda path: path.write_text(
                path.read_text(encoding="utf-8").replace(
                    'msgid "Signature du jumelage"', 'msgid "Signature du traité"'
                ),
                encoding="utf-8",
            ),
            [],
            "does not match its source: unknown msgid “Signature du traité”",
        ),
    ],
)
def test_import_rejects_a_bad_file_and_writes_nothing(
    tubingen, languages, tmp_path, change, args, message
):
    stdout, stderr, error = rejected(tmp_path, tubingen, change, *args)

    assert f"Rejected page-{tubingen.pk}-tubingen.de.po: " in stderr
    assert message in stderr
    assert str(error) == "1 of 1 files rejected; nothing was written for them."
    assert_nothing_written(tubingen)


def test_import_rejects_a_file_whose_source_changed_since_export(
    tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    def source_changes(path):
        tubingen.intro = "Nouvelle introduction."
        with django_capture_on_commit_callbacks(execute=True):
            tubingen.save_revision().publish()
        TranslationSource.objects.get(object_id=tubingen.translation_key).update_from_db()

    _stdout, stderr, error = rejected(tmp_path, tubingen, source_changes)

    assert "Stale source: Tübingen changed on" in stderr
    assert "Export it again" in stderr
    assert error is not None
    assert_nothing_written(tubingen)


def test_import_rejects_a_file_whose_page_was_deleted(tubingen, languages, tmp_path):
    _stdout, stderr, error = rejected(tmp_path, tubingen, lambda path: tubingen.delete())

    assert "Unknown source" in stderr
    assert error is not None


@pytest.mark.parametrize(
    "source_text, field",
    [("Tübingen", "title"), ("Signature du jumelage", "milestones.title")],
)
def test_import_rejects_an_invalid_translation_and_writes_nothing(
    tubingen, languages, tmp_path, source_text, field
):
    def overlong(path):
        fill(path, {source_text: "T" * 300})

    _stdout, stderr, error = rejected(tmp_path, tubingen, overlong)

    assert f"The translation is not valid: {field}:" in stderr
    assert error is not None
    assert_nothing_written(tubingen)


def two_files_one_stale(tmp_path, tubingen, perugia):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    export("--locale", "de", "--partner", "perouse", out=tmp_path)
    good, _po = po_for(tmp_path, perugia)
    fill(good, {"Pérouse": "Perugia"})
    bad, _po = po_for(tmp_path, tubingen)
    fill(bad, {"Signature du jumelage": "Unterzeichnung"})
    set_header("X-Twinning-Source-Version", "2001-01-01T00:00:00+00:00")(bad)


def test_import_of_several_files_writes_nothing_when_one_is_rejected(
    tubingen, perugia, languages, tmp_path
):
    two_files_one_stale(tmp_path, tubingen, perugia)

    stdout, stderr, error = import_(tmp_path)

    assert "Stale source" in stderr
    assert "Imported" not in stdout
    assert str(error) == (
        "1 of 2 files rejected: nothing was imported. Correct them, or use --partial to "
        "apply the other files."
    )
    assert_nothing_written(tubingen)
    assert not PartnerCityPage.objects.filter(
        translation_key=perugia.translation_key, locale__language_code="de"
    ).exists()


def test_import_partial_applies_good_files_and_rejects_bad_ones_one_by_one(
    tubingen, perugia, languages, tmp_path
):
    two_files_one_stale(tmp_path, tubingen, perugia)

    stdout, stderr, error = import_(tmp_path, "--partial")

    assert "Imported 1 file" in stdout
    assert "Stale source" in stderr
    assert str(error) == "1 of 2 files rejected; nothing was written for them."
    assert in_locale(perugia, "de").title == "Perugia"
    assert_nothing_written_for = PartnerCityPage.objects.filter(
        translation_key=tubingen.translation_key, locale__language_code="de"
    )
    assert not assert_nothing_written_for.exists()


def test_import_leaves_a_translation_edited_by_hand_alone(
    tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Unterzeichnung"})
    submit(tubingen, "de")
    stopped = translation_of(tubingen, "de")
    stopped.enabled = False  # "Stop synced translation": edited in the normal editor since
    stopped.save()

    _stdout, stderr, error = import_(path)

    assert "is edited by hand" in stderr
    assert error is not None
    assert not StringTranslation.objects.filter(data="Unterzeichnung").exists()
    summary = export("--locale", "de", out=tmp_path / "again")
    assert "the German version of “Tübingen” is edited by hand" in summary


def test_import_ignores_fuzzy_guesses(tubingen, languages, tmp_path):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, po = po_for(tmp_path, tubingen)
    for entry in po:
        if entry.msgid == "Signature du jumelage":
            entry.msgstr = "Unterschrift?"
            entry.flags.append("fuzzy")
        if entry.msgid == "Prix de l'Europe":
            entry.msgstr = "Europapreis"
    po.save(str(path))

    import_(path)

    titles = set(in_locale(tubingen, "de").milestones.values_list("title", flat=True))
    assert titles == {"Signature du jumelage", "Europapreis"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing-dir"], "No such file or directory"),
        (["EMPTY"], "No .po file in"),
        (["EMPTY", "--locale", "xx"], "Unknown locale “xx”"),
    ],
)
def test_import_checks_its_arguments(db, languages, tmp_path, args, message):
    args = [str(tmp_path / arg) if arg in ("missing-dir", "EMPTY") else arg for arg in args]
    (tmp_path / "EMPTY").mkdir()
    with pytest.raises(CommandError, match=message):
        call_command("import_translations", *args)


def test_source_version_is_the_translation_source_update_time(tubingen, languages):
    po = po_exchange.build_po(tubingen, locale("de"))
    source = TranslationSource.objects.get(object_id=tubingen.translation_key)
    version = datetime.datetime.fromisoformat(po.metadata["X-Twinning-Source-Version"])
    assert version == source.last_updated_at
    assert version <= timezone.now()


# Checked against the page's current content ---------------------------------------------


def admin_submits(client, page, *codes):
    """ "Translate this page" in the admin, for the given locales."""
    admin_user(client)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk for code in codes]},
    )
    assert response.status_code == 302
    translation.activate("en")  # the request left the admin's language active


def test_import_refuses_a_file_exported_before_the_french_page_was_published_again(
    client, tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    admin_submits(client, tubingen, "de")
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Unterzeichnung", "Prix de l'Europe": "Europapreis"})
    # The French editor deletes a milestone and corrects the latitude; nobody re-extracts.
    french = PartnerCityPage.objects.get(pk=tubingen.pk)
    french.milestones.remove(french.milestones.get(title="Prix de l'Europe"))
    french.latitude = "48.52000"
    with django_capture_on_commit_callbacks(execute=True):
        french.save_revision().publish()

    _stdout, stderr, error = import_(path)

    assert "Stale source: Tübingen changed on" in stderr and "Export it again" in stderr
    assert error is not None
    assert not StringTranslation.objects.filter(data="Europapreis").exists()
    german = in_locale(tubingen, "de")
    assert german.get_latest_revision_as_object().milestones.count() == 2  # as before
    again = tmp_path / "again"
    export("--locale", "de", "--partner", "tubingen", out=again)
    _path, po = po_for(again, tubingen)
    assert "Prix de l'Europe" not in {entry.msgid for entry in po if not entry.obsolete}


# Erroneous translations -------------------------------------------------------------------


@pytest.fixture
def rich_tubingen(tubingen, django_capture_on_commit_callbacks):
    tubingen.body = [("paragraph", RichText("<p>Jumelage <b>signé</b> en 1960.</p>"))]
    with django_capture_on_commit_callbacks(execute=True):
        tubingen.save_revision().publish()
    return PartnerCityPage.objects.get(pk=tubingen.pk)


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("<p>Partnerschaft</p> <b>unterzeichnet</b> 1960.", "<p> tag is not allowed"),
        ("<script>alert(1)</script>", "<script> tag is not allowed"),
    ],
)
def test_import_refuses_a_file_with_an_erroneous_translation_and_names_it(
    rich_tubingen, languages, tmp_path, bad, reason
):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, rich_tubingen)
    fill(path, {"Jumelage <b>signé</b> en 1960.": bad, "Signature du jumelage": "Unterzeichnung"})

    _stdout, stderr, error = import_(path)

    assert "1 translation is not valid, so nothing of the file was applied" in stderr
    assert "msgid “Jumelage <b>signé</b> en 1960.”" in stderr
    assert "msgctxt “body." in stderr and reason in stderr
    assert "--skip-invalid" in stderr
    assert error is not None
    assert_nothing_written(rich_tubingen)


def test_import_skip_invalid_applies_the_rest_and_lists_what_it_left_out(
    rich_tubingen, languages, tmp_path
):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, rich_tubingen)
    fill(
        path,
        {"Jumelage <b>signé</b> en 1960.": "<div>1960</div>", "Signature du jumelage": "Unterz."},
    )

    stdout, stderr, error = import_(path, "--skip-invalid")

    assert error is None
    assert "without its invalid translations" in stderr and "<div> tag is not allowed" in stderr
    assert "Imported 1 file, 1 translated strings" in stdout
    assert "0 fuzzy suggestion(s), still to confirm, and 1 invalid translation(s)" in stdout
    assert StringTranslation.objects.get(data="Unterz.").has_error is False
    assert not StringTranslation.objects.filter(data__contains="<div>").exists()
    draft = in_locale(rich_tubingen, "de").get_latest_revision_as_object()
    assert "Jumelage <b>signé</b> en 1960." in str(draft.body[0].value)


# Plain text is text ---------------------------------------------------------------------


def test_ampersands_in_plain_text_survive_export_and_import(
    tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    tubingen.intro = "Partenariat R&D avec AT&T."
    with django_capture_on_commit_callbacks(execute=True):
        tubingen.save_revision().publish()
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, po = po_for(tmp_path, tubingen)
    assert "Partenariat R&D avec AT&T." in {entry.msgid for entry in po}  # not &amp;
    fill(path, {"Partenariat R&D avec AT&T.": "F&E-Partnerschaft mit AT&T <3."})

    _stdout, _stderr, error = import_(path)

    assert error is None
    draft = in_locale(tubingen, "de").get_latest_revision_as_object()
    assert draft.intro == "F&E-Partnerschaft mit AT&T <3."


# Language header --------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["es", "es_ES", "es-ES", "ES", " es-es "])
def test_import_accepts_common_spellings_of_the_language(tubingen, db, tmp_path, header):
    locale("es")
    export("--locale", "es", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen, "es")
    fill(path, {"Signature du jumelage": "Firma del hermanamiento"})
    set_header("Language", header)(path)

    stdout, stderr, error = import_(path)

    assert error is None, stderr
    assert "Imported 1 file, 1 translated strings" in stdout
    assert "Firma del hermanamiento" in in_locale(tubingen, "es").milestones.values_list(
        "title", flat=True
    )


@pytest.mark.parametrize(
    "header, message",
    [
        ("", "Missing language: the header “Language” is empty"),
        ("klingon", "Wrong locale: the header says both “klingon” and “de”"),
        ("xx_DE", "Wrong locale: the header says both “xx_DE” and “de”"),
    ],
)
def test_import_refuses_an_empty_or_unknown_language(
    tubingen, languages, tmp_path, header, message
):
    _stdout, stderr, error = rejected(tmp_path, tubingen, set_header("Language", header))

    assert message in stderr
    assert error is not None
    assert_nothing_written(tubingen)


# Never published ------------------------------------------------------------------------


def test_import_over_a_live_german_page_leaves_it_as_published_and_adds_a_draft(
    client, tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    admin_submits(client, tubingen, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    german = in_locale(tubingen, "de")
    revisions = german.revisions.count()
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Vertrag", "Prix de l'Europe": "Europapreis"})

    stdout, _stderr, error = import_(path)

    assert error is None
    assert "Imported 1 file, 2 translated strings: 1 draft(s) to review" in stdout
    german = in_locale(tubingen, "de")
    assert german.live and german.has_unpublished_changes
    live_titles = set(german.milestones.values_list("title", flat=True))
    assert live_titles == {"Unterzeichnung", "Prix de l'Europe"}  # the live row, unchanged
    assert german.revisions.count() == revisions + 1
    draft = german.get_latest_revision_as_object()
    assert {m.title for m in draft.milestones.all()} == {"Vertrag", "Europapreis"}


def test_import_of_a_new_translation_leaves_a_draft_nobody_sees(
    client, client_fr, tubingen, languages, tmp_path
):
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Tübingen": "Tübingen (de)"})

    stdout, _stderr, _error = import_(path)

    assert "1 draft(s) to review and publish in the admin" in stdout
    german = in_locale(tubingen, "de")
    assert not german.live and german.draft_title == "Tübingen (de)"


# Suggestions are not translations -------------------------------------------------------


def test_fuzzy_suggestions_are_imported_only_once_confirmed(
    client, tubingen, languages, tmp_path, django_capture_on_commit_callbacks
):
    admin_submits(client, tubingen, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung 1960"})
    signing = tubingen.milestones.get(title="Signature du jumelage")
    signing.title = "Signature du jumelage (1960)"
    signing.save()
    with django_capture_on_commit_callbacks(execute=True):
        PartnerCityPage.objects.get(pk=tubingen.pk).save_revision().publish()
    summary = export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, po = po_for(tmp_path, tubingen)
    (entry,) = [e for e in po if e.msgid == "Signature du jumelage (1960)"]
    assert entry.fuzzy and entry.msgstr == "Unterzeichnung 1960"
    assert entry.previous_msgid == "Signature du jumelage"
    assert "0 of them already translated" in summary
    assert "1 untranslated string has a suggestion from an earlier translation" in summary

    stdout, _stderr, _error = import_(path)

    assert "Imported 1 file, 0 translated strings" in stdout
    assert "Not imported: 1 fuzzy suggestion(s)" in stdout
    assert not StringTranslation.objects.filter(
        translation_of__data="Signature du jumelage (1960)"
    ).exists()

    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid == "Signature du jumelage (1960)":
            entry.flags.remove("fuzzy")  # confirmed by the translator
    po.save(str(path))
    stdout, _stderr, error = import_(path)
    assert error is None and "1 translated strings" in stdout
    assert StringTranslation.objects.get(
        translation_of__data="Signature du jumelage (1960)"
    ).data == ("Unterzeichnung 1960")


def test_import_over_an_alias_of_a_synchronised_tree_leaves_a_draft(
    client_fr, tubingen, languages, tmp_path
):
    alias(tubingen, "de")  # the German tree synchronised: Tübingen shown in French
    export("--locale", "de", "--partner", "tubingen", out=tmp_path)
    path, _po = po_for(tmp_path, tubingen)
    fill(path, {"Signature du jumelage": "Unterzeichnung"})

    stdout, _stderr, error = import_(path)

    assert error is None
    assert "1 draft(s) to review and publish in the admin" in stdout
    german = in_locale(tubingen, "de")
    assert german.alias_of_id is None and not german.live
    assert "Unterzeichnung" in german.milestones.values_list("title", flat=True)
