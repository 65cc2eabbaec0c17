# newsgraph: `make demo` sets everything up and analyses a demo article; `make test` runs the tests
# (`make test-quick` leaves out the slow ones: under 30 s).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the extras the demo and the tests use (pyproject.toml [project.optional-dependencies])
EXTRAS := test,postgres,dask,warc,web
SHARED ?= ../shared

.PHONY: install demo test test-quick eval bench clean

install: $(STAMP)

# src/newsgraph/__init__.py holds the version the installed metadata carries
$(STAMP): pyproject.toml src/newsgraph/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

demo: install
	$(BIN)/newsgraph read samples/kremlin-visit.txt --published 2023-09-14

test: install
	$(BIN)/python -m pytest -q

test-quick: install
	$(BIN)/python -m pytest -q -m "not slow"

eval: install
	$(BIN)/python eval/gates.py --shared $(SHARED)

bench: install
	$(BIN)/python bench/extract_speed.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
