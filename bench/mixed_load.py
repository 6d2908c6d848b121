"""Mixed load while content changes: errors, 5xx and stale privacy, from real responses.

Readers (``--connections`` threads, each on a kept-alive loopback connection) ask for a
mix of HTML pages and API lists and details for ``--duration`` seconds. Meanwhile a
writer, in a process of its own as an editor's request would be, publishes a story every
``--publish-every`` seconds and toggles a login restriction on one page every
``--restrict-every`` seconds, and says when each change was committed.

Every response is kept (what was asked, status, when asked and answered). A response of
the restricted page is *stale* when the request was sent after a restriction was
committed and answered before it was lifted, and yet it is a 200: a reader got what an
editor had made private.

``python -m bench.mixed_load --db NAME --out FILE`` runs it on the benchmark's dataset
(``make bench`` does, after the cached load); ``python -m bench.mixed_load writer …`` is
the writer, started by the run with the server's settings and database in its environment.
"""

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench.load import check_loopback

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Answer:
    """One request of a reader."""

    path: str
    status: int  # 0: no answer (connection refused, reset or timed out)
    sent: float  # time.time(), comparable with the writer's clock (same machine)
    answered: float


@dataclass(frozen=True)
class Restriction:
    """When a restriction was in force, as the writer saw it committed and lifted."""

    committed: float
    lifted: float


# Readers ---------------------------------------------------------------------------------


def read(base_url: str, paths: list[str], until: float, answers: list[Answer], seed: int) -> None:
    """Ask for ``paths`` in random order until ``until``, on one kept-alive connection."""
    parts = urlsplit(base_url)
    pick = random.Random(seed)
    connection = None
    while time.time() < until:
        path = pick.choice(paths)
        sent = time.time()
        status = 0
        try:
            if connection is None:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
        answers.append(Answer(path, status, sent, time.time()))
    if connection is not None:
        connection.close()


def run_readers(base_url: str, paths: list[str], seconds: float, connections: int) -> list:
    check_loopback(base_url)
    until = time.time() + seconds
    per_thread: list[list[Answer]] = [[] for _ in range(connections)]
    threads = [
        threading.Thread(target=read, args=(base_url, paths, until, per_thread[n], n))
        for n in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [answer for answers in per_thread for answer in answers]


# Tally -----------------------------------------------------------------------------------


def tally(
    answers: list[Answer], restricted_paths: set[str], restrictions: list[Restriction]
) -> dict:
    """The counts the report gives, from the responses themselves."""
    statuses = Counter(answer.status for answer in answers)
    stale = [
        answer
        for answer in answers
        if answer.path in restricted_paths
        and answer.status == 200
        and any(r.committed <= answer.sent and answer.answered <= r.lifted for r in restrictions)
    ]
    restricted_answers = Counter(
        answer.status for answer in answers if answer.path in restricted_paths
    )
    seconds = max(a.answered for a in answers) - min(a.sent for a in answers) if answers else 0.0
    return {
        "requests": len(answers),
        "seconds": round(seconds, 1),
        "rps": round(len(answers) / seconds, 1) if seconds else None,
        "errors": statuses[0],
        "server_errors": sum(n for status, n in statuses.items() if status >= 500),
        "statuses": {str(status): n for status, n in sorted(statuses.items())},
        "restricted_statuses": {str(s): n for s, n in sorted(restricted_answers.items())},
        "stale_privacy": len(stale),
        "restrictions": len(restrictions),
    }


# Writer ----------------------------------------------------------------------------------


def write(restricted_id: int, publish_every: float, restrict_every: float, seconds: float):
    """Publish stories and toggle a restriction on page ``restricted_id`` for ``seconds``;
    print one JSON line per committed change. Runs in a process with Django set up."""
    import django

    django.setup()
    from wagtail.models import PageViewRestriction

    from twinning.models import ExchangeStoryPage

    print(json.dumps({"event": "ready", "at": time.time()}), flush=True)
    page = ExchangeStoryPage.objects.get(pk=restricted_id)
    stories = list(
        ExchangeStoryPage.objects.live()
        .filter(locale_id=page.locale_id)
        .exclude(pk=restricted_id)
        .order_by("pk")[:20]
    )
    start = time.monotonic()
    next_publish, next_toggle = publish_every, restrict_every
    published = 0
    restriction = None

    def say(event: str, **data) -> None:
        print(json.dumps({"event": event, "at": time.time(), **data}), flush=True)

    while (elapsed := time.monotonic() - start) < seconds:
        if stories and elapsed >= next_publish:
            story = stories[published % len(stories)]
            story.save_revision().publish()
            published += 1
            next_publish += publish_every
            say("published", page=story.pk)
        if elapsed >= next_toggle:
            if restriction is None:
                restriction = PageViewRestriction.objects.create(
                    page=page, restriction_type=PageViewRestriction.LOGIN
                )
                say("restricted", page=page.pk)  # committed: autocommit, signals sent
            else:
                say("lifting", page=page.pk)  # from here on a 200 is no longer stale
                restriction.delete()
                restriction = None
            next_toggle += restrict_every
        time.sleep(0.05)
    if restriction is not None:
        say("lifting", page=page.pk)
        restriction.delete()
    say("done", published=published)


def restrictions_of(events: list[dict], end: float) -> list[Restriction]:
    """The restriction intervals the writer's events describe (the last one open until
    ``end``)."""
    out, committed = [], None
    for event in events:
        if event["event"] == "restricted":
            committed = event["at"]
        elif event["event"] == "lifting" and committed is not None:
            out.append(Restriction(committed, event["at"]))
            committed = None
    if committed is not None:
        out.append(Restriction(committed, end))
    return out


def environment(changes: dict[str, str | None]) -> dict[str, str]:
    """This process's environment with ``changes`` (None removes a variable)."""
    env = {**os.environ, **changes}
    return {name: value for name, value in env.items() if value is not None}


def run(
    base_url: str,
    paths: list[str],
    restricted_paths: list[str],
    restricted_id: int,
    writer_env: dict[str, str | None],
    *,
    seconds: float = 60,
    connections: int = 32,
    publish_every: float = 3,
    restrict_every: float = 5,
) -> dict:
    """Readers on ``paths`` and ``restricted_paths`` while the writer writes; the writer
    runs with ``writer_env`` (the server's settings and database) added to this
    environment."""
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.mixed_load",
            "writer",
            f"--restrict={restricted_id}",
            f"--publish-every={publish_every}",
            f"--restrict-every={restrict_every}",
            f"--duration={seconds}",
        ],
        cwd=ROOT,
        env=environment(writer_env),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        writer.stdout.readline()  # Django is set up: the writer's clock starts
        answers = run_readers(base_url, [*paths, *restricted_paths], seconds, connections)
        output, _ = writer.communicate(timeout=120)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    if writer.returncode:
        raise RuntimeError(f"the writer failed (exit {writer.returncode})")
    events = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    end = max((a.answered for a in answers), default=time.time())
    result = tally(answers, set(restricted_paths), restrictions_of(events, end))
    result.update(
        connections=connections,
        publishes=sum(1 for e in events if e["event"] == "published"),
        paths=[*paths, *restricted_paths],
    )
    return result


# The benchmark's phase ---------------------------------------------------------------------


def bench_phase(args) -> dict:
    """On the benchmark's dataset: the production stack (N workers, cache on); the story
    of the detail scenario is the one restricted and lifted."""
    from bench.database import RESULTS_DIR
    from bench.scenarios import detail_url, list_url, requests_for
    from bench.server import Server

    manifest = json.loads((RESULTS_DIR / f"{args.db}.manifest.json").read_text())
    paths = requests_for(manifest)
    reading = [
        paths["list"],
        list_url("", manifest["target_locale"], offset=20),
        "/api/v2/pages/?type=twinning.PartnerCityPage&fields=*",
        detail_url("", manifest["city_id"]),
        paths["city_page"],
    ]
    restricted = [paths["detail"], paths["story_page"]]
    settings = os.environ.get("BENCH_SETTINGS_MODULE", "bench.settings")
    with Server(args.db, args.port, args.workers, cache=True, ready_path=paths["list"]) as srv:
        result = run(
            srv.base_url,
            reading,
            restricted,
            manifest["story_id"],
            {"DJANGO_SETTINGS_MODULE": settings, "BENCH_DB_NAME": args.db},
            seconds=args.duration,
            connections=args.connections,
        )
    result["workers"] = args.workers
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.mixed_load")
    sub = parser.add_subparsers(dest="role")
    writer = sub.add_parser("writer")
    writer.add_argument("--restrict", type=int, required=True)
    writer.add_argument("--publish-every", type=float, default=3)
    writer.add_argument("--restrict-every", type=float, default=5)
    writer.add_argument("--duration", type=float, default=60)
    parser.add_argument("--db")
    parser.add_argument("--out")
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8765")))
    args = parser.parse_args(argv)
    if args.role == "writer":
        write(args.restrict, args.publish_every, args.restrict_every, args.duration)
        return
    result = bench_phase(args)
    Path(args.out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
