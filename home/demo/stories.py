"""Exchange stories written for the demonstration.

They are flagged as demo content: plausible and generic, built around the seed's real
events (Japan 2015, Pécs 2016, Europe day, the international market of the twin cities,
the strategy's axes), with no invented names of people and no invented figures. Key
figures only repeat facts of the seed. Quotes are labelled as illustrative. Stories name
the demo's actors (actors.py), the event they tell (events.py) and the call for projects
that funded them (calls.py); these links are set when a story is created. A story about a
partner city is translated into the language that city's partners read.
"""

from datetime import date

from home.demo.specs import StorySpec, cta, figures, heading, paragraph, quote
from twinning.choices import Audience

ILLUSTRATIVE = "Témoignage d'illustration"
BOTH = ("en", "de")

STORIES = (
    # Translated into English and German, and into the languages of their partner cities
    StorySpec(
        slug="japon-2015",
        title="Le Japon à l'honneur à Aix",
        date=date(2015, 10, 10),
        cities=("kumamoto", "meguro"),
        themes=("events", "attractiveness"),
        audience=Audience.PUBLIC.value,
        summary=(
            "En 2015, l'événementiel international d'Aix a mis le Japon en lumière, avec ses "
            "partenaires Kumamoto et Meguro."
        ),
        body=(
            paragraph(
                "Tout au long de l'année, des rendez-vous ouverts à tous ont fait découvrir la "
                "culture japonaise aux habitants d'Aix : rencontres, expositions et ateliers."
            ),
            paragraph(
                "Ce temps fort a permis de rapprocher les acteurs culturels et associatifs "
                "d'Aix de leurs homologues des villes partenaires japonaises."
            ),
            figures(("2015", "l'année du Japon dans l'événementiel international d'Aix")),
            cta("Découvrir Kumamoto", "kumamoto"),
        ),
        image="kumamoto",
        translate_into=BOTH + ("ja",),
    ),
    StorySpec(
        slug="hongrie-pecs-2016",
        title="2016 : la Hongrie et Pécs à l'honneur",
        date=date(2016, 9, 17),
        cities=("pecs",),
        themes=("events", "european-citizenship"),
        audience=Audience.PUBLIC.value,
        summary=(
            "Après le Japon en 2015, l'événementiel international d'Aix a mis à l'honneur en "
            "2016 la Hongrie et le partenariat avec Pécs."
        ),
        body=(
            paragraph(
                "Concerts, expositions et rencontres ont fait connaître aux Aixois une ville "
                "partenaire européenne, son patrimoine et sa vie culturelle."
            ),
            paragraph(
                "Associations, établissements scolaires et acteurs culturels des deux villes "
                "ont été invités à imaginer des projets communs."
            ),
            cta("Découvrir Pécs", "pecs"),
        ),
        image="pecs",
        translate_into=BOTH + ("hu",),
    ),
    StorySpec(
        slug="fete-de-l-europe-2017",
        title="Fête de l'Europe : les partenaires européens à la rencontre des Aixois",
        date=date(2017, 5, 9),
        cities=("tubingen", "perouse", "bath", "grenade", "coimbra", "pecs"),
        themes=("european-citizenship", "events"),
        audience=Audience.PUBLIC.value,
        summary=(
            "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six "
            "villes partenaires européennes d'Aix."
        ),
        body=(
            heading("Une journée pour l'Europe"),
            paragraph(
                "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
                "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses "
                "partenaires."
            ),
            figures(
                ("9 mai", "la fête de l'Europe, chaque année"),
                ("6", "villes partenaires européennes"),
            ),
            quote("L'Europe, ce sont d'abord des rencontres entre voisins.", ILLUSTRATIVE),
        ),
        translate_into=BOTH + ("it", "es", "pt", "hu"),
        actors=("twinning-association", "high-school"),
    ),
    StorySpec(
        slug="marche-des-villes-jumelles-2018",
        title="Le marché international des villes jumelles",
        date=date(2018, 12, 8),
        cities=("tubingen", "perouse", "bath", "grenade", "coimbra"),
        themes=("events", "attractiveness"),
        audience=Audience.PUBLIC.value,
        summary=(
            "En décembre, le marché international des villes jumelles réunit à Aix des stands "
            "venus des villes partenaires."
        ),
        body=(
            paragraph(
                "Produits, savoir-faire et traditions des villes partenaires se découvrent au "
                "fil des stands, tenus par des associations et des représentants des villes "
                "jumelles."
            ),
            paragraph(
                "Le marché est aussi l'occasion pour les associations de jumelage de présenter "
                "leurs activités et de préparer les échanges de l'année suivante."
            ),
        ),
        translate_into=BOTH + ("it", "es", "pt"),
        actors=("twinning-association",),
        event="marche-des-villes-jumelles-2018",
    ),
    StorySpec(
        slug="etudiants-a-tubingen",
        title="Étudiants aixois à Tübingen",
        date=date(2019, 10, 14),
        cities=("tubingen",),
        themes=("mobility",),
        audience=Audience.STUDENTS.value,
        summary=(
            "Des étudiants d'Aix passent un semestre à l'université de Tübingen, dans la "
            "continuité des échanges universitaires qui ont donné naissance au jumelage."
        ),
        body=(
            paragraph(
                "Les échanges entre universités sont à l'origine du jumelage : les premiers "
                "contacts datent de 1955, cinq ans avant la signature."
            ),
            paragraph(
                "Aujourd'hui encore, des étudiants partent étudier dans la ville partenaire. "
                "Le diplôme d'histoire commun « TübAix » en est l'un des fruits."
            ),
            quote(
                "Vivre quelques mois dans la ville partenaire change le regard que l'on porte "
                "sur la sienne.",
                ILLUSTRATIVE,
            ),
            cta("Découvrir Tübingen", "tubingen"),
        ),
        image="tubingen",
        translate_into=BOTH,
        actors=("university",),
    ),
    StorySpec(
        slug="appel-a-projet-international-2021",
        title=(
            "Appel à projet international : les associations aixoises se tournent vers "
            "leurs partenaires"
        ),
        date=date(2021, 3, 15),
        cities=("oujda", "bamako", "carthage"),
        themes=("call-for-projects", "solidarity"),
        audience=Audience.ASSOCIATIONS.value,
        summary=(
            "L'appel à projet international aide les associations du territoire à développer "
            "des projets avec les villes partenaires."
        ),
        body=(
            paragraph(
                "L'appel à projet s'adresse aux associations aixoises qui souhaitent s'ouvrir à "
                "l'international, en priorité avec les villes partenaires."
            ),
            paragraph(
                "Les projets retenus bénéficient d'un accompagnement de la Ville pour se "
                "professionnaliser et inscrire leur action dans la durée."
            ),
            heading("Qui peut répondre ?"),
            paragraph(
                "Les associations du territoire, seules ou en partenariat avec une structure "
                "d'une ville partenaire."
            ),
            cta("Découvrir Oujda", "oujda"),
        ),
        translate_into=BOTH + ("ar",),
    ),
    StorySpec(
        slug="marche-ombro-provencal-2022",
        title="Aix au marché ombro-provençal de Tübingen",
        date=date(2022, 6, 25),
        cities=("tubingen", "perouse"),
        themes=("events", "attractiveness"),
        audience=Audience.ASSOCIATIONS.value,
        summary=(
            "Depuis 1995, Tübingen accueille chaque année un marché ombro-provençal, où la "
            "Provence et l'Ombrie de Pérouse se retrouvent."
        ),
        body=(
            paragraph(
                "Des associations et des producteurs provençaux font le voyage pour présenter "
                "la Provence aux habitants de Tübingen, aux côtés de leurs homologues d'Ombrie."
            ),
            paragraph(
                "Ce rendez-vous illustre un lien à trois : Tübingen est jumelée avec Aix depuis "
                "1960 et avec Pérouse, elle-même jumelée avec Aix depuis 1970."
            ),
            cta("Découvrir Pérouse", "perouse"),
        ),
        image="perouse",
        translate_into=BOTH + ("it",),
    ),
    StorySpec(
        slug="ateliers-centres-sociaux-2023",
        title="Ateliers d'échanges culturels dans les centres sociaux",
        date=date(2023, 11, 20),
        cities=("grenade", "coimbra"),
        themes=("cultural-workshops",),
        audience=Audience.STUDENTS.value,
        summary=(
            "Des étudiants internationaux animent des ateliers dans les centres sociaux "
            "d'Aix : ils découvrent la vie aixoise, les jeunes découvrent le monde."
        ),
        body=(
            paragraph(
                "Cuisine, langues, musique : chaque atelier est préparé par des étudiants venus "
                "étudier à Aix, dont certains viennent des villes partenaires."
            ),
            paragraph(
                "Pour les étudiants, c'est une manière de s'insérer dans la vie aixoise durant "
                "leur séjour ; pour les jeunes des centres sociaux, une ouverture sur le monde."
            ),
            quote("On apprend autant qu'on transmet.", ILLUSTRATIVE),
        ),
        image="grenade",
        translate_into=BOTH + ("es", "pt"),
        actors=("social-centre",),
    ),
    # Translated only into the language of their partner city (Bamako reads French): in
    # the other languages they show coverage gaps and the fallback to the French original.
    StorySpec(
        slug="lyceens-a-bath",
        title="Des lycéens aixois à Bath",
        date=date(2018, 3, 19),
        cities=("bath",),
        themes=("mobility",),
        audience=Audience.PUPILS.value,
        summary=(
            "Un séjour d'échange permet à des lycéens d'Aix de découvrir Bath et de pratiquer "
            "l'anglais au quotidien."
        ),
        body=(
            paragraph(
                "Hébergés en famille, les lycéens suivent des cours et découvrent la vie de la "
                "ville jumelle, avant d'accueillir à leur tour leurs correspondants à Aix."
            ),
            cta("Découvrir Bath", "bath"),
        ),
        actors=("high-school",),
        translate_into=("en",),
    ),
    StorySpec(
        slug="elus-a-perouse",
        title="Élus et cadres territoriaux à Pérouse",
        date=date(2019, 6, 3),
        cities=("perouse",),
        themes=("mobility", "attractiveness"),
        audience=Audience.OFFICIALS.value,
        summary=(
            "Une délégation d'élus et de cadres territoriaux échange avec ses homologues de "
            "Pérouse sur les politiques publiques des deux villes."
        ),
        body=(
            paragraph(
                "Patrimoine, tourisme, vie étudiante : les deux villes partagent des questions "
                "communes et comparent leurs réponses."
            ),
            paragraph(
                "Ces échanges d'expériences et de bonnes pratiques sont au cœur de l'ouverture "
                "du territoire vers l'extérieur."
            ),
        ),
        translate_into=("it",),
    ),
    StorySpec(
        slug="aix-a-baton-rouge-et-coral-gables",
        title="Aix présente son territoire à Baton Rouge et Coral Gables",
        date=date(2019, 11, 12),
        cities=("baton-rouge", "coral-gables"),
        themes=("attractiveness",),
        audience=Audience.OFFICIALS.value,
        summary=(
            "Une mission de la Ville présente les atouts du territoire aixois à deux villes "
            "partenaires des États-Unis."
        ),
        body=(
            paragraph(
                "Tourisme, enseignement supérieur, recherche, économie : la mission s'inscrit "
                "dans la démarche de marketing territorial de la stratégie d'attractivité."
            ),
            paragraph("Elle prolonge les liens existants avec les villes partenaires américaines."),
        ),
        actors=("development-agency",),
        translate_into=("en",),
    ),
    StorySpec(
        slug="solidarite-avec-bamako",
        title="Solidarité internationale : des associations aixoises engagées avec Bamako",
        date=date(2020, 2, 10),
        cities=("bamako",),
        themes=("solidarity",),
        audience=Audience.ASSOCIATIONS.value,
        summary=(
            "La Ville accompagne les associations locales de solidarité internationale qui "
            "mènent des projets avec Bamako."
        ),
        body=(
            paragraph(
                "L'accompagnement prend la forme de conseils, de mises en relation et d'un "
                "soutien à la construction des projets."
            ),
            paragraph(
                "Les associations partagent leurs expériences lors de rencontres organisées à Aix."
            ),
        ),
        actors=("solidarity-collective",),
    ),
    StorySpec(
        slug="apprentis-a-coimbra",
        title="Apprentis en stage à Coimbra",
        date=date(2022, 4, 11),
        cities=("coimbra",),
        themes=("mobility",),
        audience=Audience.APPRENTICES.value,
        summary=(
            "Des apprentis du territoire effectuent une période de formation à Coimbra, avec "
            "l'aide à la mobilité internationale de la Ville."
        ),
        body=(
            paragraph(
                "La mobilité des apprentis fait partie des axes de la stratégie internationale : "
                "elle favorise le partage d'expertise et une professionnalisation "
                "internationale."
            ),
            paragraph(
                "Le séjour alterne temps en entreprise et découverte de la ville partenaire."
            ),
        ),
        translate_into=("pt",),
    ),
    StorySpec(
        slug="jeunes-europeens-2024",
        title="Jeunes Européens : débattre de l'Europe entre villes partenaires",
        date=date(2024, 5, 6),
        cities=("tubingen", "pecs"),
        themes=("european-citizenship",),
        audience=Audience.PUPILS.value,
        summary=(
            "À l'approche de la fête de l'Europe, des lycéens d'Aix échangent avec des jeunes "
            "de Tübingen et de Pécs sur ce que l'Europe change dans leur vie."
        ),
        body=(
            paragraph(
                "Les débats, préparés en classe, portent sur la mobilité, les langues et "
                "l'engagement citoyen."
            ),
            figures(("9 mai", "la fête de l'Europe, chaque année")),
            cta("Découvrir Pécs", "pecs"),
        ),
        actors=("high-school",),
        translate_into=("de", "hu"),
    ),
    StorySpec(
        slug="ateliers-croises-avec-carthage",
        title="Carthage et Aix : des ateliers culturels croisés",
        date=date(2024, 10, 7),
        cities=("carthage",),
        themes=("cultural-workshops",),
        audience=Audience.ASSOCIATIONS.value,
        summary=(
            "Des associations culturelles d'Aix et de Carthage préparent ensemble des ateliers "
            "ouverts aux jeunes des deux villes."
        ),
        body=(
            paragraph(
                "Les ateliers mêlent patrimoine, arts et langues, et s'appuient sur l'expérience "
                "des ateliers d'échanges culturels des centres sociaux."
            ),
            cta("Découvrir Carthage", "carthage"),
        ),
        image="carthage",
        actors=("social-centre",),
        funded_by_call="appel-a-projet-international-2024",
        translate_into=("ar",),
    ),
    StorySpec(
        slug="etudier-a-philadelphie",
        title="Étudier à Philadelphie",
        date=date(2025, 2, 17),
        cities=("philadelphie",),
        themes=("mobility",),
        audience=Audience.STUDENTS.value,
        summary=(
            "Des étudiants aixois partent étudier à Philadelphie, liée à Aix par un accord de "
            "coopération depuis 1998."
        ),
        body=(
            paragraph(
                "L'aide à la mobilité internationale soutient les étudiants qui choisissent une "
                "ville partenaire pour leur séjour d'études."
            ),
            cta("Découvrir Philadelphie", "philadelphie"),
        ),
        actors=("university",),
        translate_into=("en",),
    ),
)
