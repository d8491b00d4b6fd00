//! aarch64 backends: NEON with FMA is part of the baseline, so it is chosen at compile time.

pub(crate) mod neon;
