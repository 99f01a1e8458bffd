"""Checks for week11/ex03_metrics: counters and a latency histogram scraped from /metrics.

Each check builds a fresh app with the learner's ``create_app()``, sends requests through the
ASGI app in-process, then scrapes ``/metrics`` and parses the exposition text with
``prometheus_client``'s own parser, as Prometheus would read it.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from typing import Any

from prometheus_client import REGISTRY, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from workbook.checking import CheckFailure, Learner, call, expect_equal, expect_true, show
from workbook.checking_app import Api, excerpt, open_api

REQUESTS = "http_requests_total"
LATENCY = "http_request_duration_seconds"
BUCKETS = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"]

Labels = tuple[tuple[str, str], ...]


def new_app(learner: Learner) -> Any:
    return call(
        learner.function("create_app"),
        help="create_app() builds a new app with its own metrics (create_metrics()) each time.",
    )


def scrape(api: Api) -> dict[str, dict[Labels, float]]:
    """GET /metrics, parsed: {sample name: {sorted labels: value}}."""
    answer = api.get(
        "/metrics", expect=200, help="Serve generate_latest(registry) on GET /metrics."
    )
    answer.expect_header(
        "content-type",
        startswith="text/plain; version=",
        help="Answer with media_type=CONTENT_TYPE_LATEST, the content type Prometheus expects.",
    )
    try:
        families = list(text_string_to_metric_families(answer.response.text))
    except Exception as error:
        raise CheckFailure(
            f"GET /metrics answered text that Prometheus cannot parse: {error}",
            expected="the Prometheus text exposition format",
            actual=excerpt(answer.response),
            help="Return generate_latest(registry) as the body, unchanged.",
        ) from None
    samples: dict[str, dict[Labels, float]] = {}
    for family in families:
        samples.setdefault(f"# HELP {family.name}", {})[()] = float(bool(family.documentation))
        for sample in family.samples:
            labels = tuple(sorted(sample.labels.items()))
            samples.setdefault(sample.name, {})[labels] = sample.value
    return samples


def series(samples: dict[str, dict[Labels, float]], name: str) -> dict[Labels, float]:
    return samples.get(name, {})


def readable(found: dict[Labels, float]) -> str:
    if not found:
        return "no samples"
    lines = [
        "{" + ", ".join(f'{k}="{v}"' for k, v in labels) + f"}} {value:g}"
        for labels, value in sorted(found.items())
    ]
    return "; ".join(lines)


def expect_series(
    found: dict[Labels, float], expected: dict[Labels, float], *, what: str, help: str
) -> None:
    """Fail unless the series are exactly these; the message lists the missing and the extra."""
    if found == expected:
        return
    missing = {k: v for k, v in expected.items() if found.get(k) != v}
    extra = {k: v for k, v in found.items() if expected.get(k) != v}
    parts = [f"missing {readable(missing)}"] if missing else []
    parts += [f"unexpected {readable(extra)}"] if extra else []
    raise CheckFailure(
        f"{what}: " + "; and ".join(parts),
        expected=readable(expected),
        actual=readable(found),
        help=help,
    )


def counted(method: str, route: str, status: str) -> Labels:
    return (("method", method), ("route", route), ("status", status))


def send(api: Api, requests: list[tuple[str, str, int]]) -> None:
    for method, path, status in requests:
        body = {"title": "Page the on-call"} if method == "POST" else None
        api.request(
            method,
            path,
            json=body,
            expect=status,
            help="The routes are given; the middleware must pass every request through.",
        )


TRAFFIC = [
    ("GET", "/tasks", 200),
    ("GET", "/tasks", 200),
    ("GET", "/tasks/1", 200),
    ("GET", "/tasks/2", 200),
    ("GET", "/tasks/99", 404),
    ("POST", "/tasks", 201),
]
SENT = ", ".join(f"{method} {path}" for method, path, _ in TRAFFIC)


def test_counts_by_route_template(learner: Learner) -> None:
    """counts requests by method, route template and status code"""
    with open_api(app=new_app(learner)) as api:
        send(api, TRAFFIC)
        found = series(scrape(api), REQUESTS)
    expected = {
        counted("GET", "/tasks", "200"): 2.0,
        counted("GET", "/tasks/{task_id}", "200"): 2.0,
        counted("GET", "/tasks/{task_id}", "404"): 1.0,
        counted("POST", "/tasks", "201"): 1.0,
    }
    expect_series(
        found,
        expected,
        what=f"after {SENT}, GET /metrics had in {REQUESTS}",
        help="Label with route_label(request) (the template, not request.url.path, which "
        "makes one series per id) and str(response.status_code).",
    )


def test_metrics_are_documented(learner: Learner) -> None:
    """describes both metrics with a help text"""
    with open_api(app=new_app(learner)) as api:
        send(api, TRAFFIC[:1])
        samples = scrape(api)
    for family in ("http_requests", LATENCY):
        documented = series(samples, f"# HELP {family}")
        expect_true(
            documented == {(): 1.0},
            what=f"after GET /tasks, GET /metrics described {family}",
            expected="a # HELP line with a description",
            actual="no metric of that name" if not documented else "an empty # HELP line",
            help="The second argument of Counter(...) and Histogram(...) is the help text: "
            "say what is counted and by which labels.",
        )


def test_unmatched_paths_share_a_label(learner: Learner) -> None:
    """counts paths no route matches under one label, not one per path"""
    with open_api(app=new_app(learner)) as api:
        send(
            api, [("GET", "/wp-admin/1", 404), ("GET", "/wp-admin/2", 404), ("GET", "/tasks", 200)]
        )
        found = series(scrape(api), REQUESTS)
    expected = {
        counted("GET", "unmatched", "404"): 2.0,
        counted("GET", "/tasks", "200"): 1.0,
    }
    expect_series(
        found,
        expected,
        what=f"after GET /wp-admin/1, GET /wp-admin/2, GET /tasks, GET /metrics had in {REQUESTS}",
        help="No route matched means no request.scope['route']: label those UNMATCHED, or "
        "every probe of a scanner becomes a series of its own.",
    )


def test_scrapes_are_not_counted(learner: Learner) -> None:
    """leaves the scrapes of /metrics out of the metrics"""
    with open_api(app=new_app(learner)) as api:
        scrape(api)
        scrape(api)
        samples = scrape(api)
    scraped = {
        name: found
        for name, found in samples.items()
        if any(dict(labels).get("route") == "/metrics" for labels in found)
    }
    expect_true(
        not scraped,
        what="after three scrapes of GET /metrics and no other request, the metrics held",
        expected="no series for the route /metrics",
        actual="; ".join(f"{name}: {readable(found)}" for name, found in scraped.items()),
        help="Skip the counting when route_label(request) is METRICS_PATH: a scrape every "
        "15 s should not look like traffic.",
    )


def test_latency_histogram(learner: Learner) -> None:
    """observes each request's duration in a histogram per method and route"""
    with open_api(app=new_app(learner)) as api:
        started = time.perf_counter()
        send(api, TRAFFIC)
        elapsed = time.perf_counter() - started
        samples = scrape(api)
    counts = series(samples, f"{LATENCY}_count")
    expected = Counter[Labels]()
    for method, path, _status in TRAFFIC:
        route = "/tasks/{task_id}" if path.count("/") == 2 else "/tasks"
        expected[(("method", method), ("route", route))] += 1
    wanted = {labels: float(n) for labels, n in expected.items()}
    expect_series(
        counts,
        wanted,
        what=f"after {SENT}, GET /metrics had in {LATENCY}_count",
        help="Observe every request once in the histogram, labelled by method and route "
        "template only (a status label would multiply the buckets).",
    )
    for labels, count in wanted.items():
        buckets = {
            dict(key)["le"]: value
            for key, value in series(samples, f"{LATENCY}_bucket").items()
            if tuple(item for item in key if item[0] != "le") == labels
        }
        expect_equal(
            list(buckets),
            BUCKETS,
            what=f"{LATENCY}_bucket for {dict(labels)} had the bounds (le)",
            help="Create the Histogram with buckets=LATENCY_BUCKETS.",
        )
        values = list(buckets.values())
        expect_true(
            values == sorted(values) and values[-1] == count,
            what=f"{LATENCY}_bucket for {dict(labels)}",
            expected=f"cumulative counts ending in +Inf = {count:g}",
            actual=show(buckets),
            help="Call .observe(seconds) once per request; the client fills the buckets.",
        )
    total = sum(series(samples, f"{LATENCY}_sum").values())
    expect_true(
        0 < total <= elapsed and not math.isnan(total),
        what=f"the {LATENCY}_sum of the {len(TRAFFIC)} requests",
        expected=f"more than 0 and at most the {elapsed:.4f} s the check spent sending them",
        actual=f"{total:.4f} s",
        help="Observe time.perf_counter() - started, in seconds, measured around call_next.",
    )


def test_own_registry(learner: Learner) -> None:
    """keeps each app's metrics in its own registry, not the global one"""
    first = new_app(learner)
    second = new_app(learner)
    with open_api(app=first) as api:
        send(api, [("GET", "/tasks", 200)])
    with open_api(app=second) as api:
        found = series(scrape(api), REQUESTS)
    expect_true(
        not found,
        what="two apps from create_app(); after GET /tasks on the first, the second's "
        f"/metrics held {REQUESTS}",
        expected="no samples (each app counts its own requests)",
        actual=readable(found),
        help="create_metrics() makes a new CollectorRegistry and passes registry=... to both "
        "metrics.",
    )
    global_text = generate_latest(REGISTRY).decode()
    expect_true(
        REQUESTS not in global_text and LATENCY not in global_text,
        what="the global prometheus_client.REGISTRY",
        expected=f"no {REQUESTS} or {LATENCY} in it",
        actual="it holds them",
        help="Pass registry=registry to Counter and Histogram; without it they join the "
        "global registry.",
    )
