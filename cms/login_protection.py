"""Brute-force protection of the admin's sign-in and password reset.

django-axes records failed sign-ins in the database (shared by every worker) and refuses
the next ones; the password reset form is limited with django-ratelimit in the cache. Both
answer 429 with ``Retry-After`` and a page in the admin's look that says when to try again.
"""

import ipaddress
import logging
import math

from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django_ratelimit.core import get_usage

from cms.email_settings import MailServerUnavailable, check_mail_server

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The client's address as our own proxies saw it.

    Anyone can write X-Forwarded-For; only the entries appended by the TRUSTED_PROXY_COUNT
    proxies in front of the site can be believed, so the client is the N-th from the right.
    With no trusted proxy (the default) the address is the connection's own.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < count:
        return remote_addr
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote_addr


class LoginAttemptsHandler(AxesDatabaseHandler):
    """Axes' database handler with its own limit for each lockout parameter.

    Axes compares the largest failure count of all its lockout parameters with one limit.
    We want a username at one address locked after LOGIN_FAILURE_LIMIT failures, but an
    address (every username tried from it) only after LOGIN_IP_FAILURE_LIMIT, since the
    editors of a town hall often share one address. So each count is expressed as a share
    of its own limit, scaled to AXES_FAILURE_LIMIT: the lock falls exactly when one count
    reaches its own limit. A username alone is never locked: that would let anyone lock
    every editor out from anywhere.
    """

    def get_failures(self, request, credentials=None) -> int:
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        by_address = _failures(attempts)
        by_username_here = _failures(
            attempts.filter(username=get_client_username(request, credentials))
        )
        return max(
            by_username_here,
            by_address * settings.AXES_FAILURE_LIMIT // settings.LOGIN_IP_FAILURE_LIMIT,
        )

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful sign-in clears that username's failures at that address only.

        Axes would clear every failure of the address: anyone with one account could then
        keep trying passwords of the others by signing in every few attempts.
        """
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def too_many_attempts(request, *, title, message, retry_after: int) -> HttpResponse:
    """The 429 page in the admin's look, telling the user when to try again.

    Rendered at once: axes returns it from its middleware, after the template response phase.
    """
    response = render(
        request,
        "login_protection/too_many_attempts.html",
        {
            "title": title,
            "message": message,
            "minutes": max(1, math.ceil(retry_after / 60)),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: explain the lockout instead of axes' plain text."""
    cool_off = get_cool_off(request)
    return too_many_attempts(
        request,
        title=gettext("Too many failed sign-in attempts"),
        message=gettext(
            "For your security, signing in from this connection is paused after too many "
            "failed attempts. Until the pause is over, even the right password is refused."
        ),
        retry_after=int(cool_off.total_seconds()) if cool_off else 3600,
    )


def _reset_email(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


class ProtectedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, limited per address and per client, honest about mail.

    The limits keep the form from flooding a mailbox or probing many addresses. Before
    anything is sent, the mail server is contacted for every request, whether or not an
    account has the address: a server that cannot be reached is reported to whoever asked
    without telling them whether the address is known.
    """

    mail_unavailable_message = gettext_lazy(
        "The e-mail could not be sent: the site cannot reach its mail server. "
        "Please try again later, or ask the site's administrators to reset your password."
    )

    def post(self, request, *args, **kwargs):
        retry_after = self.rate_limited_for(request)
        if retry_after:
            return too_many_attempts(
                request,
                title=gettext("Too many password reset requests"),
                message=gettext(
                    "Password reset e-mails for this address or from this connection "
                    "are paused for a while, so that no mailbox can be flooded."
                ),
                retry_after=retry_after,
            )
        return super().post(request, *args, **kwargs)

    def rate_limited_for(self, request) -> int:
        """Seconds to wait if a limit is reached, else 0. Every request counts."""
        usages = [
            get_usage(
                request,
                group="password_reset:ip",
                key="ip",
                rate=settings.PASSWORD_RESET_RATE_PER_IP,
                increment=True,
            ),
            get_usage(
                request,
                group="password_reset:email",
                key=_reset_email,
                rate=settings.PASSWORD_RESET_RATE_PER_ADDRESS,
                increment=True,
            ),
        ]
        waits = [max(usage["time_left"], 1) for usage in usages if usage and usage["should_limit"]]
        if waits:
            logger.warning(
                "Password reset refused: too many requests (ip=%s, address=%s)",
                client_ip(request),
                _reset_email(None, request),
            )
        return max(waits, default=0)

    def form_valid(self, form: PasswordResetForm):
        try:
            check_mail_server()
        except MailServerUnavailable:
            form.add_error(None, self.mail_unavailable_message)
            return self.render_to_response(self.get_context_data(form=form), status=503)
        return super().form_valid(form)
