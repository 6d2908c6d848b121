"""Translate through wagtail-localize's own records, as its editor does.

Tests submit objects for translation (TranslationSource + Translation), fill in
StringTranslations as a translator would, then save or publish the target.
"""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def submit(obj, *codes: str) -> None:
    """What "Translate this page" does: a source, a Translation and a draft per locale."""
    translate_object(obj, [locale(code) for code in codes])


def translation_of(obj, code: str) -> Translation:
    return Translation.objects.get(
        source__object_id=obj.translation_key, target_locale__language_code=code
    )


def translate_strings(obj, code: str, texts: dict[str, str]) -> int:
    """Translate the segments of ``obj`` whose source text is a key of ``texts``."""
    translation = translation_of(obj, code)
    count = 0
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": texts[segment.string.data]},
            )
            count += 1
    return count


def publish(obj, code: str, capture) -> None:
    """Publish the translation as the editor's Publish button does (on commit)."""
    with capture(execute=True):
        translation_of(obj, code).save_target(publish=True)


def sync(obj, code: str, capture, *, publish: bool = True) -> None:
    """ "Sync translated pages": extract the source again, then save the translation."""
    translation = translation_of(obj, code)
    translation.source.update_from_db()
    with capture(execute=True):
        translation.save_target(publish=publish)


def in_locale(obj, code: str):
    model = type(obj)
    instance = model._default_manager.get(
        translation_key=obj.translation_key, locale__language_code=code
    )
    return instance.specific if isinstance(instance, Page) else instance


def editor_props(response) -> dict:
    """The data wagtail-localize's translation editor is drawn from."""
    return json.loads(response.context["props"])


def admin_user(client, username: str = "admin"):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "pw")
    log_in(client, user)
    return user


def log_in(client, user):
    """Log in with an English admin, so messages read as their source text."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
