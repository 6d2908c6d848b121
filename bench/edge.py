"""Several app servers behind one Varnish, on this machine: the edge topology.

``Edge`` starts N gunicorn instances of the site (each its own process group, on loopback
ports) and one varnishd in front of them running the shipped VCL
(``docs/deploy/varnish/twinning.vcl``) with a backends file written for those ports. The
instances share what the environment gives them (``DATABASE_URL``, ``REDIS_URL``, media)
and purge that Varnish when content changes (``EDGE_PURGE_URLS``). The bench and the
tests use it as a context manager; ``python -m bench.edge`` (``make edge``) runs it in the
foreground for a person, with a task worker beside it, until Ctrl-C.
"""

import argparse
import contextlib
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from bench.server import HOST, ROOT, gunicorn_command, stop

VCL_DIR = ROOT / "docs" / "deploy" / "varnish"
VCL = VCL_DIR / "twinning.vcl"
BACKENDS_FILE = "twinning-backends.vcl"
VARNISHD = shutil.which("varnishd")
#: Seconds between two health probes of an app server; two good ones in a row make it
#: healthy again.
PROBE_INTERVAL = 1


def free_port() -> int:
    """A free loopback port below the ephemeral range: the port the system gives a socket
    bound to port 0 may be handed to an outgoing connection before our server binds it."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    pick = random.Random()
    for _ in range(200):
        port = pick.randrange(min(20000, low - 1000), low)
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port found below the ephemeral range")


def backends_vcl(backends: Iterable[tuple[str, int]], probe: str | None = "/healthz") -> str:
    """The ``twinning-backends.vcl`` the shipped VCL includes: one backend per app server,
    in a round-robin director named ``app``; each probed on ``probe`` (None: not probed)."""
    lines, names = [], []
    for number, (host, port) in enumerate(backends, start=1):
        name = f"app{number}"
        names.append(name)
        lines += [
            f"backend {name} {{",
            f'    .host = "{host}";',
            f'    .port = "{port}";',
            "    .connect_timeout = 1s;",
            "    .first_byte_timeout = 65s;",  # a little over gunicorn's worker timeout
        ]
        if probe:
            lines += [
                "    .probe = {",
                f'        .url = "{probe}";',
                f"        .interval = {PROBE_INTERVAL}s;",
                "        .timeout = 1s;",
                "        .window = 3;",
                "        .threshold = 2;",
                "        .initial = 2;",  # healthy from the start: the harness waits for it
                "    }",
            ]
        lines.append("}")
    if not names:
        raise ValueError("an edge needs at least one app server")
    lines.append("sub vcl_init {")
    lines.append("    new app = directors.round_robin();")
    lines += [f"    app.add_backend({name});" for name in names]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _answers(url: str, timeout: float = 5) -> bool:
    """Whether an HTTP server answers at ``url`` (any status)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


class Varnish:
    """``with Varnish([(host, port), ...]) as varnish:`` varnishd on a loopback port with the
    shipped VCL, its own working directory and a generated backends file, then stopped.
    ``stop()`` and ``start()`` take it down and bring it back, empty, on the same port."""

    def __init__(
        self,
        backends: Iterable[tuple[str, int]],
        *,
        port: int | None = None,
        vcl: Path = VCL,
        storage: str = "malloc,256m",
        log_file: Path | None = None,
        probe: str | None = "/healthz",
        params: dict[str, str] | None = None,
    ) -> None:
        if VARNISHD is None:
            raise RuntimeError("varnishd is not installed (Debian: apt-get install varnish)")
        self.port = port or free_port()
        self.vcl = Path(vcl)
        self.storage = storage
        self.log_file = log_file
        self.params = params or {}
        self.directory = Path(tempfile.mkdtemp(prefix="twinning-edge-"))
        if os.geteuid() == 0:
            self.directory.chmod(0o755)  # varnishd drops to its own users, which read it
        #: (host, port) of each app server, in the director's order.
        self.backends = list(backends)
        (self.directory / BACKENDS_FILE).write_text(backends_vcl(self.backends, probe))
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    purge_url = url

    def command(self) -> list[str]:
        return [
            VARNISHD,
            "-F",
            "-a", f"{HOST}:{self.port}",
            "-T", "none",
            "-n", str(self.directory / "work"),
            "-s", self.storage,
            "-p", f"vcl_path={self.directory}:{self.vcl.parent}",
            *(arg for name, value in self.params.items() for arg in ("-p", f"{name}={value}")),
            "-f", str(self.vcl),
        ]  # fmt: skip

    def start(self, timeout: float = 30) -> None:
        if self.process and self.process.poll() is None:
            return
        self._log = self.log_file.open("ab") if self.log_file else None
        self.process = subprocess.Popen(
            self.command(),
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C in a terminal reaches us, and we stop it
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"varnishd exited with code {self.process.returncode} "
                    f"(VCL {self.vcl}; its log: {self.log_file or 'not kept'})"
                )
            if self.purge("tw-none") is not None:  # answered without a backend
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"varnishd did not answer on {self.url} within {timeout}s")

    def purge(self, *tags: str, timeout: float = 5) -> int | None:
        """Purge ``tags`` as the site does; the number of objects purged (None: no answer)."""
        request = urllib.request.Request(
            self.purge_url + "/", method="PURGE", headers={"xkey-purge": " ".join(tags)}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                text = response.read().decode(errors="replace")
        except (urllib.error.URLError, OSError):
            return None
        digits = "".join(c for c in text if c.isdigit())
        return int(digits) if digits else 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log:
            self._log.close()
            self._log = None

    def __enter__(self) -> "Varnish":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class AppServer:
    """One gunicorn instance of the site on a loopback port, with ``env`` added to this
    process's environment (None values remove a variable); ``cpus`` pins it (and its
    workers) to those cores."""

    def __init__(
        self,
        port: int,
        env: dict[str, str | None],
        *,
        workers: int = 1,
        cpus: set[int] | None = None,
        ready_path: str = "/healthz",
        log_file: Path | None = None,
        timeout: int = 60,
    ) -> None:
        self.port, self.workers, self.cpus = port, workers, cpus
        self.ready_path, self.log_file, self.timeout = ready_path, log_file, timeout
        merged = {**os.environ, **env}
        self.env = {name: value for name, value in merged.items() if value is not None}
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 120) -> None:
        self._log = self.log_file.open("ab") if self.log_file else None
        cpus = self.cpus
        self.process = subprocess.Popen(
            gunicorn_command(self.port, self.workers, self.timeout),
            cwd=ROOT,
            env=self.env,
            stderr=self._log,
            start_new_session=True,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with code {self.process.returncode}")
            if _answers(self.url + self.ready_path, timeout=30):
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {timeout}s")

    def stop(self) -> None:
        if self.process:
            stop(self.process)
        if self._log:
            self._log.close()
            self._log = None


class Edge:
    """``with Edge(env, instances=2) as edge:`` N app servers behind one Varnish.

    ``edge.url`` is Varnish, ``edge.instances[i].url`` each app server directly,
    ``edge.varnish`` the Varnish (``stop()``/``start()``). The app servers get ``env`` (their
    settings, database, cache) and ``EDGE_PURGE_URLS`` naming this Varnish. With
    ``pin_cpus``, instance i runs on core i (modulo the cores there are).
    """

    def __init__(
        self,
        env: dict[str, str | None],
        *,
        instances: int = 2,
        workers: int = 1,
        port: int | None = None,
        instance_ports: list[int] | None = None,
        pin_cpus: bool = False,
        ready_path: str = "/healthz",
        log_dir: Path | None = None,
        vcl: Path = VCL,
    ) -> None:
        ports = list(instance_ports or [])
        while len(ports) < instances:
            ports.append(free_port())
        log_dir = Path(log_dir) if log_dir else None
        self.varnish = Varnish(
            [(HOST, p) for p in ports[:instances]],
            port=port,
            vcl=vcl,
            log_file=log_dir / "varnish.log" if log_dir else None,
        )
        cores = sorted(os.sched_getaffinity(0))
        self.instances = [
            AppServer(
                p,
                {**env, "EDGE_PURGE_URLS": self.varnish.purge_url},
                workers=workers,
                cpus={cores[n % len(cores)]} if pin_cpus else None,
                ready_path=ready_path,
                log_file=log_dir / f"app{n + 1}.log" if log_dir else None,
            )
            for n, p in enumerate(ports[:instances])
        ]

    @property
    def url(self) -> str:
        return self.varnish.url

    def __enter__(self) -> "Edge":
        try:
            for instance in self.instances:
                instance.start()
            self.varnish.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def restart_instances(self) -> None:
        """Stop and start every app server, one after the other (what they read at start
        is read again), each back in Varnish's rotation before the next one stops."""
        for instance in self.instances:
            instance.stop()
            instance.start()
            time.sleep(3 * PROBE_INTERVAL)  # two good probes

    def __exit__(self, *exc) -> None:
        self.varnish.__exit__(*exc)
        for instance in self.instances:
            instance.stop()


# ``python -m bench.edge`` -----------------------------------------------------------------

DEFAULT_DATABASE_URL = f"postgres://postgres@{HOST}:5432/twinning_edge"
DEFAULT_REDIS_URL = f"redis://{HOST}:6379/2"


def say(message: str) -> None:
    print(f"make edge: {message}", file=sys.stderr, flush=True)


def site_environment(edge_url: str) -> dict[str, str]:
    """The production settings for a loopback run (as ``make serve`` sets them), on the
    environment's PostgreSQL and Redis or the local ones."""
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        "REDIS_URL": os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
        "DJANGO_SECURE_SSL_REDIRECT": os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "false"),
        "DJANGO_HSTS_SECONDS": os.environ.get("DJANGO_HSTS_SECONDS", "0"),
        "DJANGO_SECURE_COOKIES": os.environ.get("DJANGO_SECURE_COOKIES", "false"),
        # Varnish appends the reader's address to X-Forwarded-For.
        "TRUSTED_PROXY_COUNT": os.environ.get("TRUSTED_PROXY_COUNT", "1"),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", edge_url),
        "WAGTAILADMIN_BASE_URL": os.environ.get("WAGTAILADMIN_BASE_URL", edge_url),
    }
    if not os.environ.get("DJANGO_SECRET_KEY"):
        say("no DJANGO_SECRET_KEY set: a throwaway key for this loopback run.")
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` if it does not exist (never drops one)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            say(f"creating the database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def prepare(env: dict[str, str]) -> None:
    """The database migrated with the demo in it, and the static files collected."""
    if env["DATABASE_URL"].startswith("postgres"):
        ensure_database(env["DATABASE_URL"])
    environ = {**os.environ, **env}
    for command in (
        ["collectstatic", "--noinput", "--verbosity=0"],
        ["migrate", "--noinput", "--verbosity=0"],
        ["load_demo", "--skip-if-loaded"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=environ, check=True)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.edge",
        description="N app servers (gunicorn, production settings) behind one Varnish.",
    )
    parser.add_argument("--instances", type=int, default=2, help="app servers (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("EDGE_PORT", "6081")))
    parser.add_argument(
        "--instance-ports",
        default=os.environ.get("EDGE_INSTANCE_PORTS", ""),
        help="comma-separated ports of the app servers (8001, 8002, … by default)",
    )
    parser.add_argument("--no-setup", action="store_true", help="skip migrate, demo, static")
    args = parser.parse_args(argv)
    ports = [int(p) for p in args.instance_ports.split(",") if p.strip()]
    args.instance_ports = ports or [8001 + n for n in range(args.instances)]
    if len(args.instance_ports) < args.instances:
        parser.error(f"--instance-ports names fewer than {args.instances} ports")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    if VARNISHD is None:
        raise SystemExit("varnishd is not installed: apt-get install varnish")
    edge_url = f"http://{HOST}:{args.port}"
    env = site_environment(edge_url)
    if not args.no_setup:
        prepare(env)
    say(f"database {urlsplit(env['DATABASE_URL']).path.lstrip('/')}, cache {env['REDIS_URL']}")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--verbosity", "0"],
        cwd=ROOT,
        env={**os.environ, **env, "EDGE_PURGE_URLS": edge_url},
        start_new_session=True,
    )

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    # Both, even where a shell started us with SIGINT ignored (in the background).
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    try:
        with Edge(
            env,
            instances=args.instances,
            workers=args.workers,
            port=args.port,
            instance_ports=args.instance_ports,
        ) as edge:
            say(f"the edge (Varnish): {edge.url}/  (admin: {edge.url}/admin/)")
            for number, instance in enumerate(edge.instances, start=1):
                say(f"app server {number}: {instance.url}/ ({instance.workers} workers)")
            say("Ctrl-C stops them all.")
            while all(i.process.poll() is None for i in edge.instances):
                if edge.varnish.process.poll() is not None:
                    raise SystemExit("varnishd stopped")
                time.sleep(0.5)
            raise SystemExit("an app server stopped")
    except KeyboardInterrupt:
        say("stopping")
    finally:
        with contextlib.suppress(ProcessLookupError):
            worker.terminate()
        worker.wait(timeout=30)


if __name__ == "__main__":
    main()
