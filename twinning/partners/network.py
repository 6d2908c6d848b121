"""Where webhooks may go, and the one connection each delivery makes.

A webhook URL is given by a partner, but the request leaves from Aix's server: a URL
pointing at the server itself or at its private network (a database, a cloud metadata
service) would let anyone with an account probe it. So the host is resolved, and every
address it resolves to must be public, when the URL is saved and again at each delivery
(the name may point elsewhere by then). The delivery then connects to the address that
was checked, not to a second resolution of the name (DNS rebinding), and sends the name
as ``Host`` and, over HTTPS, as SNI and for the certificate check.

``TWINNING["WEBHOOK_ALLOW_PRIVATE_URLS"]`` lifts the address check (tests, an intranet).
"""

import dataclasses
import ipaddress
import socket
import time
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import urllib3

from twinning import conf

#: How much of a receiver's answer is read (kept for the log): receivers answer fast and short.
MAX_RESPONSE_BYTES = 64 * 1024
USER_AGENT = "Twinning-Webhooks/1"

_SHARED = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_KINDS = [
    ("is_unspecified", gettext_lazy("unspecified")),
    ("is_loopback", gettext_lazy("loopback")),
    ("is_link_local", gettext_lazy("link-local")),
    ("is_multicast", gettext_lazy("multicast")),
    ("is_private", gettext_lazy("private network")),
    ("is_reserved", gettext_lazy("reserved")),
]


@dataclasses.dataclass(frozen=True)
class Target:
    """A webhook URL, checked: where to connect and what to call the host."""

    scheme: str
    host: str
    port: int
    path: str
    #: Every address the host resolved to, all checked, in the resolver's order.
    addresses: tuple[str, ...]

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


@dataclasses.dataclass
class Response:
    """What became of one POST: a status code, or an error (timeout, refused, …)."""

    status: int | None
    duration_ms: int
    body: bytes = b""
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why ``address`` is not a public one, or "" when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        # IPv6 forms that carry an IPv4 address: checked as that address.
        if address in _NAT64:
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        else:
            teredo = address.teredo
            address = address.ipv4_mapped or address.sixtofour or (teredo and teredo[1]) or address
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return str(gettext_lazy("shared (carrier-grade NAT)"))
    for attribute, kind in _KINDS:
        if getattr(address, attribute):
            return str(kind)
    if not address.is_global:
        return str(gettext_lazy("reserved"))
    return ""


def check(url: str) -> Target:
    """Parse and resolve ``url``, and check every address; raise ValidationError if not
    fit to receive webhooks. Returns where to connect."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise ValidationError(_("Enter a valid URL."), code="invalid") from None
    if parts.scheme not in ("http", "https"):
        raise ValidationError(_("Enter an http:// or https:// URL."), code="scheme")
    if not host:
        raise ValidationError(_("The URL has no host name."), code="host")
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            _(
                "Leave the user name and password out of the URL: every request is signed "
                "with the webhook secret instead."
            ),
            code="credentials",
        )
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        found = []
    addresses = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise ValidationError(
            _("The host %(host)s could not be found.") % {"host": host}, code="unresolvable"
        )
    if not conf.get("WEBHOOK_ALLOW_PRIVATE_URLS"):
        for address in addresses:
            kind = refusal(address)
            if kind:
                raise ValidationError(
                    _(
                        "%(host)s resolves to %(address)s, which is not a public address "
                        "(%(kind)s). Webhooks are only sent to public addresses."
                    )
                    % {"host": host, "address": address, "kind": kind},
                    code="private",
                )
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(parts.scheme, host, port, path, tuple(str(address) for address in addresses))


def validate_webhook_url(url: str) -> None:
    """Raise ValidationError, with a message for the partner's editor, unless ``url`` may
    receive webhooks: http(s), a host, no credentials, resolving to public addresses only."""
    check(url)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Response:
    """POST ``body`` to ``url`` once: checked again, connected to the checked address,
    no redirects, at most ``timeout`` seconds, at most MAX_RESPONSE_BYTES read.

    Raises ValidationError when the URL is no longer fit (see ``check``)."""
    target = check(url)
    headers = {**headers, "Host": target.host_header, "User-Agent": USER_AGENT}
    started = time.monotonic()
    failure = None
    for address in target.addresses:  # the next one only when no connection was made
        try:
            status, content = _post_to(target, address, body, headers, timeout)
        except (
            urllib3.exceptions.NewConnectionError,
            urllib3.exceptions.ConnectTimeoutError,
        ) as error:
            failure = error
            if time.monotonic() - started >= timeout:
                break
            continue
        except urllib3.exceptions.HTTPError as error:
            return Response(None, _elapsed(started), error=describe(error))
        except OSError as error:
            return Response(None, _elapsed(started), error=str(error) or type(error).__name__)
        return Response(status, _elapsed(started), body=content)
    return Response(None, _elapsed(started), error=describe(failure))


def _post_to(target: Target, address: str, body: bytes, headers: dict, timeout: float):
    limits = urllib3.Timeout(connect=timeout, read=timeout, total=timeout)
    options = {"timeout": limits, "retries": False, "maxsize": 1, "block": False}
    if target.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            target.port,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, target.port, **options)
    with pool:
        answer = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            return answer.status, answer.read(MAX_RESPONSE_BYTES)
        finally:
            answer.release_conn()
            answer.close()


def describe(error: Exception | None) -> str:
    """A short description of a failed try, for the log and the partner's e-mail."""
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        return _("Could not connect to the receiver (connection refused or unreachable).")
    if isinstance(error, urllib3.exceptions.TimeoutError):
        return _("No answer within the time limit (timeout).")
    if isinstance(error, urllib3.exceptions.SSLError):
        return _("The secure connection failed: %(reason)s") % {"reason": error}
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return _("The connection was closed before an answer.")
    return str(error or _("Could not connect to the receiver."))


def _elapsed(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
