"""The edge: Varnish in front of the app servers, on the benchmark's dataset.

With ``bench.edge.Edge`` (the shipped VCL, app servers with the bench settings, purged by
tag), on loopback:

1. **Hits**: the API list and a partner city page through Varnish, warm, and the very bytes
   of each saved as static files (WhiteNoise, like the floor) and served through the same
   Varnish: what Varnish costs for any object of that size.
2. **Publish → visible**: a writer process publishes one story (in the dataset's target
   language) a few times, saying when each publish committed and when it returned; one
   reader per affected URL (the story's page, its API detail, the API list showing it)
   asks through the edge every few milliseconds. Latency: from the commit to the first
   answer showing the new title, per URL.
3. **Stale responses**: the same writer publishing every second for ``--stale-duration``
   seconds while wrk reads the list through the edge and a reader per affected URL checks
   each answer. A response is *stale* when the title it shows is older than the last
   publish that had returned (so committed, and the editor told) before the request was
   sent; counted too against the commit itself, for the instant between the commit and
   the purge.
4. **Cache misses**: the API list with no cache anywhere (the app servers keep no response;
   the edge passes, as it does for a signed-in reader: a session cookie) through one app
   server of one worker, then two, each pinned to a core of its own.

``python -m bench.edge_load --db NAME --out FILE`` (``make bench`` runs it after the mixed
load); ``python -m bench.edge_load writer …`` is the writer.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from urllib.parse import urlsplit

from bench import load as loadgen
from bench.database import RESULTS_DIR
from bench.edge import Edge
from bench.scenarios import requests_for
from bench.server import ROOT

#: The edge passes a request carrying a session (a signed-in reader): a cache miss.
PASS_HEADERS = {"Cookie": "sessionid=bench-edge-miss"}
MARKER = re.compile(r"\(edge ([0-9a-f]{6})-(\d+)\)")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# Readers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """One answer of a reader: which publish its content shows (0: none of this run's)."""

    path: str
    status: int  # 0: no answer
    version: int
    cache: str  # Varnish's X-Cache: HIT, MISS or PASS
    sent: float
    answered: float


def version_in(body: str, token: str) -> int:
    """The highest publish number of this run's ``token`` in ``body`` (0: none)."""
    found = [int(number) for run, number in MARKER.findall(body) if run == token]
    return max(found, default=0)


def watch(base_url: str, path: str, token: str, until, out: list[Seen], pause: float) -> None:
    """Ask for ``path`` again and again on one kept-alive connection until ``until()``."""
    loadgen.check_loopback(base_url)
    parts = urlsplit(base_url)
    connection = None
    while not until():
        sent = time.time()
        status, version, cache = 0, 0, ""
        try:
            if connection is None:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            status, cache = response.status, response.getheader("X-Cache", "")
            version = version_in(body, token)
            if response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
        out.append(Seen(path, status, version, cache, sent, time.time()))
        if pause:
            time.sleep(pause)
    if connection is not None:
        connection.close()


def watching(base_url: str, paths: list[str], token: str, pause: float = 0.005):
    """Start one reader per path; returns (stop, join, answers)."""
    done = threading.Event()
    answers: list[Seen] = []
    threads = [
        threading.Thread(
            target=watch, args=(base_url, path, token, done.is_set, answers, pause), daemon=True
        )
        for path in paths
    ]
    for thread in threads:
        thread.start()

    def finish() -> list[Seen]:
        done.set()
        for thread in threads:
            thread.join(timeout=60)
        return sorted(answers, key=lambda a: a.sent)

    return finish


# Writer --------------------------------------------------------------------------------------


def write(page_id: int, token: str, every: float, count: int, seconds: float) -> None:
    """Publish a new title of page ``page_id`` every ``every`` seconds, ``count`` times or
    for ``seconds``; print one JSON line per publish with when it committed and returned.
    Runs with Django set up, in a process of its own as an editor's request would."""
    import django

    django.setup()
    from django.db import transaction

    from wagtail.models import Page

    def say(event: str, **data) -> None:
        print(json.dumps({"event": event, "at": time.time(), **data}), flush=True)

    say("ready")
    start = time.monotonic()
    number = 0
    while number < count and time.monotonic() - start < seconds:
        number += 1
        page = Page.objects.get(pk=page_id).specific
        page.title = f"{MARKER.sub('', page.title).rstrip()} (edge {token}-{number})"
        revision = page.save_revision()
        stamps = {}
        with transaction.atomic():
            # The first callback after the commit: before the purge, which also waits for it.
            transaction.on_commit(lambda stamps=stamps: stamps.setdefault("committed", time.time()))
            revision.publish()
        say("published", number=number, committed=stamps["committed"], returned=time.time())
        pause = start + number * every - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    say("done", published=number)


def run_writer(env: dict[str, str], page_id: int, token: str, every: float, count: int,
               seconds: float) -> tuple[subprocess.Popen, float]:  # fmt: skip
    writer = subprocess.Popen(
        [
            sys.executable, "-m", "bench.edge_load", "writer", f"--page={page_id}",
            f"--token={token}", f"--every={every}", f"--count={count}", f"--duration={seconds}",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    ready = json.loads(writer.stdout.readline())  # Django is set up: publishing starts now
    return writer, ready["at"]


def publishes_of(writer: subprocess.Popen) -> list[dict]:
    output, _ = writer.communicate(timeout=600)
    if writer.returncode:
        raise RuntimeError(f"the writer failed (exit {writer.returncode})")
    events = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return [event for event in events if event["event"] == "published"]


# Tallies -------------------------------------------------------------------------------------


def visible_after(publishes: list[dict], answers: list[Seen], paths: list[str]) -> dict:
    """Per publish and URL: ms from the commit to the first answer showing it."""
    per_publish = []
    for publish in publishes:
        latencies = {}
        for path in paths:
            first = next(
                (
                    a.answered
                    for a in answers
                    if a.path == path and a.version >= publish["number"] and a.status == 200
                ),
                None,
            )
            latencies[path] = (
                None if first is None else round((first - publish["committed"]) * 1000, 1)
            )
        per_publish.append(latencies)
    worst = [
        max(latencies.values()) if None not in latencies.values() else None
        for latencies in per_publish
    ]
    seen = [w for w in worst if w is not None]
    return {
        "publishes": len(publishes),
        "never_visible": sum(1 for w in worst if w is None),
        "worst_url_ms": worst,
        "max_ms": max(seen) if seen else None,
        "median_ms": round(median(seen), 1) if seen else None,
        "publish_ms": [
            round((p["returned"] - p["committed"]) * 1000, 1) for p in publishes
        ],  # the commit to the editor's answer: the purge is sent in between
    }


def stale(publishes: list[dict], answers: list[Seen], since: str) -> list[Seen]:
    """Answers older than the last publish that had ``since`` ("returned" or "committed")
    before the request was sent."""
    out = []
    for answer in answers:
        due = max((p["number"] for p in publishes if p[since] <= answer.sent), default=0)
        if answer.status == 200 and answer.version < due:
            out.append(answer)
    return out


# Phases --------------------------------------------------------------------------------------


def edge_env(db: str, cache: bool) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_SETTINGS_MODULE", "bench.settings"),
        "BENCH_DB_NAME": db,
        "BENCH_CACHE": "on" if cache else "off",
    }


def scenario(base_url: str, path: str, args, headers=None, expect_cache=None) -> dict:
    url = base_url + path
    for _ in range(3):  # in the edge (and every worker warm)
        status, response_headers, body = loadgen.probe(url, headers)
    cache = {k.lower(): v for k, v in response_headers.items()}.get("x-cache")
    if status != 200:
        return {"skipped": f"HTTP {status}", "path": path}
    if expect_cache and cache != expect_cache:
        return {"skipped": f"X-Cache {cache}, not {expect_cache}", "path": path}
    result = loadgen.run(url, args.duration, args.connections, headers).as_dict()
    result.update(path=path, status=status, bytes=len(body), cache=cache)
    log(
        f"edge {path[:65]:65} {result['rps']:>9} req/s p50 {result['p50_ms']} ms "
        f"p99 {result['p99_ms']} ms ({cache})"
    )
    return result


def hits_and_publishes(manifest: dict, args) -> dict:
    paths = requests_for(manifest)
    db = manifest["db"]
    out: dict = {}
    floor = RESULTS_DIR / "floor"
    floor.mkdir(parents=True, exist_ok=True)
    with Edge(
        edge_env(db, cache=True),
        instances=2,
        workers=args.workers,
        port=args.port,
        instance_ports=[args.port + 1, args.port + 2],
        ready_path=paths["list"],
    ) as edge:
        # 1. Hits, and the same bytes as static objects through the same Varnish (WhiteNoise
        # finds its files when it starts: the app servers start again once they are written).
        objects = (("list", "list", "json"), ("city", "city_page", "html"))
        for name, key, suffix in objects:
            _status, _headers, body = loadgen.probe(edge.url + paths[key])
            (floor / f"{db}-edge-{name}.{suffix}").write_bytes(body)
        edge.restart_instances()
        for name, key, suffix in objects:
            out[f"edge_{name}"] = scenario(edge.url, paths[key], args, expect_cache="HIT")
            out[f"edge_static_{name}"] = scenario(
                edge.url, f"/{db}-edge-{name}.{suffix}", args, expect_cache="HIT"
            )

        # 2 and 3. The first story of the list, published while readers watch.
        _status, _headers, body = loadgen.probe(edge.url + paths["list"])
        story_id = json.loads(body)["items"][0]["id"]
        _status, _headers, body = loadgen.probe(edge.url + f"/api/v2/pages/{story_id}/")
        story_path = urlsplit(json.loads(body)["meta"]["html_url"]).path
        affected = [story_path, f"/api/v2/pages/{story_id}/", paths["list"]]
        writer_env = {**edge_env(db, cache=True), "EDGE_PURGE_URLS": edge.varnish.purge_url}
        token = secrets.token_hex(3)
        out["affected_paths"] = affected

        log(f"publish → visible: {args.publishes} publishes of story {story_id}")
        finish = watching(edge.url, affected, token)
        writer, _ = run_writer(writer_env, story_id, token, every=2, count=args.publishes,
                               seconds=600)  # fmt: skip
        publishes = publishes_of(writer)
        time.sleep(1)  # the last publish seen
        answers = finish()
        out["visible"] = visible_after(publishes, answers, affected)
        log(f"publish → visible: worst URL {out['visible']['worst_url_ms']} ms")

        log(f"stale responses: {args.stale_duration} s publishing every second under wrk")
        token = secrets.token_hex(3)
        finish = watching(edge.url, affected, token, pause=0.002)
        wrk: dict = {}
        reader = threading.Thread(
            target=lambda: wrk.update(
                loadgen.run(
                    edge.url + paths["list"], args.stale_duration, args.connections
                ).as_dict()
            )
        )
        writer, _ = run_writer(writer_env, story_id, token, every=1, count=10**6,
                               seconds=args.stale_duration)  # fmt: skip
        reader.start()
        publishes = publishes_of(writer)
        reader.join()
        time.sleep(0.5)
        answers = finish()
        late = stale(publishes, answers, "returned")
        in_commit_window = stale(publishes, answers, "committed")
        out["stale_run"] = {
            "seconds": args.stale_duration,
            "publishes": len(publishes),
            "checked": len(answers),
            "errors": sum(1 for a in answers if a.status != 200),
            "stale": len(late),
            "stale_since_commit": len(in_commit_window),
            "stale_examples": [a.__dict__ for a in late[:5]],
            "wrk": wrk,
            "visible": visible_after(publishes, answers, affected),
        }
        log(
            f"stale: {len(late)} of {len(answers)} checked ({len(in_commit_window)} counting "
            f"from the commit); wrk {wrk.get('rps')} req/s, {wrk.get('errors')} errors"
        )
    return out


def misses(manifest: dict, args) -> dict:
    """Cache-miss throughput of one app server (one worker) and of two, through the edge."""
    paths = requests_for(manifest)
    cores = len(os.sched_getaffinity(0))
    out = {"cores": cores, "how": "edge pass (session cookie), no server cache"}
    for instances in (1, 2):
        # Another port than the hits' edge: another Host, so no response the app servers
        # stored then (under that Host) can answer now.
        with Edge(
            edge_env(manifest["db"], cache=False),
            instances=instances,
            workers=1,
            port=args.port + 3,
            instance_ports=[args.port + 4 + n for n in range(instances)],
            pin_cpus=True,
            ready_path=paths["list"],
        ) as edge:
            result = scenario(edge.url, paths["list"], args, headers=PASS_HEADERS,
                              expect_cache="PASS")  # fmt: skip
            out[f"instances_{instances}"] = result
    return out


def bench_phase(args) -> dict:
    manifest = json.loads((RESULTS_DIR / f"{args.db}.manifest.json").read_text())
    result = hits_and_publishes(manifest, args)
    log("cache misses: one app server, then two")
    result["misses"] = misses(manifest, args)
    result.update(workers=args.workers, connections=args.connections, duration=args.duration)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.edge_load")
    sub = parser.add_subparsers(dest="role")
    writer = sub.add_parser("writer")
    writer.add_argument("--page", type=int, required=True)
    writer.add_argument("--token", required=True)
    writer.add_argument("--every", type=float, default=1)
    writer.add_argument("--count", type=int, default=5)
    writer.add_argument("--duration", type=float, default=60)
    parser.add_argument("--db")
    parser.add_argument("--out")
    parser.add_argument("--duration", type=float, default=10, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="workers per app server")
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--stale-duration", type=float, default=60)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8765")))
    args = parser.parse_args(argv)
    if args.role == "writer":
        write(args.page, args.token, args.every, args.count, args.duration)
        return
    result = bench_phase(args)
    Path(args.out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
