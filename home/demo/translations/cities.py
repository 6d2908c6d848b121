"""Partner city pages and their milestones."""

STRINGS = {
    # Names and slugs that differ from the French
    "Pérouse": {"en": "Perugia", "de": "Perugia"},
    "perouse": {"en": "perugia", "de": "perugia"},
    "Grenade": {"en": "Granada", "de": "Granada"},
    "grenade": {"en": "granada", "de": "granada"},
    "Carthage": {"en": "Carthage", "de": "Karthago"},
    "carthage": {"de": "karthago"},
    "Ashkelon": {"en": "Ashkelon", "de": "Aschkelon"},
    "ashkelon": {"de": "aschkelon"},
    "Philadelphie": {"en": "Philadelphia", "de": "Philadelphia"},
    "philadelphie": {"en": "philadelphia", "de": "philadelphia"},
    "Meguro (Tokyo)": {"en": "Meguro (Tokyo)", "de": "Meguro (Tokio)"},
    # Regions
    "Bade-Wurtemberg": {"en": "Baden-Württemberg", "de": "Baden-Württemberg"},
    "Ombrie": {"en": "Umbria", "de": "Umbrien"},
    "Andalousie": {"en": "Andalusia", "de": "Andalusien"},
    "Région Centre": {"en": "Centro Region", "de": "Region Centro"},
    "Gouvernorat de Tunis": {
        "en": "Tunis Governorate",
        "de": "Gouvernement Tunis",
    },
    "District sud": {"en": "Southern District", "de": "Südbezirk"},
    "Comitat de Baranya": {"en": "Baranya County", "de": "Komitat Baranya"},
    "Région de l'Oriental": {"en": "Oriental Region", "de": "Region Oriental"},
    "Pennsylvanie": {"en": "Pennsylvania", "de": "Pennsylvania"},
    "Gouvernorat de Baalbek-Hermel": {
        "en": "Baalbek-Hermel Governorate",
        "de": "Gouvernement Baalbek-Hermel",
    },
    "District de Bamako": {"en": "Bamako Capital District", "de": "Hauptstadtdistrikt Bamako"},
    "Louisiane": {"en": "Louisiana", "de": "Louisiana"},
    "Floride": {"en": "Florida", "de": "Florida"},
    "Tokyo": {"en": "Tokyo", "de": "Tokio"},
    "Préfecture de Kumamoto": {"en": "Kumamoto Prefecture", "de": "Präfektur Kumamoto"},
    # Intros
    (
        "Ville universitaire du Bade-Wurtemberg, Tübingen est le premier jumelage "
        "d'Aix-en-Provence, signé le 20 octobre 1960."
    ): {
        "en": (
            "A university town in Baden-Württemberg, Tübingen was Aix-en-Provence's first "
            "twin town; the twinning was signed on 20 October 1960."
        ),
        "de": (
            "Die Universitätsstadt Tübingen in Baden-Württemberg ist die erste Partnerstadt "
            "von Aix-en-Provence; die Partnerschaft wurde am 20. Oktober 1960 unterzeichnet."
        ),
    },
    (
        "Pérouse, en Ombrie, est jumelée avec Aix-en-Provence depuis 1970 ; elle est "
        "aussi jumelée avec Tübingen."
    ): {
        "en": (
            "Perugia, in Umbria, has been twinned with Aix-en-Provence since 1970; it is also "
            "twinned with Tübingen."
        ),
        "de": (
            "Perugia in Umbrien ist seit 1970 Partnerstadt von Aix-en-Provence und zugleich "
            "Partnerstadt von Tübingen."
        ),
    },
    "Bath, dans le Somerset, est jumelée avec Aix-en-Provence depuis 1977.": {
        "en": "Bath, in Somerset, has been twinned with Aix-en-Provence since 1977.",
        "de": "Bath in der Grafschaft Somerset ist seit 1977 Partnerstadt von Aix-en-Provence.",
    },
    "Grenade, en Andalousie, est jumelée avec Aix-en-Provence depuis 1978.": {
        "en": "Granada, in Andalusia, has been twinned with Aix-en-Provence since 1978.",
        "de": "Granada in Andalusien ist seit 1978 Partnerstadt von Aix-en-Provence.",
    },
    "Coimbra, au Portugal, est jumelée avec Aix-en-Provence depuis 1982.": {
        "en": "Coimbra, in Portugal, has been twinned with Aix-en-Provence since 1982.",
        "de": "Coimbra in Portugal ist seit 1982 Partnerstadt von Aix-en-Provence.",
    },
    "Carthage, en Tunisie, est jumelée avec Aix-en-Provence depuis 1993.": {
        "en": "Carthage, in Tunisia, has been twinned with Aix-en-Provence since 1993.",
        "de": "Karthago in Tunesien ist seit 1993 Partnerstadt von Aix-en-Provence.",
    },
    "Ashkelon, en Israël, est jumelée avec Aix-en-Provence depuis 1995.": {
        "en": "Ashkelon, in Israel, has been twinned with Aix-en-Provence since 1995.",
        "de": "Aschkelon in Israel ist seit 1995 Partnerstadt von Aix-en-Provence.",
    },
    (
        "Pécs, en Hongrie, compte parmi les six partenaires européens "
        "d'Aix-en-Provence ; la Hongrie et Pécs ont été à l'honneur à Aix en 2016."
    ): {
        "en": (
            "Pécs, in Hungary, is one of Aix-en-Provence's six European partners; Hungary and "
            "Pécs were in the spotlight in Aix in 2016."
        ),
        "de": (
            "Pécs in Ungarn gehört zu den sechs europäischen Partnern von Aix-en-Provence; "
            "2016 standen Ungarn und Pécs in Aix im Mittelpunkt."
        ),
    },
    ("Oujda, au Maroc, est liée à Aix-en-Provence par un accord de coopération depuis 1997."): {
        "en": (
            "Oujda, in Morocco, has been linked to Aix-en-Provence by a cooperation agreement "
            "since 1997."
        ),
        "de": (
            "Oujda in Marokko ist seit 1997 durch ein Kooperationsabkommen mit "
            "Aix-en-Provence verbunden."
        ),
    },
    (
        "Philadelphie, aux États-Unis, est liée à Aix-en-Provence par un accord de "
        "coopération depuis 1998."
    ): {
        "en": (
            "Philadelphia, in the United States, has been linked to Aix-en-Provence by a "
            "cooperation agreement since 1998."
        ),
        "de": (
            "Philadelphia in den Vereinigten Staaten ist seit 1998 durch ein "
            "Kooperationsabkommen mit Aix-en-Provence verbunden."
        ),
    },
    "Baalbek, au Liban, fait partie des villes partenaires d'Aix-en-Provence.": {
        "en": "Baalbek, in Lebanon, is one of Aix-en-Provence's partner cities.",
        "de": "Baalbek im Libanon gehört zu den Partnerstädten von Aix-en-Provence.",
    },
    "Bamako, au Mali, fait partie des villes partenaires d'Aix-en-Provence.": {
        "en": "Bamako, in Mali, is one of Aix-en-Provence's partner cities.",
        "de": "Bamako in Mali gehört zu den Partnerstädten von Aix-en-Provence.",
    },
    (
        "Baton Rouge, en Louisiane (États-Unis), fait partie des villes partenaires "
        "d'Aix-en-Provence."
    ): {
        "en": (
            "Baton Rouge, in Louisiana (United States), is one of Aix-en-Provence's partner cities."
        ),
        "de": (
            "Baton Rouge in Louisiana (Vereinigte Staaten) gehört zu den Partnerstädten von "
            "Aix-en-Provence."
        ),
    },
    (
        "Coral Gables, en Floride (États-Unis), fait partie des villes partenaires "
        "d'Aix-en-Provence."
    ): {
        "en": (
            "Coral Gables, in Florida (United States), is one of Aix-en-Provence's partner cities."
        ),
        "de": (
            "Coral Gables in Florida (Vereinigte Staaten) gehört zu den Partnerstädten von "
            "Aix-en-Provence."
        ),
    },
    (
        "Chaoyang, dans la province du Liaoning (Chine), fait partie des villes "
        "partenaires d'Aix-en-Provence."
    ): {
        "en": (
            "Chaoyang, in Liaoning Province (China), is one of Aix-en-Provence's partner cities."
        ),
        "de": (
            "Chaoyang in der Provinz Liaoning (China) gehört zu den Partnerstädten von "
            "Aix-en-Provence."
        ),
    },
    "Foshan, en Chine, fait partie des villes partenaires d'Aix-en-Provence.": {
        "en": "Foshan, in China, is one of Aix-en-Provence's partner cities.",
        "de": "Foshan in China gehört zu den Partnerstädten von Aix-en-Provence.",
    },
    (
        "Meguro, arrondissement de Tokyo (Japon), fait partie des villes partenaires "
        "d'Aix-en-Provence."
    ): {
        "en": "Meguro, a ward of Tokyo (Japan), is one of Aix-en-Provence's partner cities.",
        "de": (
            "Meguro, ein Bezirk von Tokio (Japan), gehört zu den Partnerstädten von "
            "Aix-en-Provence."
        ),
    },
    (
        "Kumamoto, au Japon, fait partie des villes partenaires d'Aix-en-Provence ; "
        "le Japon a été à l'honneur à Aix en 2015."
    ): {
        "en": (
            "Kumamoto, in Japan, is one of Aix-en-Provence's partner cities; Japan was in the "
            "spotlight in Aix in 2015."
        ),
        "de": (
            "Kumamoto in Japan gehört zu den Partnerstädten von Aix-en-Provence; 2015 stand "
            "Japan in Aix im Mittelpunkt."
        ),
    },
    # Milestones
    "Signature du jumelage": {
        "en": "Twinning signed",
        "de": "Unterzeichnung der Städtepartnerschaft",
    },
    "Signature de l'accord de coopération": {
        "en": "Cooperation agreement signed",
        "de": "Unterzeichnung des Kooperationsabkommens",
    },
    "Premiers échanges universitaires": {
        "en": "First university exchanges",
        "de": "Erster Hochschulaustausch",
    },
    ("Les contacts entre Aix et Tübingen commencent par des échanges entre universités."): {
        "en": "Contacts between Aix and Tübingen begin with exchanges between universities.",
        "de": (
            "Die Kontakte zwischen Aix und Tübingen beginnen mit einem Austausch zwischen "
            "den Universitäten."
        ),
    },
    "Le premier jumelage d'Aix-en-Provence.": {
        "en": "Aix-en-Provence's first twinning.",
        "de": "Die erste Städtepartnerschaft von Aix-en-Provence.",
    },
    "Prix de l'Europe du Conseil de l'Europe": {
        "en": "Europe Prize of the Council of Europe",
        "de": "Europapreis des Europarats",
    },
    "Décerné conjointement à Aix-en-Provence et à Tübingen.": {
        "en": "Awarded jointly to Aix-en-Provence and Tübingen.",
        "de": "Gemeinsam an Aix-en-Provence und Tübingen verliehen.",
    },
    "Marché ombro-provençal de Tübingen": {
        "en": "Umbrian-Provençal market in Tübingen",
        "de": "Umbrisch-Provenzalischer Markt in Tübingen",
    },
    (
        "Depuis 1995, Tübingen accueille chaque année un marché ombro-provençal, partagé "
        "avec Pérouse."
    ): {
        "en": (
            "Since 1995, Tübingen has hosted a yearly Umbrian-Provençal market, shared with "
            "Perugia."
        ),
        "de": (
            "Seit 1995 findet in Tübingen jedes Jahr ein Umbrisch-Provenzalischer Markt "
            "statt, gemeinsam mit Perugia."
        ),
    },
    "La Hongrie et Pécs à l'honneur": {
        "en": "Hungary and Pécs in the spotlight",
        "de": "Ungarn und Pécs im Mittelpunkt",
    },
    (
        "En 2016, la Hongrie et le partenariat avec Pécs sont à l'honneur de "
        "l'événementiel international d'Aix."
    ): {
        "en": (
            "In 2016, Hungary and the partnership with Pécs are in the spotlight of Aix's "
            "international events."
        ),
        "de": (
            "2016 stehen Ungarn und die Partnerschaft mit Pécs im Mittelpunkt der "
            "internationalen Veranstaltungen von Aix."
        ),
    },
    "Le Japon à l'honneur": {"en": "Japan in the spotlight", "de": "Japan im Mittelpunkt"},
    "En 2015, l'événementiel international d'Aix met le Japon en lumière.": {
        "en": "In 2015, Aix's international events put Japan in the spotlight.",
        "de": "2015 rücken die internationalen Veranstaltungen von Aix Japan ins Rampenlicht.",
    },
    # City page bodies
    "Un jumelage né à l'université": {
        "en": "A twinning born at the university",
        "de": "Eine Partnerschaft, die an der Universität begann",
    },
    (
        "Les échanges entre universités, noués dès 1955, ont précédé la signature "
        "du jumelage le 20 octobre 1960. Le partenariat universitaire comprend un "
        "diplôme d'histoire commun, « TübAix »."
    ): {
        "en": (
            "Exchanges between the universities, begun as early as 1955, preceded the signing "
            "of the twinning on 20 October 1960. The university partnership includes a joint "
            "history degree, “TübAix”."
        ),
        "de": (
            "Der Austausch zwischen den Universitäten, der bereits 1955 begann, ging der "
            "Unterzeichnung der Partnerschaft am 20. Oktober 1960 voraus. Zur "
            "Hochschulpartnerschaft gehört ein gemeinsamer Geschichtsstudiengang, „TübAix“."
        ),
    },
    (
        "En 1965, Aix-en-Provence et Tübingen ont reçu ensemble le Prix de l'Europe "
        "du Conseil de l'Europe. Depuis 1995, Tübingen accueille chaque année un "
        "marché ombro-provençal avec Pérouse, jumelée avec les deux villes."
    ): {
        "en": (
            "In 1965, Aix-en-Provence and Tübingen jointly received the Europe Prize of the "
            "Council of Europe. Since 1995, Tübingen has hosted a yearly Umbrian-Provençal "
            "market with Perugia, which is twinned with both cities."
        ),
        "de": (
            "1965 erhielten Aix-en-Provence und Tübingen gemeinsam den Europapreis des "
            "Europarats. Seit 1995 veranstaltet Tübingen jedes Jahr einen "
            "Umbrisch-Provenzalischen Markt mit Perugia, der Partnerstadt beider Städte."
        ),
    },
    "Découvrir Pérouse": {"en": "Discover Perugia", "de": "Perugia entdecken"},
    ("Pérouse participe chaque année, depuis 1995, au marché ombro-provençal de Tübingen."): {
        "en": (
            "Every year since 1995, Perugia has taken part in the Umbrian-Provençal market in "
            "Tübingen."
        ),
        "de": (
            "Seit 1995 nimmt Perugia jedes Jahr am Umbrisch-Provenzalischen Markt in Tübingen teil."
        ),
    },
    "Découvrir Tübingen": {"en": "Discover Tübingen", "de": "Tübingen entdecken"},
}
