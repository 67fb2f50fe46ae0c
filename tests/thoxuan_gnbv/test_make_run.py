"""`make run` starts the background worker beside the server and stops it with the server, whether
the server exits or the user presses Ctrl-C. The real commands are replaced (RUNSERVER, WORKER) by
small Python stand-ins that write their process id, so the test sees which processes are left."""

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKER = "import os, pathlib, time; pathlib.Path({path!r}).write_text(str(os.getpid())); time.sleep(600)"
# Exits once the worker has started (iter(callable, True) polls until the file exists).
SERVER_EXITS = (
    "import os, pathlib, time; pathlib.Path({path!r}).write_text(str(os.getpid())); "
    "[time.sleep(0.05) for _ in iter(lambda: pathlib.Path({worker!r}).exists(), True)]"
)
SERVER_RUNS = "import os, pathlib, time; pathlib.Path({path!r}).write_text(str(os.getpid())); time.sleep(600)"


def _command(code: str) -> str:
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state  # a zombie has already stopped


def _until(condition, seconds=20.0) -> bool:
    """Poll until ``condition()`` holds; a deadline only so a broken Makefile fails, never a timing."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _make(tmp_path, server_code: str):
    worker_pid, server_pid = tmp_path / "worker.pid", tmp_path / "server.pid"
    server = server_code.format(path=str(server_pid), worker=str(worker_pid))
    process = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "serve",
            f"WORKER={_command(WORKER.format(path=str(worker_pid)))}",
            f"RUNSERVER={_command(server)}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    return process, worker_pid, server_pid


def test_worker_stops_when_the_server_exits(tmp_path):
    process, worker_pid, _ = _make(tmp_path, SERVER_EXITS)
    output = process.communicate(timeout=60)[0].decode()
    assert "tiến trình nền (db_worker) đang chạy" in output
    worker = int(worker_pid.read_text())
    assert _until(lambda: not _alive(worker)), "the worker outlived the server"


def test_ctrl_c_stops_server_and_worker(tmp_path):
    process, worker_pid, server_pid = _make(tmp_path, SERVER_RUNS)
    assert _until(lambda: worker_pid.exists() and server_pid.exists())
    worker, server = int(worker_pid.read_text()), int(server_pid.read_text())
    assert _alive(worker) and _alive(server)
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert _until(lambda: not _alive(worker) and not _alive(server)), "a process outlived Ctrl-C"
