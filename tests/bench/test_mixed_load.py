"""The mixed load's counts come from real responses: a short run on a tiny site, with a
writer process publishing and toggling a restriction, and the tally on its own."""

import pytest

from bench import report
from bench.mixed_load import Answer, Restriction, restrictions_of, run, tally
from tests import factories
from tests.servers import Gunicorn, database_url_for_servers

STORY = "/api/v2/pages/7/"


def test_a_200_of_the_restricted_page_while_restricted_is_stale():
    restricted = [Restriction(committed=10.0, lifted=20.0)]
    answers = [
        Answer(STORY, 200, sent=9.9, answered=10.1),  # sent before the commit: not stale
        Answer(STORY, 200, sent=12.0, answered=12.1),  # stale
        Answer(STORY, 404, sent=13.0, answered=13.1),
        Answer(STORY, 200, sent=19.9, answered=20.2),  # answered after the lift: not stale
        Answer("/fr/", 200, sent=14.0, answered=14.1),  # another page
        Answer("/fr/", 503, sent=15.0, answered=15.1),
        Answer("/fr/", 0, sent=16.0, answered=16.1),  # no answer
    ]
    counts = tally(answers, {STORY}, restricted)
    assert counts["stale_privacy"] == 1
    assert (counts["requests"], counts["errors"], counts["server_errors"]) == (7, 1, 1)
    assert counts["restricted_statuses"] == {"200": 3, "404": 1}


def test_the_writers_events_make_the_restriction_intervals():
    events = [
        {"event": "ready", "at": 1.0},
        {"event": "restricted", "at": 2.0},
        {"event": "published", "at": 2.5},
        {"event": "lifting", "at": 3.0},
        {"event": "restricted", "at": 4.0},
    ]
    assert restrictions_of(events, end=9.0) == [Restriction(2.0, 3.0), Restriction(4.0, 9.0)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_short_mixed_run_counts_real_answers_and_finds_no_stale_privacy(home, tmp_path):
    cities = factories.PartnerCityIndexPageFactory(parent=home)
    city = factories.tubingen_page(cities)
    stories = factories.ExchangeStoryIndexPageFactory(parent=home)
    restricted, *_others = [
        factories.ExchangeStoryPageFactory(parent=stories, partner_cities=[city]) for _ in range(3)
    ]
    database_url = database_url_for_servers(tmp_path)
    local_memory = {"REDIS_URL": None}
    with Gunicorn(database_url, env=local_memory) as server:
        result = run(
            server.url,
            ["/api/v2/pages/?type=twinning.ExchangeStoryPage", city.get_url()],
            [f"/api/v2/pages/{restricted.pk}/", restricted.get_url()],
            restricted.pk,
            {"DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url}
            | local_memory,
            seconds=6,
            connections=4,
            publish_every=1,
            restrict_every=1.5,
        )
    assert result["requests"] > 20
    assert (result["errors"], result["server_errors"], result["stale_privacy"]) == (0, 0, 0)
    assert result["restrictions"] >= 2
    assert result["publishes"] >= 3
    # The restricted page was seen hidden (API 404, HTML login) and served again.
    assert {"200", "302", "404"} <= set(result["restricted_statuses"])


@pytest.mark.parametrize(("stale", "mark"), [(0, "yes"), (2, "**no**")])
def test_the_report_says_whether_the_mixed_run_met_its_goal(stale, mark):
    mixed = {
        "seconds": 60.0,
        "connections": 32,
        "workers": 2,
        "paths": ["/a", "/b"],
        "requests": 9000,
        "rps": 150.0,
        "publishes": 20,
        "restrictions": 12,
        "errors": 0,
        "server_errors": 0,
        "stale_privacy": stale,
        "statuses": {"200": 8000, "302": 500, "404": 500},
        "restricted_statuses": {"200": 1000, "302": 500, "404": 500},
    }
    table = report.format_table({"mixed": mixed})
    assert "9000 requests (150.0 req/s), 20 publishes and 12 restrictions" in table
    assert (
        f"| mixed load with publishes: 0 errors, 0 5xx, 0 stale privacy | 0/0/{stale} | {mark} |"
        in table
    )
