"""Build locale trees in tests the way wagtail-localize leaves them: translations and aliases."""

from wagtail.models import Locale, Page, PageViewRestriction, Site


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(page: Page, code: str, *, title: str | None = None, publish: bool = True) -> Page:
    """A real translation of ``page``; missing parents become aliases, as after a sync."""
    translated = page.specific.copy_for_translation(locale(code), copy_parents=True)
    translated.title = title or f"{page.title} [{code}]"
    revision = translated.save_revision()
    if publish:
        revision.publish()
        translated.refresh_from_db()
    return translated


def alias(page: Page, code: str) -> Page:
    """The alias wagtail-localize's tree sync creates for a page not translated yet."""
    return page.specific.copy_for_translation(locale(code), copy_parents=True, alias=True)


def restrict(page: Page) -> PageViewRestriction:
    """Put ``page`` (and its subtree) behind a login."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def clear_site_cache() -> None:
    """Wagtail caches the site roots of every locale; tests build and drop locale trees."""
    Site.clear_site_root_paths_cache()
