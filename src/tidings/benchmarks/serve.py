"""``tidings bench serve``: requests per second and latency of the web server on loopback.

The server runs as ``tidings serve`` would, in a child process on 127.0.0.1 (so the
client's threads do not share its interpreter); the client sends a fixed number of
requests per endpoint from ``concurrency`` threads, after an untimed warm-up, and stops
an endpoint early at its time budget. Endpoints:

* ``timeline``: ``/api/timeline`` for the dyads with the most event instances (code pairs
  and name pairs), each in turn;
* ``timeline page``: the same dyads as HTML (chart included);
* ``article``: ``/api/articles/{id}`` for a fixed random sample of articles;
* ``article page``: the same articles as HTML (highlighted body).

Latency is from sending the request to reading the whole answer, on the client's clock.
"""

from __future__ import annotations

import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from tidings.store import Store
from tidings.web.snapshot import copy_store

SERVER = (
    "import sys, uvicorn\n"
    "from tidings.web import create_app, store_snapshot\n"
    "snap = store_snapshot(sys.argv[1], readers=int(sys.argv[3]))\n"
    "snap.open()\n"
    "uvicorn.run(create_app(snap), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning')\n"
)


@dataclass
class Figures:
    endpoint: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies)
        if not lat:
            return {"endpoint": self.endpoint, "requests": 0, "errors": self.errors}

        def pct(p: float) -> float:
            return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1)

        return {
            "endpoint": self.endpoint, "requests": self.requests, "errors": self.errors,
            "rps": round(self.requests / self.seconds, 1) if self.seconds else None,
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "max_ms": round(1000 * lat[-1], 1),
            "mean_ms": round(1000 * statistics.fmean(lat), 1),
        }  # fmt: skip


def pick_dyads(db: Path, n: int = 20) -> list[tuple[str, str]]:
    """The code pairs and the people pairs with the most event instances."""
    with Store(db, read_only=True, create=False) as store:
        rows = store.con.execute(
            """
            SELECT a.code, r.code, any_value(a.name), any_value(r.name), count(*) AS n
            FROM instances i,
                 unnest(from_json(i.actor, '[{"code":"VARCHAR","name":"VARCHAR"}]')) AS x(a),
                 unnest(from_json(i.recipient, '[{"code":"VARCHAR","name":"VARCHAR"}]')) AS y(r)
            WHERE a.code <> r.code
            GROUP BY a.code, r.code ORDER BY n DESC, a.code, r.code LIMIT ?
            """,
            [n],
        ).fetchall()
        people = store.con.execute(
            """
            SELECT a.name, r.name, count(*) AS n
            FROM instances i,
                 unnest(from_json(i.actor, '[{"code":"VARCHAR","name":"VARCHAR"}]')) AS x(a),
                 unnest(from_json(i.recipient, '[{"code":"VARCHAR","name":"VARCHAR"}]')) AS y(r)
            WHERE a.name <> r.name AND a.name LIKE '% %' AND r.name LIKE '% %'
            GROUP BY a.name, r.name ORDER BY n DESC, a.name, r.name LIMIT ?
            """,
            [n],
        ).fetchall()
    pairs = [(a, b) for a, b, *_ in rows] + [(a, b) for a, b, _ in people]
    return pairs or [("Vucic", "Putin")]


def pick_articles(db: Path, n: int = 200, seed: int = 15) -> list[str]:
    with Store(db, read_only=True, create=False) as store:
        ids = [
            r[0]
            for r in store.con.execute("SELECT doc_id FROM articles ORDER BY doc_id").fetchall()
        ]
    random.Random(seed).shuffle(ids)
    return ids[:n]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(
    db: Path, readers: int, timeout: float = 600
) -> tuple[subprocess.Popen[bytes], str, float]:
    port = _free_port()
    env = {**os.environ}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port), str(readers)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"the server stopped: {err.strip()[-500:]}")
        try:
            if httpx.get(f"{url}/api/status", timeout=5).status_code == 200:
                return proc, url, time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    proc.kill()
    raise RuntimeError("the server did not answer in time")


def _hammer(url: str, paths: list[str], total: int, concurrency: int, budget: float,
            name: str) -> Figures:  # fmt: skip
    figures = Figures(name)
    lock = threading.Lock()
    counter = iter(range(total))
    stop_at = time.monotonic() + budget

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            while time.monotonic() < stop_at:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                t0 = time.perf_counter()
                try:
                    r = client.get(paths[n % len(paths)])
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - t0
                with lock:
                    figures.requests += 1
                    figures.latencies.append(elapsed)
                    figures.errors += 0 if ok else 1

    with httpx.Client(base_url=url, timeout=60) as warm:  # untimed: caches, first queries
        for path in paths[: min(len(paths), 10)]:
            warm.get(path)
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    figures.seconds = time.perf_counter() - t0
    return figures


def run(db: Path, requests: int = 300, concurrency: int = 4, budget: float = 60.0,
        readers: int = 4) -> dict[str, Any]:  # fmt: skip
    """Start the server on ``db``, measure each endpoint, stop the server. The requests
    are chosen from a copy of the store, so a store being written can be measured too."""
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as folder:
        copy = Path(folder) / "store.duckdb"
        copy_store(db, copy)
        dyads = pick_dyads(copy)
        articles = pick_articles(copy)
    timeline = [f"/api/timeline?a={quote(a)}&b={quote(b)}" for a, b in dyads]
    pages = [f"/timeline?a={quote(a)}&b={quote(b)}" for a, b in dyads]
    proc, url, startup = _start_server(db, readers)
    try:
        status = httpx.get(f"{url}/api/status", timeout=30).json()
        results = [
            _hammer(url, timeline, requests, concurrency, budget, "timeline (API)"),
            _hammer(url, pages, requests, concurrency, budget, "timeline (page)"),
            _hammer(url, [f"/api/articles/{d}" for d in articles], requests, concurrency,
                    budget, "article (API)"),
            _hammer(url, [f"/articles/{d}" for d in articles], requests, concurrency, budget,
                    "article (page)"),
        ]  # fmt: skip
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {
        "store": str(db), "articles": status["counts"].get("articles"),
        "instances": status["counts"].get("instances"), "startup_seconds": round(startup, 1),
        "concurrency": concurrency, "readers": readers, "dyads": len(dyads),
        "sample_articles": len(articles), "cpus": os.cpu_count(),
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "endpoints": [r.summary() for r in results],
    }  # fmt: skip


def markdown(f: dict[str, Any]) -> str:
    lines = [
        f"Store {f['store']}: {f['articles']:,} articles, {f['instances']:,} event instances; "
        f"server ready (first copy taken, search index built) in {f['startup_seconds']} s. "
        f"{f['concurrency']} client threads on loopback, {f['readers']} reader connections, "
        f"{f['cpus']} CPUs, measured {f['measured']}.",
        "",
        "| endpoint | requests | errors | req/s | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in f["endpoints"]:
        lines.append(f"| {e['endpoint']} | {e['requests']} | {e['errors']} | {e.get('rps')} | "
                     f"{e.get('p50_ms')} | {e.get('p95_ms')} | {e.get('max_ms')} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def to_json(f: dict[str, Any]) -> str:
    return json.dumps(f)
