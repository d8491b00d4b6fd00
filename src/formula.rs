//! Reference formulas in f64, dependency-free, shared by `build.rs` (table generation) and the
//! tests (the f32 reference) through `#[path]`: one source of truth.
//!
//! Overflow-free forms: with `e = exp(-|x|) <= 1`, `s(x) = 1 / (1 + e)` for `x >= 0`,
//! `e / (1 + e)` for `x < 0`, and `s'(x) = e / (1 + e)^2`. Each is within a few f64 ulps, far
//! below an f32 ulp or a table's error.
#![allow(dead_code)]

/// `s(x)` in f64.
pub fn sigmoid(x: f64) -> f64 {
    let e = (-x.abs()).exp();
    if x >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

/// `s'(x)` in f64.
pub fn sigmoid_grad(x: f64) -> f64 {
    let e = (-x.abs()).exp();
    e / ((1.0 + e) * (1.0 + e))
}

/// `(s(x), s'(x))` from one exponential.
pub fn sigmoid_and_grad(x: f64) -> (f64, f64) {
    let e = (-x.abs()).exp();
    let d = 1.0 + e;
    let s = if x >= 0.0 { 1.0 / d } else { e / d };
    (s, e / (d * d))
}
