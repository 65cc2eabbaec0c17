# newsgraph: `make demo` sets everything up and analyses a demo article; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,web]'
	touch $(STAMP)

demo: install
	$(BIN)/newsgraph read samples/kremlin-visit.txt --published 2023-09-14

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python bench/eval_gates.py --shared $(SHARED)

bench: install
	$(BIN)/python bench/extract_speed.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
