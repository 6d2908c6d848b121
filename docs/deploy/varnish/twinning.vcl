# Varnish 7.x in front of a Twinning site: anonymous HTML pages and the public API, cached
# as the site's Cache-Control, ETag and Vary say, and purged by tag (varnish-modules' xkey)
# when content changes. See README.md in this directory.
#
# Backends are not defined here: the deployment's "twinning-backends.vcl" (found on
# vcl_path) defines them and a director named "app" (see twinning-backends.example.vcl).

vcl 4.1;

import std;
import directors;
import xkey;
import accept;
import var;

include "twinning-backends.vcl";

# Who may purge (the site's processes, on this host) and ask for the tags of a response.
acl twinning_purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    # The site's languages (settings.LANGUAGES), the first being LANGUAGE_CODE: each
    # Accept-Language is reduced to the one Django would choose, so that responses varying
    # on it are kept once per language, not once per browser's header.
    new twinning_languages = accept.rule("fr");
    twinning_languages.add("en");
    twinning_languages.add("de");
    twinning_languages.add("it");
    twinning_languages.add("es");
    twinning_languages.add("pt");
    twinning_languages.add("hu");
    twinning_languages.add("ja");
    twinning_languages.add("ar");
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    unset req.http.X-Cache;

    if (req.method == "PURGE") {
        if (client.ip !~ twinning_purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        # A fetch begun before this purge may bring what it purged: see vcl_backend_response.
        # (milliseconds since late 2023: VCL writes a REAL with three decimals and below
        # 10^12, so microseconds are kept until 2055)
        var.global_set("twinning_purged_at", "" + ((std.time2real(now, 0.0) - 1700000000.0) * 1000.0));
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.http.xkey-debug && client.ip !~ twinning_purgers) {
        unset req.http.xkey-debug;
    }
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST" &&
        req.method != "PUT" && req.method != "PATCH" && req.method != "DELETE" &&
        req.method != "OPTIONS") {
        return (synth(405, "Method Not Allowed"));
    }

    # Keep serving what is cached while the application is down (see vcl_backend_response).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    # The application answers these for one person, or changes something: never cached.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)" ||
        req.url ~ "^/(healthz|readyz)(\?|$)" ||
        req.url ~ "^/documents/" ||
        req.url ~ "^/[a-z]{2}(-[a-z]+)?/(_preview|preview)(/|$)") {
        return (pass);
    }
    # Partners' tokens, and anyone signed in (editors, readers of restricted pages).
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Other cookies (CSRF, analytics, the language chosen) change nothing for an
    # anonymous reader: a response setting one is never cached (vcl_backend_response).
    unset req.http.Cookie;

    if (req.url ~ "^/api/") {
        set req.url = std.querysort(req.url);
        # ``locale`` decides the language: Accept-Language does not matter.
        if (req.url ~ "[?&]locale=[^&]") {
            unset req.http.Accept-Language;
        }
    }
    set req.url = regsub(req.url, "\?$", "");
    if (req.http.Accept-Language) {
        set req.http.Accept-Language = twinning_languages.filter(req.http.Accept-Language);
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # Responses hold absolute URLs: http and https are kept apart.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    var.set("fetch_started", "" + ((std.time2real(now, 0.0) - 1700000000.0) * 1000.0));
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # The application may have read the content before a change that was purged while
    # this fetch ran (a page made private as it was being served): give this response to
    # its reader, keep it for none.
    if (std.real(var.get("fetch_started"), 0.0) <
        std.real(var.global_get("twinning_purged_at"), 0.0)) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Only what the application marks as cacheable by a shared cache is kept: a response
    # without Cache-Control (an error, a redirect of a restricted page) never is.
    if (beresp.http.Set-Cookie ||
        beresp.http.Vary == "*" ||
        beresp.http.Cache-Control !~ "(s-maxage|max-age)=[1-9]" ||
        beresp.http.Cache-Control ~ "(private|no-cache|no-store)" ||
        beresp.ttl <= 0s) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Stale copies serve readers while the application is down (up to this long); a
    # purge removes them too, so a change is never hidden behind one.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    if (!req.http.X-Cache) {
        set req.http.X-Cache = "MISS";
    }
    if (obj.uncacheable) {
        set req.http.X-Cache = "PASS";
    }
    set resp.http.X-Cache = req.http.X-Cache;
    if (!req.http.xkey-debug) {
        unset resp.http.xkey;
    }
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
