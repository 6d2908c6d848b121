"""A real webhook receiver on loopback, for tests: records what it is sent, and answers as
scripted (fail the first N requests, hang for a while, answer a given status)."""

import dataclasses
import hashlib
import hmac
import http.server
import json
import threading
import time


@dataclasses.dataclass
class Received:
    path: str
    headers: dict
    body: bytes

    @property
    def event(self) -> dict:
        return json.loads(self.body)


class Receiver:
    """``with Receiver() as receiver:`` listens on 127.0.0.1 on a free port until the end."""

    def __init__(self, *, fail_times: int = 0, fail_status: int = 500, hang: float = 0):
        self.fail_times = fail_times
        self.fail_status = fail_status
        self.hang = hang
        self.requests: list[Received] = []
        self._stop = threading.Event()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                receiver.requests.append(Received(self.path, dict(self.headers), body))
                if receiver.hang:
                    receiver._stop.wait(receiver.hang)
                failing = len(receiver.requests) <= receiver.fail_times
                status = receiver.fail_status if failing else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hooks/twinning"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count: int, seconds: float = 5) -> list[Received]:
        """The requests, once ``count`` have arrived (they may come from another thread)."""
        deadline = time.monotonic() + seconds
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.requests


def signature_valid(received: Received, secret: str) -> bool:
    """Check the signature as a partner's receiver would: its own HMAC of the raw body."""
    timestamp = received.headers["Twinning-Timestamp"]
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + received.body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(f"v1={expected}", received.headers["Twinning-Signature"])
