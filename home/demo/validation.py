"""Check the whole demo before anything is written.

Two passes: the plain data (cross-references, a translation for every text), then
``full_clean`` of every model instance built in memory, plus the StreamField blocks' own
validation, which ``full_clean`` does not run.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model

from wagtail.models import Locale, Page

from home.demo.actors import ACTORS
from home.demo.builders import (
    build_actor,
    build_call,
    build_city,
    build_event,
    build_page,
    build_story,
    build_theme,
)
from home.demo.calls import CALLS
from home.demo.cities import CITIES
from home.demo.events import EVENTS
from home.demo.site import HOME, PAGES
from home.demo.specs import PageSpec, body_city_slugs
from home.demo.stories import STORIES
from home.demo.themes import THEME_LANGUAGES, THEMES
from home.demo.translations import translate
from twinning.models import CooperationTheme

# Tree fields are set when a page is added under its parent, after validation.
TREE_FIELDS = ["path", "depth"]


class DemoDataError(Exception):
    """The demo data is inconsistent or invalid; nothing has been written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def all_page_specs(specs: tuple[PageSpec, ...]) -> list[PageSpec]:
    found = []
    for spec in specs:
        found.append(spec)
        found.extend(all_page_specs(spec.children))
    return found


def validate(home: Page, locale: Locale) -> None:
    """Raise DemoDataError listing every problem, or return if there is none."""
    problems = plan_problems(home)
    if home.locale_id != locale.pk:
        problems.append(
            f"The site's home page is in {home.locale.language_code}, "
            f"not in the source language {locale.language_code}."
        )
    existing_themes = set(
        CooperationTheme.objects.filter(locale=locale).values_list("slug", flat=True)
    )
    for spec in THEMES:
        if spec.slug not in existing_themes:
            problems += _clean(f"Theme {spec.slug}", build_theme(spec, locale))
    for spec in all_page_specs(PAGES):
        page = build_page(spec)
        problems += _clean(f"Page {spec.slug}", page, exclude=TREE_FIELDS)
        problems += _clean_body(f"Page {spec.slug}", page, stand_in=home)
    for spec in CITIES:
        city = build_city(spec, locale)
        problems += _clean(f"City {spec.slug}", city, exclude=TREE_FIELDS)
        problems += _clean_body(f"City {spec.slug}", city, stand_in=home)
        for milestone in city.milestones.all():
            label = f"City {spec.slug}, milestone {milestone.date}"
            problems += _clean(label, milestone, exclude=["page"])
    for spec in STORIES:
        story = build_story(spec)
        problems += _clean(f"Story {spec.slug}", story, exclude=TREE_FIELDS)
        problems += _clean_body(f"Story {spec.slug}", story, stand_in=home)
    for spec in ACTORS:
        problems += _clean(f"Actor {spec.key}", build_actor(spec, locale))
    for spec in EVENTS:
        event = build_event(spec)
        problems += _clean(f"Event {spec.slug}", event, exclude=TREE_FIELDS)
        problems += _clean_body(f"Event {spec.slug}", event, stand_in=home)
    for spec in CALLS:
        call = build_call(spec)
        problems += _clean(f"Call {spec.slug}", call, exclude=TREE_FIELDS)
        problems += _clean_body(f"Call {spec.slug}", call, stand_in=home)
    if problems:
        raise DemoDataError(problems)


def plan_problems(home: Page) -> list[str]:
    """Cross-references and translations, checked on the plain data."""
    problems = []
    city_slugs = [spec.slug for spec in CITIES]
    illustrated = {spec.slug for spec in CITIES if spec.image}
    theme_slugs = {spec.slug for spec in THEMES}
    actor_keys = {spec.key for spec in ACTORS}
    event_slugs = {spec.slug for spec in EVENTS}
    call_slugs = {spec.slug for spec in CALLS}
    for label, slugs in (
        ("city", city_slugs),
        ("story", [spec.slug for spec in STORIES]),
        ("theme", [spec.slug for spec in THEMES]),
        ("page", [spec.slug for spec in all_page_specs(PAGES)]),
        ("event", [spec.slug for spec in EVENTS]),
        ("call", [spec.slug for spec in CALLS]),
        ("actor", [spec.key for spec in ACTORS]),
        # Actors are found again by name.
        ("actor name", [spec.name for spec in ACTORS]),
    ):
        duplicates = {slug for slug in slugs if slugs.count(slug) > 1}
        if duplicates:
            problems.append(f"Duplicate {label} slugs: {sorted(duplicates)}")
    for slug in HOME.featured_cities:
        if slug not in city_slugs:
            problems.append(f"Home page: featured city {slug!r} is not a partner city")
    for spec in CITIES:
        if unknown := set(spec.themes) - theme_slugs:
            problems.append(f"City {spec.slug}: unknown themes {sorted(unknown)}")
        for slug in body_city_slugs(list(spec.body)):
            if slug not in city_slugs:
                problems.append(f"City {spec.slug}: link to unknown city {slug!r}")
    for spec in STORIES:
        if not spec.cities:
            problems.append(f"Story {spec.slug}: a story needs at least one partner city")
        if not spec.themes:
            problems.append(f"Story {spec.slug}: a story needs at least one theme")
        if unknown := set(spec.themes) - theme_slugs:
            problems.append(f"Story {spec.slug}: unknown themes {sorted(unknown)}")
        for slug in [*spec.cities, *body_city_slugs(list(spec.body))]:
            if slug not in city_slugs:
                problems.append(f"Story {spec.slug}: unknown city {slug!r}")
        if spec.image and spec.image not in illustrated:
            problems.append(f"Story {spec.slug}: no illustration for {spec.image!r}")
        problems += _unknown(f"Story {spec.slug}", "actors", spec.actors, actor_keys)
        if spec.event and spec.event not in event_slugs:
            problems.append(f"Story {spec.slug}: unknown event {spec.event!r}")
        if spec.funded_by_call and spec.funded_by_call not in call_slugs:
            problems.append(f"Story {spec.slug}: unknown call {spec.funded_by_call!r}")
    for spec in ACTORS:
        label = f"Actor {spec.key}"
        problems += _unknown(label, "cities", spec.cities, city_slugs)
        problems += _unknown(label, "themes", spec.themes, theme_slugs)
        if spec.email and not spec.email.endswith("@example.org"):
            problems.append(f"{label}: a demo address must be on example.org")
    for kind, spec in [*(("Event", spec) for spec in EVENTS), *(("Call", spec) for spec in CALLS)]:
        label = f"{kind} {spec.slug}"
        problems += _unknown(label, "cities", spec.cities, city_slugs)
        problems += _unknown(label, "themes", spec.themes, theme_slugs)
        problems += _unknown(label, "actors", spec.actors, actor_keys)
        problems += _unknown(label, "city links", body_city_slugs(list(spec.body)), city_slugs)
        if getattr(spec, "organiser", "") and spec.organiser not in actor_keys:
            problems.append(f"{label}: unknown organiser {spec.organiser!r}")
    return problems + _missing_translations(home)


def _unknown(label: str, kind: str, named, known) -> list[str]:
    unknown = set(named) - set(known)
    return [f"{label}: unknown {kind} {sorted(unknown)}"] if unknown else []


def _missing_translations(home: Page) -> list[str]:
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    jobs = [
        (f"Theme {spec.slug}", [spec.name, spec.description], THEME_LANGUAGES) for spec in THEMES
    ]
    jobs.append(("Home page", [home.title, HOME.intro], HOME.translate_into))
    jobs += [(f"Page {spec.slug}", spec.texts(), spec.translate_into) for spec in PAGES]
    jobs += [(f"City {spec.slug}", spec.texts(), spec.translate_into) for spec in CITIES]
    jobs += [(f"Story {spec.slug}", spec.texts(), spec.translate_into) for spec in STORIES]
    jobs += [(f"Event {spec.slug}", spec.texts(), spec.translate_into) for spec in EVENTS]
    jobs += [(f"Call {spec.slug}", spec.texts(), spec.translate_into) for spec in CALLS]
    problems = []
    for label, texts, language_codes in jobs:
        for code in sorted(languages.intersection(language_codes)):
            missing = [text for text in texts if translate(text, code) is None]
            if missing:
                problems.append(f"{label}: no {code} translation for {missing}")
    return problems


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()]
    return list(error.messages)


def _clean(label: str, instance: Model, exclude: list[str] | None = None) -> list[str]:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        return [f"{label}: {message}" for message in _messages(error)]
    return []


def _clean_body(label: str, page: Page, stand_in: Page) -> list[str]:
    """Run the body's block validation.

    Call-to-action links point to cities that may not exist yet: an existing page (the
    home page) stands in for them, so the blocks' own rules still run.
    """
    body = getattr(page, "body", None)
    if not body:
        return []
    raw = [
        {**item, "value": {**item["value"], "page": stand_in.pk}}
        if item["type"] == "call_to_action"
        else item
        for item in body.raw_data
    ]
    try:
        body.stream_block.clean(body.stream_block.to_python(raw))
    except ValidationError as error:
        return [f"{label}, body: {message}" for message in _messages(error)]
    return []
