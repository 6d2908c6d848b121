"""The cooperation themes (snippets)."""

STRINGS = {
    "Mobilité internationale": {"en": "International mobility", "de": "Internationale Mobilität"},
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, "
        "lycéens et apprentis, pour le partage d'expertise, l'ouverture culturelle et "
        "une professionnalisation internationale."
    ): {
        "en": (
            "Support for the international mobility of elected officials and local "
            "government staff, students, school pupils and apprentices, for sharing "
            "expertise, cultural openness and international professional development."
        ),
        "de": (
            "Förderung der internationalen Mobilität von Mandatsträgern und "
            "Verwaltungsmitarbeitenden, Studierenden, Schülerinnen und Schülern sowie "
            "Auszubildenden – für Erfahrungsaustausch, kulturelle Offenheit und "
            "internationale Professionalisierung."
        ),
    },
    "Appel à projet international": {
        "en": "International call for projects",
        "de": "Internationaler Projektaufruf",
    },
    (
        "Un appel à projet pour développer l'internationalisation des acteurs "
        "associatifs du territoire."
    ): {
        "en": "A call for projects to help the area's associations work internationally.",
        "de": (
            "Ein Projektaufruf, der die Vereine der Region bei ihrer Internationalisierung "
            "unterstützt."
        ),
    },
    "Événementiel international et européen": {
        "en": "International and European events",
        "de": "Internationale und europäische Veranstaltungen",
    },
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, "
        "la Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): {
        "en": (
            "International and European highlights: Japan in the spotlight in 2015, Hungary "
            "and Pécs in 2016, Europe Day around 9 May."
        ),
        "de": (
            "Internationale und europäische Höhepunkte: Japan im Mittelpunkt 2015, Ungarn und "
            "Pécs 2016, der Europatag um den 9. Mai."
        ),
    },
    "Citoyenneté européenne": {"en": "European citizenship", "de": "Europäische Bürgerschaft"},
    "Le développement de la citoyenneté européenne.": {
        "en": "Developing European citizenship.",
        "de": "Die Förderung der europäischen Bürgerschaft.",
    },
    "Solidarité internationale": {
        "en": "International solidarity",
        "de": "Internationale Solidarität",
    },
    "L'accompagnement des associations locales de solidarité internationale.": {
        "en": "Support for local international solidarity associations.",
        "de": "Die Begleitung lokaler Vereine der internationalen Solidarität.",
    },
    "Ateliers d'échanges culturels": {
        "en": "Cultural exchange workshops",
        "de": "Workshops für kulturellen Austausch",
    },
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants "
        "internationaux, pour leur insertion dans la vie aixoise durant leur séjour et "
        "l'ouverture sur le monde des jeunes fréquentant les centres sociaux."
    ): {
        "en": (
            "Workshops in social centres run with international students, helping them "
            "settle into life in Aix during their stay and opening up the world to the young "
            "people who attend the social centres."
        ),
        "de": (
            "Workshops in den Stadtteilzentren mit internationalen Studierenden: Sie finden "
            "während ihres Aufenthalts Anschluss an das Leben in Aix, und die Jugendlichen der "
            "Stadtteilzentren öffnen sich für die Welt."
        ),
    },
    "Attractivité": {"en": "Attractiveness", "de": "Attraktivität"},
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les "
        "actions de marketing territorial."
    ): {
        "en": (
            "Raising the area's profile by showcasing what makes it distinctive, through "
            "territorial marketing."
        ),
        "de": (
            "Die Ausstrahlung der Region durch die Aufwertung ihrer Besonderheiten und durch "
            "Standortmarketing."
        ),
    },
}
