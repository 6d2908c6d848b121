"""The seven axes of the 2016–2020 international strategy, worded after the seed document."""

from home.demo.specs import DEMO_LANGUAGES, ThemeSpec

THEMES = (
    ThemeSpec(
        slug="mobility",
        name="Mobilité internationale",
        description=(
            "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, "
            "lycéens et apprentis, pour le partage d'expertise, l'ouverture culturelle et "
            "une professionnalisation internationale."
        ),
        sort_order=1,
    ),
    ThemeSpec(
        slug="call-for-projects",
        name="Appel à projet international",
        description=(
            "Un appel à projet pour développer l'internationalisation des acteurs "
            "associatifs du territoire."
        ),
        sort_order=2,
    ),
    ThemeSpec(
        slug="events",
        name="Événementiel international et européen",
        description=(
            "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, "
            "la Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
        ),
        sort_order=3,
    ),
    ThemeSpec(
        slug="european-citizenship",
        name="Citoyenneté européenne",
        description="Le développement de la citoyenneté européenne.",
        sort_order=4,
    ),
    ThemeSpec(
        slug="solidarity",
        name="Solidarité internationale",
        description="L'accompagnement des associations locales de solidarité internationale.",
        sort_order=5,
    ),
    ThemeSpec(
        slug="cultural-workshops",
        name="Ateliers d'échanges culturels",
        description=(
            "Des ateliers dans les centres sociaux qui mobilisent les étudiants "
            "internationaux, pour leur insertion dans la vie aixoise durant leur séjour et "
            "l'ouverture sur le monde des jeunes fréquentant les centres sociaux."
        ),
        sort_order=6,
    ),
    ThemeSpec(
        slug="attractiveness",
        name="Attractivité",
        description=(
            "Le rayonnement du territoire par la valorisation de ses spécificités et les "
            "actions de marketing territorial."
        ),
        sort_order=7,
    ),
)

# Snippets are translated into these languages (when they are content languages).
THEME_LANGUAGES = DEMO_LANGUAGES
