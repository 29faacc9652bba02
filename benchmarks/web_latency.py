"""Latency of the web explorer under load: N concurrent clients for S seconds, loopback only.

Starts ``zhibiao serve`` on 127.0.0.1 with the given database, then each client
alternates between a document page and ``/api/indicators`` until time is up, and
prints p50/p95/p99 and requests per second for each. The page is the document with
the most indicators (the heaviest), or with ``--all-docs`` every document in turn,
whose first visits are uncached.

    .venv/bin/python benchmarks/web_latency.py --db /tmp/web-national.duckdb
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # never anything else: this measures the machine, not a network


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def start_server(db: str, port: int, data_dir: str) -> subprocess.Popen:
    zhibiao = Path(sys.executable).with_name("zhibiao")
    command = [str(zhibiao)] if zhibiao.exists() else [sys.executable, "-m", "zhibiao.cli"]
    return subprocess.Popen([*command, "serve", "--db", db, "--host", HOST, "--port", str(port),
                             "--data-dir", data_dir], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode(errors='replace')}")
        try:
            if httpx.get(base + "/api/documents?limit=1", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start in time")


def pick_documents(base: str, doc_id: str | None, every: bool) -> list[str]:
    """The requested document, every document, or the one with the most indicators (the slowest page)."""
    if doc_id:
        return [doc_id]
    docs = httpx.get(base + "/api/documents", timeout=30).json()["documents"]
    if not docs:
        raise SystemExit("the database has no documents")
    if every:
        return [str(d["id"]) for d in docs]
    return [str(max(docs, key=lambda d: d.get("n_indicators") or 0)["id"])]


async def load(base: str, paths: dict[str, list[str]], clients: int, seconds: float) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {name: [] for name in paths}
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(k: int, http: httpx.AsyncClient) -> None:
        names = list(paths)
        i = k  # clients start on different endpoints so both are loaded from the first second
        while time.monotonic() < deadline:
            name = names[i % len(names)]
            urls = paths[name]
            url = urls[(i // len(names)) % len(urls)]
            i += 1
            t0 = time.perf_counter()
            response = await http.get(url)
            elapsed = time.perf_counter() - t0
            if response.status_code != 200:
                errors.append(f"{name}: HTTP {response.status_code}")
            timings[name].append(elapsed)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(k, http) for k in range(clients)))
    if errors:
        print(f"{len(errors)} failed requests, first: {errors[0]}", file=sys.stderr)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database built by `zhibiao ingest`")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--doc", help="document id for the page (default: the one with most indicators)")
    parser.add_argument("--all-docs", action="store_true", help="visit every document in turn, not one")
    parser.add_argument("--limit", type=int, default=None, help="limit= for /api/indicators (default: the API's)")
    args = parser.parse_args()
    if not os.path.exists(args.db):
        raise SystemExit(f"no database at {args.db}")

    port = free_port()
    base = f"http://{HOST}:{port}"
    data_dir = tempfile.mkdtemp(prefix="zhibiao-bench-")
    server = start_server(args.db, port, data_dir)
    try:
        wait_ready(base, server)
        docs = pick_documents(base, args.doc, args.all_docs)
        api = "/api/indicators" + (f"?limit={args.limit}" if args.limit else "")
        page = f"/documents/{docs[0]}" if len(docs) == 1 else f"/documents/* ({len(docs)})"
        paths = {page: [f"/documents/{d}" for d in docs], api: [api]}
        for urls in paths.values():  # one warm-up request each: the server's first use is not load
            httpx.get(base + urls[0], timeout=60).raise_for_status()
        started = time.monotonic()
        timings = asyncio.run(load(base, paths, args.clients, args.seconds))
        wall = time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)

    print(f"{args.clients} clients, {wall:.1f} s, {HOST}, db {args.db}")
    print(f"{'endpoint':<28} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name, values in timings.items():
        if not values:
            print(f"{name:<28} no requests completed")
            continue
        ms = [v * 1000 for v in values]
        print(f"{name:<28} {len(ms):>8} {len(ms) / wall:>7.1f} {percentile(ms, 50):>8.1f} "
              f"{percentile(ms, 95):>8.1f} {percentile(ms, 99):>8.1f} {statistics.fmean(ms):>8.1f}")
    total = sum(len(v) for v in timings.values())
    print(f"{'all':<28} {total:>8} {total / wall:>7.1f}")


if __name__ == "__main__":
    main()
