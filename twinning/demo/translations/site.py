"""Home page and index pages."""

STRINGS = {
    "Aix-en-Provence et ses villes partenaires": {
        "en": "Aix-en-Provence and its partner cities",
        "de": "Aix-en-Provence und seine Partnerstädte",
        "ar": "إكس أون بروفانس ومدنها الشريكة",
    },
    "home": {"en": "home-en", "de": "home-de", "ar": "home-ar"},
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
        "ar": (
            "ترتبط إكس أون بروفانس بعلاقات صداقة وتعاون مع مدن شريكة في عدة قارات. ومنذ أول "
            "توأمة، وُقّعت مع توبينغن عام 1960، تجمع هذه الشراكات بين الطلاب وتلاميذ المدارس "
            "والمتدرّبين والمنتخَبين والجمعيات والسكان."
        ),
    },
    "Villes partenaires": {"en": "Partner cities", "de": "Partnerstädte", "ar": "المدن الشريكة"},
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
        "ar": (
            "توأمات إكس أون بروفانس الرسمية، من توبينغن عام 1960 إلى عسقلان عام 1995، "
            "واتفاقيات التعاون والشراكات التي تربطها بمدن في عدة قارات."
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
}
