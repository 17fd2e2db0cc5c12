# The two commands: `make run` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test e2e lint bench load clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	DEBUG=1 $(PY) manage.py demo_logins
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

test: lint
	$(VENV)/bin/pytest --ignore=tests/e2e -q

e2e: $(STAMP)
	$(VENV)/bin/pytest tests/e2e -q

# Page timings at programme scale (SQLite, or PostgreSQL with DATABASE_URL).
bench: $(STAMP)
	$(PY) -m bench.run

# 100 respondents on two gunicorn servers and PostgreSQL, with a worker killed.
load: $(STAMP)
	$(PY) -m bench.load.run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
