"""Home page and index pages."""

STRINGS = {
    "Aix-en-Provence et ses villes partenaires": {
        "en": "Aix-en-Provence and its partner cities",
        "de": "Aix-en-Provence und seine Partnerstädte",
    },
    "home": {"en": "home-en", "de": "home-de"},
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec "
        "Tübingen en 1960, ces partenariats font vivre des échanges entre étudiants, "
        "lycéens, apprentis, élus, associations et habitants."
    ): {
        "en": (
            "Aix-en-Provence maintains ties of friendship and cooperation with partner cities "
            "on several continents. Since the first twinning, signed with Tübingen in 1960, "
            "these partnerships have brought together students, school pupils, apprentices, "
            "elected officials, associations and residents."
        ),
        "de": (
            "Aix-en-Provence pflegt freundschaftliche und partnerschaftliche Beziehungen zu "
            "Partnerstädten auf mehreren Kontinenten. Seit der ersten Städtepartnerschaft, die "
            "1960 mit Tübingen unterzeichnet wurde, bringen diese Partnerschaften Studierende, "
            "Schülerinnen und Schüler, Auszubildende, Mandatsträger, Vereine und Einwohner "
            "zusammen."
        ),
    },
    "Villes partenaires": {"en": "Partner cities", "de": "Partnerstädte"},
    "villes-partenaires": {"en": "partner-cities", "de": "partnerstaedte"},
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, "
        "et ses accords de coopération et partenariats sur plusieurs continents."
    ): {
        "en": (
            "Aix-en-Provence's official twinnings, from Tübingen in 1960 to Ashkelon in 1995, "
            "and its cooperation agreements and partnerships on several continents."
        ),
        "de": (
            "Die offiziellen Städtepartnerschaften von Aix-en-Provence, von Tübingen 1960 bis "
            "Aschkelon 1995, sowie seine Kooperationsabkommen und Partnerschaften auf mehreren "
            "Kontinenten."
        ),
    },
    "Récits d'échanges": {"en": "Exchange stories", "de": "Austauschberichte"},
    "recits": {"en": "stories", "de": "berichte"},
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : "
        "les échanges avec les villes partenaires racontés au fil des années."
    ): {
        "en": (
            "Mobility, European highlights, citizenship, solidarity, cultural workshops: "
            "exchanges with the partner cities, told over the years."
        ),
        "de": (
            "Mobilität, europäische Höhepunkte, Bürgerschaft, Solidarität, Kulturworkshops: "
            "der Austausch mit den Partnerstädten, im Lauf der Jahre erzählt."
        ),
    },
    # The 2016–2020 strategy (the section page; its two sub-pages stay in French)
    "strategie-2016-2020": {"en": "strategy-2016-2020"},
    "Une nouvelle stratégie pour 2016-2020": {
        "en": "A new strategy for 2016-2020",
        "de": "Eine neue Strategie für 2016-2020",
    },
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): {
        "en": (
            "A new overall attractiveness strategy for 2016-2020 was adopted by the City "
            "Council on 2 May 2016. It rests on two driving priorities."
        ),
        "de": (
            "Eine neue umfassende Attraktivitätsstrategie für 2016-2020 wurde am 2. Mai 2016 "
            "vom Stadtrat beschlossen. Sie stützt sich auf zwei tragende Säulen."
        ),
    },
    "L'action internationale d'Aix": {
        "en": "Aix's international action",
        "de": "Das internationale Handeln von Aix",
    },
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur "
        "action publique dans un contexte de mondialisation et d'interdépendance "
        "économique croissante, impactant différents secteurs tels que le développement "
        "économique, la culture, l'éducation, le sport, l'aménagement urbain, le "
        "développement touristique, l'environnement."
    ): {
        "en": (
            "Like States, local authorities must set their public action in a context of "
            "globalisation and growing economic interdependence, which affects many sectors "
            "such as economic development, culture, education, sport, urban planning, tourism "
            "development and the environment."
        ),
        "de": (
            "Wie die Staaten müssen auch die Gebietskörperschaften ihr öffentliches Handeln in "
            "einen Kontext der Globalisierung und wachsender wirtschaftlicher Verflechtung "
            "stellen, der zahlreiche Bereiche berührt: Wirtschaftsförderung, Kultur, Bildung, "
            "Sport, Stadtentwicklung, Tourismusentwicklung und Umwelt."
        ),
    },
    (
        "L'action internationale, dénommée également action extérieure, a été "
        "confirmée, courant 2014, comme une compétence d'attribution transversale par "
        "le législateur dans le Code général des collectivités territoriales (articles "
        "L1115-1 à L1115-7)."
    ): {
        "en": (
            "International action, also called external action, was confirmed by the "
            "legislature in 2014 as a cross-cutting statutory competence in the General Code "
            "of Local Authorities (articles L1115-1 to L1115-7)."
        ),
        "de": (
            "Das internationale Handeln, auch auswärtiges Handeln genannt, wurde 2014 vom "
            "Gesetzgeber im Allgemeinen Gesetzbuch der Gebietskörperschaften (Artikel L1115-1 "
            "bis L1115-7) als übergreifende Zuständigkeit bestätigt."
        ),
    },
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi "
        "depuis de nombreuses années cette politique publique construite dans une "
        "démarche de rayonnement et de réciprocité, au bénéfice des acteurs du "
        "territoire et donc de son développement."
    ): {
        "en": (
            "Aware that being international is part of its DNA, Aix-en-Provence has for many "
            "years invested in this public policy, built on outreach and reciprocity, for the "
            "benefit of the area's stakeholders and therefore of its development."
        ),
        "de": (
            "Im Bewusstsein, dass das Internationale zu seiner DNA gehört, engagiert sich "
            "Aix-en-Provence seit vielen Jahren in diesem Politikfeld, das auf Ausstrahlung und "
            "Gegenseitigkeit angelegt ist – zum Nutzen der Akteure vor Ort und damit der "
            "Entwicklung der Region."
        ),
    },
    "Deux axes moteurs": {"en": "Two driving priorities", "de": "Zwei tragende Säulen"},
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos "
        "spécificités et avec toutes les actions conduites dans le cadre du marketing "
        "territorial."
    ): {
        "en": (
            "Attractiveness: raising the area's profile by showcasing what makes us "
            "distinctive, through all the actions carried out as part of territorial marketing."
        ),
        "de": (
            "Die Attraktivität: die Ausstrahlung der Region durch die Aufwertung unserer "
            "Besonderheiten und durch alle Maßnahmen des Standortmarketings."
        ),
    },
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): {
        "en": (
            "Opening the area to the outside world, so that local stakeholders can work "
            "internationally, with a view to professionalisation and the area's development."
        ),
        "de": (
            "Die Öffnung der Region nach außen, die es den Akteuren vor Ort ermöglicht, "
            "international tätig zu werden – im Sinne der Professionalisierung und der "
            "Entwicklung der Region."
        ),
    },
}
