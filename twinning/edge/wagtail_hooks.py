from wagtail import hooks

from twinning.edge.purge import edge_urls
from twinning.edge.tagging import tag_served_page


@hooks.register("before_serve_page")
def tag_page_for_the_edge(page, request, serve_args, serve_kwargs):
    # Without an edge the tags would serve no one: they cost a few queries per page.
    if edge_urls():
        tag_served_page(page, request)
