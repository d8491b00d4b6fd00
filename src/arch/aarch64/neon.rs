//! The NEON backend: aarch64's baseline, 4 f32 or 2 f64 lanes with `fmla`.
//!
//! Bit-identical to the portable backend.

backend!(crate::real::Fused, "neon");
