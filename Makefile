# The few commands people and CI use. Everything installs into .venv from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/bridgehub
HOST ?= 127.0.0.1:8000

.PHONY: install compile-kernels demo test test-sqlite test-postgres bench lint fmt messages compile-messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) compile-messages compile-kernels

# The compiled loops, into Numba's cache now (instant when already cached): the scheduler's annealing
# (engines/scheduling/kempe_kernel.py), so that no solve pays the compilation inside its time limit, and
# the pipeline report's stage state and counts (engines/pipeline/*_kernel.py), so that no report
# request pays it.
compile-kernels: $(STAMP)
	$(BIN)/python -m bridgehub.engines.scheduling.kempe
	$(BIN)/python -m bridgehub.engines.pipeline.state_kernel
	$(BIN)/python -m bridgehub.engines.pipeline.figures_kernel

compile-messages: $(STAMP)
	cd src/bridgehub && ../../$(BIN)/bridgehub compilemessages --verbosity 0

demo: export BRIDGEHUB_SITE_URL ?= http://$(HOST)
demo: install
	$(BIN)/bridgehub migrate --noinput --verbosity 0
	$(BIN)/bridgehub createcachetable
	$(BIN)/bridgehub demo
	@echo "Serving http://$(HOST)/  (Ctrl-C to stop); a background worker refreshes matches, runs the optimiser and sends mail"
	$(BIN)/bridgehub db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	BRIDGEHUB_DEMO_BANNER=var/demo-logins.txt $(BIN)/bridgehub runserver $(HOST)

# The two databases' suites run side by side (one per core; each has its own data directory, so
# their index files and mail folders never meet); --output-sync keeps each suite's report whole.
test: install lint
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

# One BLAS thread per suite: two suites each running OpenBLAS's default two spinning threads on two
# cores thrashed (the encoder's matrix products); the same tests took 4x as long side by side.
# The meeting optimiser likewise: one core per suite (its annealing otherwise runs two walks).
SUITE_THREADS = OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 BRIDGEHUB_SOLVER_THREADS=1

test-sqlite: install
	$(SUITE_THREADS) DJANGO_ALLOW_ASYNC_UNSAFE=1 $(BIN)/pytest -q

test-postgres: install
	$(SUITE_THREADS) BRIDGEHUB_DATA_DIR=var/test-postgres BRIDGEHUB_DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m "not browser and not engine"

bench: install
	$(BIN)/python bench/directory_load.py --out bench/out
	$(BIN)/python bench/scheduling.py --real --out bench/out
	$(BIN)/python bench/matching.py --out bench/out
	$(BIN)/python bench/reader.py --out bench/out
	$(BIN)/python bench/matching_page.py --out bench/out
	$(BIN)/python bench/pipeline_load.py --out bench/out
	$(BIN)/python bench/signals_linking.py --out bench/out
	$(BIN)/python bench/signals_load.py --out bench/out

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

fmt: install
	$(BIN)/ruff check --fix src tests bench

messages: install
	cd src/bridgehub && ../../$(BIN)/bridgehub makemessages -l zh_Hant -l ja --no-obsolete --no-location --verbosity 0
