import http.server
import threading

import pytest

from tests.servers import HOST
from tests.twinning.translation_helpers import clear_site_cache


class RecordingEdge:
    """An HTTP server on loopback that answers purges as the VCL does and keeps the tags
    it was asked to purge: what the site sends, seen from the edge's side."""

    def __init__(self) -> None:
        purged = self.purged = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):
                purged.append(set(self.headers.get("xkey-purge", "").split()))
                body = b"Purged 0\n"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer((HOST, 0), Handler)
        self.url = f"http://{HOST}:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def tags(self) -> set[str]:
        """Every tag purged so far."""
        return set().union(*self.purged)

    def clear(self) -> None:
        self.purged.clear()


def use_edge(settings, url: str, **more) -> None:
    settings.TWINNING = {**settings.TWINNING, "EDGE_PURGE_URLS": [url], **more}


@pytest.fixture
def recording_edge(settings):
    edge = RecordingEdge()
    edge.thread.start()
    use_edge(settings, edge.url)
    yield edge
    edge.server.shutdown()
    edge.server.server_close()


@pytest.fixture
def fresh_site_roots(db):
    """Wagtail's site root paths read afresh: each test builds its own site."""
    clear_site_cache()
    yield
    clear_site_cache()
