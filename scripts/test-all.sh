#!/usr/bin/env bash
# sigtab's tests, by tier: the README's test command, and what .ci/run calls (every tier, about
# 22 minutes on 2 cores). `scripts/test-all.sh --help` lists the tiers; `scripts/test-all.sh quick
# features` runs those two. What a tier needs and lacks it installs, saying what and why, and stops
# if an install fails: nightly with Miri and rust-src (miri, fuzz), cargo-fuzz (fuzz), the
# thumbv7em and aarch64 targets (nostd, aarch64), qemu-user and an aarch64 cross gcc from apt
# (aarch64), a Python virtualenv with maturin, numpy, scipy, mpmath, dask, pandas, xarray, pytest
# and mypy (python), libsleef-dev from apt (peers).
# Release builds throughout: the exhaustive f32 tests (2^32 inputs, every backend) would take
# hours in debug, and refuse to run there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PROPTEST_CASES="${PROPTEST_CASES:-1024}"

TIERS=(quick exhaustive tables features nostd aarch64 python peers miri fuzz)

usage() {
    cat <<'EOF'
usage: scripts/test-all.sh [TIER...]     (no tier, or `all`: every tier, in this order)

tiers:
  quick       the default tests, optimized: unit, integration, property and doc tests, bench
              and example smoke tests (`cargo test` runs the same tests unoptimized; the
              exhaustive ones are ignored in both)
  exhaustive  every f32 input on every backend, exact kernels and tables, built with FMA in
              hardware where the CPU has it
  tables      table-64, table-1024, table-4096 each: published bounds over |x| <= 40
  features    parallel, ndarray, half: each on its own, then together
  nostd       the library without std: tests on the host, build for thumbv7em
  aarch64     the NEON backend under qemu-user (every 509th f32 in the sweeps, every 16th input
              of the logistic family's f64 sample)
  python      the Python wheel in a fresh virtualenv (no Rust on PATH), pytest, bench smoke run
  peers       the C peers of the benchmarks (libmvec, SLEEF) build and compute a sigmoid
  miri        Miri: the slice API and special values (portable, SSE2), reduced sizes
  fuzz        cargo-fuzz on the slice API, 30 s

A tier installs what it lacks (targets, nightly, cargo-fuzz, apt packages), saying so first.

Environment: PROPTEST_CASES (default 1024), SIGTAB_F32_STRIDE, SIGTAB_F32_WITHIN (see
tests/common/mod.rs), SIGTAB_F64_STRIDE (the family's f64 sample, tests/reference_f64.rs).
EOF
}

step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }
# Says what is being installed and why, on stderr, before the install's own output.
installing() { printf '\n--- installing %s\n' "$*" >&2; }
die() { printf 'test-all.sh: %s\n' "$*" >&2; exit 1; }

sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

# apt_install WHY PACKAGE...: installs the Debian packages, after an `apt-get update` if the first
# try fails (a stale package index); fails the run if both do.
apt_install() {
    local why=$1
    shift
    installing "$* with apt-get: $why"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q --no-install-recommends "$@" ||
        { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends "$@"; } ||
        die "apt-get could not install $* (needed for: $why)"
}

# rust_target TARGET WHY: adds the standard library for TARGET unless it is there.
rust_target() {
    if ! rustup target list --installed | grep -x "$1" >/dev/null; then
        installing "the Rust target $1 (rustup target add): $2"
        rustup target add "$1" || die "rustup could not add the target $1"
    fi
}

# nightly WHY: the nightly toolchain with Miri and rust-src, unless it is there.
nightly() {
    if ! cargo +nightly miri --version >/dev/null 2>&1 ||
        ! rustup component list --toolchain nightly --installed 2>/dev/null | grep '^rust-src' >/dev/null; then
        installing "the nightly toolchain with miri and rust-src (rustup): $1"
        rustup toolchain install nightly --profile minimal --component miri,rust-src ||
            die "rustup could not install nightly with miri and rust-src"
    fi
}

tier_quick() {
    step "quick: default features, unit, integration, property, bench and example smoke tests"
    cargo test --release --all-targets
    step "quick: doc tests, every feature"
    cargo test --release --doc --features parallel,ndarray,half
    step "quick: the report's --help prints its usage (and runs nothing)"
    cargo run --release --example report -- --help | grep '^usage: ' >/dev/null
}

# Every f32 input on every backend, compared with the portable reference bit for bit. Built with
# FMA in hardware where the CPU has it, so that the portable backend runs at full speed (without
# it, portable calls libm's software fma: ~300 ns per element). Only the portable path changes
# speed: the SIMD backends are the same `#[target_feature]` functions in both builds, and fma is
# exactly rounded in software and hardware alike. Without FMA the detected backend is the
# reference and portable is compared with it on a stride (see tests/common/mod.rs).
tier_exhaustive() {
    step "exhaustive: every f32 input, exact kernels and tables, every backend"
    if grep -qw fma /proc/cpuinfo 2>/dev/null; then
        RUSTFLAGS="-C target-feature=+fma" CARGO_TARGET_DIR=target/fma \
            cargo test --release --test exhaustive_f32 --test table_error -- --ignored --nocapture
    else
        cargo test --release --test exhaustive_f32 --test table_error -- --ignored --nocapture
    fi
}

# Every table resolution builds and meets its published error bounds: the detected backend only
# (the exhaustive tier sweeps every backend), every f32 with |x| <= 40. Beyond 40 the tables return
# 1 or the exact kernel, the same code at every resolution, swept in full there; drop
# SIGTAB_F32_WITHIN to sweep all 2^32 inputs (about 75 s per resolution). Features are additive
# (the finest wins) and none is on by default, so `--features table-N` builds exactly that one.
tier_tables() {
    local n
    for n in 64 1024 4096; do
        step "tables: table-$n"
        SIGTAB_BACKENDS=detected SIGTAB_F32_WITHIN=40 \
            cargo test --release --features "table-$n" \
            --test table_error --test special_values --test slice_api -- --include-ignored
    done
}

tier_features() {
    step "features: parallel, ndarray, half, each on its own, then all together"
    local f
    for f in parallel ndarray half; do
        cargo test --release --features "$f" --lib --test "$f"
    done
    cargo test --release --features parallel,ndarray,half --lib --test parallel --test ndarray --test half
}

tier_nostd() {
    step "nostd: the library without std passes the tests on the host, and builds for a Cortex-M4F"
    cargo test --release --no-default-features \
        --test special_values --test slice_api --test properties
    rust_target thumbv7em-none-eabihf "the no_std build for a Cortex-M4F"
    cargo build --release --target thumbv7em-none-eabihf --no-default-features --features table-64,half,ndarray
}

# The NEON backend runs under qemu-user, linked by the cross gcc (both Debian packages, installed
# here when missing). Emulated, 2^32 inputs would take hours: the sweeps take every 509th f32
# (8.4 million, still compared with portable bit for bit); the x86_64 runs take them all.
tier_aarch64() {
    step "aarch64: the NEON backend, tested under qemu (every 509th f32 in the sweeps, every 16th f64 family input)"
    rust_target aarch64-unknown-linux-gnu "the NEON backend's tests, run under qemu-user"
    if ! command -v qemu-aarch64 >/dev/null || ! command -v aarch64-linux-gnu-gcc >/dev/null; then
        apt_install "running the aarch64 tests (qemu-aarch64) and linking them (the cross gcc and libc)" \
            qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross
    fi
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu" \
    SIGTAB_F32_STRIDE=509 SIGTAB_F64_STRIDE=16 \
        cargo test --release --target aarch64-unknown-linux-gnu --test slice_api --test special_values \
            --test properties --test reference_f64 --test table_error --test exhaustive_f32 \
            -- --include-ignored --nocapture
}

# The Python package as a user gets it: a wheel built by maturin, installed into a fresh
# virtualenv with no Rust toolchain on PATH and nothing from the network, then pytest (numpy's
# ufunc conventions, accuracy against mpmath and scipy, dask, pandas, xarray, mypy on the stubs)
# and a smoke run of python/bench.py.
tier_python() {
    step "python: build the wheel, install it into a fresh virtualenv, pytest, bench smoke run"
    rm -rf target/venv target/wheels
    python3 -m venv target/venv
    installing "pip packages into target/venv: maturin (builds the wheel); numpy, scipy, mpmath," \
        "dask, pandas, xarray, pytest, mypy (what the tests compare with and run on)"
    target/venv/bin/pip install -q --upgrade pip || die "pip could not upgrade itself"
    target/venv/bin/pip install -q maturin numpy scipy mpmath "dask[array]" pandas xarray pytest mypy ||
        die "pip could not install the Python test dependencies"
    target/venv/bin/maturin build --release -m python/Cargo.toml -o target/wheels
    env PATH=/usr/bin:/bin target/venv/bin/pip install -q --no-index --only-binary :all: \
        --find-links target/wheels sigtab
    target/venv/bin/python -m pytest -q python/tests
    target/venv/bin/python python/bench.py --smoke >/dev/null
}

# The C peers the benches compare with (glibc libmvec, SLEEF from Debian's libsleef-dev): they
# build, and each computes a sigmoid. `cargo bench -p sigtab-peers` times them; the example
# prints speed and error side by side.
tier_peers() {
    step "peers: libmvec and SLEEF build and compute a sigmoid"
    if [ ! -e /usr/include/x86_64-linux-gnu/sleef.h ] && [ "$(uname -m)" = x86_64 ]; then
        apt_install "the SLEEF rows of the peer benchmarks (sigtab-peers)" libsleef-dev
    fi
    cargo test --release -p sigtab-peers
    cargo run --release -p sigtab-peers --example compare
}

tier_miri() {
    step "Miri: the portable and SSE2 backends and the slice API, at reduced sizes"
    nightly "Miri runs the slice API and special-value tests"
    cargo +nightly miri setup
    cargo +nightly miri test --test slice_api --test special_values
}

tier_fuzz() {
    step "fuzz: the slice API on every backend, 30 s"
    nightly "cargo-fuzz builds with nightly's sanitizer flags"
    if ! command -v cargo-fuzz >/dev/null; then
        installing "cargo-fuzz (cargo install --locked): it builds and runs the fuzz target"
        cargo install cargo-fuzz --locked || die "cargo install cargo-fuzz failed"
    fi
    cargo +nightly fuzz build slices
    cargo +nightly fuzz run slices -- -max_total_time=30
}

selected=()
for a in "$@"; do
    case "$a" in
    -h | --help) usage; exit 0 ;;
    all) selected+=("${TIERS[@]}") ;;
    *)
        [[ " ${TIERS[*]} " == *" $a "* ]] || { usage >&2; die "unknown tier \`$a\`"; }
        selected+=("$a")
        ;;
    esac
done
[ ${#selected[@]} -gt 0 ] || selected=("${TIERS[@]}")

summary=()
for t in "${selected[@]}"; do
    start=$SECONDS
    "tier_$t"
    summary+=("$(printf '%-11s %4d s' "$t" $((SECONDS - start)))")
done
step "done"
printf '  %s\n' "${summary[@]}"
