"""The site's structure: home page texts, the indexes, and the 2016–2020 strategy.

The strategy pages quote the city's document on its international action (seed). The
home page and the section pages are translated into every language of the demo, so that
a reader in any of them finds a translated path from the home page to their city.
"""

from home.demo.specs import DEMO_LANGUAGES, HomeSpec, PageSpec, heading, paragraph

HOME = HomeSpec(
    intro=(
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec "
        "Tübingen en 1960, ces partenariats font vivre des échanges entre étudiants, "
        "lycéens, apprentis, élus, associations et habitants."
    ),
    # The six European partners named by the city.
    featured_cities=("tubingen", "perouse", "bath", "grenade", "coimbra", "pecs"),
    translate_into=DEMO_LANGUAGES,
)

CITIES_INDEX = PageSpec(
    slug="villes-partenaires",
    title="Villes partenaires",
    model="cities_index",
    intro=(
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, "
        "et ses accords de coopération et partenariats sur plusieurs continents."
    ),
    translate_into=DEMO_LANGUAGES,
)

STORIES_INDEX = PageSpec(
    slug="recits",
    title="Récits d'échanges",
    model="stories_index",
    intro=(
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : "
        "les échanges avec les villes partenaires racontés au fil des années."
    ),
    translate_into=DEMO_LANGUAGES,
)

EVENTS_INDEX = PageSpec(
    slug="evenements",
    title="Agenda international",
    model="events_index",
    intro=(
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : "
        "la fête de l'Europe autour du 9 mai, le marché international des villes jumelles "
        "en décembre."
    ),
    translate_into=DEMO_LANGUAGES,
)

CALLS_INDEX = PageSpec(
    slug="appels-a-projets",
    title="Appel à projets international",
    model="calls_index",
    intro=(
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ),
    translate_into=DEMO_LANGUAGES,
)

STRATEGY = PageSpec(
    slug="strategie-2016-2020",
    title="Une nouvelle stratégie pour 2016-2020",
    model="content",
    intro=(
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ),
    translate_into=DEMO_LANGUAGES,
    body=(
        heading("L'action internationale d'Aix"),
        paragraph(
            "De même que les États, les collectivités territoriales doivent inscrire leur "
            "action publique dans un contexte de mondialisation et d'interdépendance "
            "économique croissante, impactant différents secteurs tels que le développement "
            "économique, la culture, l'éducation, le sport, l'aménagement urbain, le "
            "développement touristique, l'environnement."
        ),
        paragraph(
            "L'action internationale, dénommée également action extérieure, a été "
            "confirmée, courant 2014, comme une compétence d'attribution transversale par "
            "le législateur dans le Code général des collectivités territoriales (articles "
            "L1115-1 à L1115-7)."
        ),
        paragraph(
            "Aix-en-Provence, consciente de la part internationale de son ADN, a investi "
            "depuis de nombreuses années cette politique publique construite dans une "
            "démarche de rayonnement et de réciprocité, au bénéfice des acteurs du "
            "territoire et donc de son développement."
        ),
        heading("Deux axes moteurs"),
        paragraph(
            "L'attractivité, le rayonnement du territoire par la valorisation de nos "
            "spécificités et avec toutes les actions conduites dans le cadre du marketing "
            "territorial."
        ),
        paragraph(
            "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
            "projeter à l'international dans une logique de professionnalisation et de "
            "développement du territoire."
        ),
    ),
    children=(
        PageSpec(
            slug="attractivite",
            title="L'attractivité",
            model="content",
            show_in_menus=False,
            intro=(
                "Le marketing territorial est une démarche globale au service des "
                "différents acteurs du territoire et basée sur notre identité collective."
            ),
            body=(
                paragraph(
                    "Partagée par l'ensemble des forces vives, cette dynamique se veut au "
                    "service du développement local pour « mobiliser à l'intérieur », puis "
                    "s'inscrit dans une logique de rayonnement pour « séduire à "
                    "l'extérieur »."
                ),
                paragraph(
                    "Il s'agit de mieux faire connaître le territoire, de le valoriser dans "
                    "toutes ses dimensions : tourisme, culture, mais aussi économie, "
                    "recherche et enseignement supérieur, commerce, qualité de vie."
                ),
                paragraph(
                    "L'enjeu est d'augmenter le sentiment d'appartenance et la qualité de "
                    "l'offre du territoire afin de maintenir et attirer hommes, idées et "
                    "capitaux (investissements, innovation, entrepreneuriat, dépenses)."
                ),
                paragraph(
                    "Cette synergie s'inscrira dans les grands projets existants : ANRU, "
                    "Smart City, French Tech."
                ),
            ),
        ),
        PageSpec(
            slug="ouverture-internationale",
            title="L'ouverture du territoire vers l'extérieur",
            model="content",
            show_in_menus=False,
            intro=(
                "Les buts poursuivis sont le partage d'intérêts, l'enrichissement mutuel "
                "et la mise en valeur des composantes humaines de développement "
                "territorial."
            ),
            body=(
                paragraph(
                    "La Ville souhaite agir prioritairement en lien avec ses villes "
                    "partenaires, tout en laissant la liberté à la Ville de se projeter vers "
                    "d'autres territoires. L'ouverture aux autres sert le développement du "
                    "territoire grâce à des échanges d'expériences et de bonnes pratiques."
                ),
                heading("Les principaux axes"),
                paragraph(
                    "Aide à la mobilité internationale (élus et cadres territoriaux, "
                    "étudiants, lycéens, apprentis) afin de bénéficier du partage "
                    "d'expertise, de l'ouverture culturelle et d'une professionnalisation "
                    "internationale."
                ),
                paragraph(
                    "Appel à projet international pour développer l'internationalisation "
                    "des acteurs associatifs du territoire."
                ),
                paragraph(
                    "Événementiel international et européen : après le Japon mis en lumière "
                    "en 2015, la Hongrie et le partenariat avec Pécs sont à l'honneur en "
                    "2016 ; fête de l'Europe autour du 9 mai."
                ),
                paragraph("Développement de la citoyenneté européenne."),
                paragraph("Accompagnement des associations locales de solidarité internationale."),
                paragraph(
                    "Ateliers d'échanges culturels dans les centres sociaux : mobilisation "
                    "des étudiants internationaux afin de garantir leur insertion dans la vie "
                    "aixoise durant leur séjour, et ouverture sur le monde pour les jeunes "
                    "fréquentant les centres sociaux."
                ),
            ),
        ),
    ),
)

PAGES = (CITIES_INDEX, STORIES_INDEX, EVENTS_INDEX, CALLS_INDEX, STRATEGY)
