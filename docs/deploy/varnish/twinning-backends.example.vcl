# The deployment's backends, included by twinning.vcl: copy to "twinning-backends.vcl"
# in a directory on vcl_path (e.g. /etc/varnish) and list the application servers.
# Each one is probed on /healthz (the process answers; no database access), so that
# Varnish stops sending readers to a server that is down and serves from grace instead.

probe twinning_health {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 1s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend app1 {
    .host = "10.0.0.11";
    .port = "8000";
    .probe = twinning_health;
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
}

backend app2 {
    .host = "10.0.0.12";
    .port = "8000";
    .probe = twinning_health;
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
