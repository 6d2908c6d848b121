"""``python -m bench``: build, serve, load, count and report, in one run.

Phases, each in its own process so each database gets its own Django setup:
growth baseline (~1k pages: build, count, load), full scale (build, count, load
uncached, load cached, memory), translation, mixed load with publishes, the edge (Varnish
in front of one and two app servers: hits, publish → visible, stale responses, cache
misses); then the table, JSON and docs.
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import load as loadgen
from bench import report
from bench.database import RESULTS_DIR, describe
from bench.edge import VARNISHD
from bench.scale import DEFAULT, QUICK, Scale
from bench.scenarios import requests_for
from bench.server import ROOT, Server

DOCS = ROOT / "docs" / "benchmarks.md"
UNCACHED = [
    "list",
    "stock_list",
    "deep_list",
    "stock_deep_list",
    "detail",
    "stock_detail",
    "city_page",
    "story_page",
    "floor",
]
BASELINE = ["list", "stock_list", "deep_list", "detail", "city_page", "story_page"]
MEMORY_REQUESTS = 10_000
#: The mixed load (bench/mixed_load.py): readers while content and privacy change.
MIXED_CONNECTIONS = 32
MIXED_SECONDS = 60
#: The edge (bench/edge_load.py): seconds of publishing every second under wrk.
EDGE_STALE_SECONDS = 60


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def phase(module: str, *args: str, db: str) -> dict:
    """Run ``python -m bench.<module>`` for database ``db``; returns its JSON."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    env = {**os.environ, "BENCH_DB_NAME": db}
    command = [sys.executable, "-m", f"bench.{module}", "--db", db, *args]
    if module != "dataset":
        command += ["--out", out]
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    if done.returncode:
        raise SystemExit(f"bench.{module} failed for {db} (exit {done.returncode})")
    if module == "dataset":
        return json.loads((RESULTS_DIR / f"{db}.manifest.json").read_text())
    result = json.loads(Path(out).read_text())
    Path(out).unlink(missing_ok=True)
    return result


def collectstatic() -> None:
    if (RESULTS_DIR / "static" / "staticfiles.json").exists():
        return
    log("collecting static files (once)")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module()}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def settings_module() -> str:
    return os.environ.get("BENCH_SETTINGS_MODULE", "bench.settings")


def scenario(server: Server, path: str, args, headers=None, expect=(200,)) -> dict:
    url = server.base_url + path
    status, response_headers, body = loadgen.probe(url, headers)
    if status not in expect:
        return {"skipped": f"HTTP {status}", "path": path}
    result = loadgen.run(url, args.duration, args.connections, headers).as_dict()
    result.update(path=path, status=status, bytes=len(body))
    log(
        f"{path[:70]:70} {result['rps']:>9} req/s p50 {result['p50_ms']} ms p99 {result['p99_ms']} ms"
    )
    return result


def load_uncached(manifest: dict, names: list[str], args, memory: bool = False) -> tuple:
    paths = requests_for(manifest)
    db = manifest["db"]
    with Server(db, args.port, args.workers, cache=False, ready_path=paths["floor"]) as server:
        for path in (paths["story_page"], paths["city_page"], paths["list"], paths["stock_list"]):
            for _ in range(args.workers * 2):
                loadgen.probe(server.base_url + path)  # every worker warm
        rss_start = server.worker_rss_mib()
        results = {name: scenario(server, paths[name], args) for name in names}
        served = sum(r.get("requests", 0) for r in results.values())
        mem = None
        if memory:
            if served < MEMORY_REQUESTS:
                list_rps = results["list"].get("rps") or 50
                seconds = min(120, max(2, (MEMORY_REQUESTS - served) / list_rps * 1.1))
                log(f"{MEMORY_REQUESTS - served} more requests for the memory reading")
                more = loadgen.run(server.base_url + paths["list"], seconds, args.connections)
                served += more.requests
            mem = {
                "rss_start_mib": rss_start,
                "rss_end_mib": server.worker_rss_mib(),
                "requests": served,
            }
    return results, mem


def load_cached(manifest: dict, args) -> dict:
    paths = requests_for(manifest)
    out = {}
    with Server(
        manifest["db"], args.port, args.workers, cache=True, ready_path=paths["floor"]
    ) as server:
        url = server.base_url + paths["list"]
        status, headers, _body = loadgen.probe(url)
        for _ in range(args.workers * 2):
            loadgen.probe(url)
        out["list_cached"] = scenario(server, paths["list"], args)
        etag = {k.lower(): v for k, v in headers.items()}.get("etag")
        if etag:
            out["list_revalidated"] = scenario(
                server, paths["list"], args, headers={"If-None-Match": etag}, expect=(304,)
            )
        else:
            out["list_revalidated"] = {"skipped": "no ETag on the list response"}
    return out


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=DEFAULT.partners)
    parser.add_argument("--stories", type=int, default=DEFAULT.stories)
    parser.add_argument("--locales", type=int, default=DEFAULT.locales)
    parser.add_argument("--quick", action="store_true", help=f"about {QUICK.pages} pages")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--duration", type=float, help="seconds per scenario (10; quick 3)")
    parser.add_argument("--connections", type=int, help="open connections (2 per worker)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8765")))
    parser.add_argument("--translate-stories", type=int, help="stories submitted (1000; quick 20)")
    parser.add_argument(
        "--translate-budget", type=float, default=150, help="seconds for each way of submitting"
    )
    parser.add_argument(
        "--mixed-duration", type=float, help=f"seconds of mixed load ({MIXED_SECONDS}; quick 15)"
    )
    parser.add_argument(
        "--edge-stale-duration",
        type=float,
        help=f"seconds of publishing every second through the edge ({EDGE_STALE_SECONDS}; quick 15)",
    )
    parser.add_argument("--no-edge", action="store_true", help="skip the edge (Varnish) phase")
    parser.add_argument("--no-growth", action="store_true", help="skip the ~1k-page baseline")
    parser.add_argument("--no-docs", action="store_true", help="leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    args.scale = QUICK if args.quick else Scale(args.partners, args.stories, args.locales)
    args.duration = args.duration or (3 if args.quick else 10)
    args.mixed_duration = args.mixed_duration or (15 if args.quick else MIXED_SECONDS)
    args.edge_stale_duration = args.edge_stale_duration or (
        15 if args.quick else EDGE_STALE_SECONDS
    )
    args.connections = args.connections or 2 * args.workers
    args.translate_stories = args.translate_stories or (20 if args.quick else 1000)
    return args


def main(argv: list[str] | None = None) -> dict:
    args = parse(argv)
    if not loadgen.generator():
        raise SystemExit("No load generator: `apt-get install wrk` or `pip install locust`.")
    db = os.environ.get("BENCH_DB_NAME", "twinning_bench")
    now = datetime.datetime.now(datetime.UTC)
    started = time.monotonic()
    results: dict = {
        "meta": {
            "label": "Quick scale" if args.quick else "Full scale",
            "date": now.strftime("%Y-%m-%d %H:%M UTC"),
            "stamp": now.strftime("%Y%m%dT%H%M%SZ"),
            "machine": machine(),
            "command": shlex.join(["python", "-m", "bench", *(argv or sys.argv[1:])]),
            "database": describe(db).split(" database ")[0].split(" file ")[0],
            "cache": "Redis" if os.environ.get("REDIS_URL") else "local memory",
            "workers": args.workers,
            "connections": args.connections,
            "duration": args.duration,
            "tool": loadgen.generator(),
            "load_average": [round(os.getloadavg()[0], 1)],
        },
        "scale": args.scale.as_dict(),
        "full_scale": args.scale == DEFAULT,
        "notes": [],
    }
    collectstatic()
    if not args.no_growth:
        baseline = args.scale.baseline()
        results["baseline_scale"] = baseline.as_dict()
        log(f"growth baseline: {baseline.pages} pages")
        small = phase("dataset", *scale_args(baseline), "--no-progress", db=f"{db}_1k")
        phase("queries", f"--host=127.0.0.1:{args.port}", db=small["db"])
        results["baseline_load"], _ = load_uncached(small, BASELINE, args)

    log(f"dataset: {args.scale.pages} pages")
    manifest = phase("dataset", *scale_args(args.scale), db=db)
    results["dataset"] = manifest
    results["queries"] = phase("queries", f"--host=127.0.0.1:{args.port}", db=db)
    results["load"], results["memory"] = load_uncached(manifest, UNCACHED, args, memory=True)
    results["load"].update(load_cached(manifest, args))
    if results["queries"].get("list_cache_hit", {}).get("queries"):
        results["notes"].append(
            "The cached run was not served from a response cache (the list still costs "
            f"{results['queries']['list_cache_hit']['queries']} queries on a repeat request)."
        )
    log("translation")
    results["translation"] = phase(
        "translation",
        f"--stories={args.translate_stories}",
        f"--budget={args.translate_budget}",
        db=db,
    )
    log(f"mixed load: {args.mixed_duration} s, {MIXED_CONNECTIONS} connections, publishes")
    results["mixed"] = phase(
        "mixed_load",
        f"--duration={args.mixed_duration}",
        f"--connections={MIXED_CONNECTIONS}",
        f"--workers={args.workers}",
        f"--port={args.port}",
        db=db,
    )
    if not args.no_edge and VARNISHD is None:
        results["notes"].append(
            "No edge rows: varnishd is not installed (apt-get install varnish)."
        )
    elif not args.no_edge:
        log(f"edge: Varnish in front of the app servers ({args.edge_stale_duration} s publishing)")
        results["edge"] = phase(
            "edge_load",
            f"--duration={args.duration}",
            f"--connections={args.connections}",
            # As many workers in all as the single server above: one per app server.
            f"--workers={max(1, args.workers // 2)}",
            f"--publishes={3 if args.quick else 5}",
            f"--stale-duration={args.edge_stale_duration}",
            f"--port={args.port}",
            db=db,
        )
    results["meta"]["load_average"].append(round(os.getloadavg()[0], 1))
    results["meta"]["elapsed_s"] = round(time.monotonic() - started)
    table = report.format_table(results)
    print(table)
    path = report.write_json(RESULTS_DIR, results)
    log(f"JSON: {path.relative_to(ROOT)}")
    if not args.no_docs:
        report.update_docs(DOCS, table)
        log(f"updated {DOCS.relative_to(ROOT)}")
    return results


def scale_args(scale: Scale) -> list[str]:
    return [
        f"--partners={scale.partners}",
        f"--stories={scale.stories}",
        f"--locales={scale.locales}",
    ]
