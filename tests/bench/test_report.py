"""The report: ratios, goals and the docs page a reader sees."""

import json

from bench import report


def entry(rps, p50=10.0, p99=20.0):
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "bytes": 1000, "errors": 0}


def results(**over):
    base = {
        "meta": {"label": "Quick scale", "date": "2026-01-01 10:00 UTC", "stamp": "20260101"},
        "scale": {"partners": 10, "stories": 200, "locales": 9, "pages": 1917},
        "full_scale": False,
        "load": {
            "list": entry(100, p99=40),
            "stock_list": entry(40),
            "list_cached": entry(900),
            "list_revalidated": {"skipped": "no ETag on the list response"},
            "floor": entry(1500),
            "city_page": entry(50, p50=25),
        },
        "baseline_load": {"list": entry(120, p99=20)},
        "queries": {
            "list_limit_1": {"queries": 9},
            "list": {"queries": 9},
            "list_limit_100": {"queries": 9},
            "detail": {"queries": 12},
            "stock_list": {"queries": 30},
            "city_page": {"queries": 14},
            "list_cache_hit": {"queries": 0},
        },
        "translation": {
            "submit": {"stories_requested": 1000, "stories": 20, "extrapolated": True,
                       "locales": 8, "seconds_for_requested": 400.0, "queries": 1,
                       "queries_per_segment": 100.0},
            "submit_job": {"stories_requested": 1000, "stories": 20, "extrapolated": True,
                           "locales": 8, "seconds_for_requested": 300.0, "queries": 1,
                           "queries_per_page_and_locale": 116.0},
            "resync": {"segments": 200, "locales": 8, "seconds": 1.5, "queries": 2600,
                       "queries_per_segment": 13.0, "queries_per_segment_and_locale": 1.62},
        },
        "notes": [],
    }  # fmt: skip
    base.update(over)
    return base


def test_ratios_compare_ours_with_stock_and_the_floor():
    ratios = report.ratios(results())
    assert ratios["ours_vs_stock_list"] == 2.5
    assert ratios["cached_vs_floor"] == 0.6
    assert ratios["cached_vs_uncached"] == 9.0
    assert ratios["revalidated_vs_floor"] is None  # skipped, not zero


def test_goals_say_which_are_met_and_which_are_not():
    goals = {goal: met for goal, _measured, met in report.goals(results())}
    assert goals["API list ≥ 2× stock v2, uncached"] is True
    assert goals["list queries constant in limit (1/20/100)"] is True
    assert goals["detail ≤ 10 queries"] is False
    assert goals["city page ≤ 8 queries"] is False
    assert goals["translation submission ≤ 10 queries per page and language"] is False
    assert goals["translation sync ≤ 2 queries per segment and language"] is True
    # Full-scale goals are not judged on a smaller run.
    assert goals["city page p50 < 30 ms (full scale)"] is None
    assert goals["p99 at full scale ≤ 1.5× p99 at 1k pages"] is None


def test_growth_is_p99_at_full_scale_over_p99_at_1k_pages():
    assert report.growth(results())["list"] == {"p99_1k_ms": 20, "p99_full_ms": 40, "ratio": 2.0}


def test_table_shows_numbers_skips_and_unmet_goals():
    table = report.format_table(results())
    assert "| API list, ours (uncached) | 100 | 10.0 | 40 | 1000 | 0 |" in table
    assert "| API list, ours, 304 (If-None-Match) | skipped: no ETag" in table
    assert "| detail ≤ 10 queries | 12 | **no** |" in table
    assert (
        "submit 1000 stories × 8 locales, wagtail-localize's Translate (extrapolated from 20)"
        " | 400.0 |"
    ) in table
    assert "submit 1000 stories × 8 locales, translation job (extrapolated from 20)" in table


def test_docs_table_is_replaced_not_appended(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nHow to run it.\n")
    report.update_docs(doc, "first table\n")
    report.update_docs(doc, "second table\n")
    text = doc.read_text()
    assert text.startswith("# Benchmarks\n\nHow to run it.\n")
    assert "second table" in text and "first table" not in text
    assert text.count(report.DOC_START) == 1


def test_json_is_written_with_a_latest_copy(tmp_path):
    path = report.write_json(tmp_path, results())
    assert json.loads(path.read_text())["scale"]["pages"] == 1917
    assert (tmp_path / "latest.json").read_text() == path.read_text()
