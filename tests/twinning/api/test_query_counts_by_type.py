"""Every page type costs a few queries to serve, alone or in a list."""

import pytest

from tests.twinning.api.conftest import build_agenda, shared
from tests.twinning.api.test_query_counts import MOST, count_queries, generation_reads

pytestmark = pytest.mark.django_db

agenda = shared(build_agenda)


@pytest.mark.parametrize(
    "name",
    ["tubingen", "tubingen_de", "story_de", "open_call", "closed_call", "europe_day", "market"],
)
def test_detail_of_every_page_type_costs_at_most_a_few_queries(
    api, agenda, name, django_assert_max_num_queries
):
    page = getattr(agenda, name)
    api.get(f"/api/v2/pages/{page.pk}/?_=warm")
    with django_assert_max_num_queries(MOST + generation_reads()):
        response = api.get(f"/api/v2/pages/{page.pk}/")
    assert response.json()["id"] == page.pk


@pytest.mark.parametrize("model", ["ProjectCallPage", "EventPage"])
def test_agenda_list_queries_do_not_grow(api, agenda, model):
    listing = f"/api/v2/pages/?type=twinning.{model}&fields=*&locale=de&fallback=true"
    api.get(f"{listing}&_=warm")
    counts = {size: count_queries(api, f"{listing}&limit={size}") for size in (1, 2)}
    assert counts[1] == counts[2] <= MOST + generation_reads(), counts
