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

// The logistic family (issue #14): the f32 kernels' reference. Each is within a few f64 ulps of
// the exact value for every f32 input, that is within 2^-26 f32 ulp (an f32 ulp is 2^29 f64
// ulps); the forms are chosen for that, never overflow, and give the limits at ±inf. `exp`,
// `exp_m1`, `ln` and `ln_1p` are the platform's libm (std, glibc here: within 1 ulp).
//
// How the bounds were measured: `tests/formula_accuracy.rs` compares each formula with the 256-bit
// reference (`tests/common/reference.rs`, itself checked against mpmath) on every 2^18-th f32 and
// every f32 within 1024 steps of the points where the form could lose accuracy (zeros,
// cancellations, regime changes, underflow of the result; every f32 within 2^-8 of silu_grad's
// zero), ~35k to 100k inputs per function, and asserts the stated bounds (the measured maximum
// rounded up, for other libms). The bounds are not proofs; the per-operation error analysis in
// each doc says why no input between the samples does worse.

/// `log(1 + e^x) = max(x, 0) + log1p(e^-|x|)`: a sum of two non-negative terms. `softplus(inf) =
/// inf`, `softplus(-inf) = 0`.
///
/// Accuracy: at most 1.5 f64 ulp over f32 inputs (measured 1.36, at x = -3.457; see below).
pub fn softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

/// `log s(x) = -softplus(-x) = min(x, 0) - log1p(e^-|x|)`: two non-positive terms.
/// `log_sigmoid(-inf) = -inf`, `log_sigmoid(inf) = -0`.
///
/// Accuracy: at most 1.5 f64 ulp over f32 inputs (measured 1.05).
pub fn log_sigmoid(x: f64) -> f64 {
    -softplus(-x)
}

/// `logit(p) = log(p / (1 - p))`: NaN outside [0, 1], -inf at ±0, inf at 1, exactly 0 at 1/2.
///
/// On [1/4, 3/4] as `log1p((2p - 1) / (1 - p))`: `2p - 1` is exact, and so is `1 - p` for an f32
/// `p` (for an f64 `p` below 1/2 it is rounded once), so the result keeps its relative precision
/// down to the zero at 1/2. Elsewhere as `log p - log1p(-p)`, where one term is at least 4.8 times
/// the other and they have the same sign: no cancellation (`1 - p` is exact near 1 too).
///
/// Accuracy: at most 2 f64 ulp over f32 inputs (measured 1.47, at p = 0.28125), every f32 around 0,
/// 1/4, 1/2, 3/4 and 1 included.
pub fn logit(p: f64) -> f64 {
    if (0.25..=0.75).contains(&p) {
        ((2.0 * p - 1.0) / (1.0 - p)).ln_1p()
    } else {
        p.ln() - (-p).ln_1p()
    }
}

/// `silu(x) = x s(x)`: the product of `x` and [`sigmoid`]. `silu(-inf) = -0`, `silu(inf) = inf`,
/// `silu(-0) = -0`.
///
/// Accuracy: at most 2.5 f64 ulp over f32 inputs (measured 2.11, at x = -16.999).
pub fn silu(x: f64) -> f64 {
    if x == f64::NEG_INFINITY {
        return -0.0;
    }
    x * sigmoid(x)
}

/// `silu_grad`'s zero `x0 = -1 - W(1/e)` (`W` Lambert's), as a double-double: `X0_HI + X0_LO`
/// is within 2^-107 of it (mpmath). The f64 nearest `x0` is 2^-53 from it, the f32 nearest
/// 2^-26.2 (`-1.2784645557403564`, where `silu'` is `-2.8e-9`).
pub const SILU_GRAD_X0_HI: f64 = -1.2784645427610737;
/// See [`SILU_GRAD_X0_HI`].
pub const SILU_GRAD_X0_LO: f64 = -1.0946994183093437e-16;

/// `silu'(x) = s(x) (1 + x (1 - s(x)))`: for `x >= 0`, with `e = e^-x`, `(1 + e + x e) / (1 + e)^2`
/// (positive terms); below 0, with `e = e^x`, `e (1 + x + e) / (1 + e)^2`. `silu_grad(inf) = 1`,
/// `silu_grad(-inf) = -0`.
///
/// `1 + x + e^x` vanishes at `x0 = -1.27846...` ([`SILU_GRAD_X0_HI`]): there the plain sum keeps
/// the absolute error of `e^x` (2^-55), which at the f32 nearest `x0` (`1 + x + e^x = -1.7e-8`)
/// would be 2^-29 relative, 1/64 of an f32 ulp. So within 1/16 of `x0` it is computed from
/// `h = x - x0` (to 2^-106, `x - X0_HI` being exact) as `1 + x + e^x = -x0 h + e^x0 (e^h - 1 - h)`
/// (`e^x0 = -1 - x0`), relative error a few f64 ulps down to `h = 0`; used within 1/2 of `x0`,
/// where `x - X0_HI` is exact (Sterbenz) and beyond which `|1 + x + e^x| > 0.6`.
///
/// Accuracy: at most 6 f64 ulp over f32 inputs (measured 4.98, at x = -1.2746: the rounding of
/// `e`, `n` and `(1 + e)^2` adding up, not a cancellation), every f32 within 2^-8 of `x0`
/// included. The plain sum instead of the Taylor form: 2^-29 relative at the f32 nearest `x0`.
pub fn silu_grad(x: f64) -> f64 {
    if x >= 0.0 {
        if x == f64::INFINITY {
            return 1.0;
        }
        let e = (-x).exp();
        let d = 1.0 + e;
        (d + x * e) / (d * d)
    } else {
        if x == f64::NEG_INFINITY {
            return -0.0;
        }
        let e = x.exp();
        let d = 1.0 + e;
        let h = (x - SILU_GRAD_X0_HI) - SILU_GRAD_X0_LO;
        let n = if h.abs() < 0.5 {
            let c = -1.0 - SILU_GRAD_X0_HI;
            -SILU_GRAD_X0_HI * h + c * (h.exp_m1() - h)
        } else {
            1.0 + x + e
        };
        e * n / (d * d)
    }
}

/// `binary_cross_entropy_with_logits(x, t) = t softplus(-x) + (1 - t) softplus(x)`, as
/// `m + log1p(e^-|x|)` with `m = (1 - t) x` for `x > 0` and `-t x` otherwise: for `t` in [0, 1],
/// two non-negative terms (outside [0, 1] the loss can cross 0 and this form loses its relative
/// accuracy there). The limits: `(inf, 1)` and `(-inf, 0)` give 0 (`m` is taken as 0 where its
/// weight is 0), `(inf, t < 1)` and `(-inf, t > 0)` give inf.
///
/// Accuracy: at most 2.5 f64 ulp over f32 `x` and `t` in [0, 1] (measured 1.23).
pub fn binary_cross_entropy_with_logits(x: f64, t: f64) -> f64 {
    let m = if x > 0.0 {
        let w = 1.0 - t;
        if w == 0.0 { 0.0 } else { w * x }
    } else if t == 0.0 {
        0.0
    } else {
        -t * x
    };
    m + (-x.abs()).exp().ln_1p()
}
