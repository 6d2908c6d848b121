"""The edge phase's counts come from the answers themselves: which publish each shows, when
it was asked, and when each publish committed and returned."""

from bench import report
from bench.edge import backends_vcl
from bench.edge_load import Seen, stale, version_in, visible_after

LIST = "/api/v2/pages/?type=twinning.ExchangeStoryPage"
PAGE = "/de/geschichten/eine/"
PUBLISHES = [
    {"number": 1, "committed": 10.0, "returned": 10.01},
    {"number": 2, "committed": 11.0, "returned": 11.01},
]


def seen(path: str, version: int, sent: float, status: int = 200) -> Seen:
    return Seen(path, status, version, "HIT", sent, sent + 0.001)


def test_the_version_shown_is_this_runs_highest_marker():
    body = '{"title": "Eine Geschichte (edge a1b2c3-2)"} (edge ffffff-9) (edge a1b2c3-1)'
    assert version_in(body, "a1b2c3") == 2
    assert version_in("Eine Geschichte", "a1b2c3") == 0


def test_an_answer_older_than_a_publish_that_had_returned_is_stale():
    answers = [
        seen(PAGE, 0, sent=9.9),  # before any publish
        seen(PAGE, 0, sent=10.005),  # committed, not yet returned: the purge is on its way
        seen(PAGE, 0, sent=10.5),  # stale
        seen(PAGE, 1, sent=10.6),
        seen(PAGE, 1, sent=11.5),  # stale
        seen(PAGE, 0, sent=11.6, status=503),  # an error, counted apart
    ]
    assert [a.sent for a in stale(PUBLISHES, answers, "returned")] == [10.5, 11.5]
    assert [a.sent for a in stale(PUBLISHES, answers, "committed")] == [10.005, 10.5, 11.5]


def test_visible_is_the_first_answer_of_every_url_showing_each_publish():
    answers = [
        seen(PAGE, 0, sent=10.05),
        seen(LIST, 1, sent=10.1),
        seen(PAGE, 1, sent=10.2),  # answered 10.201: 201 ms after the commit
        seen(PAGE, 2, sent=11.3),
    ]
    result = visible_after(PUBLISHES, answers, [PAGE, LIST])
    assert result["worst_url_ms"] == [201.0, None]  # the list never showed publish 2
    assert (result["never_visible"], result["max_ms"]) == (1, 201.0)


def test_the_backends_file_puts_every_app_server_in_the_director():
    vcl = backends_vcl([("127.0.0.1", 8001), ("127.0.0.1", 8002)])
    assert 'backend app2 {\n    .host = "127.0.0.1";\n    .port = "8002";' in vcl
    assert "new app = directors.round_robin();" in vcl
    assert "app.add_backend(app1);\n    app.add_backend(app2);" in vcl


def test_the_edge_goals_read_the_edge_phase():
    results = {
        "full_scale": True,
        "meta": {"elapsed_s": 1300},
        "load": {
            "list": {"rps": 50, "p50_ms": 70, "p99_ms": 270},
            "list_cached": {"rps": 2000, "p50_ms": 1.8, "p99_ms": 5.4},
        },
        "edge": {
            "edge_list": {"rps": 9000, "p50_ms": 0.2, "p99_ms": 0.3},
            "edge_static_list": {"rps": 10000},
            "visible": {"max_ms": 300.0, "never_visible": 0},
            "stale_run": {"seconds": 60, "stale": 2, "checked": 900, "errors": 0},
            "misses": {"cores": 2, "instances_1": {"rps": 10}, "instances_2": {"rps": 18}},
        },
    }
    met = {goal: ok for goal, _measured, ok in report.edge_goals(results)}
    assert met == {
        "edge hit ≥ 0.8× Varnish serving the same bytes as a static object (list/city)": None,
        "edge hit ≥ 10× gunicorn's server cache (list/city)": None,
        "publish → visible through the edge, every affected URL, ≤ 1 s after the commit": True,
        "0 stale responses, 60 s publishing every second under wrk": False,
        "list p99 ≤ 2× p50 under the wrk load, uncached (through the edge; gunicorn's "
        "cache hit)": False,
        "two app servers ≥ 1.7× one, cache misses, one worker each on its own core": True,
        "make bench at default scale under 20 minutes": False,
    }
