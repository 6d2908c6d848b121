"""The site in real server processes, for tests that cross a process boundary.

``Gunicorn`` runs the site with the settings a test names (DEBUG off), on a free loopback
port, against the test's own database: ``database_url_for_servers`` gives the URL a server
process can open for it. On PostgreSQL that is the test database itself (the test must be
transactional, so that what it writes is committed); on SQLite, whose test database lives in
the test process's memory, it is a file copy made with SQLite's online backup, which the
servers then share with each other (not with the test).
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

import pytest

from bench.edge import VARNISHD, Varnish, free_port
from bench.server import gunicorn_command, stop

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def database_url_for_servers(directory: Path) -> str:
    """A DATABASE_URL that server processes can open for the current test database."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings["USER"] or "postgres"
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        host = settings["HOST"] or HOST
        port = settings["PORT"] or 5432
        return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"
    if connection.vendor == "sqlite":
        copy = Path(directory) / "servers.sqlite3"
        connection.ensure_connection()
        import sqlite3

        target = sqlite3.connect(copy)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return f"sqlite:///{copy}"
    raise NotImplementedError(connection.vendor)


class Gunicorn:
    """``with Gunicorn(database_url, ...) as server:`` the site in gunicorn, then stopped.

    ``env`` adds to (or, with None values, removes from) the server's environment; the
    cache is the local-memory one unless ``REDIS_URL`` is given there. ``log_file`` keeps
    what the server writes on stderr (its log), for the test to read.
    """

    def __init__(
        self,
        database_url: str,
        *,
        settings: str = "cms.settings.test",
        workers: int = 1,
        port: int | None = None,
        env: dict[str, str | None] | None = None,
        ready_path: str = "/healthz",
        timeout: int = 30,
        log_file: Path | None = None,
    ) -> None:
        self.port = port or free_port()
        self.log_file = log_file
        self.workers = workers
        self.ready_path = ready_path
        self.timeout = timeout
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
        self.env["DATABASE_URL"] = database_url
        self.env.pop("REDIS_URL", None)
        for name, value in (env or {}).items():
            if value is None:
                self.env.pop(name, None)
            else:
                self.env[name] = value
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> "Gunicorn":
        self._log = self.log_file.open("ab") if self.log_file else None
        self.process = subprocess.Popen(
            gunicorn_command(self.port, self.workers, self.timeout),
            cwd=ROOT,
            env=self.env,
            stderr=self._log,
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
                with urllib.request.urlopen(self.url + self.ready_path, timeout=10):
                    return
            except urllib.error.HTTPError:
                return  # it answers: readiness is the test's business
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)  # still booting
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {timeout}s")

    def __exit__(self, *exc) -> None:
        if self.process:
            stop(self.process)
        if self._log:
            self._log.close()


def _descendants(pid: int) -> list[int]:
    """The process ``pid`` and every process below it (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


class OwnRedis:
    """``with OwnRedis() as redis:`` a redis-server of the test's own, on a free port,
    keeping nothing on disk; ``freeze()`` stops it answering (SIGSTOP) while its socket
    stays open, ``thaw()`` lets it go on, ``stop()`` ends it."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def __enter__(self) -> "OwnRedis":
        server = shutil.which("redis-server")
        if server is None:
            pytest.skip("redis-server is not installed")
        self.process = subprocess.Popen(
            [server, "--port", str(self.port), "--bind", HOST, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        _wait_for_port(self.port)
        return self

    def freeze(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=30)

    def start(self) -> None:
        """Start again on the same port, empty (after ``stop``)."""
        self.__enter__()

    def __exit__(self, *exc) -> None:
        self.stop()


def _wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port} within {timeout}s")


class OwnPostgres:
    """``with OwnPostgres() as postgres:`` a PostgreSQL cluster of the test's own (initdb into
    a new temporary directory, then pg_ctl on a free port with its socket there), stopped and
    removed at the end. ``freeze()``/``thaw()`` SIGSTOP/SIGCONT the postmaster and all its
    backends; ``stop()``/``start()`` shut it down and bring it back with its data.

    initdb refuses to run as root: as root, the cluster belongs to the ``postgres`` user.
    """

    def __init__(self) -> None:
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if binaries:
            self.bin = binaries[-1].parent
        elif shutil.which("pg_ctl"):
            self.bin = Path(shutil.which("pg_ctl")).parent
        else:
            pytest.skip("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
        self.directory = Path(tempfile.mkdtemp(prefix="twinning-test-postgres-"))
        self.data = self.directory / "data"
        self.port = free_port()
        self.user = self._run_as()

    @staticmethod
    def _run_as() -> list[str]:
        if os.geteuid() != 0:
            return []
        runuser = shutil.which("runuser")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a postgres user: initdb refuses root")
        if runuser is None:
            pytest.skip("running as root without runuser: initdb refuses root")
        return [runuser, "-u", "postgres", "--"]

    def url(self, name: str = "postgres") -> str:
        return f"postgres://postgres@{HOST}:{self.port}/{name}"

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self.user, *command], capture_output=True, timeout=120, cwd="/")
        if done.returncode:
            raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')}")

    def __enter__(self) -> "OwnPostgres":
        if self.user:
            shutil.chown(self.directory, "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "--no-sync", "--no-instructions",
        )  # fmt: skip
        self.start()
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses={HOST} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.directory / "server.log"), "-w", "start",
        )  # fmt: skip

    def postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def _signal_all(self, signum: int) -> None:
        for pid in _descendants(self.postmaster_pid()):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)

    def freeze(self) -> None:
        self._signal_all(signal.SIGSTOP)

    def thaw(self) -> None:
        self._signal_all(signal.SIGCONT)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.thaw()
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def createdb(self, name: str) -> str:
        self._run(
            str(self.bin / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "postgres", name
        )
        return self.url(name)

    def __exit__(self, *exc) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


needs_varnish = pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed")


class OwnVarnish(Varnish):
    """``with OwnVarnish(backends=[(host, port), ...]) as varnish:`` a varnishd of the
    test's own with the shipped VCL (docs/deploy/varnish/twinning.vcl), on a free loopback
    port, its backends in a generated ``twinning-backends.vcl`` (bench.edge.Varnish); stopped
    and removed at the end. ``url`` is where readers (and purges, from loopback) go;
    ``stop()``/``start()`` take the edge down and bring it back, empty, on the same port;
    ``freeze()``/``thaw()`` make it stop answering and go on, with what it holds. Its log is
    kept in its directory and said when it fails to start. Skips the test without varnishd.

    ``probe`` is the path each backend is probed on (None: no probe, the backends are
    taken as healthy: the plugin's test project has no health view).
    """

    def __init__(
        self,
        backends: list[tuple[str, int]],
        *,
        probe: str | None = "/healthz",
        storage: str = "malloc,64m",
        params: dict[str, str] | None = None,
    ) -> None:
        if VARNISHD is None:
            pytest.skip("varnishd is not installed")
        super().__init__(backends, probe=probe, storage=storage, params=params)
        self.log_file = self.directory / "varnishd.log"

    def start(self, timeout: float = 60) -> None:
        try:
            super().start(timeout)
        except RuntimeError as error:
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            raise RuntimeError(f"{error}\n{log}") from error

    def freeze(self) -> None:
        """Stop answering (SIGSTOP to varnishd's processes), keeping what it holds."""
        for pid in _descendants(self.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in _descendants(self.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.thaw()
        super().stop()
