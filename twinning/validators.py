from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

latitude_validators = [
    MinValueValidator(-90, message=_("Latitude must be between -90 and 90 degrees.")),
    MaxValueValidator(90, message=_("Latitude must be between -90 and 90 degrees.")),
]
longitude_validators = [
    MinValueValidator(-180, message=_("Longitude must be between -180 and 180 degrees.")),
    MaxValueValidator(180, message=_("Longitude must be between -180 and 180 degrees.")),
]

#: A Wikidata item ID: Q and a number without leading zeros (Q3806 is Tübingen).
WIKIDATA_ID_PATTERN = r"^Q[1-9][0-9]*$"

validate_wikidata_id = RegexValidator(
    WIKIDATA_ID_PATTERN,
    message=_("A Wikidata ID is the letter Q followed by digits, for example Q3806 for Tübingen."),
    code="invalid_wikidata_id",
)


validate_currency_code = RegexValidator(
    r"^[A-Z]{3}$",
    message=_("A currency is its three-letter ISO 4217 code in capitals, for example EUR."),
    code="invalid_currency",
)
