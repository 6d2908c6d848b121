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
        ("city page ≤ 15 queries", f"{city_q}", check(city_q, lambda v: v <= 15)),
        (
            "city page p50 < 30 ms (full scale)",
            f"{city_p50} ms",
            check(city_p50, lambda v: v < 30) if full else None,
        ),
        (
            "translation sync ≤ 2 queries per segment",
            f"{resync.get('queries_per_segment')}",
            check(resync.get("queries_per_segment"), lambda v: v <= 2),
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
    load = results.get("load", {})
    for key, label in LOAD_ROWS:
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
        s, rs = t.get("submit", {}), t.get("resync", {})
        lines += [
            "",
            "| Translation (wagtail-localize) | seconds | queries | queries/segment |",
            "| --- | ---: | ---: | ---: |",
            f"| submit {s.get('stories_requested')} stories × {s.get('locales')} locales"
            f"{' (extrapolated from ' + str(s.get('stories')) + ')' if s.get('extrapolated') else ''}"
            f" | {_cell(s.get('seconds_for_requested'))} | {_cell(s.get('queries'))} | "
            f"{_cell(s.get('queries_per_segment'))} |",
            f"| re-sync one {rs.get('segments')}-segment page × {rs.get('locales')} locales | "
            f"{_cell(rs.get('seconds'))} | {_cell(rs.get('queries'))} | "
            f"{_cell(rs.get('queries_per_segment'))} |",
        ]
    mem = results.get("memory") or {}
    if mem:
        lines += [
            "",
            f"Worker RSS (MiB): {mem.get('rss_start_mib')} at start, {mem.get('rss_end_mib')} "
            f"after {mem.get('requests')} requests"
            f"{' (fewer than 10,000: the top-up is bounded to 2 minutes)' if (mem.get('requests') or 0) < 10_000 else ''}.",
        ]
    lines += mixed_lines(results)
    lines += ["", "| Goal | measured | met |", "| --- | --- | :---: |"]
    for goal, measured, met in [*goals(results), mixed_goal(results)]:
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
