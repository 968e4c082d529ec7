"""Helpers shared by the peer workloads: timing, quantiles and the JSON lines run.py collects."""

from __future__ import annotations

import json
import math
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable


def emit(workload: str, peer: str, metric: str, value: float, unit: str, note: str | None = None) -> None:
    """Prints one result in the format `durable-bench` prints."""
    line: dict[str, Any] = {"workload": workload, "peer": peer, "metric": metric, "value": value, "unit": unit}
    if note:
        line["note"] = note
    print(json.dumps(line, sort_keys=True), flush=True)


def quantile(values: list[float], fraction: float) -> float:
    """Nearest-rank quantile, as Statistics.quantile in the Swift harness."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(math.ceil(fraction * len(ordered)) - 1, 0)
    return ordered[min(rank, len(ordered) - 1)]


def bounded(count: int, concurrency: int, body: Callable[[int], None]) -> None:
    """Runs body(i) for i in range(count) with at most `concurrency` threads; re-raises the first error."""
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(body, index) for index in range(count)]:
            future.result()


def w4_results(peer: str, starts: list[float], ends: list[float]) -> None:
    """W4's figures from client-side start and end times (seconds, time.monotonic)."""
    late = [(end - start - 1.0) * 1000 for start, end in zip(starts, ends)]
    emit("W4", peer, "late p50 ms", quantile(late, 0.5), "ms")
    emit("W4", peer, "late p99 ms", quantile(late, 0.99), "ms")
    emit("W4", peer, "late max ms", max(late), "ms")
    emit("W4", peer, "last done past 1 s ms", (max(ends) - min(starts) - 1.0) * 1000, "ms")


def now() -> float:
    return time.monotonic()


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
