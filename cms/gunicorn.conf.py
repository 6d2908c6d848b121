"""Gunicorn's configuration for the site: ``gunicorn --config cms/gunicorn.conf.py``.

Read from the environment, so that one file serves ``make serve`` on a laptop and a
systemd unit on a server (see docs/deploy/). ``GUNICORN_CMD_ARGS`` still overrides any of it.
"""

import os

wsgi_app = (
    "cms.wsgi:application"  # production settings unless DJANGO_SETTINGS_MODULE says otherwise
)
proc_name = "twinning"

# Loopback by default: the web server in front (TLS, /static/ and public /media/) proxies here.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Synchronous workers: two per core is plenty for a site whose API answers from the cache.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"

# A worker stuck longer than this is killed and replaced. It is longer than the database's
# statement timeout (DATABASE_STATEMENT_TIMEOUT, 30 s) and the cache's socket timeouts, so a
# slow query ends as an error the site answers, and only a real hang reaches it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On SIGTERM or a reload (SIGHUP), requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Behind a proxy on the same host, connections are reused between requests.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Each worker is replaced after about this many requests (the jitter keeps them from
# restarting together), which bounds the memory a slow leak can take.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))

# No preloading: each worker imports the site itself, so that `kill -HUP` (systemctl reload)
# starts workers on the upgraded code without dropping a request, and no connection or
# client state made at import (database, Redis, the cache's circuit breaker) is shared by
# forked workers. It costs a little memory and a second or two at start.
preload_app = False

# Gunicorn 25's control socket lives at one path per user, which a second instance on the
# same machine would take over; systemd's signals (stop, reload) are all this site needs.
control_socket_disable = True

# Access log on stdout, errors (and Django's own log, which goes to stderr) on stderr:
# systemd's journal or the container runtime keeps both. The access line says who asked
# (the proxy's X-Forwarded-For first), what, the status, the size and the time taken.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s" host=%({host}i)s'
)
