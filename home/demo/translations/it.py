"""Italian, the language of Perugia (Pérouse).

The home page, the section pages and the cooperation themes, then the partner's city
page and the stories about it, keyed by the French source text. Names are the ones
used in the language (Tübingen is Tubinga).
"""

LANGUAGE = "it"

TEXTS = {
    # Cooperation themes
    "Mobilité internationale": "Mobilità internazionale",
    (
        "Aide à la mobilité internationale des élus et cadres territoriaux, étudiants, lycéens "
        "et apprentis, pour le partage d'expertise, l'ouverture culturelle et une "
        "professionnalisation internationale."
    ): (
        "Sostegno alla mobilità internazionale di amministratori e funzionari degli enti "
        "locali, studenti universitari, studenti delle scuole superiori e apprendisti, per la "
        "condivisione di competenze, l'apertura culturale e una professionalizzazione "
        "internazionale."
    ),
    "Appel à projet international": "Bando internazionale per progetti",
    (
        "Un appel à projet pour développer l'internationalisation des acteurs associatifs du "
        "territoire."
    ): (
        "Un bando per progetti volto a sviluppare l'internazionalizzazione delle associazioni "
        "del territorio."
    ),
    "Événementiel international et européen": "Eventi internazionali ed europei",
    (
        "Des temps forts internationaux et européens : le Japon mis en lumière en 2015, la "
        "Hongrie et Pécs à l'honneur en 2016, la fête de l'Europe autour du 9 mai."
    ): (
        "Grandi appuntamenti internazionali ed europei: il Giappone protagonista nel 2015, "
        "l'Ungheria e Pécs in primo piano nel 2016, la Festa dell'Europa intorno al 9 maggio."
    ),
    "Citoyenneté européenne": "Cittadinanza europea",
    "Le développement de la citoyenneté européenne.": "Lo sviluppo della cittadinanza europea.",
    "Solidarité internationale": "Solidarietà internazionale",
    "L'accompagnement des associations locales de solidarité internationale.": (
        "L'accompagnamento delle associazioni locali di solidarietà internazionale."
    ),
    "Ateliers d'échanges culturels": "Laboratori di scambio culturale",
    (
        "Des ateliers dans les centres sociaux qui mobilisent les étudiants internationaux, "
        "pour leur insertion dans la vie aixoise durant leur séjour et l'ouverture sur le "
        "monde des jeunes fréquentant les centres sociaux."
    ): (
        "Laboratori nei centri sociali che coinvolgono gli studenti internazionali, per il "
        "loro inserimento nella vita di Aix durante il soggiorno e per l'apertura al mondo dei "
        "giovani che frequentano i centri sociali."
    ),
    "Attractivité": "Attrattività",
    (
        "Le rayonnement du territoire par la valorisation de ses spécificités et les actions "
        "de marketing territorial."
    ): (
        "La visibilità del territorio attraverso la valorizzazione delle sue specificità e le "
        "azioni di marketing territoriale."
    ),
    # Home page
    "Aix-en-Provence et ses villes partenaires": "Aix-en-Provence e le sue città partner",
    "home": "home-it",
    (
        "Aix-en-Provence entretient des liens d'amitié et de coopération avec des villes "
        "partenaires sur plusieurs continents. Depuis le premier jumelage, signé avec Tübingen "
        "en 1960, ces partenariats font vivre des échanges entre étudiants, lycéens, "
        "apprentis, élus, associations et habitants."
    ): (
        "Aix-en-Provence intrattiene legami di amicizia e di cooperazione con città partner in "
        "diversi continenti. Dal primo gemellaggio, firmato con Tubinga nel 1960, questi "
        "partenariati danno vita a scambi tra studenti universitari, studenti delle scuole "
        "superiori, apprendisti, amministratori, associazioni e cittadini."
    ),
    # Section pages
    "villes-partenaires": "citta-partner",
    "Villes partenaires": "Città partner",
    (
        "Les jumelages officiels d'Aix-en-Provence, de Tübingen en 1960 à Ashkelon en 1995, et "
        "ses accords de coopération et partenariats sur plusieurs continents."
    ): (
        "I gemellaggi ufficiali di Aix-en-Provence, da Tubinga nel 1960 ad Ascalona nel 1995, "
        "e i suoi accordi di cooperazione e partenariati in diversi continenti."
    ),
    "recits": "racconti",
    "Récits d'échanges": "Racconti di scambi",
    (
        "Mobilité, temps forts européens, citoyenneté, solidarité, ateliers culturels : les "
        "échanges avec les villes partenaires racontés au fil des années."
    ): (
        "Mobilità, grandi appuntamenti europei, cittadinanza, solidarietà, laboratori "
        "culturali: gli scambi con le città partner raccontati nel corso degli anni."
    ),
    "evenements": "eventi",
    "Agenda international": "Agenda internazionale",
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : la "
        "fête de l'Europe autour du 9 mai, le marché international des villes jumelles en "
        "décembre."
    ): (
        "I grandi appuntamenti internazionali ed europei di Aix e delle sue città partner: la "
        "Festa dell'Europa intorno al 9 maggio, il mercato internazionale delle città "
        "gemellate a dicembre."
    ),
    "appels-a-projets": "bandi-per-progetti",
    "Appel à projets international": "Bando internazionale per progetti",
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): (
        "Per sviluppare l'internazionalizzazione delle associazioni del territorio, il Comune "
        "sostiene i loro progetti con le città partner."
    ),
    # The 2016-2020 strategy (its sub-pages stay in French)
    "strategie-2016-2020": "strategia-2016-2020",
    "Une nouvelle stratégie pour 2016-2020": "Una nuova strategia per il 2016-2020",
    (
        "Une nouvelle stratégie globale d'attractivité pour 2016-2020 a été votée lors du "
        "Conseil municipal du 2 mai 2016. Elle s'appuie sur deux axes moteurs."
    ): (
        "Una nuova strategia globale di attrattività per il 2016-2020 è stata approvata dal "
        "Consiglio comunale il 2 maggio 2016. Si fonda su due assi portanti."
    ),
    "L'action internationale d'Aix": "L'azione internazionale di Aix",
    (
        "De même que les États, les collectivités territoriales doivent inscrire leur action "
        "publique dans un contexte de mondialisation et d'interdépendance économique "
        "croissante, impactant différents secteurs tels que le développement économique, la "
        "culture, l'éducation, le sport, l'aménagement urbain, le développement touristique, "
        "l'environnement."
    ): (
        "Come gli Stati, gli enti territoriali devono inserire la propria azione pubblica in "
        "un contesto di globalizzazione e di crescente interdipendenza economica, che incide "
        "su diversi settori quali lo sviluppo economico, la cultura, l'istruzione, lo sport, "
        "la pianificazione urbana, lo sviluppo turistico e l'ambiente."
    ),
    (
        "L'action internationale, dénommée également action extérieure, a été confirmée, "
        "courant 2014, comme une compétence d'attribution transversale par le législateur dans "
        "le Code général des collectivités territoriales (articles L1115-1 à L1115-7)."
    ): (
        "L'azione internazionale, detta anche azione esterna, è stata confermata dal "
        "legislatore nel corso del 2014 come competenza trasversale attribuita per legge, nel "
        "Codice generale degli enti territoriali (articoli da L1115-1 a L1115-7)."
    ),
    (
        "Aix-en-Provence, consciente de la part internationale de son ADN, a investi depuis de "
        "nombreuses années cette politique publique construite dans une démarche de "
        "rayonnement et de réciprocité, au bénéfice des acteurs du territoire et donc de son "
        "développement."
    ): (
        "Aix-en-Provence, consapevole della dimensione internazionale del proprio DNA, investe "
        "da molti anni in questa politica pubblica, costruita all'insegna della visibilità e "
        "della reciprocità, a beneficio degli attori del territorio e quindi del suo sviluppo."
    ),
    "Deux axes moteurs": "Due assi portanti",
    (
        "L'attractivité, le rayonnement du territoire par la valorisation de nos spécificités "
        "et avec toutes les actions conduites dans le cadre du marketing territorial."
    ): (
        "L'attrattività: la visibilità del territorio attraverso la valorizzazione delle "
        "nostre specificità e tutte le azioni condotte nell'ambito del marketing territoriale."
    ),
    (
        "L'ouverture du territoire vers l'extérieur, permettant aux acteurs locaux de se "
        "projeter à l'international dans une logique de professionnalisation et de "
        "développement du territoire."
    ): (
        "L'apertura del territorio verso l'esterno, che consente agli attori locali di "
        "proiettarsi a livello internazionale in un'ottica di professionalizzazione e di "
        "sviluppo del territorio."
    ),
    # City perouse
    "perouse": "perugia",
    "Pérouse": "Perugia",
    "Ombrie": "Umbria",
    (
        "Pérouse, en Ombrie, est jumelée avec Aix-en-Provence depuis 1970 ; elle est aussi "
        "jumelée avec Tübingen."
    ): (
        "Perugia, in Umbria, è gemellata con Aix-en-Provence dal 1970; è gemellata anche con "
        "Tubinga."
    ),
    "Signature du jumelage": "Firma del gemellaggio",
    "Marché ombro-provençal de Tübingen": "Mercato umbro-provenzale di Tubinga",
    (
        "Depuis 1995, Tübingen accueille chaque année un marché ombro-provençal, partagé avec "
        "Pérouse."
    ): ("Dal 1995 Tubinga ospita ogni anno un mercato umbro-provenzale, condiviso con Perugia."),
    "Pérouse participe chaque année, depuis 1995, au marché ombro-provençal de Tübingen.": (
        "Ogni anno, dal 1995, Perugia partecipa al mercato umbro-provenzale di Tubinga."
    ),
    "Découvrir Tübingen": "Scopri Tubinga",
    # Story fete-de-l-europe-2017
    "fete-de-l-europe-2017": "festa-dell-europa-2017",
    "Fête de l'Europe : les partenaires européens à la rencontre des Aixois": (
        "Festa dell'Europa: i partner europei incontrano gli abitanti di Aix"
    ),
    (
        "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six villes "
        "partenaires européennes d'Aix."
    ): (
        "Intorno al 9 maggio, la Festa dell'Europa invita i cittadini a scoprire le sei città "
        "partner europee di Aix."
    ),
    "Une journée pour l'Europe": "Una giornata per l'Europa",
    (
        "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
        "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses partenaires."
    ): (
        "Stand informativi, giochi e dibattiti: la Festa dell'Europa rende concreta la "
        "cittadinanza europea attraverso i legami che Aix intrattiene con i suoi partner."
    ),
    "9 mai": "9 maggio",
    "la fête de l'Europe, chaque année": "la Festa dell'Europa, ogni anno",
    "villes partenaires européennes": "città partner europee",
    "L'Europe, ce sont d'abord des rencontres entre voisins.": (
        "L'Europa è prima di tutto incontro tra vicini."
    ),
    "Témoignage d'illustration": "Testimonianza a titolo illustrativo",
    # Story marche-des-villes-jumelles-2018
    "marche-des-villes-jumelles-2018": "mercato-delle-citta-gemellate-2018",
    "Le marché international des villes jumelles": (
        "Il mercato internazionale delle città gemellate"
    ),
    (
        "En décembre, le marché international des villes jumelles réunit à Aix des stands "
        "venus des villes partenaires."
    ): (
        "A dicembre, il mercato internazionale delle città gemellate riunisce ad Aix gli stand "
        "delle città partner."
    ),
    (
        "Produits, savoir-faire et traditions des villes partenaires se découvrent au fil des "
        "stands, tenus par des associations et des représentants des villes jumelles."
    ): (
        "Prodotti, saperi artigianali e tradizioni delle città partner si scoprono di stand in "
        "stand, gestiti da associazioni e da rappresentanti delle città gemellate."
    ),
    (
        "Le marché est aussi l'occasion pour les associations de jumelage de présenter leurs "
        "activités et de préparer les échanges de l'année suivante."
    ): (
        "Il mercato è anche l'occasione per le associazioni di gemellaggio di presentare le "
        "proprie attività e di preparare gli scambi dell'anno successivo."
    ),
    # Story marche-ombro-provencal-2022
    "marche-ombro-provencal-2022": "mercato-umbro-provenzale-2022",
    "Aix au marché ombro-provençal de Tübingen": "Aix al mercato umbro-provenzale di Tubinga",
    (
        "Depuis 1995, Tübingen accueille chaque année un marché ombro-provençal, où la "
        "Provence et l'Ombrie de Pérouse se retrouvent."
    ): (
        "Dal 1995 Tubinga ospita ogni anno un mercato umbro-provenzale, dove la Provenza e "
        "l'Umbria di Perugia si incontrano."
    ),
    (
        "Des associations et des producteurs provençaux font le voyage pour présenter la "
        "Provence aux habitants de Tübingen, aux côtés de leurs homologues d'Ombrie."
    ): (
        "Associazioni e produttori provenzali si mettono in viaggio per presentare la Provenza "
        "agli abitanti di Tubinga, accanto ai loro omologhi umbri."
    ),
    (
        "Ce rendez-vous illustre un lien à trois : Tübingen est jumelée avec Aix depuis 1960 "
        "et avec Pérouse, elle-même jumelée avec Aix depuis 1970."
    ): (
        "Questo appuntamento testimonia un legame a tre: Tubinga è gemellata con Aix dal 1960 "
        "e con Perugia, a sua volta gemellata con Aix dal 1970."
    ),
    "Découvrir Pérouse": "Scopri Perugia",
    # Story elus-a-perouse
    "elus-a-perouse": "amministratori-a-perugia",
    "Élus et cadres territoriaux à Pérouse": (
        "Amministratori e funzionari degli enti locali a Perugia"
    ),
    (
        "Une délégation d'élus et de cadres territoriaux échange avec ses homologues de "
        "Pérouse sur les politiques publiques des deux villes."
    ): (
        "Una delegazione di amministratori e funzionari degli enti locali si confronta con i "
        "colleghi di Perugia sulle politiche pubbliche delle due città."
    ),
    (
        "Patrimoine, tourisme, vie étudiante : les deux villes partagent des questions "
        "communes et comparent leurs réponses."
    ): (
        "Patrimonio, turismo, vita studentesca: le due città condividono questioni comuni e ne "
        "confrontano le risposte."
    ),
    (
        "Ces échanges d'expériences et de bonnes pratiques sont au cœur de l'ouverture du "
        "territoire vers l'extérieur."
    ): (
        "Questi scambi di esperienze e di buone pratiche sono al centro dell'apertura del "
        "territorio verso l'esterno."
    ),
}

STRINGS = {source: {LANGUAGE: text} for source, text in TEXTS.items()}
