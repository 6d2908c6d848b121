"""Aix-en-Provence's partner cities, with exactly the facts of the seed.

Dates, coordinates and countries come from the seed's tables; a fact the seed does not
give stays empty. Regions and Wikidata IDs are filled only where certain. Intros say
nothing the seed does not. Every city is translated into English and German, and into
the language its partners read (the seed's last list) where the demo offers it.
"""

from home.demo.specs import CitySpec, MilestoneSpec, cta, heading, paragraph
from twinning.choices import MilestoneKind, PartnershipKind

TWINNING = PartnershipKind.TWINNING.value
COOPERATION = PartnershipKind.COOPERATION.value

SIGNING_TWINNING = "Signature du jumelage"
SIGNING_COOPERATION = "Signature de l'accord de coopération"

UMBRIAN_PROVENCAL_MARKET = MilestoneSpec(
    "1995",
    MilestoneKind.EVENT.value,
    "Marché ombro-provençal de Tübingen",
    "Depuis 1995, Tübingen accueille chaque année un marché ombro-provençal, partagé avec Pérouse.",
)


def _signing(year: str, kind: str = TWINNING) -> MilestoneSpec:
    title = SIGNING_TWINNING if kind == TWINNING else SIGNING_COOPERATION
    return MilestoneSpec(year, MilestoneKind.SIGNING.value, title)


CITIES = (
    # Official twinnings (jumelages)
    CitySpec(
        slug="tubingen",
        title="Tübingen",
        country="DE",
        latitude="48.5216",
        longitude="9.0576",
        kind=TWINNING,
        signed="1960-10-20",
        region="Bade-Wurtemberg",
        wikidata_id="Q3806",
        themes=("mobility", "events", "european-citizenship"),
        intro=(
            "Ville universitaire du Bade-Wurtemberg, Tübingen est le premier jumelage "
            "d'Aix-en-Provence, signé le 20 octobre 1960."
        ),
        milestones=(
            MilestoneSpec(
                "1955",
                MilestoneKind.EVENT.value,
                "Premiers échanges universitaires",
                "Les contacts entre Aix et Tübingen commencent par des échanges entre universités.",
            ),
            MilestoneSpec(
                "1960-10-20",
                MilestoneKind.SIGNING.value,
                SIGNING_TWINNING,
                "Le premier jumelage d'Aix-en-Provence.",
            ),
            MilestoneSpec(
                "1965",
                MilestoneKind.AWARD.value,
                "Prix de l'Europe du Conseil de l'Europe",
                "Décerné conjointement à Aix-en-Provence et à Tübingen.",
            ),
            UMBRIAN_PROVENCAL_MARKET,
        ),
        body=(
            heading("Un jumelage né à l'université"),
            paragraph(
                "Les échanges entre universités, noués dès 1955, ont précédé la signature "
                "du jumelage le 20 octobre 1960. Le partenariat universitaire comprend un "
                "diplôme d'histoire commun, « TübAix »."
            ),
            paragraph(
                "En 1965, Aix-en-Provence et Tübingen ont reçu ensemble le Prix de l'Europe "
                "du Conseil de l'Europe. Depuis 1995, Tübingen accueille chaque année un "
                "marché ombro-provençal avec Pérouse, jumelée avec les deux villes."
            ),
            cta("Découvrir Pérouse", "perouse"),
        ),
        image=True,
    ),
    CitySpec(
        slug="perouse",
        title="Pérouse",
        country="IT",
        latitude="43.1107",
        longitude="12.3908",
        kind=TWINNING,
        signed="1970",
        region="Ombrie",
        wikidata_id="Q3437",
        themes=("events",),
        intro=(
            "Pérouse, en Ombrie, est jumelée avec Aix-en-Provence depuis 1970 ; elle est "
            "aussi jumelée avec Tübingen."
        ),
        milestones=(_signing("1970"), UMBRIAN_PROVENCAL_MARKET),
        body=(
            paragraph(
                "Pérouse participe chaque année, depuis 1995, au marché ombro-provençal de "
                "Tübingen."
            ),
            cta("Découvrir Tübingen", "tubingen"),
        ),
        image=True,
        translate_into=("en", "de", "it"),
    ),
    CitySpec(
        slug="bath",
        title="Bath",
        country="GB",
        latitude="51.3811",
        longitude="-2.3590",
        kind=TWINNING,
        signed="1977",
        region="Somerset",
        wikidata_id="Q22889",
        intro="Bath, dans le Somerset, est jumelée avec Aix-en-Provence depuis 1977.",
        milestones=(_signing("1977"),),
    ),
    CitySpec(
        slug="grenade",
        title="Grenade",
        country="ES",
        latitude="37.1773",
        longitude="-3.5986",
        kind=TWINNING,
        signed="1978",
        region="Andalousie",
        wikidata_id="Q8810",
        intro="Grenade, en Andalousie, est jumelée avec Aix-en-Provence depuis 1978.",
        milestones=(_signing("1978"),),
        image=True,
        translate_into=("en", "de", "es"),
    ),
    CitySpec(
        slug="coimbra",
        title="Coimbra",
        country="PT",
        latitude="40.2033",
        longitude="-8.4103",
        kind=TWINNING,
        signed="1982",
        region="Région Centre",
        intro="Coimbra, au Portugal, est jumelée avec Aix-en-Provence depuis 1982.",
        milestones=(_signing("1982"),),
        translate_into=("en", "de", "pt"),
    ),
    CitySpec(
        slug="carthage",
        title="Carthage",
        country="TN",
        latitude="36.8528",
        longitude="10.3233",
        kind=TWINNING,
        signed="1993",
        region="Gouvernorat de Tunis",
        intro="Carthage, en Tunisie, est jumelée avec Aix-en-Provence depuis 1993.",
        milestones=(_signing("1993"),),
        image=True,
        translate_into=("en", "de", "ar"),
    ),
    CitySpec(
        slug="ashkelon",
        title="Ashkelon",
        country="IL",
        latitude="31.6688",
        longitude="34.5743",
        kind=TWINNING,
        signed="1995",
        region="District sud",
        intro="Ashkelon, en Israël, est jumelée avec Aix-en-Provence depuis 1995.",
        milestones=(_signing("1995"),),
    ),
    # Partnerships and cooperation agreements
    CitySpec(
        slug="pecs",
        title="Pécs",
        country="HU",
        latitude="46.0727",
        longitude="18.2323",
        kind=COOPERATION,
        region="Comitat de Baranya",
        themes=("events",),
        intro=(
            "Pécs, en Hongrie, compte parmi les six partenaires européens "
            "d'Aix-en-Provence ; la Hongrie et Pécs ont été à l'honneur à Aix en 2016."
        ),
        milestones=(
            MilestoneSpec(
                "2016",
                MilestoneKind.EVENT.value,
                "La Hongrie et Pécs à l'honneur",
                "En 2016, la Hongrie et le partenariat avec Pécs sont à l'honneur de "
                "l'événementiel international d'Aix.",
            ),
        ),
        image=True,
        translate_into=("en", "de", "hu"),
    ),
    CitySpec(
        slug="oujda",
        title="Oujda",
        country="MA",
        latitude="34.6814",
        longitude="-1.9086",
        kind=COOPERATION,
        signed="1997",
        region="Région de l'Oriental",
        intro=(
            "Oujda, au Maroc, est liée à Aix-en-Provence par un accord de coopération depuis 1997."
        ),
        milestones=(_signing("1997", COOPERATION),),
        translate_into=("en", "de", "ar"),
    ),
    CitySpec(
        slug="philadelphie",
        title="Philadelphie",
        country="US",
        latitude="39.9526",
        longitude="-75.1652",
        kind=COOPERATION,
        signed="1998",
        region="Pennsylvanie",
        wikidata_id="Q1345",
        intro=(
            "Philadelphie, aux États-Unis, est liée à Aix-en-Provence par un accord de "
            "coopération depuis 1998."
        ),
        milestones=(_signing("1998", COOPERATION),),
    ),
    CitySpec(
        slug="baalbek",
        title="Baalbek",
        country="LB",
        latitude="34.0047",
        longitude="36.2110",
        kind=COOPERATION,
        region="Gouvernorat de Baalbek-Hermel",
        intro="Baalbek, au Liban, fait partie des villes partenaires d'Aix-en-Provence.",
        translate_into=("en", "de", "ar"),
    ),
    CitySpec(
        slug="bamako",
        title="Bamako",
        country="ML",
        latitude="12.6392",
        longitude="-8.0029",
        kind=COOPERATION,
        region="District de Bamako",
        intro="Bamako, au Mali, fait partie des villes partenaires d'Aix-en-Provence.",
    ),
    CitySpec(
        slug="baton-rouge",
        title="Baton Rouge",
        country="US",
        latitude="30.4515",
        longitude="-91.1871",
        kind=COOPERATION,
        region="Louisiane",
        intro=(
            "Baton Rouge, en Louisiane (États-Unis), fait partie des villes partenaires "
            "d'Aix-en-Provence."
        ),
    ),
    CitySpec(
        slug="coral-gables",
        title="Coral Gables",
        country="US",
        latitude="25.7215",
        longitude="-80.2684",
        kind=COOPERATION,
        region="Floride",
        intro=(
            "Coral Gables, en Floride (États-Unis), fait partie des villes partenaires "
            "d'Aix-en-Provence."
        ),
    ),
    CitySpec(
        slug="chaoyang",
        title="Chaoyang (Liaoning)",
        country="CN",
        latitude="41.5730",
        longitude="120.4500",
        kind=COOPERATION,
        region="Liaoning",
        intro=(
            "Chaoyang, dans la province du Liaoning (Chine), fait partie des villes "
            "partenaires d'Aix-en-Provence."
        ),
    ),
    CitySpec(
        slug="foshan",
        title="Foshan",
        country="CN",
        latitude="23.0215",
        longitude="113.1214",
        kind=COOPERATION,
        region="Guangdong",
        intro="Foshan, en Chine, fait partie des villes partenaires d'Aix-en-Provence.",
    ),
    CitySpec(
        slug="meguro",
        title="Meguro (Tokyo)",
        country="JP",
        latitude="35.6415",
        longitude="139.6982",
        kind=COOPERATION,
        region="Tokyo",
        intro=(
            "Meguro, arrondissement de Tokyo (Japon), fait partie des villes partenaires "
            "d'Aix-en-Provence."
        ),
        translate_into=("en", "de", "ja"),
    ),
    CitySpec(
        slug="kumamoto",
        title="Kumamoto",
        country="JP",
        latitude="32.8032",
        longitude="130.7079",
        kind=COOPERATION,
        region="Préfecture de Kumamoto",
        themes=("events",),
        intro=(
            "Kumamoto, au Japon, fait partie des villes partenaires d'Aix-en-Provence ; "
            "le Japon a été à l'honneur à Aix en 2015."
        ),
        milestones=(
            MilestoneSpec(
                "2015",
                MilestoneKind.EVENT.value,
                "Le Japon à l'honneur",
                "En 2015, l'événementiel international d'Aix met le Japon en lumière.",
            ),
        ),
        image=True,
        translate_into=("en", "de", "ja"),
    ),
)
