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

// PLACEHOLDER (plumb branch): plain f64 formulas for the logistic family (issue #14), so that the
// generated tests compile; replaced by the real references at merge.

/// `log s(x) = -softplus(-x)` in f64.
pub fn log_sigmoid(x: f64) -> f64 {
    -softplus(-x)
}

/// `log(1 + e^x) = max(x, 0) + log(1 + e^-|x|)` in f64.
pub fn softplus(x: f64) -> f64 {
    (if x > 0.0 { x } else { 0.0 }) + (-x.abs()).exp().ln_1p()
}

/// `log(p / (1 - p))` in f64.
pub fn logit(p: f64) -> f64 {
    p.ln() - (-p).ln_1p()
}

/// `x s(x)` in f64 (`-0.0` at `-inf`).
pub fn silu(x: f64) -> f64 {
    if x == f64::NEG_INFINITY {
        -0.0
    } else {
        x * sigmoid(x)
    }
}

/// `s(x) (1 + x s(-x))` in f64 (its limits at `±inf`).
pub fn silu_grad(x: f64) -> f64 {
    if x.is_infinite() {
        if x > 0.0 { 1.0 } else { 0.0 }
    } else {
        sigmoid(x) * (1.0 + x * sigmoid(-x))
    }
}

/// `t softplus(-x) + (1 - t) softplus(x)` in f64, a term of weight 0 being 0.
pub fn binary_cross_entropy_with_logits(x: f64, t: f64) -> f64 {
    let term = |w: f64, v: f64| if w == 0.0 { 0.0 } else { w * softplus(v) };
    term(t, -x) + term(1.0 - t, x)
}
