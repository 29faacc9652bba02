"""zhibiao.cluster: ingest on a local Ray instance gives the database a local ingest gives, through faults."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

from click.testing import CliRunner  # noqa: E402

from test_store import dump  # noqa: E402
from zhibiao.cli import main  # noqa: E402
from zhibiao.cluster import RETRIES, RayEngine  # noqa: E402
from zhibiao.store import Database, _load_one  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    """One local Ray instance for the module (starting one costs seconds); loopback, no dashboard."""
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the loaders below run in Ray's workers
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
             configure_logging=False)
    yield
    ray.shutdown()


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(4):
        (folder / f"r{i}.txt").write_text(
            f"青川市{2031 + i}年政府工作报告\n一、{2030 + i}年工作回顾\n"
            f"全市地区生产总值增长{5 + i}.5%，城镇新增就业{3 + i}万人，粮食产量{40 + i}万吨。\n", encoding="utf-8")
    (folder / "crash.txt").write_text("青川市2040年政府工作报告\n全市地区生产总值增长6.1%。\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")  # a corrupt PDF among good files
    return folder


def ingest(db: Path, folder: Path, engine=None, **options):
    with Database(db) as database:
        return database.ingest([folder], workers=2, progress=False, engine=engine, **options)


def crash_once(work, seconds=None):
    """The worker process dies (as when the kernel kills it) the first time it meets crash.txt."""
    marker = Path(work.source).with_name(".crashed")
    if Path(work.source).name == "crash.txt" and not marker.exists():
        marker.touch()
        os._exit(1)
    return _load_one(work, seconds)


def crash_always(work, seconds=None):
    if Path(work.source).name == "crash.txt":
        os._exit(1)
    return _load_one(work, seconds)


def test_ray_ingest_equals_local_ingest_and_records_the_bad_file(tmp_path):
    folder = corpus(tmp_path / "corpus")
    local = ingest(tmp_path / "local.duckdb", folder)
    s = ingest(tmp_path / "ray.duckdb", folder, RayEngine())
    assert (s.ingested, [Path(f).name for f, _ in s.failed]) == (local.ingested, ["broken.pdf"]) == (5, ["broken.pdf"])
    assert "corrupt PDF" in s.failed[0][1]
    assert dump(tmp_path / "ray.duckdb") == dump(tmp_path / "local.duckdb")


def test_ray_ingest_is_idempotent_and_resumes(tmp_path):
    folder = corpus(tmp_path / "corpus")
    ingest(tmp_path / "ray.duckdb", folder, RayEngine())
    again = ingest(tmp_path / "ray.duckdb", folder, RayEngine())
    assert (again.skipped, again.ingested, len(again.failed), again.failed_before) == (5, 0, 0, 1)
    retried = ingest(tmp_path / "ray.duckdb", folder, RayEngine(), retry_failed=True)
    assert (retried.skipped, len(retried.failed)) == (5, 1)  # only the failed file is tried again
    (folder / "r0.txt").write_text("青川市2031年政府工作报告\n全市地区生产总值增长7.5%。\n", encoding="utf-8")
    changed = ingest(tmp_path / "ray.duckdb", folder, RayEngine())
    assert (changed.ingested, changed.replaced) == (1, 1)  # r0 replaced; broken.pdf, unchanged, not tried again
    ingest(tmp_path / "local.duckdb", folder)
    assert dump(tmp_path / "ray.duckdb") == dump(tmp_path / "local.duckdb")


def test_a_killed_worker_loses_and_doubles_nothing(tmp_path):
    folder = corpus(tmp_path / "corpus")
    s = ingest(tmp_path / "ray.duckdb", folder, RayEngine(loader=crash_once))
    assert (folder / ".crashed").exists()  # the worker did die
    assert s.ingested == 5 and [Path(f).name for f, _ in s.failed] == ["broken.pdf"]
    ingest(tmp_path / "local.duckdb", folder)
    assert dump(tmp_path / "ray.duckdb") == dump(tmp_path / "local.duckdb")


def test_a_document_whose_worker_always_dies_is_recorded_and_the_run_goes_on(tmp_path):
    folder = corpus(tmp_path / "corpus")
    s = ingest(tmp_path / "ray.duckdb", folder, RayEngine(loader=crash_always))
    failed = dict((Path(f).name, e) for f, e in s.failed)
    assert s.ingested == 4 and set(failed) == {"broken.pdf", "crash.txt"}
    assert f"failed {RETRIES + 1} times" in failed["crash.txt"] and "\n" not in failed["crash.txt"]
    resumed = ingest(tmp_path / "ray.duckdb", folder, RayEngine(), retry_failed=True)  # the next run does the rest
    assert resumed.ingested == 1 and resumed.skipped == 4
    ingest(tmp_path / "local.duckdb", folder)
    assert dump(tmp_path / "ray.duckdb") == dump(tmp_path / "local.duckdb")


def test_cli_engine_ray(tmp_path):
    folder = corpus(tmp_path / "corpus")
    db = str(tmp_path / "cli.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--engine", "ray", "-q"])
    assert result.exit_code == 1, result.output  # one file failed: the rest stored, exit 1
    assert "ingested 5 documents" in result.output and "failed: " in result.output


def test_cli_address_needs_engine_ray(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--address", "127.0.0.1:6379"])
    assert result.exit_code == 2 and "--address needs --engine ray" in result.output


@pytest.mark.parametrize("address, message", [
    ("nonsense", "give the Ray head as HOST:PORT"),
    ("127.0.0.1:notaport", "give the Ray head as HOST:PORT"),
    ("127.0.0.1:{closed}", "cannot reach the Ray cluster at 127.0.0.1:"),
])
def test_an_unreachable_or_malformed_address_fails_fast_in_one_line(address, message):
    import socket

    from zhibiao import cluster
    from zhibiao.errors import ZhibiaoError

    with socket.socket() as s:  # a port nothing listens on any more
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    with pytest.raises(ZhibiaoError, match=message):
        cluster._check_reachable(address.format(closed=closed))
