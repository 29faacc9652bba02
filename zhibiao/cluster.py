"""Ingest on a Ray cluster: load, OCR and extract each document as a Ray task; rows come back to one writer.

The database stays one DuckDB file with its single writer: tasks return a
document's rows (small beside its OCR) and the driver writes them as a local
ingest does, so resuming and content-hash skipping are unchanged. Every node
must see the files at the same paths (a shared or replicated file system) and
have zhibiao installed. A worker process that dies has its task retried by Ray;
a document whose task fails every try is recorded as failed, like an unreadable
file, and is tried again by the next run. See docs/SCALING.md.
"""
from __future__ import annotations

import functools
import socket
from collections.abc import Callable, Iterator
from dataclasses import replace

from .errors import StoreError, ZhibiaoError
from .store import DOCUMENT_SECONDS, _failed, _first_line, _load_one, _Loaded, _Work

RETRIES = 3  # tries after the first for a task whose worker process died
CONNECT_TIMEOUT = 5.0  # seconds to reach the head given by --address


def _task(loader: Callable[[_Work], _Loaded], work: _Work) -> _Loaded:
    """One document on one CPU: the task's pages run one after another on one thread."""
    from . import ocr

    ocr.SETTINGS = replace(ocr.SETTINGS, threads=1, parallel_pages=1)
    return loader(work)


class RayEngine:
    """``Database.ingest(..., engine=RayEngine(address))``: documents mapped to rows on a Ray cluster.

    No address: a Ray instance already started in this process, else a new local one bound to
    loopback (stopped at the end). ``loader`` is the per-document function (the local ingest's).
    """

    def __init__(self, address: str | None = None, loader: Callable[[_Work], _Loaded] = _load_one):
        self.address = address
        self.loader = loader

    def __call__(self, todo: list[_Work], workers: int | None,
                 seconds: float | None = DOCUMENT_SECONDS) -> Iterator[_Loaded]:
        ray = _ray()
        started = self._connect(ray, workers)
        try:
            if not todo:
                return
            remote = ray.remote(num_cpus=1, max_retries=RETRIES)(_task)
            cpus = int(ray.cluster_resources().get("CPU", 1))
            limit = 2 * (min(workers, cpus) if workers else cpus)  # in flight: results stream, memory stays flat
            loader = ray.put(functools.partial(self.loader, seconds=seconds))  # each document's budget
            queue = iter(todo)
            pending: dict = {}

            def submit(n: int) -> None:
                for work in queue:
                    pending[remote.remote(loader, work)] = work
                    if (n := n - 1) == 0:
                        break

            submit(limit)
            while pending:
                done, _ = ray.wait(list(pending), num_returns=1)
                for ref in done:
                    work = pending.pop(ref)
                    yield self._result(ray, ref, work)
                submit(len(done))
        finally:
            if started:
                ray.shutdown()

    def _connect(self, ray, workers: int | None) -> bool:
        """Join the cluster (or start a local one); whether this call started Ray and must stop it."""
        if ray.is_initialized():
            return False
        options = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
        if self.address:
            _check_reachable(self.address)
        try:
            if self.address:
                ray.init(address=self.address, **options)
            else:
                ray.init(num_cpus=workers, _node_ip_address="127.0.0.1", **options)
        except Exception as e:  # ConnectionError, RuntimeError, ValueError for a bad address
            where = self.address or "a local instance"
            raise StoreError(f"cannot start Ray on {where} ({_first_line(e)})") from None
        return True

    @staticmethod
    def _result(ray, ref, work: _Work) -> _Loaded:
        from ray.exceptions import RayError

        try:
            return ray.get(ref)
        except RayError as e:  # the worker died on every try (out of memory, killed): recorded, retried next run
            return _failed(work, f"the Ray task failed {RETRIES + 1} times ({type(e).__name__}: "
                                 f"{_first_line(e)})")


def _check_reachable(address: str) -> None:
    """Fail in seconds, in one line, where Ray itself would retry an unreachable head for minutes."""
    if address == "auto":
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise ZhibiaoError(f"--address {address!r}: give the Ray head as HOST:PORT")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as e:
        raise StoreError(f"cannot reach the Ray cluster at {address} ({e.strerror or e})") from None


def _ray():
    try:
        import ray
    except ImportError:
        raise ZhibiaoError("--engine ray needs Ray: pip install 'zhibiao[cluster]'") from None
    return ray


__all__ = ["RayEngine", "RETRIES"]
