"""The benchmark's table, its JSON and the latest table in docs/benchmarks.md."""

import json
from pathlib import Path

DOC_START = "<!-- bench:latest:start -->"
DOC_END = "<!-- bench:latest:end -->"

LOAD_ROWS = [
    ("list", "API list, ours (uncached)"),
    ("stock_list", "API list, stock Wagtail v2"),
    ("list_cached", "API list, ours, server cache hit"),
    ("list_revalidated", "API list, ours, 304 (If-None-Match)"),
    ("floor", "Same bytes as a static file (floor)"),
    ("deep_list", "API list, ours, last page (deep offset)"),
    ("stock_deep_list", "API list, stock, last page"),
    ("detail", "API detail, ours"),
    ("stock_detail", "API detail, stock"),
    ("city_page", "HTML partner city page"),
    ("story_page", "HTML story page"),
]
QUERY_ROWS = [
    ("list_limit_1", "list, limit 1"),
    ("list", "list, limit 20"),
    ("list_limit_100", "list, limit 100"),
    ("deep_list", "list, deep offset"),
    ("detail", "detail"),
    ("city_page", "city page (HTML)"),
    ("story_page", "story page (HTML)"),
]
GROWTH_KEYS = ["list", "stock_list", "deep_list", "detail", "city_page", "story_page"]


def ratio(a: float | None, b: float | None) -> float | None:
    if not a or not b:
        return None
    return round(a / b, 2)


def _rps(load: dict, name: str) -> float | None:
    entry = load.get(name) or {}
    return entry.get("rps")


def ratios(results: dict) -> dict:
    load = results.get("load", {})

    def throughput(name):  # bytes per second: compares lists whose payloads differ
        entry = load.get(name) or {}
        return (entry.get("rps") or 0) * (entry.get("bytes") or 0) or None

    return {
        "ours_vs_stock_list": ratio(_rps(load, "list"), _rps(load, "stock_list")),
        "ours_vs_stock_list_bytes_per_s": ratio(throughput("list"), throughput("stock_list")),
        "cached_vs_uncached": ratio(_rps(load, "list_cached"), _rps(load, "list")),
        "revalidated_vs_uncached": ratio(_rps(load, "list_revalidated"), _rps(load, "list")),
        "cached_vs_floor": ratio(_rps(load, "list_cached"), _rps(load, "floor")),
        "revalidated_vs_floor": ratio(_rps(load, "list_revalidated"), _rps(load, "floor")),
        "uncached_vs_floor": ratio(_rps(load, "list"), _rps(load, "floor")),
        "stock_vs_floor": ratio(_rps(load, "stock_list"), _rps(load, "floor")),
    }


def growth(results: dict) -> dict:
    """p99 at full scale over p99 at about 1,000 pages, per endpoint."""
    full, small = results.get("load", {}), results.get("baseline_load", {})
    out = {}
    for key in GROWTH_KEYS:
        a, b = (full.get(key) or {}).get("p99_ms"), (small.get(key) or {}).get("p99_ms")
        out[key] = {"p99_1k_ms": b, "p99_full_ms": a, "ratio": ratio(a, b)}
    return out


def goals(results: dict) -> list[tuple[str, str, bool | None]]:
    """(goal, measured, met) for each goal of the issue; met is None when not measured."""
    r, q = ratios(results), results.get("queries", {})
    load = results.get("load", {})
    full = results.get("full_scale", False)

    def queries(name):
        return (q.get(name) or {}).get("queries")

    limits = [queries("list_limit_1"), queries("list"), queries("list_limit_100")]
    hit = queries("list_cache_hit")
    city_q, city_p50 = queries("city_page"), (load.get("city_page") or {}).get("p50_ms")
    resync = (results.get("translation") or {}).get("resync", {})
    job = (results.get("translation") or {}).get("submit_job", {})
    worst = max(
        (g["ratio"] for g in growth(results).values() if g["ratio"] is not None), default=None
    )

    def check(value, test):
        return None if value is None else bool(test(value))

    return [
        (
            "API list ≥ 2× stock v2, uncached",
            f"{r['ours_vs_stock_list']}×",
            check(r["ours_vs_stock_list"], lambda v: v >= 2),
        ),
        (
            "cached ≥ 0.5× static floor",
            f"{r['cached_vs_floor']}×",
            check(r["cached_vs_floor"], lambda v: v >= 0.5),
        ),
        ("0 SQL queries on a cache hit", f"{hit}", check(hit, lambda v: v == 0)),
        (
            "list queries constant in limit (1/20/100)",
            "/".join(str(v) for v in limits),
            None if None in limits else len(set(limits)) == 1,
        ),
        (
            "detail ≤ 10 queries",
            f"{queries('detail')}",
            check(queries("detail"), lambda v: v <= 10),
        ),
        ("city page ≤ 8 queries", f"{city_q}", check(city_q, lambda v: v <= 8)),
        (
            "city page p50 < 30 ms (full scale)",
            f"{city_p50} ms",
            check(city_p50, lambda v: v < 30) if full else None,
        ),
        (
            "translation submission ≤ 10 queries per page and language",
            f"{job.get('queries_per_page_and_locale')}",
            check(job.get("queries_per_page_and_locale"), lambda v: v <= 10),
        ),
        (
            "translation sync ≤ 2 queries per segment and language",
            f"{resync.get('queries_per_segment_and_locale')}",
            check(resync.get("queries_per_segment_and_locale"), lambda v: v <= 2),
        ),
        (
            "p99 at full scale ≤ 1.5× p99 at 1k pages",
            f"worst {worst}×",
            check(worst, lambda v: v <= 1.5) if full else None,
        ),
    ]


def mixed_goal(results: dict) -> tuple[str, str, bool | None]:
    """The mixed run's goal: 0 errors, 0 5xx, no stale privacy (None when not run)."""
    m = results.get("mixed") or {}
    counts = [m.get("errors"), m.get("server_errors"), m.get("stale_privacy")]
    return (
        "mixed load with publishes: 0 errors, 0 5xx, 0 stale privacy",
        "/".join(_cell(v) for v in counts),
        None if not m or None in counts else not any(counts),
    )


def mixed_lines(results: dict) -> list[str]:
    m = results.get("mixed") or {}
    if not m:
        return []
    return [
        "",
        f"Mixed load ({m.get('seconds')} s, {m.get('connections')} connections, "
        f"{m.get('workers')} workers; {len(m.get('paths', []))} HTML and API URLs): "
        f"{m.get('requests')} requests ({m.get('rps')} req/s), {m.get('publishes')} "
        f"publishes and {m.get('restrictions')} restrictions of one story from another "
        f"process; errors {m.get('errors')}, 5xx {m.get('server_errors')}, stale privacy "
        f"{m.get('stale_privacy')} (statuses {json.dumps(m.get('statuses'))}; of the "
        f"restricted story {json.dumps(m.get('restricted_statuses'))}).",
    ]


EDGE_ROWS = [
    ("edge_list", "API list through the edge (Varnish hit)"),
    ("edge_static_list", "Same bytes as a static object, through the edge"),
    ("edge_city", "HTML partner city page through the edge (hit)"),
    ("edge_static_city", "Same bytes as a static object, through the edge"),
]
#: Twenty minutes: what ``make bench`` may take at default scale.
BENCH_BUDGET_S = 20 * 60


def edge_ratios(results: dict) -> dict:
    """The edge's hits against a static object through the same Varnish and against
    gunicorn alone (its server cache, or the fragments it caches for HTML), and the cache-
    miss throughput of two app servers against one."""
    edge, load = results.get("edge") or {}, results.get("load", {})
    misses = edge.get("misses") or {}
    return {
        "edge_list_vs_static_object": ratio(
            _rps(edge, "edge_list"), _rps(edge, "edge_static_list")
        ),
        "edge_city_vs_static_object": ratio(
            _rps(edge, "edge_city"), _rps(edge, "edge_static_city")
        ),
        "edge_list_vs_gunicorn_cache_hit": ratio(
            _rps(edge, "edge_list"), _rps(load, "list_cached")
        ),
        "edge_city_vs_gunicorn": ratio(_rps(edge, "edge_city"), _rps(load, "city_page")),
        "misses_2_vs_1_app_server": ratio(_rps(misses, "instances_2"), _rps(misses, "instances_1")),
    }


def edge_goals(results: dict) -> list[tuple[str, str, bool | None]]:
    """The edge's goals (none measured without an edge phase)."""
    edge = results.get("edge") or {}
    r = edge_ratios(results)
    full = results.get("full_scale", False)

    def both(a, b, test):
        return None if a is None or b is None else bool(test(a) and test(b))

    quiet, loaded = edge.get("visible") or {}, (edge.get("stale_run") or {}).get("visible") or {}
    worst = [v for v in (quiet.get("max_ms"), loaded.get("max_ms")) if v is not None]
    never = (quiet.get("never_visible") or 0) + (loaded.get("never_visible") or 0)
    run = edge.get("stale_run") or {}
    edge_list = edge.get("edge_list") or {}
    spread = ratio(edge_list.get("p99_ms"), edge_list.get("p50_ms"))
    cached = (results.get("load", {}).get("list_cached")) or {}
    uncached = (results.get("load", {}).get("list")) or {}
    uncached_spread = ratio(uncached.get("p99_ms"), uncached.get("p50_ms"))
    misses = edge.get("misses") or {}
    elapsed = results.get("meta", {}).get("elapsed_s")
    return [
        (
            "edge hit ≥ 0.8× Varnish serving the same bytes as a static object (list/city)",
            f"{_cell(r['edge_list_vs_static_object'])}× / {_cell(r['edge_city_vs_static_object'])}×",
            both(
                r["edge_list_vs_static_object"], r["edge_city_vs_static_object"], lambda v: v >= 0.8
            ),
        ),
        (
            "edge hit ≥ 10× gunicorn's server cache (list/city)",
            f"{_cell(r['edge_list_vs_gunicorn_cache_hit'])}× / {_cell(r['edge_city_vs_gunicorn'])}×",
            both(
                r["edge_list_vs_gunicorn_cache_hit"], r["edge_city_vs_gunicorn"], lambda v: v >= 10
            ),
        ),
        (
            "publish → visible through the edge, every affected URL, ≤ 1 s after the commit",
            f"worst {_cell(quiet.get('max_ms'))} ms (publishing every second under wrk: "
            f"{_cell(loaded.get('max_ms'))} ms); never visible: {never}",
            None if not worst else max(worst) <= 1000 and not never,
        ),
        (
            f"0 stale responses, {_cell(run.get('seconds'))} s publishing every second under wrk",
            f"{_cell(run.get('stale'))} of {_cell(run.get('checked'))}",
            None if run.get("stale") is None else run["stale"] == 0 and not run.get("errors"),
        ),
        (
            "list p99 ≤ 2× p50 under the wrk load, uncached (through the edge; gunicorn's "
            "cache hit)",
            f"{_cell(uncached_spread)}× ({_cell(spread)}×; "
            f"{_cell(ratio(cached.get('p99_ms'), cached.get('p50_ms')))}×)",
            None if uncached_spread is None else uncached_spread <= 2,
        ),
        (
            "two app servers ≥ 1.7× one, cache misses, one worker each on its own core",
            f"{_cell(r['misses_2_vs_1_app_server'])}× on {_cell(misses.get('cores'))} cores",
            None if r["misses_2_vs_1_app_server"] is None else r["misses_2_vs_1_app_server"] >= 1.7,
        ),
        (
            "make bench at default scale under 20 minutes",
            f"{_cell(elapsed)} s",
            None if elapsed is None or not full else elapsed < BENCH_BUDGET_S,
        ),
    ]


def edge_lines(results: dict) -> list[str]:
    edge = results.get("edge") or {}
    if not edge:
        return []
    lines = [
        "",
        "| Edge (Varnish, xkey purges) | req/s | p50 ms | p99 ms | bytes | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += _load_rows(edge, EDGE_ROWS)
    misses = edge.get("misses") or {}
    hit = edge.get("edge_list") or {}
    lines += [
        "",
        f"| Scaling: API list, cache miss ({misses.get('how', '')}) | req/s | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, label in (
        ("instances_1", "1 app server, 1 worker"),
        ("instances_2", "2 app servers, 1 worker each"),
    ):
        entry = misses.get(key) or {}
        lines.append(
            f"| {label} | {_cell(entry.get('rps'))} | {_cell(entry.get('p50_ms'))} | "
            f"{_cell(entry.get('p99_ms'))} |"
        )
    lines.append(
        f"| edge hit | {_cell(hit.get('rps'))} | {_cell(hit.get('p50_ms'))} | "
        f"{_cell(hit.get('p99_ms'))} |"
    )
    lines += ["", "| Ratio (edge) | value |", "| --- | ---: |"]
    lines += [
        f"| {name.replace('_', ' ')} | {_cell(v)} |" for name, v in edge_ratios(results).items()
    ]
    quiet, run = edge.get("visible") or {}, edge.get("stale_run") or {}
    loaded, wrk = run.get("visible") or {}, run.get("wrk") or {}
    lines += [
        "",
        f"Publish → visible through the edge ({len(edge.get('affected_paths', []))} affected "
        f"URLs: the story's page, its API detail, the API list): worst URL per publish "
        f"{quiet.get('worst_url_ms')} ms after the commit; the publish itself answered "
        f"{quiet.get('publish_ms')} ms after its commit (the purge is sent in between). "
        f"Publishing every second for {run.get('seconds')} s while wrk read the list through "
        f"the edge ({wrk.get('rps')} req/s, {wrk.get('errors')} errors): {run.get('publishes')} "
        f"publishes, {run.get('checked')} answers checked, {run.get('errors')} errors, "
        f"{run.get('stale')} stale; {run.get('stale_since_commit')} counting from the commit "
        f"rather than from the publish's answer (the instant before the purge arrives); "
        f"visible after worst {loaded.get('max_ms')} ms, median {loaded.get('median_ms')} ms.",
    ]
    return lines


def _load_rows(load: dict, rows: list[tuple[str, str]]) -> list[str]:
    lines = []
    for key, label in rows:
        entry = load.get(key)
        if not entry:
            continue
        if entry.get("skipped"):
            lines.append(f"| {label} | skipped: {entry['skipped']} | | | | |")
            continue
        lines.append(
            f"| {label} | {_cell(entry.get('rps'))} | {_cell(entry.get('p50_ms'))} | "
            f"{_cell(entry.get('p99_ms'))} | {_cell(entry.get('bytes'))} | "
            f"{_cell(entry.get('errors'))} |"
        )
    return lines


def _cell(value) -> str:
    return "–" if value is None else str(value)


def format_table(results: dict) -> str:
    """The whole result as Markdown: readable in a terminal and in the docs."""
    meta = results.get("meta", {})
    lines = [
        f"**{meta.get('label', 'Run')}** — {meta.get('date', '')}, {meta.get('machine', '')}",
        "",
        f"Command: `{meta.get('command', '')}`",
        "",
        f"Scale: {json.dumps(results.get('scale', {}))}; growth baseline: "
        f"{json.dumps(results.get('baseline_scale', {}))}; database: {meta.get('database', '')}; "
        f"gunicorn workers: {meta.get('workers')}; load: {meta.get('tool')} "
        f"{meta.get('connections')} connections × {meta.get('duration')} s per scenario; "
        f"cache: {meta.get('cache')}; load average before/after: {meta.get('load_average')}.",
        "",
        "| Scenario | req/s | p50 ms | p99 ms | bytes | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += _load_rows(results.get("load", {}), LOAD_ROWS)
    lines += ["", "| Ratio | value |", "| --- | ---: |"]
    lines += [f"| {name.replace('_', ' ')} | {_cell(v)} |" for name, v in ratios(results).items()]

    q = results.get("queries", {})
    lines += ["", "| SQL queries per request | ours | stock v2 |", "| --- | ---: | ---: |"]
    for key, label in QUERY_ROWS:
        ours = (q.get(key) or {}).get("queries")
        stock = (q.get(f"stock_{key}") or {}).get("queries")
        lines.append(f"| {label} | {_cell(ours)} | {_cell(stock)} |")
    for key, label in (("list_cache_hit", "list, cache hit"), ("list_revalidated", "list, 304")):
        lines.append(f"| {label} | {_cell((q.get(key) or {}).get('queries'))} | – |")

    lines += [
        "",
        "| Growth (p99) | ~1k pages ms | full scale ms | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, g in growth(results).items():
        lines.append(
            f"| {key.replace('_', ' ')} | {_cell(g['p99_1k_ms'])} | {_cell(g['p99_full_ms'])} | "
            f"{_cell(g['ratio'])} |"
        )

    t = results.get("translation") or {}
    if t:
        rs = t.get("resync", {})
        lines += [
            "",
            "| Translation | seconds | queries | per segment | per page and language |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for key, label in (
            ("submit", "wagtail-localize's Translate"),
            ("submit_job", "translation job"),
        ):
            s = t.get(key)
            if not s:
                continue
            lines.append(
                f"| submit {s.get('stories_requested')} stories × {s.get('locales')} locales, "
                f"{label}"
                f"{' (extrapolated from ' + str(s.get('stories')) + ')' if s.get('extrapolated') else ''}"
                f" | {_cell(s.get('seconds_for_requested'))} | {_cell(s.get('queries'))} | "
                f"{_cell(s.get('queries_per_segment'))} | "
                f"{_cell(s.get('queries_per_page_and_locale'))} |"
            )
        lines.append(
            f"| re-sync one {rs.get('segments')}-segment page × {rs.get('locales')} locales | "
            f"{_cell(rs.get('seconds'))} | {_cell(rs.get('queries'))} | "
            f"{_cell(rs.get('queries_per_segment'))} | "
            f"{_cell(rs.get('save_target_queries_per_locale'))} (save per language) |"
        )
    mem = results.get("memory") or {}
    if mem:
        lines += [
            "",
            f"Worker RSS (MiB): {mem.get('rss_start_mib')} at start, {mem.get('rss_end_mib')} "
            f"after {mem.get('requests')} requests"
            f"{' (fewer than 10,000: the top-up is bounded to 2 minutes)' if (mem.get('requests') or 0) < 10_000 else ''}.",
        ]
    lines += mixed_lines(results)
    lines += edge_lines(results)
    lines += ["", "| Goal | measured | met |", "| --- | --- | :---: |"]
    for goal, measured, met in [*goals(results), mixed_goal(results), *edge_goals(results)]:
        mark = {True: "yes", False: "**no**", None: "n/a"}[met]
        lines.append(f"| {goal} | {measured} | {mark} |")
    for note in results.get("notes", []):
        lines += ["", f"Note: {note}"]
    return "\n".join(lines) + "\n"


def update_docs(path: Path, table: str) -> None:
    """Put ``table`` between the markers of the docs page, or append it with them."""
    block = f"{DOC_START}\n{table}{DOC_END}"
    text = path.read_text() if path.exists() else ""
    if DOC_START in text and DOC_END in text:
        head, rest = text.split(DOC_START, 1)
        tail = rest.split(DOC_END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip() + ("\n\n" if text else "") + block + "\n"
    path.write_text(text)


def write_json(directory: Path, results: dict) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = results.get("meta", {}).get("stamp", "latest")
    path = directory / f"bench-{stamp}.json"
    body = json.dumps(results, indent=2, default=str)
    path.write_text(body)
    (directory / "latest.json").write_text(body)
    return path
