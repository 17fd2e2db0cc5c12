# The two commands: `make run` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Every package of `.[dev]`, pinned with hashes (Python 3.11, Linux); `make lock`
# writes it from pyproject.toml.
LOCK := requirements.lock

.PHONY: run test e2e lint typecheck bench load faults lighthouse validate lock plotly messages clean

$(STAMP): $(LOCK) pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# After changing dependencies in pyproject.toml: keeps every pin that still fits.
# `make lock UPGRADE=1` moves every pin to the newest version allowed.
lock: $(STAMP)
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes \
	  --python-version 3.11 --custom-compile-command "make lock" \
	  $(if $(UPGRADE),--upgrade) --quiet -o $(LOCK)

# seed_demo ends with the demo logins, loaded now or before (`demo_logins` alone
# prints them again).
run: $(STAMP)
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# The pre-commit hooks' checks (.pre-commit-config.yaml), changing nothing: a file
# a hook would rewrite fails here, so `make test` and CI catch what a commit made
# without the hooks let in. django-upgrade reads the Python files ruff checks (the
# hook's files: static/vendor and git-ignored ones left out), with or without git.
DJANGO_UPGRADE := $(VENV)/bin/django-upgrade --target-version 5.2

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check --show-files . | grep '\.py$$' | tr '\n' '\0' \
	  | xargs -0 $(DJANGO_UPGRADE) --check
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

test: lint typecheck
	$(VENV)/bin/pytest --ignore=tests/e2e -q

# Part of `make test`. Folders that do not exist are skipped.
TYPECHECK_DIRS := partnerships reviews ltoreview programme demo accounts
typecheck: $(STAMP)
	$(VENV)/bin/mypy $(wildcard $(TYPECHECK_DIRS))

e2e: $(STAMP)
	$(VENV)/bin/pytest tests/e2e -q

# Page timings at programme scale (SQLite, or PostgreSQL with DATABASE_URL).
bench: $(STAMP)
	$(PY) -m bench.run

# 100 respondents on two gunicorn servers and PostgreSQL, with a worker killed.
load: $(STAMP)
	$(PY) -m bench.load.run

# A task worker killed mid-batch of 50 invitations (through a slow SMTP sink) and
# a web worker killed under 50 concurrent submissions, on PostgreSQL: nothing
# lost, at most one email twice. Not part of `make test` or CI.
faults: $(STAMP)
	$(PY) -m bench.faults.run

# Lighthouse (mobile) on five pages of a production-like server with the demo data.
# Installs the pinned Lighthouse from the npm registry into the git-ignored
# bench/lighthouse/node_modules on first use. Not part of `make test` or CI.
lighthouse: $(STAMP)
	@test -x bench/lighthouse/node_modules/.bin/lighthouse || \
	  (cd bench/lighthouse && npm ci --no-audit --no-fund)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m bench.lighthouse.run

# The Nu HTML Checker on every main page, as each role sees it, with the demo data.
# Installs the pinned vnu-jar from the npm registry into the git-ignored
# bench/validate/node_modules on first use (without its install script, which
# would download a Java runtime: it needs Java 17+). Not part of `make test` or CI.
validate: $(STAMP)
	@test -f bench/validate/node_modules/vnu-jar/build/dist/vnu.jar || \
	  (cd bench/validate && npm ci --no-audit --no-fund --ignore-scripts)
	$(PY) -m bench.validate.run

# Rebuild the vendored plotly.js bundle from its committed inputs (npm registry only)
# in a scratch folder, and check it is byte-for-byte the committed file. Not part of
# `make test` or CI. `make plotly PLOTLY_UPDATE=1` copies a differing build over it.
PLOTLY_DIR := static/vendor/plotly.js-lto-4.1.1
plotly:
	@set -e; B="$$(mktemp -d)"; trap 'rm -rf "$$B"' EXIT; \
	cp $(PLOTLY_DIR)/build/entry.js $(PLOTLY_DIR)/build/build.mjs \
	   $(PLOTLY_DIR)/build/package.json $(PLOTLY_DIR)/build/package-lock.json "$$B"/; \
	(cd "$$B" && npm ci --no-audit --no-fund && npm run build); \
	echo "built:     $$(sha256sum < "$$B/plotly-lto.min.js" | cut -d' ' -f1)"; \
	echo "committed: $$(sha256sum < $(PLOTLY_DIR)/plotly-lto.min.js | cut -d' ' -f1)"; \
	if cmp -s "$$B/plotly-lto.min.js" $(PLOTLY_DIR)/plotly-lto.min.js; then \
	  echo "plotly-lto.min.js: identical"; \
	elif [ -n "$(PLOTLY_UPDATE)" ]; then \
	  cp "$$B/plotly-lto.min.js" $(PLOTLY_DIR)/; \
	  echo "plotly-lto.min.js replaced: update the sizes and sha256 in $(PLOTLY_DIR)/README.md"; \
	else \
	  echo "plotly-lto.min.js differs from the build"; exit 1; \
	fi

# Update locale/*/LC_MESSAGES from the marked text, then compile them. The .mo
# files are committed, so `make run`, `make test` and CI need no gettext tools;
# this target does (Debian's `gettext`). A test fails when a .mo is stale.
MESSAGE_IGNORES := --ignore=.venv --ignore=bench --ignore=static/vendor --ignore=tests --ignore=staticfiles
messages: $(STAMP)
	DEBUG=1 $(PY) manage.py makemessages -l pl -l ur --no-location $(MESSAGE_IGNORES)
	DEBUG=1 $(PY) manage.py makemessages -d djangojs -l pl -l ur --no-location $(MESSAGE_IGNORES)
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
