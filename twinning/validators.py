import re

from django.core.exceptions import ValidationError
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


# Numbers and searches from URLs -----------------------------------------------------------

#: The largest id, offset or count a URL may carry: a 64-bit signed integer, the range of
#: PostgreSQL's bigint and SQLite's INTEGER (one more overflows either database).
MAX_INTEGER = 2**63 - 1
#: Years a filter may name: those ``datetime.date`` can hold.
MIN_YEAR, MAX_YEAR = 1, 9999

_ASCII_DIGITS = re.compile(r"[0-9]+\Z")


def parse_whole_number(value: str | None, *, minimum: int = 0, maximum: int = MAX_INTEGER):
    """``value`` as an int if it is ASCII digits only and within the bounds, else None.

    Stricter than ``int()``: ``"²".isdigit()`` is true but ``int("²")`` fails, and
    ``int()`` takes Arabic-Indic digits, signs, spaces and underscores a URL should not
    carry. A number past ``maximum`` is refused before the database sees it.
    """
    if not isinstance(value, str) or not _ASCII_DIGITS.match(value):
        return None
    if len(value.lstrip("0")) > len(str(maximum)):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def parse_year(value: str | None) -> int | None:
    """A year from ``MIN_YEAR`` to ``MAX_YEAR``, else None (``date(0, 1, 1)`` fails)."""
    return parse_whole_number(value, minimum=MIN_YEAR, maximum=MAX_YEAR)


#: Bounds of a search: a reader's question, not a document (the database's full-text
#: query grows with each term).
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_TERMS = 32


def search_terms(query: str) -> str:
    """``query`` as plain words for the database search backends.

    Wagtail's SQLite backend writes each term in double quotes for FTS5 without
    escaping a quote, so one ``"`` is a syntax error; quotes are punctuation to every
    tokenizer anyway. Raises ValidationError past ``SEARCH_MAX_LENGTH`` characters or
    ``SEARCH_MAX_TERMS`` words.
    """
    if len(query) > SEARCH_MAX_LENGTH:
        raise ValidationError(
            _("A search has at most %(max)d characters.") % {"max": SEARCH_MAX_LENGTH},
            code="max_length",
        )
    words = query.replace('"', " ").split()
    if len(words) > SEARCH_MAX_TERMS:
        raise ValidationError(
            _("A search has at most %(max)d words.") % {"max": SEARCH_MAX_TERMS},
            code="max_terms",
        )
    return " ".join(words)
