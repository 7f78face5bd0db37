# The two commands: `make run` (set up and serve the demo site) and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.8
MANAGE := $(BIN)/python manage.py
export UV_LINK_MODE := copy
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install install-dev run serve migrate demo compilemessages messages test test-fast test-e2e \
	test-postgres judge lint lint-css lint-templates format migrations-check check-deploy bench \
	bench-http mutation ci clean

help:
	@echo "make run            set up, load the demo content and serve on http://127.0.0.1:$(PORT)"
	@echo "make test           install the test tools and run the test suite"
	@echo "make test-fast      the test suite without the tests that start other processes"
	@echo "make test-e2e       run the browser tests (Debian's chromium)"
	@echo "make lint           ruff check and format --check, then lint-templates and lint-css"
	@echo "make lint-templates djLint on the templates (lines of at most 120 characters ...)"
	@echo "make lint-css       stylelint on static/css (installs .ci/package-lock.json with npm)"
	@echo "make judge          the W3C Nu HTML checker on every public page in every language (needs Java)"
	@echo "make migrations-check  fail if a model change has no migration"
	@echo "make messages       extract translatable strings into the .po files (needs gettext)"
	@echo "make bench          measure page speed and query counts"
	@echo "make bench-http     load the pages under gunicorn with wrk, at up to 100,000 articles"
	@echo "make mutation       mutation testing of the core modules (mutmut), with a report"
	@echo "make ci             what CI runs"

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Installs exactly the versions of uv.lock; --inexact keeps uv itself in the venv.
$(VENV)/.installed: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --inexact --no-dev --group i18n
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(UV) sync --frozen --inexact --group dev --group i18n
	@touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

compilemessages: install
	$(BIN)/pybabel compile --domain django --directory chamber/locale --statistics

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate compilemessages
	$(MANAGE) setup_staff_groups
	$(MANAGE) load_demo

# The task worker (it sends the e-mails) runs beside the server and stops with it.
run: demo
	@$(MANAGE) demo_login --port $(PORT)
	@export DJANGO_SITE_URL=$${DJANGO_SITE_URL:-http://127.0.0.1:$(PORT)}; \
	$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Task worker started (pid $$worker): it sends the e-mails."; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

messages: install
	$(MANAGE) makemessages --locale fr --locale en --locale ko --no-obsolete --no-location \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'staticfiles/*' --ignore 'mutants/*'

test: install-dev compilemessages
	$(BIN)/pytest -m "not e2e and not judge" $(PYTEST_ARGS)

test-fast: install-dev compilemessages
	$(BIN)/pytest -m "not e2e and not slow and not judge" $(PYTEST_ARGS)

test-e2e: install-dev compilemessages
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory lint-templates
	$(MAKE) --no-print-directory lint-css

# djLint (settings in pyproject.toml, custom rules in .ci/djlint_rules.yaml): the HTML
# templates, then the plain-text ones (e-mails, robots.txt).
lint-templates: install-dev
	$(BIN)/djlint templates --lint --rules .ci/djlint_rules.yaml
	$(BIN)/djlint templates --lint --rules .ci/djlint_rules.yaml --extension txt
	@# djLint's pattern rules skip comments and <script>: every line, once more.
	@! grep -rnE '^.{121,}$$' templates || (echo "Template lines over 120 characters above."; false)

# The stylesheet linter and the HTML checker. npm installs exactly the versions of
# .ci/package-lock.json, again only when .ci/node_modules is missing or older than the lock;
# without install scripts (vnu-jar's would download a Java runtime: the system's is used).
CI_NODE_MODULES := .ci/node_modules

$(CI_NODE_MODULES): .ci/package-lock.json
	npm ci --prefix .ci --no-audit --no-fund --ignore-scripts
	@touch $@

lint-css: $(CI_NODE_MODULES)
	$(CI_NODE_MODULES)/.bin/stylelint --config .ci/stylelint.config.mjs "static/css/**/*.css"

# The W3C Nu HTML checker (vnu.jar, Java 17) on every kind of public page in every language,
# rendered from the demo content, and on the stylesheets: fails on any error, prints the
# warnings. See tests/judge.
judge: install-dev compilemessages $(CI_NODE_MODULES)
	@command -v java >/dev/null || { echo "Java is missing: apt-get install -y default-jre-headless"; false; }
	$(BIN)/pytest -m judge tests/judge $(PYTEST_ARGS)

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

check-deploy: install
	@# manage.py check --deploy, then collectstatic with the production storage (hashed,
	@# compressed names) into a throw-away folder.
	export DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-only-$$(date +%s)-not-a-real-secret-xxxxxxxxxxxx \
		DJANGO_ALLOWED_HOSTS=chamber.example.org DJANGO_SITE_URL=https://chamber.example.org \
		DJANGO_STATIC_ROOT=$$(mktemp -d); \
	$(MANAGE) check --deploy --fail-level WARNING && \
	$(MANAGE) collectstatic --noinput --verbosity 1 && rm -rf "$$DJANGO_STATIC_ROOT"

bench: install-dev compilemessages
	$(BIN)/python tests/benchmark.py

# The site served as in production (gunicorn, PostgreSQL, Redis) and loaded with wrk,
# beside a bare Django project; see tests/bench/http.py. Installs Debian's wrk.
bench-http: install-dev compilemessages
	@command -v wrk >/dev/null || { $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y wrk; }
	$(BIN)/python -m tests.bench.http

# Mutation testing of the core modules listed in pyproject.toml ([tool.mutmut]): every
# mutant is run against the tests that cover its function; then a report per module.
# Takes about ten minutes; not part of CI.
mutation: install-dev compilemessages
	$(UV) sync --frozen --inexact --group dev --group i18n --group mutation
	rm -rf mutants
	$(BIN)/mutmut run > .mutmut.log 2>&1 || (tail -20 .mutmut.log; false)
	$(BIN)/python tests/mutation_report.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache mutants .mutmut.log
