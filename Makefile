# TechMarket: `make run` sets up and serves the marketplace; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)

.PHONY: help run serve setup frontend test lint test-backend test-frontend test-e2e chromium clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "TechMarket needs Python 3.11 or newer (set PYTHON=python3.12 …)")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build --silent

setup: $(VENV)/.installed frontend/dist/index.html ## Install the backend and build the frontend

frontend: frontend/dist/index.html ## Build the web app into frontend/dist

run: setup ## Set up, migrate, load demo data if empty, and serve at http://localhost:8000
	$(BIN)/techmarket migrate
	$(BIN)/techmarket seed-demo --if-empty
	@echo "TechMarket at http://localhost:$(PORT) · API docs at http://localhost:$(PORT)/api/docs"
	$(BIN)/techmarket serve --host $(HOST) --port $(PORT)

serve: ## Serve without setting up (after `make run` once)
	$(BIN)/techmarket serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed ## ruff, mypy and the import-linter contracts
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test-backend: $(VENV)/.installed ## Backend tests (TECHMARKET_TEST_DATABASE_URL / _REDIS_URL pick the engines)
	$(BIN)/pytest -m "not e2e" -q

test-frontend: frontend/node_modules/.installed ## Vitest + React Testing Library
	cd frontend && npm test --silent

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "End-to-end tests need Chromium at $(CHROMIUM): sudo apt-get install chromium"; exit 1; fi; \
	fi

test-e2e: setup chromium ## Browser tests: Playwright drives Chromium against a real server
	$(BIN)/pytest -m e2e -q

test: lint test-backend test-frontend test-e2e ## Every check: lint, backend, frontend and browser tests

clean: ## Remove the virtual environment, the builds and local data
	rm -rf $(VENV) frontend/node_modules frontend/dist var test-results
