"""Builds on a real Dask cluster (a scheduler and two workers on 127.0.0.1) equal local builds."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from shared_support import write_files
from sitecheck import build, build_fails, clean_copy, entry_md, snapshot, tree_differences
from sites import paged_files, small_files


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _dask_command() -> list[str]:
    """`dask` from this interpreter's environment (the console script beside python)."""
    script = Path(sys.executable).with_name("dask")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dask"]


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (the worker's nanny stops its processes), then wait."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(autouse=True, scope="module")
def _fresh_event_loop_after() -> Iterator[None]:
    """distributed's in-process Client leaves its running loop as this thread's current one;
    later tests (tornado's watcher, Playwright's sync API) then find a loop already running."""
    yield
    asyncio.set_event_loop(asyncio.new_event_loop())


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[str]:
    """tcp://127.0.0.1:PORT of a scheduler with two single-threaded worker processes."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("dask")
    dask = _dask_command()
    processes = []
    try:
        with (logs / "scheduler.log").open("w") as log:
            processes.append(
                subprocess.Popen(
                    [*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        with (logs / "worker.log").open("w") as log:
            processes.append(
                subprocess.Popen(
                    [*dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


def _transitions(address: str) -> int:
    with Client(address, timeout=30) as client:
        return client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)


def test_cluster_build_equals_local_build_byte_for_byte(tmp_path: Path, cluster: str) -> None:
    local = write_files(tmp_path / "local", {**paged_files(), **_photo_free(small_files())})
    build(local)
    remote = clean_copy(local, tmp_path / "remote")
    before = _transitions(cluster)
    run = build(remote, "--executor", cluster)
    assert _transitions(cluster) > before, "the scheduler ran no tasks"
    assert "build:" in run.out
    assert tree_differences(local / "public", remote / "public") == []


def test_executor_in_config_and_incremental_build_on_the_cluster(tmp_path: Path, cluster: str) -> None:
    files = paged_files()
    files["briefing.toml"] += f'executor = "{cluster}"\n'
    root = write_files(tmp_path / "site", files)
    before = _transitions(cluster)
    build(root)
    assert _transitions(cluster) > before
    entry = root / "content" / "b07.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Summary of", "Edited summary of"), "utf-8")
    build(root)
    clean = clean_copy(root, tmp_path / "clean")
    (clean / "briefing.toml").write_text(paged_files()["briefing.toml"], encoding="utf-8")
    build(clean)
    assert tree_differences(root / "public", clean / "public") == []


def test_killed_worker_is_retried_or_fails_in_one_line_with_public_unchanged(
    tmp_path: Path, cluster: str
) -> None:
    root = write_files(tmp_path / "site", _many_entries(800))
    build(root)  # a published site, locally
    for number in range(0, 800, 7):  # an edit that the cluster build must render
        path = root / "content" / f"e{number:04d}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Body", "Edited body"), "utf-8")
    published = snapshot(root / "public")
    command = [sys.executable, "-m", "briefing", "build", "--site", str(root), "--executor", cluster]
    with Client(cluster, timeout=30) as client:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            victim = _busy_worker_pid(client, process)
            os.kill(victim, signal.SIGKILL)
            _out, err = process.communicate(timeout=600)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        client.wait_for_workers(2, timeout=120)  # the nanny restarts it for the next test
    assert "Traceback" not in err, err
    if process.returncode == 0:
        clean = clean_copy(root, tmp_path / "clean")
        build(clean)
        assert tree_differences(root / "public", clean / "public") == []
    else:
        lines = [line for line in err.splitlines() if line.strip()]
        assert process.returncode == 1 and len(lines) == 1, err
        assert "Dask" in lines[0]
        assert snapshot(root / "public") == published


def test_unreachable_scheduler_fails_in_one_line_and_leaves_public_alone(tmp_path: Path) -> None:
    root = write_files(tmp_path / "site", paged_files())
    build(root)
    published = snapshot(root / "public")
    run = build_fails(root, "--executor", f"tcp://127.0.0.1:{_free_port()}")
    assert "cannot reach the Dask scheduler" in run.err
    assert snapshot(root / "public") == published


def _busy_worker_pid(client: Client, process: subprocess.Popen) -> int:
    """The pid of a worker running one of this build's tasks, once it runs one."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the build ended before any task ran: {process.stderr.read()}")
        processing = client.processing()
        busy = [worker for worker, keys in processing.items() if any("briefing-" in str(k) for k in keys)]
        if busy:
            return client.run(os.getpid, workers=[busy[0]])[busy[0]]
        time.sleep(0.05)
    raise AssertionError("no task of the build reached a worker in 300 s")


def _many_entries(count: int) -> dict[str, str]:
    files = {"briefing.toml": 'title = "Many"\n'}
    for number in range(count):
        tags = ["Russia", f"Topic {number % 40}"]
        files[f"content/e{number:04d}.md"] = entry_md(
            f"e{number:04d}",
            f"Entry {number}",
            f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}T{number % 24:02d}:00:00Z",
            summary=f"Summary {number}.",
            tags=tags,
            entities={"countries": ["Russia"]},
            body=f"Body of entry {number}.\n\nA second paragraph with *emphasis*.\n",
        )
    return files


def _photo_free(files: dict[str, str]) -> dict[str, str]:
    """The small site's entries beside the paged site's, under names of their own."""
    return {name: text for name, text in files.items() if name.startswith("content/")}
