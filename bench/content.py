"""The texts of the generated dataset and their stand-in translations.

Each template text carries ``MARK`` (``SLUG_MARK`` in slugs); every cloned page gets
its own number in its place, so strings stay distinct per page as real content is.
"""

import datetime
import random

MARK = "QX0QX"
SLUG_MARK = MARK.lower()

COUNTRIES = ["GB", "DE", "IT", "PT", "ES", "JP", "US", "TN", "IL", "HU", "UA", "ML", "DZ", "VN"]
THEMES = [
    ("Jeunesse et éducation", "jeunesse"),
    ("Culture et patrimoine", "culture"),
    ("Solidarité internationale", "solidarite"),
    ("Mobilité et climat", "climat"),
    ("Économie et tourisme", "economie"),
    ("Sport", "sport"),
    ("Santé", "sante"),
    ("Recherche et université", "recherche"),
]


def city_fields(image_id: int | None) -> dict:
    return {
        "title": f"Ville partenaire {MARK}",
        "slug": f"ville-{SLUG_MARK}",
        "intro": f"Ville partenaire n° {MARK} d'Aix-en-Provence, liée par un jumelage actif.",
        "region": f"Région {MARK}",
        "country": "DE",
        "latitude": "48.52160",
        "longitude": "9.05760",
        "population": 90000,
        "signed": "1960-10-20",
        "website": "https://example.org/",
        "wikidata_id": "Q3806",
        "hero_image_id": image_id,
        "body": [
            ("heading", {"text": "Une histoire commune", "level": "h2"}),
            (
                "paragraph",
                f"<p>Depuis la signature, la ville {MARK} accueille chaque année des "
                f"élèves, des artistes et des élus aixois.</p><p>Les associations {MARK} "
                "organisent des échanges réguliers.</p>",
            ),
            ("quote", {"text": f"Une amitié qui dure ({MARK}).", "attribution": "Le maire"}),
        ],
    }


MILESTONES = [
    (
        "1960-10-20",
        "signing",
        f"Signature du jumelage {MARK}",
        f"Cérémonie à l'hôtel de ville ({MARK}).",
    ),
    ("1985", "anniversary", f"Vingt-cinq ans {MARK}", f"Une délégation de {MARK} à Aix."),
    ("2000-05", "visit", f"Visite officielle {MARK}", ""),
    ("2010", "renewal", f"Renouvellement {MARK}", f"Nouvelle charte {MARK}."),
]


def story_fields(image) -> dict:
    """The template story; ``image`` is an Image (blocks want the object)."""
    return {
        "title": f"Récit d'échange n° {MARK}",
        "slug": f"recit-{SLUG_MARK}",
        "summary": (
            f"Une semaine d'échange n° {MARK} entre des jeunes d'Aix et de la ville partenaire : "
            "ateliers, visites et rencontres."
        ),
        "date": datetime.date(2020, 5, 9),
        "audience": "students",
        "participants": 24,
        "hero_image_id": image.pk,
        "body": [
            ("heading", {"text": f"Le programme de l'échange {MARK}", "level": "h2"}),
            (
                "paragraph",
                f"<p>Pendant une semaine, le groupe {MARK} a découvert la ville, ses "
                "écoles et ses <b>associations</b>.</p>"
                f"<p>Chaque soir, les familles d'accueil du groupe {MARK} organisaient un repas.</p>",
            ),
            ("quote", {"text": f"Nous reviendrons ({MARK}) !", "attribution": "Une participante"}),
            (
                "image",
                {
                    "image": image,
                    "alt_text": f"Le groupe {MARK} devant l'hôtel de ville",
                    "caption": f"Le groupe {MARK}",
                    "credit": "Ville d'Aix-en-Provence",
                },
            ),
            ("heading", {"text": "Et ensuite ?", "level": "h2"}),
            ("paragraph", f"<p>Un nouvel échange {MARK} est prévu l'an prochain.</p>"),
        ],
    }


def translate(text: str, language: str, path: str) -> str:
    """A stand-in translator's work: visibly in ``language``, slugs kept valid."""
    if path == "slug":
        return f"{text}-{language}"
    return f"[{language}] {text}"


def story_variation(rng: random.Random, image_ids: list[int]) -> dict:
    """What differs from one story to the next besides its texts."""
    day = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(7300))
    return {
        "date": day,
        "hero_image_id": rng.choice(image_ids),
        "audience": rng.choice(["students", "pupils", "apprentices", "officials", "public"]),
        "participants": rng.randrange(5, 200),
    }


def city_variation(rng: random.Random, number: int, image_ids: list[int]) -> dict:
    return {
        "country": COUNTRIES[number % len(COUNTRIES)],
        "latitude": f"{rng.uniform(-60, 70):.5f}",
        "longitude": f"{rng.uniform(-170, 170):.5f}",
        "population": rng.randrange(5_000, 3_000_000),
        "signed": str(rng.randrange(1955, 2024)),
        "wikidata_id": f"Q{100000 + number}",
        "hero_image_id": rng.choice(image_ids),
    }
