# The README's commands. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Links in emails, feeds and the sitemap use BASE_URL: it follows HOST and PORT unless set.
export BASE_URL ?= http://$(HOST):$(PORT)
# Two processes: the machines here have two cores (pytest-xdist; each worker has its own test database).
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

.PHONY: run test setup lint production-local bench clean screenshots

## make run: install, migrate, load the demo content, make sure an admin exists, serve on 127.0.0.1:8000
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: install the development tools, lint, run the whole test suite
test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=webassoc.settings.test > /dev/null
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

## make production-local: gunicorn + task worker + scheduler with production settings on the
## local PostgreSQL and Redis (no containers), on http://127.0.0.1:8100/
production-local: setup
	$(BIN)/python -m scripts.production_stack

## make screenshots: every public page type at phone (390 px) and desktop (1280 px) width, from a
## throw-away demo database, into screenshots/ (git-ignored). SCREENSHOTS_URL=http://… photographs a running site.
screenshots: $(VENV)/.dev-installed
	$(BIN)/python -m scripts.screenshots $(if $(SCREENSHOTS_URL),--url $(SCREENSHOTS_URL))

setup: $(VENV)/.installed

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 ou plus récent est requis (PYTHON=$(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) staticfiles media-test .pytest_cache
