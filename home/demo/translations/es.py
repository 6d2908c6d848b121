"""Spanish, the language of Granada (Grenade).

The home page, the section pages and the cooperation themes, then the partner's city
page and the stories about it, keyed by the French source text. Names are the ones
used in the language (Tübingen is Tubinga).
"""

LANGUAGE = "es"

TEXTS = {
    # Cooperation themes
    "Mobilité internationale": "Movilidad internacional",
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, lycéens "
        "et apprentis, pour le partage d'expertise, l'ouverture culturelle et une "
        "professionnalisation internationale."
    ): (
        "Apoyo a la movilidad internacional de cargos electos y personal directivo de la "
        "administración local, estudiantes universitarios, alumnos de bachillerato y "
        "aprendices, para compartir conocimientos, favorecer la apertura cultural y una "
        "profesionalización internacional."
    ),
    "Appel à projet international": "Convocatoria internacional de proyectos",
    (
        "Un appel à projet pour développer l'internationalisation des acteurs associatifs du "
        "territoire."
    ): (
        "Una convocatoria de proyectos para impulsar la internacionalización de las "
        "asociaciones del territorio."
    ),
    "Événementiel international et européen": "Eventos internacionales y europeos",
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, la "
        "Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): (
        "Grandes citas internacionales y europeas: Japón como protagonista en 2015, Hungría y "
        "Pécs como invitados de honor en 2016, el Día de Europa en torno al 9 de mayo."
    ),
    "Citoyenneté européenne": "Ciudadanía europea",
    "Le développement de la citoyenneté européenne.": "El desarrollo de la ciudadanía europea.",
    "Solidarité internationale": "Solidaridad internacional",
    "L'accompagnement des associations locales de solidarité internationale.": (
        "El acompañamiento de las asociaciones locales de solidaridad internacional."
    ),
    "Ateliers d'échanges culturels": "Talleres de intercambio cultural",
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants internationaux, "
        "pour leur insertion dans la vie aixoise durant leur séjour et l'ouverture sur le "
        "monde des jeunes fréquentant les centres sociaux."
    ): (
        "Talleres en los centros sociales que cuentan con estudiantes internacionales, para su "
        "integración en la vida de Aix durante su estancia y para la apertura al mundo de los "
        "jóvenes que acuden a los centros sociales."
    ),
    "Attractivité": "Atractividad",
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les actions "
        "de marketing territorial."
    ): (
        "La proyección del territorio mediante la puesta en valor de sus singularidades y las "
        "acciones de marketing territorial."
    ),
    # Home page
    "Aix-en-Provence et ses villes partenaires": "Aix-en-Provence y sus ciudades asociadas",
    "home": "home-es",
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec Tübingen "
        "en 1960, ces partenariats font vivre des échanges entre étudiants, lycéens, "
        "apprentis, élus, associations et habitants."
    ): (
        "Aix-en-Provence mantiene lazos de amistad y cooperación con ciudades asociadas de "
        "varios continentes. Desde el primer hermanamiento, firmado con Tubinga en 1960, estas "
        "alianzas dan vida a intercambios entre estudiantes universitarios, alumnos de "
        "bachillerato, aprendices, cargos electos, asociaciones y vecinos."
    ),
    # Section pages
    "villes-partenaires": "ciudades-asociadas",
    "Villes partenaires": "Ciudades asociadas",
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, et "
        "ses accords de coopération et partenariats sur plusieurs continents."
    ): (
        "Los hermanamientos oficiales de Aix-en-Provence, de Tubinga en 1960 a Ascalón en "
        "1995, y sus acuerdos de cooperación y alianzas en varios continentes."
    ),
    "recits": "relatos",
    "Récits d'échanges": "Relatos de intercambios",
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : les "
        "échanges avec les villes partenaires racontés au fil des années."
    ): (
        "Movilidad, grandes citas europeas, ciudadanía, solidaridad, talleres culturales: los "
        "intercambios con las ciudades asociadas contados a lo largo de los años."
    ),
    "evenements": "eventos",
    "Agenda international": "Agenda internacional",
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : la "
        "fête de l'Europe autour du 9 mai, le marché international des villes jumelles en "
        "décembre."
    ): (
        "Las grandes citas internacionales y europeas de Aix y de sus ciudades asociadas: el "
        "Día de Europa en torno al 9 de mayo, el mercado internacional de las ciudades "
        "hermanadas en diciembre."
    ),
    "appels-a-projets": "convocatorias",
    "Appel à projets international": "Convocatoria internacional de proyectos",
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): (
        "Para impulsar la internacionalización de las asociaciones del territorio, el "
        "Ayuntamiento apoya sus proyectos con las ciudades asociadas."
    ),
    # The 2016-2020 strategy (its sub-pages stay in French)
    "strategie-2016-2020": "estrategia-2016-2020",
    "Une nouvelle stratégie pour 2016-2020": "Una nueva estrategia para 2016-2020",
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): (
        "El Pleno municipal aprobó el 2 de mayo de 2016 una nueva estrategia global de "
        "atractividad para 2016-2020. Se apoya en dos ejes principales."
    ),
    "L'action internationale d'Aix": "La acción internacional de Aix",
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur action "
        "publique dans un contexte de mondialisation et d'interdépendance économique "
        "croissante, impactant différents secteurs tels que le développement économique, la "
        "culture, l'éducation, le sport, l'aménagement urbain, le développement touristique, "
        "l'environnement."
    ): (
        "Al igual que los Estados, las entidades territoriales deben enmarcar su acción "
        "pública en un contexto de globalización y de creciente interdependencia económica, "
        "que afecta a diversos sectores como el desarrollo económico, la cultura, la "
        "educación, el deporte, el urbanismo, el desarrollo turístico y el medio ambiente."
    ),
    (
        "L'action internationale, dénommée également action extérieure, a été confirmée, "
        "courant 2014, comme une compétence d'attribution transversale par le législateur dans "
        "le Code général des collectivités territoriales (articles L1115-1 à L1115-7)."
    ): (
        "La acción internacional, denominada también acción exterior, fue confirmada por el "
        "legislador a lo largo de 2014 como una competencia transversal atribuida por ley, en "
        "el Código General de las Entidades Territoriales (artículos L1115-1 a L1115-7)."
    ),
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi depuis de "
        "nombreuses années cette politique publique construite dans une démarche de "
        "rayonnement et de réciprocité, au bénéfice des acteurs du territoire et donc de son "
        "développement."
    ): (
        "Consciente de la dimensión internacional de su ADN, Aix-en-Provence lleva muchos años "
        "invirtiendo en esta política pública, construida desde la proyección exterior y la "
        "reciprocidad, en beneficio de los actores del territorio y, por tanto, de su "
        "desarrollo."
    ),
    "Deux axes moteurs": "Dos ejes principales",
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos spécificités "
        "et avec toutes les actions conduites dans le cadre du marketing territorial."
    ): (
        "La atractividad: la proyección del territorio mediante la puesta en valor de nuestras "
        "singularidades y todas las acciones llevadas a cabo en el marco del marketing "
        "territorial."
    ),
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): (
        "La apertura del territorio al exterior, que permite a los actores locales proyectarse "
        "internacionalmente con vistas a la profesionalización y al desarrollo del territorio."
    ),
    # City grenade
    "grenade": "granada",
    "Grenade": "Granada",
    "Andalousie": "Andalucía",
    "Grenade, en Andalousie, est jumelée avec Aix-en-Provence depuis 1978.": (
        "Granada, en Andalucía, está hermanada con Aix-en-Provence desde 1978."
    ),
    "Signature du jumelage": "Firma del hermanamiento",
    # Story fete-de-l-europe-2017
    "fete-de-l-europe-2017": "dia-de-europa-2017",
    "Fête de l'Europe : les partenaires européens à la rencontre des Aixois": (
        "Día de Europa: los socios europeos al encuentro de los vecinos de Aix"
    ),
    (
        "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six villes "
        "partenaires européennes d'Aix."
    ): (
        "En torno al 9 de mayo, el Día de Europa invita a los vecinos a descubrir las seis "
        "ciudades asociadas europeas de Aix."
    ),
    "Une journée pour l'Europe": "Una jornada para Europa",
    (
        "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
        "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses partenaires."
    ): (
        "Puestos informativos, juegos y debates: el Día de Europa hace tangible la ciudadanía "
        "europea a través de los lazos que Aix mantiene con sus socios."
    ),
    "9 mai": "9 de mayo",
    "la fête de l'Europe, chaque année": "el Día de Europa, cada año",
    "villes partenaires européennes": "ciudades asociadas europeas",
    "L'Europe, ce sont d'abord des rencontres entre voisins.": (
        "Europa es, ante todo, el encuentro entre vecinos."
    ),
    "Témoignage d'illustration": "Testimonio ilustrativo",
    # Story marche-des-villes-jumelles-2018
    "marche-des-villes-jumelles-2018": "mercado-de-las-ciudades-hermanadas-2018",
    "Le marché international des villes jumelles": (
        "El mercado internacional de las ciudades hermanadas"
    ),
    (
        "En décembre, le marché international des villes jumelles réunit à Aix des stands "
        "venus des villes partenaires."
    ): (
        "En diciembre, el mercado internacional de las ciudades hermanadas reúne en Aix "
        "puestos llegados de las ciudades asociadas."
    ),
    (
        "Produits, savoir-faire et traditions des villes partenaires se découvrent au fil des "
        "stands, tenus par des associations et des représentants des villes jumelles."
    ): (
        "Productos, oficios y tradiciones de las ciudades asociadas se descubren de puesto en "
        "puesto, atendidos por asociaciones y representantes de las ciudades hermanadas."
    ),
    (
        "Le marché est aussi l'occasion pour les associations de jumelage de présenter leurs "
        "activités et de préparer les échanges de l'année suivante."
    ): (
        "El mercado es también la ocasión para que las asociaciones de hermanamiento presenten "
        "sus actividades y preparen los intercambios del año siguiente."
    ),
    # Story ateliers-centres-sociaux-2023
    "ateliers-centres-sociaux-2023": "talleres-centros-sociales-2023",
    "Ateliers d'échanges culturels dans les centres sociaux": (
        "Talleres de intercambio cultural en los centros sociales"
    ),
    (
        "Des étudiants internationaux animent des ateliers dans les centres sociaux d'Aix : "
        "ils découvrent la vie aixoise, les jeunes découvrent le monde."
    ): (
        "Estudiantes internacionales dirigen talleres en los centros sociales de Aix: ellos "
        "descubren la vida de Aix y los jóvenes descubren el mundo."
    ),
    (
        "Cuisine, langues, musique : chaque atelier est préparé par des étudiants venus "
        "étudier à Aix, dont certains viennent des villes partenaires."
    ): (
        "Cocina, idiomas, música: cada taller lo preparan estudiantes que han venido a "
        "estudiar a Aix, algunos de ellos procedentes de las ciudades asociadas."
    ),
    (
        "Pour les étudiants, c'est une manière de s'insérer dans la vie aixoise durant leur "
        "séjour ; pour les jeunes des centres sociaux, une ouverture sur le monde."
    ): (
        "Para los estudiantes, es una forma de integrarse en la vida de Aix durante su "
        "estancia; para los jóvenes de los centros sociales, una apertura al mundo."
    ),
    "On apprend autant qu'on transmet.": "Se aprende tanto como se transmite.",
}

STRINGS = {source: {LANGUAGE: text} for source, text in TEXTS.items()}
