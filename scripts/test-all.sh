#!/usr/bin/env bash
# All of sigtab's tests: the README's test command, and what .ci/run calls. About 22 minutes on
# 2 cores. Installs what it needs (nightly with Miri, cargo-fuzz, the thumbv7em and aarch64
# targets, qemu-user and an aarch64 cross gcc from apt, a Python virtualenv with numpy, scipy,
# dask and pytest).
# Release builds: the exhaustive f32 tests (2^32 inputs, every backend) would take hours in debug.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }
export PROPTEST_CASES="${PROPTEST_CASES:-1024}"

step "default features: unit, integration, property, bench smoke tests (exhaustive ones below)"
cargo test --release --all-targets
step "doc tests, every feature"
cargo test --release --doc --features parallel,ndarray,half

# Every f32 input on every backend, compared with the portable reference bit for bit. Built with
# FMA in hardware where the CPU has it, so that the portable backend runs at full speed (without
# it, portable calls libm's software fma: ~300 ns per element). Only the portable path changes
# speed: the SIMD backends are the same `#[target_feature]` functions in both builds, and fma is
# exactly rounded in software and hardware alike. Without FMA the detected backend is the
# reference and portable is compared with it on a stride (see tests/common/mod.rs).
step "exhaustive: every f32 input, exact kernels and tables, every backend"
if grep -qw fma /proc/cpuinfo 2>/dev/null; then
    RUSTFLAGS="-C target-feature=+fma" CARGO_TARGET_DIR=target/fma \
        cargo test --release --test exhaustive_f32 --test table_error -- --ignored --nocapture
else
    cargo test --release --test exhaustive_f32 --test table_error -- --ignored --nocapture
fi

# Every table resolution builds and meets its published error bounds: the detected backend only
# (the run above sweeps every backend), every f32 with |x| <= 40. Beyond 40 the tables return 1
# or the exact kernel, the same code at every resolution, swept in full above; drop
# SIGTAB_F32_WITHIN to sweep all 2^32 inputs (about 75 s per resolution). Features are additive,
# so each resolution is built without the default one.
for n in 64 1024 4096; do
    step "table-$n"
    SIGTAB_BACKENDS=detected SIGTAB_F32_WITHIN=40 \
        cargo test --release --no-default-features --features "std,table-$n" \
        --test table_error --test special_values --test slice_api -- --include-ignored
done

step "features parallel, ndarray, half: each on its own, then all together"
for f in parallel ndarray half; do
    cargo test --release --features "$f" --test "$f"
done
cargo test --release --features parallel,ndarray,half --test parallel --test ndarray --test half

step "no_std: the library without std passes the tests on the host, and builds for a Cortex-M4F"
cargo test --release --no-default-features --features table-256 \
    --test special_values --test slice_api --test properties
rustup target add thumbv7em-none-eabihf >/dev/null 2>&1 || true
cargo build --release --target thumbv7em-none-eabihf --no-default-features --features table-64,half,ndarray

# The NEON backend runs under qemu-user, linked by the cross gcc (both Debian packages, installed
# here when missing). Emulated, 2^32 inputs would take hours: the sweeps take every 509th f32
# (8.4 million, still compared with portable bit for bit); the x86_64 runs above take them all.
step "aarch64: the NEON backend, tested under qemu (every 509th f32 in the sweeps)"
rustup target add aarch64-unknown-linux-gnu >/dev/null 2>&1 || true
cross=(qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
if ! command -v qemu-aarch64 >/dev/null || ! command -v aarch64-linux-gnu-gcc >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    install_cross() { $sudo apt-get install -y -q --no-install-recommends "${cross[@]}" >/dev/null; }
    install_cross || { $sudo apt-get update -q >/dev/null && install_cross; }
fi
CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu" \
SIGTAB_F32_STRIDE=509 \
    cargo test --release --target aarch64-unknown-linux-gnu --test slice_api --test special_values \
        --test properties --test reference_f64 --test table_error --test exhaustive_f32 \
        -- --include-ignored --nocapture

step "Python: pip install ./python into a fresh virtualenv, then pytest (scipy, mpmath, dask)"
rm -rf target/venv
python3 -m venv target/venv
target/venv/bin/pip install -q --upgrade pip
target/venv/bin/pip install -q numpy scipy mpmath "dask[array]" pytest
target/venv/bin/pip install -q ./python
target/venv/bin/python -m pytest -q python/tests

step "Miri: the portable and SSE2 backends and the slice API, at reduced sizes"
rustup toolchain install nightly --profile minimal --component miri,rust-src >/dev/null 2>&1 || true
cargo +nightly miri setup >/dev/null
cargo +nightly miri test --test slice_api --test special_values

step "fuzz: the slice API on every backend, 30 s"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo +nightly fuzz build slices
cargo +nightly fuzz run slices -- -max_total_time=30
step "done"
