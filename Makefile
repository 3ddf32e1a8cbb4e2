# tiegraph: the two commands in README.md are `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps build demo test bench model clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/tiegraph

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bench/run.sh $(BUILD)

# Retrains the named-entity taggers from ../shared/data and writes them into
# data/models/ (committed, so a fresh clone needs no ../shared).
SHARED_DATA ?= ../shared/data
model: build
	$(BUILD)/tiegraph ner train --lang ko --out data/models/ner-ko.bin --data-dir $(SHARED_DATA)
	$(BUILD)/tiegraph ner train --lang en --out data/models/ner-en.bin --data-dir $(SHARED_DATA)

clean:
	rm -rf $(BUILD)
