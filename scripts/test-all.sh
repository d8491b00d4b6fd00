#!/usr/bin/env bash
# All of sigtab's tests: the README's test command, and what .ci/run calls.
# Release build: the exhaustive f32 test (2^32 inputs, every backend) refuses debug builds.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --all-targets
cargo test --release --doc
