# supplysim -- build, run, test, benchmark, install.
#
#   make            build ./supplysim
#   make run        install what is missing, build, run the flood scenario and draw its charts
#   make check      install what is missing, build with sanitizers, run every test
#   make bench      benchmarks (speed and memory are measured here, never asserted in tests)
#   make fuzz       AFL++ on configuration loading, -D and results.dat (installs afl++ if
#                   missing): FUZZ_TARGET=config|set|results|all, FUZZ_SECONDS=600 each
#   make install    PREFIX=/usr/local DESTDIR=...
#
# `run` and `check` first run scripts/install-deps, which installs Debian packages only
# when one is missing; they then re-enter make so that pkg-config sees the new packages.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= gcc
PKGS    := gsl libconfig zlib gdal

CSTD     = -std=c11 -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Werror=implicit-function-declaration
CFLAGS  ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LIBS     = $(PKG_LIBS) -lpthread -lm
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The program is built from sim/LAYER/*.c (see sim/README.md); objects go to
# build/obj/LAYER/ (normal build) and build/tobj/LAYER/ (sanitizers, for tests).
# -MMD writes each object's header dependencies beside it.
SRC      := $(wildcard sim/*/*.c)
LIBSRC   := $(filter-out sim/cmd/main.c,$(SRC))
OBJ      := $(SRC:sim/%.c=build/obj/%.o)
TOBJ     := $(SRC:sim/%.c=build/tobj/%.o)
TLIBOBJ  := $(LIBSRC:sim/%.c=build/tobj/%.o)
LIBOBJ   := $(LIBSRC:sim/%.c=build/obj/%.o)
TESTS    := $(patsubst tests/%.c,build/test/%,$(wildcard tests/test_*.c))
BENCHES  := $(patsubst tests/%.c,build/bench/%,$(wildcard tests/bench_*.c))
INC      := -Isim

.PHONY: all run check bench clean install deps run-now check-now bench-now fuzz fuzz-now
.DELETE_ON_ERROR:

all: supplysim

supplysim: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $(OBJ) $(LIBS)

build/obj/%.o: sim/%.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INC) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/tobj/%.o: sim/%.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SAN) -DSUPPLYSIM_PARANOID $(INC) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/test/supplysim: $(TOBJ) | build/test
	$(CC) $(SAN) -o $@ $(TOBJ) $(LIBS)

build/test/test_%: tests/test_%.c $(TLIBOBJ) | build/test
	$(CC) $(CSTD) $(WARN) -O1 -g $(SAN) $(INC) $(PKG_CFLAGS) -MMD -MP -o $@ $< $(TLIBOBJ) $(LIBS) -lcmocka

# the deterministic mutation pass of make check (tests/e2e_fuzz.sh)
FUZZSRC  := tests/fuzz/mutate.c tests/fuzz/target.c
build/test/fuzz_mutate: $(FUZZSRC) tests/fuzz/target.h $(TLIBOBJ) | build/test
	$(CC) $(CSTD) $(WARN) -O1 -g $(SAN) $(INC) -Itests $(PKG_CFLAGS) -o $@ $(FUZZSRC) $(TLIBOBJ) $(LIBS)

build/bench/bench_%: tests/bench_%.c $(LIBOBJ) | build/bench
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INC) $(PKG_CFLAGS) -MMD -MP -o $@ $< $(LIBOBJ) $(LIBS)

# The synthetic-network generator for benchmarks (scripts/gen_network.c).
build/gen-network: scripts/gen_network.c | build/bench
	$(CC) $(CSTD) $(WARN) $(CFLAGS) -o $@ $< -lm

-include $(OBJ:.o=.d) $(TOBJ:.o=.d) $(TESTS:=.d) $(BENCHES:=.d)

build/test build/bench:
	mkdir -p $@

deps:
	@scripts/install-deps --check >/dev/null 2>&1 || scripts/install-deps

run: deps
	@$(MAKE) --no-print-directory run-now

run-now: supplysim
	./supplysim scenarios/flood.cfg

check: deps
	@$(MAKE) --no-print-directory check-now

check-now: supplysim build/test/supplysim build/test/fuzz_mutate build/gen-network $(TESTS)
	@sh tests/run-all.sh $(TESTS)

bench: deps
	@$(MAKE) --no-print-directory bench-now

bench-now: supplysim build/gen-network $(BENCHES)
	@sh scripts/bench.sh $(BENCHES)

FUZZ_TARGET  ?= all
FUZZ_SECONDS ?= 600
fuzz:
	@scripts/install-deps --fuzz
	@$(MAKE) --no-print-directory fuzz-now

fuzz-now: supplysim
	@PKGS="$(PKGS)" sh tests/fuzz/run-afl.sh $(FUZZ_TARGET) $(FUZZ_SECONDS)

install: supplysim
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/supplysim/config \
	           $(DESTDIR)$(PREFIX)/share/supplysim/scenarios
	install -m 755 supplysim $(DESTDIR)$(PREFIX)/bin/supplysim
	install -m 644 config/*.cfg $(DESTDIR)$(PREFIX)/share/supplysim/config/
	-install -m 644 scenarios/*.cfg $(DESTDIR)$(PREFIX)/share/supplysim/scenarios/ 2>/dev/null

clean:
	rm -rf build supplysim out
