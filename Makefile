# ISMS Desk: the two commands the README promises, and the steps they are made of.
SHELL := /bin/bash
GOBIN := $(shell go env GOPATH)/bin
WAILS := $(GOBIN)/wails
TAGS  := webkit2_41
export PATH := $(GOBIN):$(PATH)

.PHONY: run test crash crash-short soak deps deps-test build frontend bindings go-test frontend-test e2e-browser e2e-window reports-check release release-test bench clean

## run: install what is missing, build the app and open the window
run: deps build
	./build/bin/ismsdesk

## test: install what the tests need, then run every test
test: deps-test go-test crash-short frontend-test build e2e-browser e2e-window reports-check release-test
	@echo "all tests passed"

deps:
	scripts/deps.sh build

deps-test:
	scripts/deps.sh test

## build: the production binary in build/bin/ismsdesk (frontend built and embedded)
build:
	$(WAILS) build -tags $(TAGS) -m -trimpath

frontend:
	cd frontend && npm run build

bindings:
	$(WAILS) generate module -tags $(TAGS)

go-test:
	go vet ./...
	go test -count=1 ./...

frontend-test:
	cd frontend && npx tsc --noEmit && npm test

e2e-browser:
	scripts/e2e-browser.sh

e2e-window: build
	scripts/e2e-window.sh

## reports-check: every report from the demo database opens in LibreOffice Calc
reports-check:
	scripts/check-reports.sh

## release: the .deb, the Windows binary and its installer, with SHA256SUMS, in build/release
release:
	scripts/release.sh

## release-test: the release artefacts check out: checksums, the .deb's binary runs, versions stamped
release-test: release
	scripts/release-test.sh

## crash: the crash campaign (SIGKILL, Ctrl-C, SIGTERM during import, undo, backup, restore)
crash:
	scripts/crash.sh

crash-short:
	CRASH_SHORT=1 scripts/crash.sh

## soak: the model-based soak test (SOAK_SECONDS, default 60)
soak:
	scripts/soak.sh

## bench: Go benchmarks (store, import, export) with the import/excelize ratio
bench:
	scripts/bench.sh

clean:
	rm -rf build/bin build/release frontend/dist/assets frontend/dist/index.html test-artifacts
