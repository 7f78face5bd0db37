"""Helpers for the tests of deploy/: the shipped files with their paths replaced by the
test's own, Debian's nginx started as the current user, and plain HTTP requests."""

import http.client
import os
import re
import socket
import subprocess
import time
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
NGINX = Path("/usr/sbin/nginx")
HOST = "chamber.example.org"

# What the shipped files say, and what the tests put in its place.
STATIC_ROOT = "/srv/chamber/static"
MEDIA_ROOT = "/srv/chamber/media"
APP_DIR = "/srv/chamber/app"
ENV_FILE = "/etc/chamber/chamber.env"
UPSTREAM = "127.0.0.1:8000"


def nginx_or_skip() -> Path:
    """Debian's nginx. Missing, the tests are skipped on a developer's machine and fail in
    CI (the CI environment variable is set), where .ci/run installs it."""
    if NGINX.exists():
        return NGINX
    message = (
        f"Debian's nginx is not installed at {NGINX}: "
        "run `apt-get install -y nginx-light` (Debian 13: nginx)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], log: Path, **options) -> subprocess.Popen:
    """Start ``command`` with its output in the file ``log``."""
    with log.open("ab") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, **options)


def wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    """Return once ``port`` accepts connections; fail with the process's log if it stops
    first or the time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    stop(process)
    pytest.fail(f"{process.args[0]} did not listen on port {port}:\n{log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def replace_in_directives(text: str, replacements: dict[str, str]) -> str:
    """``text`` with each key replaced by its value in the lines that are not comments;
    each key must occur in exactly one such line (the test fails when a file changed
    under it)."""
    lines = text.splitlines(keepends=True)
    for old, new in replacements.items():
        found = [
            n for n, line in enumerate(lines) if old in line and not line.lstrip().startswith("#")
        ]
        assert len(found) == 1, f"{old!r} is in {len(found)} directives, not one"
        lines[found[0]] = lines[found[0]].replace(old, new)
    return "".join(lines)


def site_config(
    *, port: int, upstream: str, static_root: Path, media_root: Path, appending=False
) -> str:
    """deploy/nginx/chamber.conf on the test's port, gunicorn and folders (IPv4 only).
    ``appending``: the variant for a proxy in front of nginx, which appends to
    X-Forwarded-For."""
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
        f"server {UPSTREAM};": f"server {upstream};",
        f"{STATIC_ROOT}/;": f"{static_root}/;",
        f"{MEDIA_ROOT}/;": f"{media_root}/;",
    }
    if appending:
        replacements["X-Forwarded-For $remote_addr;"] = (
            "X-Forwarded-For $proxy_add_x_forwarded_for;"
        )
    return replace_in_directives((DEPLOY / "nginx" / "chamber.conf").read_text(), replacements)


def write_nginx_config(folder: Path, site: str) -> Path:
    """A main configuration in ``folder`` shaped like Debian's /etc/nginx/nginx.conf (its
    mime.types, the site included in the http block), with every file nginx writes in
    ``folder``, for an nginx run by the current user."""
    (folder / "site.conf").write_text(site)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx would run its workers as nobody, who cannot read the test's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(
        f"{user}worker_processes 1;\n"
        f"pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    access_log {folder / 'access.log'};\n"
        f"{temp_paths}\n"
        f"    include {folder / 'site.conf'};\n"
        "}\n"
    )
    return config


def nginx_test(config: Path) -> subprocess.CompletedProcess:
    """``nginx -t`` on ``config``: exit status and messages."""
    return subprocess.run(
        [str(NGINX), "-t", "-q", "-p", str(config.parent), "-e", "stderr", "-c", str(config)],
        capture_output=True,
        text=True,
    )


def start_nginx(config: Path) -> subprocess.Popen:
    """nginx in the foreground with the files of ``config``'s folder; its messages in
    error.log there."""
    folder = config.parent
    command = [str(NGINX), "-p", str(folder), "-e", str(folder / "error.log")]
    return start([*command, "-c", str(config), "-g", "daemon off;"], folder / "error.log")


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def request(
    port: int,
    path: str,
    method: str = "GET",
    *,
    headers: dict | None = None,
    body: bytes | None = None,
    source: str = "127.0.0.1",
) -> Response:
    """One HTTP request to 127.0.0.1:``port`` for the site's host, from the loopback
    address ``source`` (127.0.0.2 is another visitor)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=15, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def csrf_token(page: Response) -> tuple[str, str]:
    """The CSRF cookie the page set and the token of its form."""
    cookie = next(
        value.split(";")[0].split("=", 1)[1]
        for value in page.headers.get_all("Set-Cookie", [])
        if value.startswith("csrftoken=")
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return cookie, token


ENV_TEMPLATE = DEPLOY / "chamber.env.example"
_ASSIGNMENT = re.compile(r"^(# )?([A-Z][A-Z0-9_]*)=(.*)$")


def env_template() -> tuple[dict[str, str], dict[str, str]]:
    """The variables of deploy/chamber.env.example: those set, and the optional ones
    (``# NAME=value``), with their values as systemd and the shell read them (a value in
    double quotes loses them)."""
    required, optional = {}, {}
    for line in ENV_TEMPLATE.read_text().splitlines():
        match = _ASSIGNMENT.match(line)
        if match:
            commented, name, value = match.groups()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            (optional if commented else required)[name] = value
    return required, optional
