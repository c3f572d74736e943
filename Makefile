.PHONY: run setup test build generate bench eval clean

# Run geokg: embedded store, seed article loaded, playground on :8080.
run:
	go run .

# Install what the tests need (Java, Maven, Chromium, npm and Python
# packages, Go modules); idempotent and quick when all is there.
setup:
	scripts/setup.sh

# The whole test suite (starts its own Neo4j unless NEO4J_URI is set); it
# installs nothing itself, so setup runs first, once.
test: setup
	scripts/test.sh

build:
	go build -o geokg .

generate:
	go generate ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

# Extraction quality on the development set beside the repo.
eval: build
	python3 ../shared/eval/eval.py ./geokg ../shared/eval/dev

clean:
	rm -rf geokg test-artifacts .cache
