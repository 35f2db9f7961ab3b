# The two set-up commands (see README.md) and the steps they are made of.
.PHONY: run test deps build build-scs build-asan lint tidy servers-start servers-stop clean

# Install what is missing, build, and run `scs all` on the embedded defaults
# (SQLite under ./data/, in-process queues, http://localhost:8081).
run: deps build-scs
	./build/scs all --sandbox

# Install, build (normal + ASan/UBSan), lint, start PostgreSQL/Redis/fauxqs, run every test.
test:
	bash scripts/test.sh

deps:
	bash scripts/install-deps.sh

build:
	bash scripts/build.sh normal

# Only the service binary and the emulators it starts (scs-sandbox): what `make run` needs,
# without the tests and benchmarks.
build-scs:
	bash scripts/build.sh normal scs

build-asan:
	bash scripts/build.sh asan

lint:
	bash scripts/lint.sh

tidy:
	bash scripts/lint.sh --all

servers-start:
	bash scripts/test-env.sh start

servers-stop:
	bash scripts/test-env.sh stop

clean:
	rm -rf build build-asan
