"""Write the changes feed's log: what partners could see change, as it changes.

One row per page (or actor, or theme) published, updated, unpublished, moved or deleted,
in its language, only when anonymous readers could see it at the time of the change: a
live, real page (not an alias: the API does not serve an alias as a translation) outside
every view-restricted section (see twinning.public.visibility). A restriction added to a
section writes ``unpublished`` for each page it hides; removed, ``published`` for each
page it shows again. So a private page never appears.

``published`` is the first publish the log sees, or one after an unpublish; ``updated``
a later one; ``moved`` a change of URL (of the page and of every page below it).

Each row also keeps the partner cities its item concerned (see ``partner_keys``), the
previous ones included, so that a city a story no longer names hears of it, and a
deleted story can still be told apart.

Rows are written inside ``transaction.atomic()``, which joins the transaction of the
change. Wagtail 8 publishes, unpublishes and moves without one of its own (the page's save
commits, then the signal is sent): ``AtomicAdminWritesMiddleware`` (atomic_admin.py) runs
the admin's writes in one, so the change and its row commit together or not at all
(``twinning.W024`` warns when it is missing). A script that publishes outside a
transaction gets its row right after the page's save.

Rows older than ``TWINNING["CHANGES_RETENTION_DAYS"]`` are deleted on write, at most
once an hour per process.
"""

import datetime
from collections.abc import Iterable

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

from twinning import conf
from twinning.api.caching import bump_generation
from twinning.api.models import Change, ChangeLogStart
from twinning.api.signals import changes_recorded
from twinning.public.visibility import within_q

Action = Change.Action
#: Actions after which partners hold the item.
SHOWN = {Action.PUBLISHED, Action.UPDATED, Action.MOVED}
ALL_PARTNERS = "*"
_PRUNED_KEY = "twinning-api:changes-pruned"
_PRUNE_EVERY = 3600


# Writing ----------------------------------------------------------------------------------


def record(rows: list[Change]) -> None:
    """Insert ``rows`` in the current transaction, and retire cached responses after it."""
    if not rows:
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The writing transaction's id: rows become final in its order (see changes.py).
            for row in rows:
                row.transaction_id = RawSQL("pg_current_xact_id()::text::bigint", ())
        Change.objects.bulk_create(rows)
        prune()
    transaction.on_commit(bump_generation)
    transaction.on_commit(lambda: changes_recorded.send(sender=Change, changes=rows))


def prune() -> None:
    """Delete rows past the retention, at most once an hour per process and cache."""
    if not cache.add(_PRUNED_KEY, True, timeout=_PRUNE_EVERY):
        return
    Change.objects.filter(at__lt=timezone.now() - retention()).delete()


def retention() -> datetime.timedelta:
    return datetime.timedelta(days=int(conf.get("CHANGES_RETENTION_DAYS")))


def log_start() -> datetime.datetime:
    start = ChangeLogStart.objects.order_by("pk").first()
    if start is None:  # a database emptied since the migration: the log begins now
        start = ChangeLogStart.objects.create()
        start.refresh_from_db()
    return start.started_at


def retained_from() -> datetime.datetime:
    """From when the log is complete: the retention window, or when logging began."""
    return max(log_start(), timezone.now() - retention())


# Rows -------------------------------------------------------------------------------------


def label(model: type[models.Model]) -> str:
    return model._meta.label


def _locale_codes(items: Iterable) -> dict[int, str]:
    ids = {item.locale_id for item in items}
    return dict(Locale.objects.filter(pk__in=ids).values_list("pk", "language_code"))


def _rows(items: list, actions: dict[int, str], model_of=type) -> list[Change]:
    """A row for each item with an action, with its language and partner cities."""
    items = [item for item in items if item.pk in actions]
    if not items:
        return []
    codes = _locale_codes(items)
    partners = partner_keys(items, model_of)
    return [
        Change(
            object_id=item.pk,
            translation_key=item.translation_key,
            type=label(model_of(item)),
            locale=codes.get(item.locale_id, ""),
            action=actions[item.pk],
            partners=partners.get(item.pk, ""),
        )
        for item in items
    ]


def last_rows(model: type[models.Model], ids: Iterable[int]) -> dict[int, Change]:
    """The latest row of each item (to tell ``published`` from ``updated``)."""
    found: dict[int, Change] = {}
    rows = Change.objects.filter(type=label(model), object_id__in=list(ids)).order_by("-id")
    for row in rows.only("object_id", "action", "partners"):
        found.setdefault(row.object_id, row)
    return found


def partner_keys(items: list, model_of=type) -> dict[int, str]:
    """``|key|key|`` of the partner cities each item concerns, with those its last row
    named: the city's own pages, and what names the city in ``partner_cities``."""
    from twinning.models import PartnerCityPage, ProjectCallPage

    keys: dict[int, set[str]] = {item.pk: set() for item in items}
    everyone: set[int] = set()
    by_model: dict[type, list] = {}
    for item in items:
        by_model.setdefault(model_of(item), []).append(item)
    for model, group in by_model.items():
        if issubclass(model, PartnerCityPage):
            for item in group:
                keys[item.pk].add(str(item.translation_key))
        field = _partner_field(model)
        if field is not None:
            named = _named_cities(model, field, group)
            for item in group:
                keys[item.pk] |= named.get(item.pk, set())
                if not named.get(item.pk) and issubclass(model, ProjectCallPage):
                    everyone.add(item.pk)  # a call naming no city is open to every city
        for pk, row in last_rows(model, [item.pk for item in group]).items():
            if row.partners == ALL_PARTNERS:
                everyone.add(pk)
            keys[pk] |= {key for key in row.partners.split("|") if key}
    return {
        pk: ALL_PARTNERS
        if pk in everyone
        else ("|" + "|".join(sorted(found)) + "|" if found else "")
        for pk, found in keys.items()
    }


def _partner_field(model: type[models.Model]):
    from twinning.models import PartnerCityPage

    try:
        field = model._meta.get_field("partner_cities")
    except FieldDoesNotExist:
        return None
    if field.many_to_many and issubclass(field.related_model, PartnerCityPage):
        return field
    return None


def _named_cities(model, field, group: list) -> dict[int, set[str]]:
    """Translation keys of the cities each item names: in memory where the item holds
    them (a snippet's form saves them after ``post_save``), else in one query."""
    named: dict[int, set[str]] = {}
    stored = []
    for item in group:
        if field.name in item.__dict__.get("_cluster_related_objects", {}):
            cities = getattr(item, field.name).all()
            named[item.pk] = {str(city.translation_key) for city in cities}
        else:
            stored.append(item.pk)
    if stored:
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        pairs = through.objects.filter(**{f"{source}__in": stored}).values_list(
            source, f"{target}__translation_key"
        )
        for pk, key in pairs:
            named.setdefault(pk, set()).add(str(key))
    return named


# Pages ------------------------------------------------------------------------------------


def restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_public(path: str, restricted: Iterable[str]) -> bool:
    return not any(path.startswith(top) for top in restricted)


def _specific_class(page: Page) -> type[Page]:
    return page.specific_class or type(page)


def _shown(page: Page) -> bool:
    return page.live and page.alias_of_id is None


def page_published(page: Page) -> None:
    """A live, real, public page published: ``published`` or ``updated``."""
    if not _shown(page) or not _is_public(page.path, restricted_paths()):
        return
    previous = last_rows(_specific_class(page), [page.pk]).get(page.pk)
    action = Action.UPDATED if previous and previous.action in SHOWN else Action.PUBLISHED
    record(_rows([page], {page.pk: action}, _specific_class))


def page_unpublished(page: Page) -> None:
    if page.alias_of_id is None and _may_be_held(page):
        record(_rows([page], {page.pk: Action.UNPUBLISHED}, _specific_class))


def page_deleted(page: Page) -> None:
    """Called before the delete (restrictions and relations are still there)."""
    if _shown(page) and _may_be_held(page):
        record(_rows([page], {page.pk: Action.DELETED}, _specific_class))


def _may_be_held(page: Page) -> bool:
    """Whether partners may hold the page: the log last showed it, or it was public
    before the log began (a translation that was an alias until now was never shown,
    nor a page unpublished twice, as Wagtail's delete does)."""
    if not _is_public(page.path, restricted_paths()):
        return False
    previous = last_rows(_specific_class(page), [page.pk]).get(page.pk)
    if previous is not None:
        return previous.action in SHOWN
    return page.last_published_at is not None and page.last_published_at < log_start()


def page_moved(page: Page, parent_before: Page, parent_after: Page) -> None:
    """The page and the pages below it changed URL: ``moved`` where they stay public,
    ``unpublished`` or ``published`` where the move took them into or out of a private
    section."""
    restricted = restricted_paths()
    inner = [top for top in restricted if top.startswith(page.path)]
    outer = [top for top in restricted if not top.startswith(page.path)]
    public_before = _is_public(parent_before.path, outer)
    public_after = _is_public(parent_after.path, outer)
    pages = list(_shown_pages_in(page.path))
    actions = {}
    for moved in pages:
        inside = _is_public(moved.path, inner)
        before, after = inside and public_before, inside and public_after
        if before and after:
            actions[moved.pk] = Action.MOVED
        elif before:
            actions[moved.pk] = Action.UNPUBLISHED
        elif after:
            actions[moved.pk] = Action.PUBLISHED
    record(_rows(pages, actions, _specific_class))


def section_restricted(restriction: PageViewRestriction) -> None:
    """Pages a new restriction hides (those other restrictions did not hide already)."""
    others = PageViewRestriction.objects.exclude(pk=restriction.pk)
    _section_changed(
        restriction.page.path,
        list(others.values_list("page__path", flat=True)),
        Action.UNPUBLISHED,
    )


def section_opened(restriction: PageViewRestriction) -> None:
    """Pages a removed restriction shows again (those no other restriction hides)."""
    page = Page.objects.filter(pk=restriction.page_id).only("path").first()
    if page is not None:
        _section_changed(page.path, restricted_paths(), Action.PUBLISHED)


def _section_changed(top: str, restricted: list[str], action: str) -> None:
    pages = [page for page in _shown_pages_in(top) if _is_public(page.path, restricted)]
    record(_rows(pages, dict.fromkeys((page.pk for page in pages), action), _specific_class))


def _shown_pages_in(top: str):
    return (
        Page.objects.filter(within_q([top]), live=True, alias_of__isnull=True)
        .only("id", "path", "translation_key", "locale_id", "content_type_id")
        .order_by("path")
    )


# Snippets ---------------------------------------------------------------------------------


def snippet_saved(instance: models.Model, created: bool) -> None:
    """An actor or a theme saved (they have no drafts: saved is published)."""
    previous = None if created else last_rows(type(instance), [instance.pk]).get(instance.pk)
    action = Action.UPDATED if previous and previous.action in SHOWN else Action.PUBLISHED
    record(_rows([instance], {instance.pk: action}))


def snippet_deleted(instance: models.Model) -> None:
    record(_rows([instance], {instance.pk: Action.DELETED}))
