"""gunicorn's configuration for the chamber site behind nginx (deploy/nginx/chamber.conf).

    gunicorn -c deploy/gunicorn.conf.py chamber.wsgi

Run by deploy/systemd/chamber-web.service, which reads the environment from
/etc/chamber/chamber.env (deploy/chamber.env.example). Three variables tune it:

    GUNICORN_BIND     where to listen: 127.0.0.1:8000 (the upstream of chamber.conf),
                      or unix:/run/chamber/gunicorn.sock (the web service's runtime
                      folder, which nginx's user reaches as a member of the chamber
                      group; the upstream is then `server unix:/run/chamber/gunicorn.sock;`)
    GUNICORN_WORKERS  processes: 2 x the CPU cores this process may use, + 1
    GUNICORN_THREADS  threads per process: 2

The Django settings come from the same environment (chamber/settings.py).
"""

import os

import gunicorn.glogging
import gunicorn.http.wsgi


def _cores() -> int:
    # The cores this process may run on (a container or a CPU quota may give fewer than
    # the machine has).
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


bind = [os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"]

# gthread workers: each process serves GUNICORN_THREADS requests at once and keeps
# nginx's idle upstream connections open between requests (a sync worker closes every
# connection, so nginx's keepalive would be lost). Each thread holds its own database
# connection (DJANGO_CONN_MAX_AGE): workers x threads connections to PostgreSQL.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * _cores() + 1)
threads = int(os.environ.get("GUNICORN_THREADS") or 2)

# The heartbeat file of each worker in memory: on a disk, a slow fsync could make the
# arbiter think a busy worker hangs.
worker_tmp_dir = "/dev/shm"

# A request that takes longer than 30 s is stuck: the worker is restarted (nginx gives up
# after proxy_read_timeout 35s). Workers finish their requests within 30 s on a restart.
timeout = 30
graceful_timeout = 30
# Idle connections from nginx stay open longer than nginx keeps them (its upstream
# keepalive_timeout is 60 s), so that gunicorn never closes one that nginx is reusing.
keepalive = 75
# Workers are replaced after about a thousand requests, at different moments, so that
# memory growth in a long-lived process cannot accumulate.
max_requests = 1000
max_requests_jitter = 100

# X-Forwarded-Proto is believed only from nginx on this machine (for wsgi.url_scheme;
# Django reads the header itself through SECURE_PROXY_SSL_HEADER). The visitor's address
# is Django's business (DJANGO_TRUSTED_PROXIES, chamber/toolkit/clients.py).
forwarded_allow_ips = "127.0.0.1,::1"

# Logs to the journal (stdout and stderr under systemd). The access log starts with the
# X-Forwarded-For that nginx sent (the visitor), then gunicorn's peer (nginx).
accesslog = "-"
errorlog = "-"
access_log_format = (
    '%({x-forwarded-for}i)s via %(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
)


class AccessLogWithoutProbes(gunicorn.glogging.Logger):
    """gunicorn's logger, without an access line for the health probes (/healthz and
    /readyz are asked every few seconds; a failing one logs its own warning)."""

    PROBES = frozenset({"/healthz", "/readyz"})

    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") in self.PROBES:
            return
        super().access(resp, req, environ, request_time)


logger_class = AccessLogWithoutProbes

# gunicorn's runtime control socket (gunicornc) is not used: no socket to protect.
control_socket_disable = True

# gunicorn has no setting for its Server header ("gunicorn"): each response reads the
# name from gunicorn.http.wsgi.SERVER, so it is replaced here, before the workers start.
# nginx does not pass the app's Server header on anyway (and its own has no version:
# server_tokens off); this covers a gunicorn reached without nginx.
SERVER_NAME = "chamber"
gunicorn.http.wsgi.SERVER = SERVER_NAME
