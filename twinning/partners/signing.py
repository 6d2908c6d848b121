"""The webhook signature: HMAC-SHA256, with the partner's secret, of
``"<timestamp>.<raw body>"``, sent as ``Twinning-Signature: v1=<hex>``.

The timestamp is signed with the body so that a captured request cannot be replayed
later: receivers refuse timestamps older than five minutes. ``v1=`` names the scheme, so
that another can be added beside it without breaking receivers.
"""

import hashlib
import hmac
import time


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """``v1=<hex>`` for ``body`` sent at ``timestamp`` (Unix seconds)."""
    message = str(int(timestamp)).encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret: str, timestamp: int, body: bytes, signature: str) -> bool:
    """Whether ``signature`` is the one of ``body`` at ``timestamp`` (constant time)."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def headers(secret: str, event_id: str, body: bytes, timestamp: int | None = None) -> dict:
    """The headers of one try of a delivery (a new timestamp and signature each try)."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    return {
        "Content-Type": "application/json",
        "Twinning-Event-Id": str(event_id),
        "Twinning-Timestamp": str(timestamp),
        "Twinning-Signature": sign(secret, timestamp, body),
    }
