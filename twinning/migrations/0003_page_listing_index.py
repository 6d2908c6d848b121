"""Indexes for what readers and partners ask most.

``twinning_live_page_listing``: live, real (non-alias) pages of one language, in tree
order.

Wagtail's page table has no index that serves ``locale = … ORDER BY path`` over live
pages only. With 10,000 stories a language, a listing then sorts every story of the
language (bodies included) for each request, and a deep ``offset`` or the total count
reads them all. This partial index walks the language's live pages in tree order; it
carries ``id`` and ``content_type_id`` so counting and paging read the index alone.

``twinning_page_depth_path``: routing reads the pages a URL can name, level by level
(``depth = n AND path LIKE 'prefix%'``, see twinning/public/routing.py); the unique index
on ``path`` alone makes that a scan of the whole language tree.

Both are on Wagtail's own table, so they are created only where they were verified:
PostgreSQL (production) and SQLite (tests and the benchmark's default database), which
both support partial indexes. Elsewhere (MySQL rejects partial indexes) nothing is
created and the pages are read as Wagtail reads them. The migration state is unchanged
either way: these indexes are not part of any model.
"""

from django.db import migrations

NAME = "twinning_live_page_listing"
ROUTING = "twinning_page_depth_path"
#: Databases on which the indexes are created (``connection.vendor``).
VENDORS = ("postgresql", "sqlite")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in VENDORS:
        return
    quote = schema_editor.quote_name
    table = quote("wagtailcore_page")
    if vendor == "postgresql":
        columns = f"({quote('locale_id')}, {quote('path')}) INCLUDE ({quote('id')}, {quote('content_type_id')})"
        condition = f"{quote('live')} AND {quote('alias_of_id')} IS NULL"
    else:
        columns = "({})".format(
            ", ".join(quote(name) for name in ("locale_id", "path", "id", "content_type_id"))
        )
        condition = f"{quote('live')} = 1 AND {quote('alias_of_id')} IS NULL"
    schema_editor.execute(f"CREATE INDEX {quote(NAME)} ON {table} {columns} WHERE {condition}")
    schema_editor.execute(
        f"CREATE INDEX {quote(ROUTING)} ON {table} ({quote('depth')}, {quote('path')})"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor not in VENDORS:
        return
    for name in (NAME, ROUTING):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("twinning", "0002_calls_events_actors"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
