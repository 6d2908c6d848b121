"""Build the benchmark dataset: ``python -m bench.dataset --partners 50 --stories 10000``.

The scaffold (locales, home, indexes, themes) and one template city and story are made
and translated with Wagtail and wagtail-localize themselves; every other city and story
is a bulk copy of its template's rows (see bench.cloning). Stand-in translators fill
every string, so translated pages are real translations, live, not aliases.
"""

import argparse
import json
import os
import random
import sys
import time

from bench.database import RESULTS_DIR, describe, recreate
from bench.scale import DEFAULT, QUICK, Scale


def setup_django(db_name: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("BENCH_SETTINGS_MODULE", "bench.settings")
    os.environ["BENCH_DB_NAME"] = db_name
    import django

    django.setup()


def content_locales(count: int) -> list:
    from django.conf import settings

    from wagtail.models import Locale

    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if count > len(codes):
        raise SystemExit(
            f"--locales {count} asks for more languages than the site has ({len(codes)}: "
            f"{', '.join(codes)}); set TWINNING_LANGUAGES to add some."
        )
    source = settings.LANGUAGE_CODE
    codes = [source] + [c for c in codes if c != source][: count - 1]
    return [Locale.objects.get_or_create(language_code=code)[0] for code in codes]


def translate_fully(instance, locales) -> None:
    """Submit ``instance`` for translation, translate every string, publish."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    from bench.content import translate

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in locales:
        if locale.pk == source.locale_id:
            continue
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        StringTranslation.objects.bulk_create(
            [
                StringTranslation(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data=translate(segment.string.data, locale.language_code, segment.context.path),
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
                for segment in segments
            ],
            ignore_conflicts=True,
        )
        translation.save_target(publish=True)


def publish(page):
    page.save_revision().publish()
    return page


def build(
    scale: Scale, db_name: str, seed: int = 7, progress: bool = True, images: int = 6
) -> dict:
    """Build the dataset into the (migrated, empty) current database; returns a manifest."""
    from django.db import connection, transaction

    from wagtail.images import get_image_model
    from wagtail.models import Page

    from tqdm import tqdm

    from bench import content
    from bench.cloning import Batch, Cloner, Family, IdAllocator, Parent, reset_sequences
    from bench.images import create_images
    from home.models import HomePage
    from twinning.models import (
        CooperationTheme,
        ExchangeStoryIndexPage,
        ExchangeStoryPage,
        PartnerCityIndexPage,
        PartnerCityLink,
        PartnerCityPage,
        PartnershipMilestone,
    )

    started = time.monotonic()
    rng = random.Random(seed)
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")  # a throwaway database: speed first
    locales = content_locales(scale.locales)
    french, others = locales[0], locales[1:]
    image_ids = create_images(images)

    home = HomePage.objects.get(locale=french)
    cities_index = publish(
        home.add_child(
            instance=PartnerCityIndexPage(
                title="Villes partenaires", slug="villes-partenaires", intro="<p>Nos villes.</p>"
            )
        )
    )
    stories_index = publish(
        home.add_child(
            instance=ExchangeStoryIndexPage(
                title="Récits d'échanges", slug="recits", intro="<p>Nos échanges.</p>"
            )
        )
    )
    themes = [
        CooperationTheme.objects.create(name=name, slug=slug, sort_order=i, locale=french)
        for i, (name, slug) in enumerate(content.THEMES)
    ]
    for obj in (home, cities_index, stories_index, *themes):
        translate_fully(obj, others)
    theme_ids = [t.pk for t in themes]

    city_values = content.city_fields(image_ids[0])
    city_body = city_values.pop("body")
    template_city = cities_index.add_child(instance=PartnerCityPage(**city_values, body=city_body))
    for order, (date, kind, title, description) in enumerate(content.MILESTONES):
        template_city.milestones.add(
            PartnershipMilestone(
                date=date, kind=kind, title=title, description=description, sort_order=order
            )
        )
    template_city.themes.set(theme_ids[:2])
    publish(template_city)
    story_values = content.story_fields(get_image_model().objects.get(pk=image_ids[0]))
    story_body = story_values.pop("body")
    template_story = stories_index.add_child(
        instance=ExchangeStoryPage(**story_values, body=story_body)
    )
    template_story.partner_cities.set([template_city])
    template_story.themes.set(theme_ids[:1])
    publish(template_story)
    for page in (template_city, template_story):
        translate_fully(page, others)
    # The templates stay as drafts: only their numbered copies are published. After
    # commit, as wagtail-localize publishes the translations then.
    template_keys = [template_city.translation_key, template_story.translation_key]
    transaction.on_commit(
        lambda: Page.objects.filter(translation_key__in=template_keys).update(
            live=False, has_unpublished_changes=True
        )
    )

    fresh_connection_for_bulk_load()
    ids = IdAllocator()
    rows = 0

    def parents_of(index_page) -> dict[int, Parent]:
        return {
            p.locale_id: Parent(p.pk, p.path, p.url_path)
            for p in Page.objects.filter(translation_key=index_page.translation_key)
        }

    def run(label, cloner, count, make):
        nonlocal rows
        batch, made = Batch(), []
        bar = tqdm(total=count, desc=label, unit="page", disable=not progress, file=sys.stderr)
        for number in range(1, count + 1):
            made.append(make(batch, cloner, number))
            if number % 100 == 0 or number == count:
                with transaction.atomic():
                    rows += batch.flush()
                bar.update(number - bar.n)
        bar.close()
        return made

    city_cloner = Cloner(
        Family.read(template_city, children=[(PartnershipMilestone, "page_id")]),
        parents_of(cities_index),
        ids,
    )

    def make_city(batch, cloner, number):
        variation = content.city_variation(rng, number, image_ids)
        return cloner.clone(
            batch,
            number,
            step=number + 1,
            specific=variation,
            m2m={"themes": rng.sample(theme_ids, 2)},
            overridable={"hero_image": json.dumps(variation["hero_image_id"])},
        )

    city_ids = run("partner cities", city_cloner, scale.partners, make_city)

    story_cloner = Cloner(Family.read(template_story), parents_of(stories_index), ids)

    def make_story(batch, cloner, number):
        variation = content.story_variation(rng, image_ids)
        return cloner.clone(
            batch,
            number,
            step=number + 1,
            specific=variation,
            m2m={
                "partner_cities": rng.sample(city_ids, min(len(city_ids), rng.randint(1, 3))),
                "themes": rng.sample(theme_ids, rng.randint(1, 2)),
            },
            overridable={"hero_image": json.dumps(variation["hero_image_id"])},
        )

    story_ids = run("exchange stories", story_cloner, scale.stories, make_story)

    with transaction.atomic():
        for index, count in ((cities_index, scale.partners), (stories_index, scale.stories)):
            Page.objects.filter(translation_key=index.translation_key).update(numchild=count + 1)
        reset_sequences(ids.models())
        # The copies wrote their links to partner cities as rows, past Django's receivers:
        # the per-language links the city pages read are made from them here.
        PartnerCityLink.objects.rebuild()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
            # As autovacuum leaves a production database: statistics, and the visibility
            # map that lets counts and listings read their index alone (VACUUM cannot run
            # in a transaction, as in a test).
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")

    return manifest(scale, db_name, city_ids, story_ids, rows, time.monotonic() - started)


def fresh_connection_for_bulk_load() -> None:
    """PostgreSQL plans its foreign-key checks once per connection and keeps the plans.
    Planned while the tables are nearly empty, they scan whole tables, and every batch
    gets slower as the tables grow (the page table was read 56,000 times over by 6,000
    stories). A new connection that prefers indexes plans them for the tables to come."""
    from django.db import connection

    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return  # a test's transaction: small tables, and the connection is not ours
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")


def manifest(scale, db_name, city_ids, story_ids, rows, seconds) -> dict:
    """What the load and query phases need to know about the dataset just built."""
    from wagtail.models import Locale, Page

    from twinning.models import ExchangeStoryPage, PartnerCityPage

    target = (
        Locale.objects.filter(language_code="de").first()
        or Locale.objects.exclude(language_code="fr").order_by("pk").first()
        or Locale.objects.get(language_code="fr")
    )
    middle = Page.objects.get(pk=story_ids[len(story_ids) // 2])
    story = ExchangeStoryPage.objects.get(translation_key=middle.translation_key, locale=target)
    first_city = Page.objects.get(pk=city_ids[0])
    city = PartnerCityPage.objects.get(translation_key=first_city.translation_key, locale=target)
    stories_in_target = ExchangeStoryPage.objects.live().filter(locale=target).count()
    return {
        "db": db_name,
        "database": describe(db_name),
        "scale": scale.as_dict(),
        "pages_in_database": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "target_locale": target.language_code,
        "stories_in_target_locale": stories_in_target,
        "story_id": story.pk,
        "story_url": story.get_url(),
        "city_id": city.pk,
        "city_url": city.get_url(),
        "cloned_rows": rows,
        "build_seconds": round(seconds, 1),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=DEFAULT.partners)
    parser.add_argument("--stories", type=int, default=DEFAULT.stories)
    parser.add_argument("--locales", type=int, default=DEFAULT.locales)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK.pages} pages or so")
    parser.add_argument("--db", default=os.environ.get("BENCH_DB_NAME", "twinning_bench"))
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else Scale(args.partners, args.stories, args.locales)

    recreate(args.db)
    setup_django(args.db)
    from django.core.management import call_command

    migrate_started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_seconds = time.monotonic() - migrate_started
    result = build(scale, args.db, progress=not args.no_progress)
    result["migrate_seconds"] = round(migrate_seconds, 1)
    path = RESULTS_DIR / f"{args.db}.manifest.json"
    path.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
