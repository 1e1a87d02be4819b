# coffeechat: `make serve` to use it, `make test` to check it. Both set themselves up.
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")

.PHONY: init serve test lint check bench

init:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --quiet --extra dev

serve: init
	$(UV) run coffeechat serve

test: init
	bash scripts/test

lint: init
	bash scripts/lint

check: init
	$(UV) run coffeechat check

bench: init
	$(UV) run python bench/today.py
	$(UV) run python bench/imports.py
	$(UV) run python bench/notes_search.py
	$(UV) run python bench/contacts.py
	$(UV) run python bench/insights.py
