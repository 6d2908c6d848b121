"""Actors of the territory, invented for the demonstration.

The seed names kinds of actors (associations, schools, universities, social centres)
but no organisation: every actor here is made up, says so in its name, and is flagged as
demo content. Addresses are on example.org; some actors agreed to their address being
published and some did not, so both cases show.
"""

from home.demo.specs import ActorSpec
from twinning.choices import ActorKind

EUROPEAN_PARTNERS = ("tubingen", "perouse", "bath", "grenade", "coimbra", "pecs")

ACTORS = (
    ActorSpec(
        key="twinning-association",
        name="Association des amis des villes jumelles (démo)",
        kind=ActorKind.ASSOCIATION.value,
        description=(
            "Une association de jumelage imaginée pour la démonstration : elle fait vivre "
            "les liens avec les villes partenaires européennes et tient les stands du marché "
            "international des villes jumelles."
        ),
        cities=EUROPEAN_PARTNERS,
        themes=("events", "european-citizenship"),
        email="amis-des-villes-jumelles@example.org",
        contact_consent=True,
    ),
    ActorSpec(
        key="high-school",
        name="Lycée européen du Pays d'Aix (démo)",
        kind=ActorKind.SCHOOL.value,
        description=(
            "Un lycée imaginé pour la démonstration, qui organise des séjours d'échange et "
            "des débats sur l'Europe avec des établissements des villes partenaires."
        ),
        cities=("bath", "tubingen", "pecs"),
        themes=("mobility", "european-citizenship"),
        # The school has not agreed to its address being published: it stays in the admin.
        email="lycee-europeen@example.org",
        contact_consent=False,
    ),
    ActorSpec(
        key="university",
        name="Service universitaire des relations internationales (démo)",
        kind=ActorKind.UNIVERSITY.value,
        description=(
            "Un service universitaire imaginé pour la démonstration, qui accompagne les "
            "étudiants partant étudier dans une ville partenaire."
        ),
        cities=("tubingen", "philadelphie", "coimbra", "grenade"),
        themes=("mobility",),
        email="relations-internationales@example.org",
        contact_consent=True,
    ),
    ActorSpec(
        key="social-centre",
        name="Centre social et culturel aixois (démo)",
        kind=ActorKind.SOCIAL_CENTRE.value,
        description=(
            "Un centre social imaginé pour la démonstration, où des étudiants "
            "internationaux animent des ateliers d'échanges culturels pour les jeunes."
        ),
        cities=("grenade", "coimbra", "carthage"),
        themes=("cultural-workshops",),
        email="centre-social@example.org",
        contact_consent=False,
    ),
    ActorSpec(
        key="development-agency",
        name="Agence de développement du territoire (démo)",
        kind=ActorKind.PUBLIC_BODY.value,
        description=(
            "Un établissement public imaginé pour la démonstration, qui présente les atouts "
            "du territoire aux villes partenaires dans le cadre du marketing territorial."
        ),
        cities=("baton-rouge", "coral-gables", "philadelphie"),
        themes=("attractiveness",),
    ),
    ActorSpec(
        key="solidarity-collective",
        name="Collectif aixois de solidarité internationale (démo)",
        kind=ActorKind.ASSOCIATION.value,
        description=(
            "Un collectif d'associations imaginé pour la démonstration, qui aide les "
            "associations du territoire à monter des projets de solidarité avec les villes "
            "partenaires."
        ),
        cities=("bamako", "oujda", "carthage"),
        themes=("solidarity", "call-for-projects"),
        email="solidarite-internationale@example.org",
        contact_consent=True,
    ),
)
