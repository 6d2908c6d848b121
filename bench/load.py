"""Drive load with a real load generator, on loopback only, bounded in time.

wrk (Debian's package) is the generator; locust, headless, stands in where wrk cannot
be had. Both report requests per second and latency percentiles.
"""

import csv
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class LoadResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str

    def as_dict(self) -> dict:
        return asdict(self)


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if not (host.startswith("127.") or host in {"localhost", "::1"}):
        raise ValueError(f"Load is only ever driven at this machine (loopback), not {host!r}.")


def probe(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    """One request, to check what the scenario will get before loading it."""
    check_loopback(url)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"Unreadable wrk latency: {text!r}")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> LoadResult:
    """Read wrk's --latency report."""
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+(\S+)\s*$", output, re.MULTILINE))
    total = re.search(r"(\d+) requests in ([\d.]+)(\w+),", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not (total and rps and "50" in percentiles and "99" in percentiles):
        raise ValueError("wrk's output has no latency distribution or request count:\n" + output)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return LoadResult(
        requests=int(total.group(1)),
        seconds=_ms(total.group(2) + total.group(3)) / 1000,
        rps=float(rps.group(1)),
        p50_ms=round(_ms(percentiles["50"]), 2),
        p99_ms=round(_ms(percentiles["99"]), 2),
        errors=errors + (int(non_2xx.group(1)) if non_2xx else 0),
        tool="wrk",
    )


def generator() -> str | None:
    if shutil.which("wrk"):
        return "wrk"
    if shutil.which("locust"):
        return "locust"
    return None


def run(
    url: str,
    seconds: float,
    connections: int,
    headers: dict[str, str] | None = None,
    threads: int = 1,
) -> LoadResult:
    check_loopback(url)
    tool = generator()
    if tool == "wrk":
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(seconds)}s", "--latency"]
        command += ["--timeout", "30s"]  # wrk's 2 s default would count slow answers as errors
        for name, value in (headers or {}).items():
            command += ["-H", f"{name}: {value}"]
        done = subprocess.run(command + [url], capture_output=True, text=True, check=True)
        return parse_wrk(done.stdout)
    if tool == "locust":
        return run_locust(url, seconds, connections, headers or {})
    raise RuntimeError("No load generator: install wrk (apt-get install wrk) or locust.")


LOCUSTFILE = """
from locust import FastHttpUser, task, constant
class Reader(FastHttpUser):
    wait_time = constant(0)
    @task
    def get(self):
        self.client.get({path!r}, headers={headers!r})
"""


def run_locust(url: str, seconds: float, users: int, headers: dict[str, str]) -> LoadResult:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    with tempfile.TemporaryDirectory() as tmp:
        locustfile = Path(tmp) / "locustfile.py"
        locustfile.write_text(LOCUSTFILE.format(path=path, headers=headers))
        prefix = Path(tmp) / "stats"
        subprocess.run(
            [
                "locust", "-f", str(locustfile), "--headless", "-u", str(users),
                "-r", str(users), "-t", f"{int(seconds)}s", "--only-summary",
                "--host", f"{parts.scheme}://{parts.netloc}", "--csv", str(prefix),
            ],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        with open(f"{prefix}_stats.csv", newline="") as handle:
            row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    return LoadResult(
        requests=int(row["Request Count"]),
        seconds=float(seconds),
        rps=round(float(row["Requests/s"]), 2),
        p50_ms=float(row["50%"]),
        p99_ms=float(row["99%"]),
        errors=int(row["Failure Count"]),
        tool="locust",
    )
