"""Hungarian, the language of Pécs.

The home page, the section pages and the cooperation themes, then the partner's city
page and the stories about it, keyed by the French source text. Names are the ones
used in the language.
"""

LANGUAGE = "hu"

TEXTS = {
    # Cooperation themes
    "Mobilité internationale": "Nemzetközi mobilitás",
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, lycéens "
        "et apprentis, pour le partage d'expertise, l'ouverture culturelle et une "
        "professionnalisation internationale."
    ): (
        "A választott tisztségviselők és önkormányzati vezetők, egyetemi hallgatók, "
        "középiskolások és szakmunkástanulók nemzetközi mobilitásának támogatása a szakmai "
        "tapasztalatok megosztása, a kulturális nyitottság és a nemzetközi szakmai fejlődés "
        "érdekében."
    ),
    "Appel à projet international": "Nemzetközi pályázati felhívás",
    (
        "Un appel à projet pour développer l'internationalisation des acteurs associatifs du "
        "territoire."
    ): ("Pályázati felhívás a térség egyesületei nemzetközi tevékenységének fejlesztésére."),
    "Événementiel international et européen": "Nemzetközi és európai rendezvények",
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, la "
        "Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): (
        "Nemzetközi és európai kiemelt események: Japán a középpontban 2015-ben, Magyarország "
        "és Pécs a díszvendég 2016-ban, az Európa-nap május 9. körül."
    ),
    "Citoyenneté européenne": "Európai polgárság",
    "Le développement de la citoyenneté européenne.": "Az európai polgárság fejlesztése.",
    "Solidarité internationale": "Nemzetközi szolidaritás",
    "L'accompagnement des associations locales de solidarité internationale.": (
        "A nemzetközi szolidaritással foglalkozó helyi egyesületek támogatása."
    ),
    "Ateliers d'échanges culturels": "Kulturális csereműhelyek",
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants internationaux, "
        "pour leur insertion dans la vie aixoise durant leur séjour et l'ouverture sur le "
        "monde des jeunes fréquentant les centres sociaux."
    ): (
        "Műhelyek a közösségi központokban nemzetközi hallgatók bevonásával: a hallgatók "
        "ottlétük alatt beilleszkedhetnek Aix életébe, a közösségi központokba járó fiatalok "
        "pedig megnyílhatnak a világ felé."
    ),
    "Attractivité": "Vonzerő",
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les actions "
        "de marketing territorial."
    ): (
        "A térség kisugárzásának erősítése sajátosságainak bemutatásával és "
        "térségmarketing-tevékenységekkel."
    ),
    # Home page
    "Aix-en-Provence et ses villes partenaires": "Aix-en-Provence és partnervárosai",
    "home": "home-hu",
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec Tübingen "
        "en 1960, ces partenariats font vivre des échanges entre étudiants, lycéens, "
        "apprentis, élus, associations et habitants."
    ): (
        "Aix-en-Provence több kontinens partnervárosaival ápol baráti és együttműködési "
        "kapcsolatokat. Az első, 1960-ban Tübingennel aláírt testvérvárosi megállapodás óta "
        "ezek a partnerségek egyetemi hallgatók, középiskolások, szakmunkástanulók, választott "
        "tisztségviselők, egyesületek és lakosok közötti cserekapcsolatokat éltetnek."
    ),
    # Section pages
    "villes-partenaires": "partnervarosok",
    "Villes partenaires": "Partnervárosok",
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, et "
        "ses accords de coopération et partenariats sur plusieurs continents."
    ): (
        "Aix-en-Provence hivatalos testvérvárosi kapcsolatai – Tübingentől (1960) Askelonig "
        "(1995) –, valamint együttműködési megállapodásai és partnerségei több kontinensen."
    ),
    "recits": "beszamolok",
    "Récits d'échanges": "Beszámolók a cserekapcsolatokról",
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : les "
        "échanges avec les villes partenaires racontés au fil des années."
    ): (
        "Mobilitás, európai kiemelt események, polgárság, szolidaritás, kulturális műhelyek: a "
        "partnervárosokkal folytatott cserekapcsolatok története az évek során."
    ),
    "evenements": "esemenyek",
    "Agenda international": "Nemzetközi programnaptár",
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : la "
        "fête de l'Europe autour du 9 mai, le marché international des villes jumelles en "
        "décembre."
    ): (
        "Aix és partnervárosai nemzetközi és európai kiemelt eseményei: az Európa-nap május 9. "
        "körül, a testvérvárosok nemzetközi vására decemberben."
    ),
    "appels-a-projets": "palyazati-felhivasok",
    "Appel à projets international": "Nemzetközi pályázati felhívás",
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): (
        "A térség egyesületei nemzetközi tevékenységének fejlesztése érdekében a Város "
        "támogatja a partnervárosokkal közös projektjeiket."
    ),
    # The 2016-2020 strategy (its sub-pages stay in French)
    "strategie-2016-2020": "strategia-2016-2020",
    "Une nouvelle stratégie pour 2016-2020": "Új stratégia a 2016-2020-as időszakra",
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): (
        "A Képviselő-testület 2016. május 2-i ülésén új, átfogó vonzerő-stratégiát fogadott el "
        "a 2016-2020-as időszakra. A stratégia két fő pilléren nyugszik."
    ),
    "L'action internationale d'Aix": "Aix nemzetközi tevékenysége",
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur action "
        "publique dans un contexte de mondialisation et d'interdépendance économique "
        "croissante, impactant différents secteurs tels que le développement économique, la "
        "culture, l'éducation, le sport, l'aménagement urbain, le développement touristique, "
        "l'environnement."
    ): (
        "Az államokhoz hasonlóan a területi önkormányzatoknak is a globalizáció és az egyre "
        "erősödő gazdasági egymásrautaltság közegében kell végezniük közfeladataikat, ami "
        "számos ágazatot érint, így a gazdaságfejlesztést, a kultúrát, az oktatást, a sportot, "
        "a városfejlesztést, a turizmusfejlesztést és a környezetvédelmet."
    ),
    (
        "L'action internationale, dénommée également action extérieure, a été confirmée, "
        "courant 2014, comme une compétence d'attribution transversale par le législateur dans "
        "le Code général des collectivités territoriales (articles L1115-1 à L1115-7)."
    ): (
        "A nemzetközi tevékenységet – más néven külső tevékenységet – a jogalkotó 2014 "
        "folyamán ágazatokon átívelő, törvény által ráruházott hatáskörként erősítette meg a "
        "Területi önkormányzatok általános törvénykönyvében (L1115-1–L1115-7. cikk)."
    ),
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi depuis de "
        "nombreuses années cette politique publique construite dans une démarche de "
        "rayonnement et de réciprocité, au bénéfice des acteurs du territoire et donc de son "
        "développement."
    ): (
        "Aix-en-Provence – tudatában annak, hogy a nemzetközi nyitottság DNS-ének része – "
        "hosszú évek óta elkötelezetten folytatja ezt a kisugárzásra és kölcsönösségre épülő "
        "közpolitikát a térség szereplőinek és ezáltal a térség fejlődésének javára."
    ),
    "Deux axes moteurs": "Két fő pillér",
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos spécificités "
        "et avec toutes les actions conduites dans le cadre du marketing territorial."
    ): (
        "A vonzerő: a térség kisugárzásának erősítése sajátosságaink bemutatásával és a "
        "térségmarketing keretében megvalósuló valamennyi intézkedéssel."
    ),
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): (
        "A térség nyitása a külvilág felé, amely lehetővé teszi a helyi szereplők számára, "
        "hogy nemzetközi szinten is megjelenjenek, a szakmai fejlődés és a térség fejlesztése "
        "jegyében."
    ),
    # City pecs
    "Comitat de Baranya": "Baranya vármegye",
    (
        "Pécs, en Hongrie, compte parmi les six partenaires européens d'Aix-en-Provence ; la "
        "Hongrie et Pécs ont été à l'honneur à Aix en 2016."
    ): (
        "A magyarországi Pécs Aix-en-Provence hat európai partnerének egyike; 2016-ban "
        "Magyarország és Pécs volt Aix díszvendége."
    ),
    "La Hongrie et Pécs à l'honneur": "Magyarország és Pécs a középpontban",
    (
        "En 2016, la Hongrie et le partenariat avec Pécs sont à l'honneur de l'événementiel "
        "international d'Aix."
    ): (
        "2016-ban Magyarország és a Péccsel fennálló partnerség áll Aix nemzetközi "
        "rendezvényeinek középpontjában."
    ),
    # Story hongrie-pecs-2016
    "hongrie-pecs-2016": "magyarorszag-pecs-2016",
    "2016 : la Hongrie et Pécs à l'honneur": "2016: Magyarország és Pécs a középpontban",
    (
        "Après le Japon en 2015, l'événementiel international d'Aix a mis à l'honneur en 2016 "
        "la Hongrie et le partenariat avec Pécs."
    ): (
        "A 2015-ös japán év után 2016-ban Magyarország és a Péccsel fennálló partnerség került "
        "Aix nemzetközi rendezvényeinek középpontjába."
    ),
    (
        "Concerts, expositions et rencontres ont fait connaître aux Aixois une ville "
        "partenaire européenne, son patrimoine et sa vie culturelle."
    ): (
        "Koncertek, kiállítások és találkozók révén ismerhették meg Aix lakói egy európai "
        "partnervárosukat, annak örökségét és kulturális életét."
    ),
    (
        "Associations, établissements scolaires et acteurs culturels des deux villes ont été "
        "invités à imaginer des projets communs."
    ): (
        "A két város egyesületeit, oktatási intézményeit és kulturális szereplőit közös "
        "projektek kidolgozására hívták meg."
    ),
    "Découvrir Pécs": "Ismerje meg Pécset",
    # Story fete-de-l-europe-2017
    "fete-de-l-europe-2017": "europa-nap-2017",
    "Fête de l'Europe : les partenaires européens à la rencontre des Aixois": (
        "Európa-nap: az európai partnerek találkozása Aix lakóival"
    ),
    (
        "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six villes "
        "partenaires européennes d'Aix."
    ): (
        "Május 9. körül az Európa-nap arra hívja a lakosokat, hogy megismerjék Aix hat európai "
        "partnervárosát."
    ),
    "Une journée pour l'Europe": "Egy nap Európáért",
    (
        "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
        "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses partenaires."
    ): (
        "Információs standok, játékok és viták: az Európa-nap kézzelfoghatóvá teszi az európai "
        "polgárságot azokon a kapcsolatokon keresztül, amelyeket Aix partnereivel ápol."
    ),
    "9 mai": "május 9.",
    "la fête de l'Europe, chaque année": "az Európa-nap, minden évben",
    "villes partenaires européennes": "európai partnerváros",
    "L'Europe, ce sont d'abord des rencontres entre voisins.": (
        "Európa mindenekelőtt szomszédok találkozása."
    ),
    "Témoignage d'illustration": "Szemléltető célú idézet",
    # Story jeunes-europeens-2024
    "jeunes-europeens-2024": "fiatal-europaiak-2024",
    "Jeunes Européens : débattre de l'Europe entre villes partenaires": (
        "Fiatal európaiak: vita Európáról a partnervárosok között"
    ),
    (
        "À l'approche de la fête de l'Europe, des lycéens d'Aix échangent avec des jeunes de "
        "Tübingen et de Pécs sur ce que l'Europe change dans leur vie."
    ): (
        "Az Európa-nap közeledtével aix-i középiskolások tübingeni és pécsi fiatalokkal "
        "beszélgetnek arról, mit változtat Európa az életükön."
    ),
    (
        "Les débats, préparés en classe, portent sur la mobilité, les langues et l'engagement "
        "citoyen."
    ): (
        "Az órákon előkészített viták a mobilitásról, a nyelvekről és a közéleti "
        "szerepvállalásról szólnak."
    ),
}

STRINGS = {source: {LANGUAGE: text} for source, text in TEXTS.items()}
