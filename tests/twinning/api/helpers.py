"""Build what partners see: locale trees synchronised by wagtail-localize, translations
made with its own machinery (aliases converted, milestones translated with their page)."""

from django.db import transaction

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import synchronize_tree


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def sync(*codes: str) -> None:
    """Fill the trees of ``codes`` with aliases of the French pages, as LocaleSynchronization does."""
    for code in codes:
        synchronize_tree(locale("fr"), locale(code))


def translate(page: Page, code: str, *, publish: bool = True, **fields) -> Page:
    """A real translation of ``page`` into ``code`` (an alias there becomes a real page)."""
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    with transaction.atomic():
        translated, _created = source.create_or_update_translation(
            locale(code), publish=False, copy_parent_pages=True, fallback=True
        )
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    else:
        translated.unpublish()
    translated.refresh_from_db()
    return translated


def restrict(page: Page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def private_collection(name: str = "Privé") -> Collection:
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection
