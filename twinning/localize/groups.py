"""Editorial groups: translators per language, editors per partner city.

"Translators (<language>)" may add and edit pages in that language's tree only, and submit
them for moderation; "Editors (<city>)" may edit one partner city's page in every language
where it exists. Neither may publish: the city's communication team publishes, so a page
is never live without someone on the source side having seen it. Neither gets
wagtail-localize's "submit translation" permission either: with it, the "Sync translated
pages" form can publish every translation of a page, whatever the user's page permissions.

``ensure_editorial_groups()`` is idempotent: run it again after adding a locale, a partner
city or a translation, and it adds what is missing without removing anything.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.coreutils import get_content_languages
from wagtail.models import GroupPagePermission, Page

from twinning.locales import source_language_code
from twinning.models import PartnerCityPage
from twinning.public.languages import language_name

TRANSLATORS = "Translators ({language})"
EDITORS = "Editors ({city})"
EDITORS_PREFIX = "Editors ("
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_PAGE_PERMISSIONS = ("change_page",)
#: Group names are data, the same whatever the UI language: languages are named in English.
GROUP_NAMES_LANGUAGE = "en"


@dataclass
class EditorialGroups:
    translators: dict[str, Group] = field(default_factory=dict)  # by language code
    editors: dict[str, Group] = field(default_factory=dict)  # by city translation key


def ensure_editorial_groups() -> EditorialGroups:
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_type = ContentType.objects.get_for_model(Page)
    page_permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type=page_type)
    }
    groups = EditorialGroups()
    source = source_language_code()
    for code in get_content_languages():
        if code == source:
            continue
        group, _created = Group.objects.get_or_create(
            name=TRANSLATORS.format(language=language_name(code, GROUP_NAMES_LANGUAGE))
        )
        group.permissions.add(access_admin)
        roots = Page.objects.filter(locale__language_code=code, depth=2)
        for root in roots:
            for codename in TRANSLATOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=page_permissions[codename]
                )
        groups.translators[code] = group

    cities = PartnerCityPage.objects.select_related("locale").order_by("path")
    by_key: dict = {}
    for city in cities:
        by_key.setdefault(city.translation_key, []).append(city)
    for key, pages in by_key.items():
        named_after = next(
            (page for page in pages if page.locale.language_code == source), pages[0]
        )
        group = _editors_group(named_after, pages)
        group.permissions.add(access_admin)
        for page in pages:
            for codename in EDITOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=page_permissions[codename]
                )
        groups.editors[str(key)] = group
    return groups


def _editors_group(city: PartnerCityPage, pages: list[PartnerCityPage]) -> Group:
    """The city's group, found by its permissions so that renaming the city renames it."""
    name = EDITORS.format(city=city.title[:120])
    group = (
        Group.objects.filter(
            name__startswith=EDITORS_PREFIX,
            page_permissions__page__in=[page.pk for page in pages],
        )
        .distinct()
        .first()
    )
    if group is None:
        taken = Group.objects.filter(name=name).exists()
        return Group.objects.create(name=f"{name[:-1]} #{city.pk})" if taken else name)
    if group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    return group
