"""HTTP benchmark: the public pages served as in production, against a bare Django
project on the same machine.

    make bench-http                        # 1,000 / 10,000 / 100,000 articles
    BENCH_SIZES=10000 BENCH_SECONDS=10 make bench-http

For each size, a PostgreSQL database (``chamber_bench_<size>`` on the server of
BENCH_DATABASE_SERVER, default postgres://postgres@127.0.0.1:5432) holds the demo content
and generated articles (``tests.support.bulk``); it is kept for the next run and rebuilt
when the migrations change (BENCH_REBUILD=1 rebuilds it anyway). The site runs under
gunicorn with 2 sync workers and production settings (DEBUG off, persistent connections,
Redis as the cache when it answers on 127.0.0.1:6379), next to the reference project
(``tests.bench.reference``: a ListView of 20 of 10,000 rows and a static template, also
2 workers). wrk (-t2 -c8) loads each page for BENCH_SECONDS seconds, interleaved with
the reference, twice: rendered for each request (the page cache bypassed by a session
cookie; counts are still kept per generation of the content, as in production) and as an
anonymous visitor gets it (from the page cache). At the first size, the pages are loaded
again with a new database connection per request (DJANGO_CONN_MAX_AGE=0), to show what
persistent connections save. Then 200 registrations, each with its own
session and CSRF token, are posted at once to a delegation of 10 places.

Figures depend on the machine: compare ratios, measured in the same run.
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
STATE = ROOT / ".benchmarks" / "http"
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
SERVER = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
REGISTRANTS = 200
HTTPS = {"X-Forwarded-Proto": "https"}
# A session cookie: the page cache serves only visitors without one.
UNCACHED = {"Cookie": "sessionid=benchmarkvisitor"}


def database_url(size: int) -> str:
    return f"{SERVER}/chamber_bench_{size}"


def redis_url() -> str:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return "redis://127.0.0.1:6379/7"
    except OSError:
        return ""


def environment(size: int, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="chamber.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="benchmark-only-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SITE_URL="https://127.0.0.1",
        DJANGO_STATIC_ROOT=str(STATE / "static"),
        DJANGO_MEDIA_ROOT=str(STATE / "media"),
        # Every registrant posts from 127.0.0.1: the per-network limit would refuse them.
        DJANGO_REGISTRATION_RATE="100000/h",
        DATABASE_URL=database_url(size),
        EMAIL_URL="dummymail://",
        REDIS_URL=redis_url(),
        **extra,
    )
    return env


def run(size: int, *command, **extra) -> str:
    result = subprocess.run(
        [PYTHON, *command],
        cwd=ROOT,
        env=environment(size, **extra),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def ensure_database(size: int) -> None:
    name = f"chamber_bench_{size}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not os.environ.get("BENCH_REBUILD"):
            current = subprocess.run(
                [PYTHON, "manage.py", "migrate", "--check"],
                cwd=ROOT,
                env=environment(size),
                capture_output=True,
            )
            with psycopg.connect(database_url(size)) as db:
                count = db.execute("SELECT count(*) FROM news_article").fetchone()[0]
            if current.returncode == 0 and count == size:
                print(f"  {name}: kept from a previous run")
                return
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    run(size, "manage.py", "migrate", "--noinput", "-v0")
    run(size, "-m", "tests.bench.site", "build", str(size))
    run(size, "-m", "tests.bench.reference.fill")
    print(f"  {name}: built in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a free loopback port."""

    def __init__(self, size: int, wsgi: str, **extra):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, wsgi, "--workers", "2", "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=environment(size, **extra),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"{wsgi} did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def parse_duration(text: str) -> float:
    """wrk's '5.12ms', '830.00us', '1.20s' in milliseconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, headers: dict[str, str], connections: int = 8) -> dict:
    parts = urllib.parse.urlsplit(url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", f"{parts.path}?{parts.query}", headers={**HTTPS, **headers})
    status = connection.getresponse().status
    connection.close()
    if status != 200:
        raise SystemExit(f"{url} answers {status}, not 200: nothing to measure")
    options = [f"-H{name}: {value}" for name, value in {**HTTPS, **headers}.items()]
    # Two seconds unmeasured: each worker compiles templates and fills its caches, and
    # PostgreSQL reads the indexes into memory.
    for seconds in (2, SECONDS):
        output = subprocess.run(
            [
                "wrk",
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout=10s",
                "--latency",
                *options,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    # wrk pads some durations with a trailing space ("1.40s ").
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise SystemExit(f"wrk measured no answer from {url}:\n{output}")
    # Answers other than 2xx/3xx, and connections that failed or timed out.
    refused = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = (int(refused.group(1)) if refused else 0) + (
        sum(map(int, failed.groups())) if failed else 0
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": parse_duration(latency["50"]),
        "p99": parse_duration(latency["99"]),
        "errors": errors,
    }


def line(name, queries, measured, reference) -> str:
    ratio = measured["rps"] / reference["rps"]
    flag = f"  ({measured['errors']} errors)" if measured["errors"] else ""
    return (
        f"{name:24} {queries:>7} {measured['rps']:>8.0f} {measured['p50']:>8.1f} "
        f"{measured['p99']:>8.1f} {ratio:>7.2f}×{flag}"
    )


def measure_pages(size: int, site: Server, reference: Server) -> None:
    pages = json.loads(run(size, "-m", "tests.bench.site", "pages"))
    header = f"{'page':24} {'queries':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>8}"
    for mode, headers, reference_path in (
        ("rendered for each request; ratio to the reference list", UNCACHED, "/list/"),
        ("from the page cache; ratio to the reference static page", {}, "/static/"),
    ):
        print(f"\n  {mode}\n  {header}")
        for name, page in pages.items():
            before = wrk(reference.base + reference_path, UNCACHED)
            measured = wrk(site.base + page["url"], headers)
            after = wrk(reference.base + reference_path, UNCACHED)
            both = {key: statistics.mean([before[key], after[key]]) for key in before}
            print("  " + line(name, page["queries"], measured, both), flush=True)
        print(f"  {'reference' + reference_path:24} {'':>7} {both['rps']:>8.0f} "
              f"{both['p50']:>8.1f} {both['p99']:>8.1f}")  # fmt: skip


def measure_searches(size: int, site: Server) -> None:
    """Searches rendered for each request, one visitor at a time: the time of one."""
    searches = json.loads(run(size, "-m", "tests.bench.site", "searches"))
    print("\n  searches, one visitor at a time (wrk -c1)")
    print(f"  {'words':28} {'found':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for name, search in searches.items():
        measured = wrk(site.base + search["url"], UNCACHED, connections=1)
        print(
            f"  {name:28} {search['found']:>6} {measured['p50']:>8.1f} {measured['p99']:>8.1f}",
            flush=True,
        )


def measure_connections(size: int, site: Server) -> None:
    """The same pages, rendered for each request, with a new database connection per
    request (DJANGO_CONN_MAX_AGE=0) beside the persistent ones of production."""
    pages = json.loads(run(size, "-m", "tests.bench.site", "pages"))
    fresh = Server(size, "chamber.wsgi", DJANGO_CONN_MAX_AGE="0")
    try:
        print("\n  database connections: persistent (production) and one per request")
        print(f"  {'page':24} {'persistent':>10} {'per request':>11} {'ratio':>6}   (req/s)")
        for name, page in pages.items():
            kept = wrk(site.base + page["url"], UNCACHED)
            opened = wrk(fresh.base + page["url"], UNCACHED)
            print(
                f"  {name:24} {kept['rps']:>10.0f} {opened['rps']:>11.0f} "
                f"{kept['rps'] / opened['rps']:>5.2f}×",
                flush=True,
            )
    finally:
        fresh.stop()


def registration_burst(size: int, site: Server) -> None:
    """REGISTRANTS visitors, each with their own CSRF cookie, post at once."""
    created = json.loads(run(size, "-m", "tests.bench.site", "delegation"))
    path = created["url"]
    visitors = []
    for number in range(REGISTRANTS):
        connection = HTTPConnection("127.0.0.1", site.port, timeout=60)
        connection.request("GET", path, headers=HTTPS)
        response = connection.getresponse()
        page = response.read().decode()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "company_name": f"Startup {number}",
                "contact_name": f"Founder {number}",
                "email": f"founder{number}@startup{number}.example",
                "phone": "+33 1 23 45 67 89",
                "sector": "Mobility",
                "pitch": "We make batteries last twice as long.",
                "consent": "on",
            }
        )
        headers = {
            **HTTPS,
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://127.0.0.1:{site.port}{path}",
            "Origin": f"https://127.0.0.1:{site.port}",
        }
        visitors.append((connection, body, headers))
    start = threading.Barrier(REGISTRANTS)
    timings, statuses = [], []
    lock = threading.Lock()

    def post(connection, body, headers):
        start.wait()
        began = time.perf_counter()
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - began) * 1000
        with lock:
            timings.append(elapsed)
            statuses.append(response.status)

    threads = [threading.Thread(target=post, args=visitor) for visitor in visitors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings.sort()
    counts = json.loads(run(size, "-m", "tests.bench.site", "count", str(created["id"])))
    redirected = statuses.count(302)
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(
        f"\n  {REGISTRANTS} registrations posted at once for 10 places: "
        f"p50 {statistics.median(timings):.0f} ms, p99 {p99:.0f} ms, max {timings[-1]:.0f} ms; "
        f"{redirected} answered with the private page; in the database: {counts}"
    )


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench-http does it)")
    STATE.mkdir(parents=True, exist_ok=True)
    run(SIZES[0], "manage.py", "collectstatic", "--noinput", "-v0")
    print(f"PostgreSQL at {SERVER}; gunicorn, 2 sync workers each; wrk -t2 -c8 -d{SECONDS}s")
    for size in SIZES:
        print(f"\n{size:,} articles")
        ensure_database(size)
        site = Server(size, "chamber.wsgi")
        reference = Server(size, "tests.bench.reference.wsgi")
        try:
            measure_pages(size, site, reference)
            measure_searches(size, site)
            if size == SIZES[0]:
                measure_connections(size, site)
            if size == SIZES[-1]:
                registration_burst(size, site)
        finally:
            site.stop()
            reference.stop()


if __name__ == "__main__":
    main()
