"""The exchange stories translated into English and German.

The stories' translations into the other partner languages are in those languages'
modules (it, es, pt, hu, ja, ar).
"""

STRINGS = {
    "Témoignage d'illustration": {
        "en": "Illustrative quote",
        "de": "Beispielzitat zur Illustration",
    },
    "Découvrir Kumamoto": {"en": "Discover Kumamoto", "de": "Kumamoto entdecken"},
    "Découvrir Pécs": {"en": "Discover Pécs", "de": "Pécs entdecken"},
    "Découvrir Oujda": {"en": "Discover Oujda", "de": "Oujda entdecken"},
    "9 mai": {"en": "9 May", "de": "9. Mai"},
    "la fête de l'Europe, chaque année": {
        "en": "Europe Day, every year",
        "de": "der Europatag, jedes Jahr",
    },
    # Japan 2015
    "Le Japon à l'honneur à Aix": {
        "en": "Japan in the spotlight in Aix",
        "de": "Japan im Mittelpunkt in Aix",
    },
    "japon-2015": {"en": "japan-2015", "de": "japan-2015"},
    (
        "En 2015, l'événementiel international d'Aix a mis le Japon en lumière, avec ses "
        "partenaires Kumamoto et Meguro."
    ): {
        "en": (
            "In 2015, Aix's international events put Japan in the spotlight, together with its "
            "partners Kumamoto and Meguro."
        ),
        "de": (
            "2015 rückten die internationalen Veranstaltungen von Aix Japan ins Rampenlicht – "
            "gemeinsam mit den Partnerstädten Kumamoto und Meguro."
        ),
    },
    (
        "Tout au long de l'année, des rendez-vous ouverts à tous ont fait découvrir la "
        "culture japonaise aux habitants d'Aix : rencontres, expositions et ateliers."
    ): {
        "en": (
            "Throughout the year, events open to all introduced the people of Aix to Japanese "
            "culture: meetings, exhibitions and workshops."
        ),
        "de": (
            "Das ganze Jahr über brachten offene Veranstaltungen den Menschen in Aix die "
            "japanische Kultur näher: Begegnungen, Ausstellungen und Workshops."
        ),
    },
    (
        "Ce temps fort a permis de rapprocher les acteurs culturels et associatifs "
        "d'Aix de leurs homologues des villes partenaires japonaises."
    ): {
        "en": (
            "This highlight brought cultural organisations and associations in Aix closer to "
            "their counterparts in the Japanese partner cities."
        ),
        "de": (
            "Dieser Höhepunkt brachte Kultureinrichtungen und Vereine aus Aix mit ihren "
            "Partnern in den japanischen Partnerstädten zusammen."
        ),
    },
    "l'année du Japon dans l'événementiel international d'Aix": {
        "en": "the year of Japan in Aix's international events",
        "de": "das Japan-Jahr der internationalen Veranstaltungen von Aix",
    },
    # Hungary and Pécs 2016
    "2016 : la Hongrie et Pécs à l'honneur": {
        "en": "2016: Hungary and Pécs in the spotlight",
        "de": "2016: Ungarn und Pécs im Mittelpunkt",
    },
    "hongrie-pecs-2016": {"en": "hungary-pecs-2016", "de": "ungarn-pecs-2016"},
    (
        "Après le Japon en 2015, l'événementiel international d'Aix a mis à l'honneur en "
        "2016 la Hongrie et le partenariat avec Pécs."
    ): {
        "en": (
            "After Japan in 2015, Aix's international events put Hungary and the partnership "
            "with Pécs in the spotlight in 2016."
        ),
        "de": (
            "Nach Japan 2015 standen 2016 Ungarn und die Partnerschaft mit Pécs im Mittelpunkt "
            "der internationalen Veranstaltungen von Aix."
        ),
    },
    (
        "Concerts, expositions et rencontres ont fait connaître aux Aixois une ville "
        "partenaire européenne, son patrimoine et sa vie culturelle."
    ): {
        "en": (
            "Concerts, exhibitions and meetings introduced the people of Aix to a European "
            "partner city, its heritage and its cultural life."
        ),
        "de": (
            "Konzerte, Ausstellungen und Begegnungen machten die Menschen in Aix mit einer "
            "europäischen Partnerstadt, ihrem Kulturerbe und ihrem kulturellen Leben bekannt."
        ),
    },
    (
        "Associations, établissements scolaires et acteurs culturels des deux villes "
        "ont été invités à imaginer des projets communs."
    ): {
        "en": (
            "Associations, schools and cultural organisations in both cities were invited to "
            "come up with joint projects."
        ),
        "de": (
            "Vereine, Schulen und Kultureinrichtungen beider Städte waren eingeladen, "
            "gemeinsame Projekte zu entwickeln."
        ),
    },
    # Europe day 2017
    "Fête de l'Europe : les partenaires européens à la rencontre des Aixois": {
        "en": "Europe Day: the European partners meet the people of Aix",
        "de": "Europatag: Die europäischen Partner zu Gast bei den Menschen in Aix",
    },
    "fete-de-l-europe-2017": {"en": "europe-day-2017", "de": "europatag-2017"},
    (
        "Autour du 9 mai, la fête de l'Europe invite les habitants à découvrir les six "
        "villes partenaires européennes d'Aix."
    ): {
        "en": (
            "Around 9 May, Europe Day invites residents to discover Aix's six European partner "
            "cities."
        ),
        "de": (
            "Rund um den 9. Mai lädt der Europatag die Einwohnerinnen und Einwohner ein, die "
            "sechs europäischen Partnerstädte von Aix kennenzulernen."
        ),
    },
    "Une journée pour l'Europe": {"en": "A day for Europe", "de": "Ein Tag für Europa"},
    (
        "Stands d'information, jeux et débats : la fête de l'Europe rend concrète la "
        "citoyenneté européenne, à travers les liens qu'Aix entretient avec ses "
        "partenaires."
    ): {
        "en": (
            "Information stands, games and debates: Europe Day makes European citizenship "
            "tangible through the ties Aix maintains with its partners."
        ),
        "de": (
            "Informationsstände, Spiele und Diskussionen: Der Europatag macht europäische "
            "Bürgerschaft greifbar – durch die Verbindungen, die Aix mit seinen Partnern pflegt."
        ),
    },
    "villes partenaires européennes": {
        "en": "European partner cities",
        "de": "europäische Partnerstädte",
    },
    "L'Europe, ce sont d'abord des rencontres entre voisins.": {
        "en": "Europe is, first of all, neighbours meeting one another.",
        "de": "Europa, das sind zuallererst Begegnungen zwischen Nachbarn.",
    },
    # International market of the twin cities 2018
    "Le marché international des villes jumelles": {
        "en": "The international market of the twin cities",
        "de": "Der internationale Markt der Partnerstädte",
    },
    "marche-des-villes-jumelles-2018": {
        "en": "twin-cities-market-2018",
        "de": "markt-der-partnerstaedte-2018",
    },
    (
        "En décembre, le marché international des villes jumelles réunit à Aix des stands "
        "venus des villes partenaires."
    ): {
        "en": (
            "In December, the international market of the twin cities brings stands from the "
            "partner cities to Aix."
        ),
        "de": (
            "Im Dezember versammelt der internationale Markt der Partnerstädte in Aix Stände "
            "aus den Partnerstädten."
        ),
    },
    (
        "Produits, savoir-faire et traditions des villes partenaires se découvrent au "
        "fil des stands, tenus par des associations et des représentants des villes "
        "jumelles."
    ): {
        "en": (
            "Products, crafts and traditions of the partner cities can be discovered from stand "
            "to stand, run by associations and representatives of the twin cities."
        ),
        "de": (
            "Produkte, Handwerk und Traditionen der Partnerstädte lassen sich von Stand zu "
            "Stand entdecken; betreut werden die Stände von Vereinen und Vertretern der "
            "Partnerstädte."
        ),
    },
    (
        "Le marché est aussi l'occasion pour les associations de jumelage de présenter "
        "leurs activités et de préparer les échanges de l'année suivante."
    ): {
        "en": (
            "The market is also a chance for the twinning associations to present their "
            "activities and prepare the following year's exchanges."
        ),
        "de": (
            "Der Markt ist auch eine Gelegenheit für die Partnerschaftsvereine, ihre "
            "Aktivitäten vorzustellen und den Austausch des nächsten Jahres vorzubereiten."
        ),
    },
    # Students in Tübingen 2019
    "Étudiants aixois à Tübingen": {
        "en": "Students from Aix in Tübingen",
        "de": "Studierende aus Aix in Tübingen",
    },
    "etudiants-a-tubingen": {"en": "students-in-tubingen", "de": "studierende-in-tuebingen"},
    (
        "Des étudiants d'Aix passent un semestre à l'université de Tübingen, dans la "
        "continuité des échanges universitaires qui ont donné naissance au jumelage."
    ): {
        "en": (
            "Students from Aix spend a semester at the University of Tübingen, continuing the "
            "university exchanges from which the twinning grew."
        ),
        "de": (
            "Studierende aus Aix verbringen ein Semester an der Universität Tübingen – in der "
            "Tradition des Hochschulaustauschs, aus dem die Partnerschaft hervorging."
        ),
    },
    (
        "Les échanges entre universités sont à l'origine du jumelage : les premiers "
        "contacts datent de 1955, cinq ans avant la signature."
    ): {
        "en": (
            "The twinning began with exchanges between universities: the first contacts date "
            "from 1955, five years before the signing."
        ),
        "de": (
            "Am Anfang der Partnerschaft stand der Austausch zwischen den Universitäten: Die "
            "ersten Kontakte stammen aus dem Jahr 1955, fünf Jahre vor der Unterzeichnung."
        ),
    },
    (
        "Aujourd'hui encore, des étudiants partent étudier dans la ville partenaire. "
        "Le diplôme d'histoire commun « TübAix » en est l'un des fruits."
    ): {
        "en": (
            "Students still go to study in the partner city today. The joint history degree "
            "“TübAix” is one of the results."
        ),
        "de": (
            "Bis heute gehen Studierende zum Studium in die Partnerstadt. Der gemeinsame "
            "Geschichtsstudiengang „TübAix“ ist eines der Ergebnisse."
        ),
    },
    (
        "Vivre quelques mois dans la ville partenaire change le regard que l'on porte "
        "sur la sienne."
    ): {
        "en": "Living in the partner city for a few months changes the way you see your own.",
        "de": (
            "Ein paar Monate in der Partnerstadt zu leben, verändert den Blick auf die eigene "
            "Stadt."
        ),
    },
    # International call for projects 2021
    (
        "Appel à projet international : les associations aixoises se tournent vers "
        "leurs partenaires"
    ): {
        "en": "International call for projects: Aix associations turn to their partners",
        "de": "Internationaler Projektaufruf: Vereine aus Aix wenden sich ihren Partnern zu",
    },
    "appel-a-projet-international-2021": {
        "en": "international-call-for-projects-2021",
        "de": "internationaler-projektaufruf-2021",
    },
    (
        "L'appel à projet international aide les associations du territoire à développer "
        "des projets avec les villes partenaires."
    ): {
        "en": (
            "The international call for projects helps the area's associations develop "
            "projects with the partner cities."
        ),
        "de": (
            "Der internationale Projektaufruf hilft den Vereinen der Region, Projekte mit den "
            "Partnerstädten zu entwickeln."
        ),
    },
    (
        "L'appel à projet s'adresse aux associations aixoises qui souhaitent s'ouvrir à "
        "l'international, en priorité avec les villes partenaires."
    ): {
        "en": (
            "The call is open to Aix associations that wish to work internationally, with "
            "priority given to the partner cities."
        ),
        "de": (
            "Der Aufruf richtet sich an Vereine aus Aix, die international tätig werden "
            "möchten, vorrangig mit den Partnerstädten."
        ),
    },
    (
        "Les projets retenus bénéficient d'un accompagnement de la Ville pour se "
        "professionnaliser et inscrire leur action dans la durée."
    ): {
        "en": (
            "Selected projects receive support from the City to professionalise and make their "
            "work last."
        ),
        "de": (
            "Die ausgewählten Projekte werden von der Stadt begleitet, um sich zu "
            "professionalisieren und ihre Arbeit dauerhaft zu verankern."
        ),
    },
    "Qui peut répondre ?": {"en": "Who can apply?", "de": "Wer kann sich bewerben?"},
    (
        "Les associations du territoire, seules ou en partenariat avec une structure "
        "d'une ville partenaire."
    ): {
        "en": (
            "Associations from the area, alone or together with an organisation from a partner "
            "city."
        ),
        "de": (
            "Vereine aus der Region, allein oder gemeinsam mit einer Einrichtung aus einer "
            "Partnerstadt."
        ),
    },
    # Umbrian-Provençal market 2022
    "Aix au marché ombro-provençal de Tübingen": {
        "en": "Aix at the Umbrian-Provençal market in Tübingen",
        "de": "Aix auf dem Umbrisch-Provenzalischen Markt in Tübingen",
    },
    "marche-ombro-provencal-2022": {
        "en": "umbrian-provencal-market-2022",
        "de": "umbrisch-provenzalischer-markt-2022",
    },
    (
        "Depuis 1995, Tübingen accueille chaque année un marché ombro-provençal, où la "
        "Provence et l'Ombrie de Pérouse se retrouvent."
    ): {
        "en": (
            "Since 1995, Tübingen has hosted a yearly Umbrian-Provençal market where Provence "
            "and Perugia's Umbria meet."
        ),
        "de": (
            "Seit 1995 findet in Tübingen jedes Jahr ein Umbrisch-Provenzalischer Markt statt, "
            "auf dem sich die Provence und Umbrien mit Perugia begegnen."
        ),
    },
    (
        "Des associations et des producteurs provençaux font le voyage pour présenter "
        "la Provence aux habitants de Tübingen, aux côtés de leurs homologues d'Ombrie."
    ): {
        "en": (
            "Associations and producers from Provence make the journey to present Provence to "
            "the people of Tübingen, alongside their counterparts from Umbria."
        ),
        "de": (
            "Vereine und Erzeuger aus der Provence reisen an, um den Menschen in Tübingen die "
            "Provence vorzustellen – Seite an Seite mit ihren Partnern aus Umbrien."
        ),
    },
    (
        "Ce rendez-vous illustre un lien à trois : Tübingen est jumelée avec Aix depuis "
        "1960 et avec Pérouse, elle-même jumelée avec Aix depuis 1970."
    ): {
        "en": (
            "The event reflects a three-way bond: Tübingen has been twinned with Aix since 1960 "
            "and with Perugia, itself twinned with Aix since 1970."
        ),
        "de": (
            "Das Treffen steht für eine Verbindung zu dritt: Tübingen ist seit 1960 "
            "Partnerstadt von Aix und zugleich Partnerstadt von Perugia, das seinerseits seit "
            "1970 Partnerstadt von Aix ist."
        ),
    },
    # Cultural workshops in social centres 2023
    "Ateliers d'échanges culturels dans les centres sociaux": {
        "en": "Cultural exchange workshops in social centres",
        "de": "Workshops für kulturellen Austausch in den Stadtteilzentren",
    },
    "ateliers-centres-sociaux-2023": {
        "en": "social-centre-workshops-2023",
        "de": "workshops-stadtteilzentren-2023",
    },
    (
        "Des étudiants internationaux animent des ateliers dans les centres sociaux "
        "d'Aix : ils découvrent la vie aixoise, les jeunes découvrent le monde."
    ): {
        "en": (
            "International students run workshops in Aix's social centres: they discover life "
            "in Aix, and young people discover the world."
        ),
        "de": (
            "Internationale Studierende leiten Workshops in den Stadtteilzentren von Aix: Sie "
            "lernen das Leben in Aix kennen, und die Jugendlichen entdecken die Welt."
        ),
    },
    (
        "Cuisine, langues, musique : chaque atelier est préparé par des étudiants venus "
        "étudier à Aix, dont certains viennent des villes partenaires."
    ): {
        "en": (
            "Cooking, languages, music: each workshop is prepared by students who have come to "
            "study in Aix, some of them from the partner cities."
        ),
        "de": (
            "Kochen, Sprachen, Musik: Jeder Workshop wird von Studierenden vorbereitet, die zum "
            "Studium nach Aix gekommen sind – einige von ihnen aus den Partnerstädten."
        ),
    },
    (
        "Pour les étudiants, c'est une manière de s'insérer dans la vie aixoise durant "
        "leur séjour ; pour les jeunes des centres sociaux, une ouverture sur le monde."
    ): {
        "en": (
            "For the students, it is a way to settle into life in Aix during their stay; for "
            "the young people of the social centres, a window on the world."
        ),
        "de": (
            "Für die Studierenden ist es eine Möglichkeit, während ihres Aufenthalts in Aix "
            "Fuß zu fassen; für die Jugendlichen der Stadtteilzentren ein Fenster zur Welt."
        ),
    },
    "On apprend autant qu'on transmet.": {
        "en": "You learn as much as you pass on.",
        "de": "Man lernt ebenso viel, wie man weitergibt.",
    },
    # Stories translated only into the language of their partner city
    "Découvrir Bath": {"en": "Discover Bath"},
    "Des lycéens aixois à Bath": {"en": "Secondary school pupils from Aix in Bath"},
    "lyceens-a-bath": {"en": "pupils-in-bath"},
    (
        "Un séjour d'échange permet à des lycéens d'Aix de découvrir Bath et de pratiquer "
        "l'anglais au quotidien."
    ): {
        "en": (
            "An exchange visit lets secondary school pupils from Aix discover Bath and practise "
            "English every day."
        ),
    },
    (
        "Hébergés en famille, les lycéens suivent des cours et découvrent la vie de la "
        "ville jumelle, avant d'accueillir à leur tour leurs correspondants à Aix."
    ): {
        "en": (
            "Staying with host families, the pupils attend lessons and discover life in the twin "
            "town, before welcoming their exchange partners to Aix in turn."
        ),
    },
    "Aix présente son territoire à Baton Rouge et Coral Gables": {
        "en": "Aix presents its area in Baton Rouge and Coral Gables",
    },
    "aix-a-baton-rouge-et-coral-gables": {"en": "aix-in-baton-rouge-and-coral-gables"},
    (
        "Une mission de la Ville présente les atouts du territoire aixois à deux villes "
        "partenaires des États-Unis."
    ): {
        "en": (
            "A City mission presents the strengths of the Aix area to two partner cities in the "
            "United States."
        ),
    },
    (
        "Tourisme, enseignement supérieur, recherche, économie : la mission s'inscrit "
        "dans la démarche de marketing territorial de la stratégie d'attractivité."
    ): {
        "en": (
            "Tourism, higher education, research, the economy: the mission is part of the "
            "territorial marketing approach of the attractiveness strategy."
        ),
    },
    "Elle prolonge les liens existants avec les villes partenaires américaines.": {
        "en": "It builds on the existing ties with the American partner cities.",
    },
    "Étudier à Philadelphie": {"en": "Studying in Philadelphia"},
    "etudier-a-philadelphie": {"en": "studying-in-philadelphia"},
    (
        "Des étudiants aixois partent étudier à Philadelphie, liée à Aix par un accord de "
        "coopération depuis 1998."
    ): {
        "en": (
            "Students from Aix go to study in Philadelphia, linked to Aix by a cooperation "
            "agreement since 1998."
        ),
    },
    (
        "L'aide à la mobilité internationale soutient les étudiants qui choisissent une "
        "ville partenaire pour leur séjour d'études."
    ): {
        "en": (
            "International mobility support helps students who choose a partner city for their "
            "period of study."
        ),
    },
    "Découvrir Philadelphie": {"en": "Discover Philadelphia"},
    "Jeunes Européens : débattre de l'Europe entre villes partenaires": {
        "de": "Junge Europäer: über Europa diskutieren, von Partnerstadt zu Partnerstadt",
    },
    "jeunes-europeens-2024": {"de": "junge-europaeer-2024"},
    (
        "À l'approche de la fête de l'Europe, des lycéens d'Aix échangent avec des jeunes "
        "de Tübingen et de Pécs sur ce que l'Europe change dans leur vie."
    ): {
        "de": (
            "Kurz vor dem Europatag tauschen sich Schülerinnen und Schüler aus Aix mit "
            "Jugendlichen aus Tübingen und Pécs darüber aus, was Europa in ihrem Leben verändert."
        ),
    },
    (
        "Les débats, préparés en classe, portent sur la mobilité, les langues et "
        "l'engagement citoyen."
    ): {
        "de": (
            "Die im Unterricht vorbereiteten Diskussionen drehen sich um Mobilität, Sprachen und "
            "bürgerschaftliches Engagement."
        ),
    },
}
