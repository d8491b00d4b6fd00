#!/usr/bin/env bash
# All of sigtab's tests: the README's test command, and what .ci/run calls. About 25 minutes on
# 2 cores. Installs what it needs (nightly with Miri, cargo-fuzz, the thumbv7em target).
# Release builds: the exhaustive f32 tests (2^32 inputs, every backend) refuse debug.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }
export PROPTEST_CASES="${PROPTEST_CASES:-1024}"

step "default features: unit, integration, exhaustive, property, bench smoke tests"
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

step "no_std: the library without std passes the tests on the host, and builds for a Cortex-M4F"
cargo test --release --no-default-features --features table-256 \
    --test special_values --test slice_api --test properties
rustup target add thumbv7em-none-eabihf >/dev/null 2>&1 || true
cargo build --release --target thumbv7em-none-eabihf --no-default-features --features table-64

step "aarch64: the NEON backend builds (it is not run here: no aarch64 machine)"
rustup target add aarch64-unknown-linux-gnu >/dev/null 2>&1 || true
cargo build --release --lib --target aarch64-unknown-linux-gnu

step "Miri: the portable and SSE2 backends and the slice API, at reduced sizes"
rustup toolchain install nightly --profile minimal --component miri,rust-src >/dev/null 2>&1 || true
cargo +nightly miri setup >/dev/null
cargo +nightly miri test --test slice_api --test special_values

step "fuzz: the slice API on every backend, 60 s"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo +nightly fuzz build slices
cargo +nightly fuzz run slices -- -max_total_time=60
