# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Django 6 needs Python 3.12+; a pyenv shim on PATH may exist yet fail, so each candidate is run, not looked up.
PY_CANDIDATES := python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python) \
	$(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python) /usr/bin/python3.13 /usr/bin/python3.12 python3
BASE_PYTHON := $(shell for p in $(PY_CANDIDATES); do \
	$$p -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1 && { echo $$p; break; }; done)

.PHONY: run serve test venv lint check pytest e2e seed clean worker

# `make run` serves the portal with the background worker beside it (django-tasks-db `db_worker`: the
# compiled report's household annex PDF). Each runs in its own process group (set -m); Ctrl-C, a kill
# of make or the server's exit ends both groups, so no worker is left behind. Overridable for the test.
RUNSERVER ?= $(PY) manage.py runserver 127.0.0.1:8000
WORKER ?= $(PY) manage.py db_worker

$(VENV)/.installed: requirements.txt
	@test -n "$(BASE_PYTHON)" || { echo "Không tìm thấy Python 3.12 trở lên (cần cho Django 6)."; exit 1; }
	@echo "Dùng Python: $(BASE_PYTHON)"
	test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@$(MAKE) --no-print-directory serve

serve:
	@set -m; worker=; server=; \
	stop() { trap - EXIT INT TERM; kill -TERM -- $${server:+-$$server} $${worker:+-$$worker} 2>/dev/null; wait; }; \
	trap 'stop; exit 130' INT TERM; trap stop EXIT; \
	$(WORKER) & worker=$$!; \
	$(RUNSERVER) & server=$$!; \
	echo "Máy chủ và tiến trình nền (db_worker) đang chạy; Ctrl-C dừng cả hai."; \
	wait $$server

worker: venv
	$(PY) manage.py db_worker

lint: venv
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

check: venv
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

pytest: venv
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "CẢNH BÁO: không có Chromium (/usr/bin/chromium): các kiểm thử trình duyệt tests/e2e sẽ không chạy."; \
		echo "Cài bằng: sudo apt-get install -y chromium"; fi
	$(PY) -m pytest $(PYTEST_ARGS)

test: lint check pytest

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
