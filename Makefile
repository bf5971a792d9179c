# One place for the project's commands. `make demo` and `make test` are the quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install compile demo test check lint typecheck bench lock clean

# Dependencies and the project's packages are compiled to bytecode at install: where
# PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile its imports again
# (a 1,000-page recrawl took 1.3-1.5 s instead of 0.7-0.8 s).
$(BIN)/careerdiff: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip sync -q --compile-bytecode --python $(BIN)/python --require-hashes requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m compileall -q careerdiff models flows
	@touch $@

# The extractors compiled with mypyc (see extractors/_native.py): rebuilt when a source
# changes; when the build fails they run from source, so installing never fails on it.
NATIVE := extractors/_native.json
$(NATIVE): $(BIN)/careerdiff $(wildcard extractors/*.py)
	-$(BIN)/python -m extractors._build

compile: $(NATIVE)

install: $(BIN)/careerdiff $(NATIVE)

demo: install
	$(BIN)/careerdiff demo

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

bench: install
	$(BIN)/python bench/run.py

lock:
	uv pip compile pyproject.toml --extra dev --extra bench --generate-hashes \
		--python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build extractors/*.so $(NATIVE)
