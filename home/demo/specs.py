"""Plain descriptions of the demo content, independent of the database.

Data modules describe content with these small classes; the loader turns them into
model instances. Keeping them plain lets the whole plan be checked before anything is
written.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

# The languages the demo has translations into (those that are content languages are used).
DEMO_LANGUAGES = ("en", "de", "it", "es", "pt", "hu", "ja", "ar")

# StreamField body items: ("paragraph", text), ("heading", text), ("quote", text, who),
# ("figures", [(value, label), ...]), ("cta", link text, city slug).
BodyItem = tuple


def paragraph(text: str) -> BodyItem:
    return ("paragraph", text)


def heading(text: str) -> BodyItem:
    return ("heading", text)


def quote(text: str, attribution: str = "") -> BodyItem:
    return ("quote", text, attribution)


def figures(*pairs: tuple[str, str]) -> BodyItem:
    return ("figures", list(pairs))


def cta(text: str, city_slug: str) -> BodyItem:
    """A call-to-action link to a partner city page, named by its French slug."""
    return ("cta", text, city_slug)


def body_texts(body: list[BodyItem]) -> list[str]:
    """The translatable texts of a body, as wagtail-localize extracts them."""
    texts = []
    for item in body:
        kind = item[0]
        if kind in ("paragraph", "heading"):
            texts.append(item[1])
        elif kind == "quote":
            texts.extend(t for t in item[1:] if t)
        elif kind == "figures":
            for value, label in item[1]:
                texts.extend([value, label])
        elif kind == "cta":
            texts.append(item[1])
    return texts


def body_city_slugs(body: list[BodyItem]) -> list[str]:
    return [item[2] for item in body if item[0] == "cta"]


def body_stream_data(body: list[BodyItem], city_pks: dict[str, int]) -> list[dict]:
    """Raw StreamField data (Wagtail's JSON block format, with ids) for ``body``.

    A link to a city missing from ``city_pks`` is left empty, to be set once it exists.
    """

    def block(block_type: str, value) -> dict:
        return {"type": block_type, "value": value, "id": str(uuid.uuid4())}

    data = []
    for item in body:
        kind = item[0]
        if kind == "paragraph":
            data.append(block("paragraph", f"<p>{escape(item[1], quote=False)}</p>"))
        elif kind == "heading":
            data.append(block("heading", {"text": item[1], "level": "h2"}))
        elif kind == "quote":
            data.append(block("quote", {"text": item[1], "attribution": item[2]}))
        elif kind == "figures":
            data.append(
                block(
                    "key_figures",
                    {
                        "figures": [
                            block("item", {"value": value, "label": label})
                            for value, label in item[1]
                        ]
                    },
                )
            )
        elif kind == "cta":
            page_pk = city_pks.get(item[2])
            data.append(block("call_to_action", {"text": item[1], "page": page_pk, "url": ""}))
        else:
            raise ValueError(f"Unknown body item {kind!r}")
    return data


@dataclass(frozen=True)
class ThemeSpec:
    slug: str
    name: str
    description: str
    sort_order: int


@dataclass(frozen=True)
class MilestoneSpec:
    date: str
    kind: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class CitySpec:
    """One row of the seed's tables: only facts the seed gives (or certain ones)."""

    slug: str
    title: str
    country: str
    latitude: str
    longitude: str
    kind: str
    intro: str
    signed: str = ""
    region: str = ""
    wikidata_id: str = ""
    themes: tuple[str, ...] = ()
    milestones: tuple[MilestoneSpec, ...] = ()
    body: tuple[BodyItem, ...] = ()
    image: bool = False
    translate_into: tuple[str, ...] = ("en", "de")

    def texts(self) -> list[str]:
        milestone_texts = [t for m in self.milestones for t in (m.title, m.description) if t]
        return (
            [t for t in (self.title, self.region, self.intro) if t]
            + milestone_texts
            + body_texts(list(self.body))
        )


@dataclass(frozen=True)
class StorySpec:
    """An exchange story written for the demo: generic, no invented names or figures."""

    slug: str
    title: str
    date: date
    cities: tuple[str, ...]
    themes: tuple[str, ...]
    audience: str
    summary: str
    body: tuple[BodyItem, ...] = ()
    image: str = ""  # the French slug of the city whose illustration is the hero image
    translate_into: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # ActorSpec keys
    event: str = ""  # the French slug of the event the story tells
    funded_by_call: str = ""  # the French slug of the call for projects that funded it

    def texts(self) -> list[str]:
        return [self.title, self.summary, *body_texts(list(self.body))]


@dataclass(frozen=True)
class ActorSpec:
    """An actor of the territory, invented for the demo: its name says so.

    ``key`` names it in the other specs (actors have no slug); e-mail addresses are on
    example.org only.
    """

    key: str
    name: str
    kind: str
    description: str
    cities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    email: str = ""
    contact_consent: bool = False
    website: str = ""


@dataclass(frozen=True)
class EventSpec:
    """An event; ``start`` and ``end`` are dates for an all-day event, else Paris times."""

    slug: str
    title: str
    start: date | datetime
    end: date | datetime
    summary: str
    cities: tuple[str, ...]
    themes: tuple[str, ...]
    all_day: bool = True
    body: tuple[BodyItem, ...] = ()
    place_name: str = ""
    place_address: str = ""
    latitude: str = ""
    longitude: str = ""
    organiser: str = ""  # an ActorSpec key; empty when the city organises it
    actors: tuple[str, ...] = ()
    translate_into: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        return [t for t in (self.title, self.summary, self.place_name) if t] + body_texts(
            list(self.body)
        )


@dataclass(frozen=True)
class CallSpec:
    """A call for projects; ``opens_at`` and ``closes_at`` are Paris times, fixed so that
    the demo is the same whenever it is loaded."""

    slug: str
    title: str
    summary: str
    eligibility: str
    opens_at: datetime
    closes_at: datetime
    themes: tuple[str, ...]
    cities: tuple[str, ...] = ()  # empty: projects with any partner city may apply
    body: tuple[BodyItem, ...] = ()
    actors: tuple[str, ...] = ()
    apply_url: str = ""
    apply_email: str = ""
    translate_into: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        return [self.title, self.summary, self.eligibility, *body_texts(list(self.body))]


@dataclass(frozen=True)
class PageSpec:
    """An index or content page under the home page (or under another PageSpec)."""

    slug: str
    title: str
    model: str  # a key of builders.PAGE_MODELS: "cities_index", "events_index", "content"...
    intro: str = ""
    body: tuple[BodyItem, ...] = ()
    show_in_menus: bool = True
    children: tuple["PageSpec", ...] = ()
    translate_into: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        return [t for t in (self.title, self.intro) if t] + body_texts(list(self.body))


@dataclass(frozen=True)
class HomeSpec:
    intro: str
    featured_cities: tuple[str, ...]
    translate_into: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserSpec:
    username: str
    email: str
    superuser: bool = False
    groups: tuple[str, ...] = field(default=())
    note: str = ""  # what the account is for, printed by demo_banner
