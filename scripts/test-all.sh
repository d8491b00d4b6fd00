#!/usr/bin/env bash
# All of sigtab's tests: the README's test command, and what .ci/run calls. About 15 minutes on
# 2 cores. Release builds: the exhaustive f32 tests (2^32 inputs, every backend) refuse debug.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "default features: unit, integration, exhaustive, bench smoke tests"
cargo test --release --all-targets
step "doc tests"
cargo test --release --doc

# Every table resolution builds and meets its published error bounds (the detected backend
# only: the default run above sweeps every backend). Features are additive, so each
# resolution is built without the default one.
for n in 64 1024 4096; do
    step "table-$n"
    SIGTAB_BACKENDS=detected cargo test --release --no-default-features --features "std,table-$n" \
        --test table_error --test special_values --test slice_api
done

step "no_std: the library builds without std, on the host and for a Cortex-M4F"
cargo build --release --no-default-features --features table-256
rustup target add thumbv7em-none-eabihf >/dev/null 2>&1 || true
cargo build --release --target thumbv7em-none-eabihf --no-default-features --features table-64
