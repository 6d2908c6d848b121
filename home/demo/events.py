"""Events of the demo: Europe day, the international market of the twin cities, and an
information meeting on the open call for projects.

The seed gives when they happen (Europe day "around 9 May", every year; the market in
Aix in December, with stands from the partners) but no programme and no exact dates of
the market: the editions below are dated for the demonstration, flagged as demo content,
and their text says so. Dates are fixed, so the demo is the same whenever it is loaded.
The information meeting is the demo's one event with times (in the evening, Paris time),
not whole days: it is invented too, and says so.
"""

from datetime import date, datetime

from home.demo.actors import EUROPEAN_PARTNERS
from home.demo.specs import EventSpec, figures, paragraph

# Aix's city centre, as the seed gives no venue.
AIX = {"place_name": "Aix-en-Provence", "latitude": "43.52630", "longitude": "5.44540"}
BOTH = ("en", "de")

EUROPE_DAY_SUMMARY = (
    "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six villes "
    "partenaires européennes d'Aix."
)
EUROPE_DAY_BODY = (
    paragraph(
        "La fête de l'Europe a lieu chaque année autour du 9 mai. Le programme présenté ici "
        "est un exemple écrit pour la démonstration : il ne décrit pas une édition réelle."
    ),
    paragraph(
        "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
        "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses partenaires."
    ),
    figures(
        ("9 mai", "la fête de l'Europe, chaque année"),
        ("6", "villes partenaires européennes"),
    ),
)

MARKET_SUMMARY = (
    "En décembre, le marché international des villes jumelles réunit à Aix des stands venus "
    "des villes partenaires."
)
MARKET_BODY = (
    paragraph(
        "Le marché international des villes jumelles se tient chaque année en décembre à "
        "Aix. Les dates de cette édition sont inventées pour la démonstration."
    ),
    paragraph(
        "Produits, savoir-faire et traditions des villes partenaires se découvrent au fil des "
        "stands, tenus par des associations et des représentants des villes jumelles."
    ),
)
MARKET_CITIES = ("tubingen", "perouse", "bath", "grenade", "coimbra")


def _europe_day(year: int) -> EventSpec:
    return EventSpec(
        slug=f"fete-de-l-europe-{year}",
        title=f"Fête de l'Europe {year}",
        start=date(year, 5, 9),
        end=date(year, 5, 9),
        summary=EUROPE_DAY_SUMMARY,
        body=EUROPE_DAY_BODY,
        cities=EUROPEAN_PARTNERS,
        themes=("european-citizenship", "events"),
        # Organised by the city: no organiser.
        actors=("twinning-association", "high-school"),
        translate_into=BOTH,
        **AIX,
    )


def _market(first_day: date, last_day: date) -> EventSpec:
    year = first_day.year
    return EventSpec(
        slug=f"marche-des-villes-jumelles-{year}",
        title=f"Marché international des villes jumelles {year}",
        start=first_day,
        end=last_day,
        summary=MARKET_SUMMARY,
        body=MARKET_BODY,
        cities=MARKET_CITIES,
        themes=("events", "attractiveness"),
        organiser="twinning-association",
        translate_into=BOTH,
        **AIX,
    )


INFO_MEETING = EventSpec(
    slug="reunion-appel-a-projet-2026-2027",
    title="Réunion d'information sur l'appel à projet international 2026-2027",
    start=datetime(2026, 9, 17, 18, 30),
    end=datetime(2026, 9, 17, 20, 0),
    all_day=False,
    summary=(
        "Une réunion publique présente aux associations du territoire l'appel à projet "
        "international 2026-2027 et répond à leurs questions."
    ),
    body=(
        paragraph(
            "La date, l'heure et le lieu de cette réunion sont inventés pour la démonstration : "
            "ils ne décrivent pas une réunion réelle."
        ),
    ),
    # Open to projects with any partner city, as the call is.
    cities=(),
    themes=("call-for-projects",),
    place_name="Hôtel de Ville",
    place_address="Place de l'Hôtel de Ville, 13100 Aix-en-Provence",
    latitude="43.52990",
    longitude="5.44740",
    translate_into=BOTH,
)

EVENTS = (
    # Told by the story of the same name: a past event with its story.
    _market(date(2018, 12, 8), date(2018, 12, 9)),
    _europe_day(2025),
    _europe_day(2026),
    INFO_MEETING,
    _market(date(2026, 12, 12), date(2026, 12, 13)),
)
