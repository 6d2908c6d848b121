"""The events and calls for projects indexes, and the events.

Texts the events share with the stories (Europe day, the market) are translated once, in
stories.py.
"""

STRINGS = {
    # Indexes
    "Agenda international": {
        "en": "International events",
        "de": "Internationaler Veranstaltungskalender",
    },
    "evenements": {"en": "events", "de": "veranstaltungen"},
    (
        "Les temps forts internationaux et européens d'Aix et de ses villes partenaires : "
        "la fête de l'Europe autour du 9 mai, le marché international des villes jumelles "
        "en décembre."
    ): {
        "en": (
            "The international and European highlights of Aix and its partner cities: Europe "
            "Day around 9 May, the international market of the twin cities in December."
        ),
        "de": (
            "Die internationalen und europäischen Höhepunkte von Aix und seinen Partnerstädten: "
            "der Europatag rund um den 9. Mai, der internationale Markt der Partnerstädte im "
            "Dezember."
        ),
    },
    "Appel à projets international": {
        "en": "International call for projects",
        "de": "Internationaler Projektaufruf",
    },
    "appels-a-projets": {"en": "calls-for-projects", "de": "projektaufrufe"},
    (
        "Pour développer l'internationalisation des acteurs associatifs du territoire, la "
        "Ville soutient leurs projets avec les villes partenaires."
    ): {
        "en": (
            "To help the local voluntary sector go international, the City supports its "
            "projects with the partner cities."
        ),
        "de": (
            "Um die Internationalisierung der Vereine vor Ort zu fördern, unterstützt die Stadt "
            "ihre Projekte mit den Partnerstädten."
        ),
    },
    # Europe day
    "Fête de l'Europe 2025": {"en": "Europe Day 2025", "de": "Europatag 2025"},
    "fete-de-l-europe-2025": {"en": "europe-day-2025", "de": "europatag-2025"},
    "Fête de l'Europe 2026": {"en": "Europe Day 2026", "de": "Europatag 2026"},
    "fete-de-l-europe-2026": {"en": "europe-day-2026", "de": "europatag-2026"},
    (
        "La fête de l'Europe a lieu chaque année autour du 9 mai. Le programme présenté ici "
        "est un exemple écrit pour la démonstration : il ne décrit pas une édition réelle."
    ): {
        "en": (
            "Europe Day takes place every year around 9 May. The programme shown here is an "
            "example written for the demonstration: it does not describe a real edition."
        ),
        "de": (
            "Der Europatag findet jedes Jahr rund um den 9. Mai statt. Das hier gezeigte "
            "Programm ist ein für die Demonstration geschriebenes Beispiel: Es beschreibt "
            "keine tatsächliche Ausgabe."
        ),
    },
    # The market of the twin cities
    "Marché international des villes jumelles 2018": {
        "en": "International market of the twin cities 2018",
        "de": "Internationaler Markt der Partnerstädte 2018",
    },
    # "marche-des-villes-jumelles-2018": the story's slug, in stories.py.
    "Marché international des villes jumelles 2026": {
        "en": "International market of the twin cities 2026",
        "de": "Internationaler Markt der Partnerstädte 2026",
    },
    "marche-des-villes-jumelles-2026": {
        "en": "twin-cities-market-2026",
        "de": "markt-der-partnerstaedte-2026",
    },
    (
        "Le marché international des villes jumelles se tient chaque année en décembre à "
        "Aix. Les dates de cette édition sont inventées pour la démonstration."
    ): {
        "en": (
            "The international market of the twin cities is held in Aix every December. The "
            "dates of this edition are invented for the demonstration."
        ),
        "de": (
            "Der internationale Markt der Partnerstädte findet jedes Jahr im Dezember in Aix "
            "statt. Die Daten dieser Ausgabe sind für die Demonstration erfunden."
        ),
    },
    # The information meeting on the call for projects
    "Réunion d'information sur l'appel à projet international 2026-2027": {
        "en": "Information meeting on the 2026-2027 international call for projects",
        "de": "Informationsveranstaltung zum internationalen Projektaufruf 2026-2027",
    },
    "reunion-appel-a-projet-2026-2027": {
        "en": "call-for-projects-meeting-2026-2027",
        "de": "veranstaltung-projektaufruf-2026-2027",
    },
    (
        "Une réunion publique présente aux associations du territoire l'appel à projet "
        "international 2026-2027 et répond à leurs questions."
    ): {
        "en": (
            "A public meeting presents the 2026-2027 international call for projects to the "
            "local associations and answers their questions."
        ),
        "de": (
            "Eine öffentliche Veranstaltung stellt den Vereinen vor Ort den internationalen "
            "Projektaufruf 2026-2027 vor und beantwortet ihre Fragen."
        ),
    },
    (
        "La date, l'heure et le lieu de cette réunion sont inventés pour la démonstration : "
        "ils ne décrivent pas une réunion réelle."
    ): {
        "en": (
            "The date, time and place of this meeting are invented for the demonstration: "
            "they do not describe a real meeting."
        ),
        "de": (
            "Datum, Uhrzeit und Ort dieser Veranstaltung sind für die Demonstration erfunden: "
            "Sie beschreiben keine tatsächliche Veranstaltung."
        ),
    },
    "Hôtel de Ville": {"en": "Town Hall", "de": "Rathaus"},
}
