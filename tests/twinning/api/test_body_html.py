"""The API's ``html`` of a body is the site's: the same block templates render both."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import blocks
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

from tests.twinning.api.conftest import build_world, publish

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=x&t=1"
OTHER_VIDEO = "https://vimeo.com/76979871"


def known_embed(url: str, title: str) -> Embed:
    """An embed the finder already fetched: rendering it needs no network."""
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=f'<iframe src="https://player.example/{title}" title="{title}"></iframe>',
    )


def relative(html: str) -> str:
    """The API's absolute URLs of this site, as the site's pages write them."""
    return re.sub(r'(\s(?:href|src)=")http://localhost/', r"\1/", html)


def stream_wrapper(block_type: str) -> str:
    """The tag Wagtail opens around each block of a stream (its classes vary by release)."""
    stream = blocks.StreamBlock([(block_type, blocks.RawHTMLBlock())])
    html = stream.render_basic(stream.to_python([{"type": block_type, "value": "|"}]))
    return html.split("|")[0]


def every_block(world) -> list:
    return [
        ("heading", {"text": "Tom & Jerry <3", "level": "h2"}),
        (
            "paragraph",
            f'<p>Voir <a linktype="page" id="{world.perugia.pk}">Pérouse</a>.</p>',
        ),
        (
            "image",
            {"image": world.image, "alt_text": "Étals", "caption": "Le marché", "credit": "Ville"},
        ),
        ("quote", {"text": 'Il a dit "oui"', "attribution": "L'élue"}),
        (
            "gallery",
            {
                "title": "En images",
                "images": [{"image": world.image, "alt_text": "", "caption": "", "credit": ""}],
            },
        ),
        ("embed", VIDEO),
        ("key_figures", {"figures": [{"value": "12 000", "label": "km <à pied>"}]}),
        ("call_to_action", {"text": "La ville", "page": world.tubingen, "url": ""}),
        ("call_to_action", {"text": "Lire", "page": None, "url": "https://e.org/?a=1&b=2"}),
    ]


def test_api_body_html_is_what_the_story_page_renders_embeds_included(api, client):
    world = build_world()
    known_embed(VIDEO, "video")
    story = world.story
    story.body = every_block(world)
    publish(story)

    body = api.get(f"/api/v2/pages/{story.pk}/").json()["body"]
    page_html = client.get(story.url).content.decode()

    fragments = body["html"].split("\n\n")
    assert [block["type"] for block in body["blocks"]] == [t for t, _v in every_block(world)]
    assert len(fragments) == len(body["blocks"])
    site_stream = "\n".join(
        f"{stream_wrapper(block['type'])}{relative(html)}\n</div>"
        for block, html in zip(body["blocks"], fragments, strict=True)
    )
    assert site_stream in page_html
    # The video is embedded as on the site, not linked.
    assert '<div class="block-embed"><iframe src="https://player.example/video"' in body["html"]
    # Every URL of this site is absolute for partners.
    assert 'href="/' not in body["html"] and 'src="/' not in body["html"]
    assert 'href="http://localhost/fr/villes-partenaires/tubingen/"' in body["html"]
    assert 'href="http://localhost/fr/villes-partenaires/perouse/"' in body["html"]


def count_queries(api, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(context.captured_queries)


def test_a_list_reads_every_embed_of_its_bodies_in_one_query(api, db):
    world = build_world()
    known_embed(VIDEO, "video")
    known_embed(OTHER_VIDEO, "other")
    story = world.story
    url = "/api/v2/pages/?type=twinning.ExchangeStoryPage&fields=body&locale=fr"

    counts = {}
    for bodies in ([("embed", VIDEO)], [("embed", VIDEO), ("embed", OTHER_VIDEO)] * 3):
        story.body = bodies
        publish(story)
        api.get(url + "&limit=20")  # the site's state is read once for the new content
        counts[len(bodies)] = count_queries(api, url + "&limit=10")
        html = api.get(url + "&limit=10").json()["items"][0]["body"]["html"]
        assert html.count("<iframe") == len(bodies)

    assert counts[1] == counts[6], counts
    assert "player.example/other" in html
