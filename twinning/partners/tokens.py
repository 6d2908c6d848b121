"""Partner API tokens and webhook secrets.

A token is ``twinning_<32 base62 characters><6 of checksum>`` (the format of Wagtail 8's
own ``APIToken``, which authenticates admin users rather than partners and which Wagtail
7.0 lacks): the checksum refuses a mistyped or made-up token without a query. Only its
HMAC-SHA256 digest under ``SECRET_KEY`` is stored, looked up under ``SECRET_KEY_FALLBACKS``
too, so tokens survive a rotation of the site's key. The token itself is shown once.

Rotating issues a new token and lets the old ones work for
``TWINNING["PARTNER_TOKEN_OVERLAP_HOURS"]`` more, so a partner can deploy the new one
without an outage; revoking stops every token at once.
"""

import datetime
import math
import secrets
import zlib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from twinning import conf
from twinning.partners.models import PartnerAccess, PartnerToken

PREFIX = "twinning_"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SECRET_BYTES = 24
_SECRET_LENGTH = math.ceil(_SECRET_BYTES * 8 * math.log(2) / math.log(62))
_CHECKSUM_LENGTH = math.ceil(32 * math.log(2) / math.log(62))
_SALT = "twinning.partners.token"
#: Characters shown in the admin to tell tokens apart (the prefix and four more).
SHOWN_LENGTH = len(PREFIX) + 4
#: last_used_at is written at most this often per token.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def _base62(value: int, length: int) -> str:
    chars = []
    for _i in range(length):
        value, remainder = divmod(value, len(_ALPHABET))
        chars.append(_ALPHABET[remainder])
    return "".join(reversed(chars))


def _checksum(secret: str) -> str:
    return _base62(zlib.crc32(f"{PREFIX}{secret}".encode()), _CHECKSUM_LENGTH)


def generate() -> str:
    secret = _base62(int.from_bytes(secrets.token_bytes(_SECRET_BYTES), "big"), _SECRET_LENGTH)
    return f"{PREFIX}{secret}{_checksum(secret)}"


def well_formed(token: str) -> bool:
    """Whether ``token`` could be a token (prefix, length, alphabet, checksum)."""
    body = token.removeprefix(PREFIX)
    if body == token or len(body) != _SECRET_LENGTH + _CHECKSUM_LENGTH:
        return False
    if not set(_ALPHABET).issuperset(body):
        return False
    secret, checksum = body[:_SECRET_LENGTH], body[_SECRET_LENGTH:]
    return secrets.compare_digest(checksum, _checksum(secret))


def digest(token: str, secret_key: str | None = None) -> str:
    return salted_hmac(_SALT, token, secret=secret_key, algorithm="sha256").hexdigest()


def candidate_digests(token: str) -> list[str]:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [digest(token, key) for key in keys]


def issue(access: PartnerAccess) -> str:
    """A new token for ``access``; the returned text is the only copy."""
    token = generate()
    PartnerToken.objects.create(access=access, digest=digest(token), prefix=token[:SHOWN_LENGTH])
    return token


def rotate(access: PartnerAccess) -> str:
    """A new token; the current ones keep working for the overlap period, then expire."""
    until = timezone.now() + datetime.timedelta(hours=int(conf.get("PARTNER_TOKEN_OVERLAP_HOURS")))
    with transaction.atomic():
        usable(access.tokens.all()).filter(expires_at__isnull=True).update(expires_at=until)
        usable(access.tokens.all()).filter(expires_at__gt=until).update(expires_at=until)
        return issue(access)


def revoke(access: PartnerAccess) -> int:
    """Stop every token of ``access`` at once; the number of tokens stopped."""
    return usable(access.tokens.all()).update(revoked_at=timezone.now())


def usable(tokens):
    """Tokens neither revoked nor expired."""
    from django.db.models import Q

    now = timezone.now()
    return tokens.filter(revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )


def new_webhook_secret() -> str:
    """A webhook signing secret (``whsec_`` and 32 random bytes, URL-safe)."""
    return "whsec_" + secrets.token_urlsafe(32)


def find(token: str) -> PartnerToken | None:
    """The usable token of an active partner matching ``token``, its use recorded."""
    if not well_formed(token):
        return None
    found = (
        usable(PartnerToken.objects.filter(digest__in=candidate_digests(token)))
        .filter(access__is_active=True)
        .select_related("access")
        .first()
    )
    if found is None:
        return None
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > LAST_USED_PRECISION:
        PartnerToken.objects.filter(pk=found.pk).update(last_used_at=now)
        found.last_used_at = now
    return found
