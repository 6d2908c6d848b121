"""Run the site as in production: gunicorn, N sync workers, DEBUG off, loopback only."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def gunicorn_command(port: int, workers: int, timeout: int) -> list[str]:
    """gunicorn serving the site on loopback ``port`` with ``workers`` sync workers."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "cms.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--log-level=warning",
        f"--timeout={timeout}",
    ]


def stop(process: subprocess.Popen, timeout: float = 30) -> None:
    """Stop gunicorn as systemd would: SIGTERM (workers finish their requests), then kill."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Server:
    """``with Server(db, port, workers, cache=True) as server:`` gunicorn, then stopped."""

    def __init__(self, db: str, port: int, workers: int, cache: bool, ready_path: str) -> None:
        self.db, self.port, self.workers, self.cache = db, port, workers, cache
        self.ready_path = ready_path
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> "Server":
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_SETTINGS_MODULE", "bench.settings"),
            "BENCH_DB_NAME": self.db,
            "BENCH_CACHE": "on" if self.cache else "off",
        }
        self.process = subprocess.Popen(
            gunicorn_command(self.port, self.workers, timeout=120), cwd=ROOT, env=env
        )
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.base_url + self.ready_path, timeout=30):
                    pass
                if len(self.worker_pids()) >= self.workers:
                    return
            except (urllib.error.URLError, OSError):
                pass  # still booting
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer on {self.base_url} within {timeout}s")

    def worker_pids(self) -> list[int]:
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children")
        try:
            return [int(p) for p in children.read_text().split()]
        except OSError:
            return []

    def worker_rss_mib(self) -> list[float]:
        """Resident memory of each worker, from /proc (Linux)."""
        sizes = []
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(round(int(line.split()[1]) / 1024, 1))
            except OSError:
                continue
        return sizes

    def __exit__(self, *exc) -> None:
        if self.process:
            stop(self.process)
