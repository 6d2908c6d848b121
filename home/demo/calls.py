"""Calls for projects of the demo: one open in 2026-2027, one closed in 2024.

The seed names the call ("Appel à projet international pour développer
l'internationalisation des acteurs associatifs de notre territoire") but none of its
editions: dates and terms are invented, flagged as demo content, and the text says so.
The dates are fixed (Paris time) so that the demo is the same whenever it is loaded.

The closed edition is 2024's because it funded a story of the demo told in the autumn
of 2024; no story of an association comes after a 2025 edition could have closed.
"""

from datetime import datetime

from home.demo.specs import CallSpec, paragraph

APPLY_EMAIL = "appel-a-projets@example.org"

SUMMARY = (
    "L'appel à projet international aide les associations du territoire à développer des "
    "projets avec les villes partenaires."
)
ELIGIBILITY = (
    "Les associations du territoire, seules ou en partenariat avec une structure d'une ville "
    "partenaire."
)
BODY = (
    # The seed's own words.
    paragraph(
        "Appel à projet international pour développer l'internationalisation des acteurs "
        "associatifs de notre territoire."
    ),
    paragraph(
        "Les projets retenus bénéficient d'un accompagnement de la Ville pour se "
        "professionnaliser et inscrire leur action dans la durée."
    ),
    paragraph(
        "Les dates et les modalités de cette édition sont données à titre d'exemple pour la "
        "démonstration."
    ),
)

OPEN_CALL = CallSpec(
    slug="appel-a-projet-international-2026-2027",
    title="Appel à projet international 2026-2027",
    summary=SUMMARY,
    eligibility=ELIGIBILITY,
    body=BODY,
    opens_at=datetime(2026, 9, 1, 0, 0),
    closes_at=datetime(2027, 3, 31, 23, 59),
    # No city: projects with any partner city may apply.
    themes=("call-for-projects", "solidarity"),
    actors=("solidarity-collective",),
    apply_email=APPLY_EMAIL,
)

CLOSED_CALL = CallSpec(
    slug="appel-a-projet-international-2024",
    title="Appel à projet international 2024",
    summary=SUMMARY,
    eligibility=ELIGIBILITY,
    body=BODY,
    opens_at=datetime(2024, 1, 15, 0, 0),
    closes_at=datetime(2024, 3, 31, 23, 59),
    cities=("carthage", "oujda", "bamako"),
    themes=("call-for-projects", "cultural-workshops"),
    apply_email=APPLY_EMAIL,
)

CALLS = (CLOSED_CALL, OPEN_CALL)
