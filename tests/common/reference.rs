//! The arbitrary-precision reference for the f64 accuracy tests and the report: `s(x)` and
//! `s'(x)` to 256 bits by astro-float, from `e = exp(-|x|)` (the same overflow-free form as the
//! kernels, but with every operation 203 bits wider than f64).

use astro_float::{BigFloat, Consts, RoundingMode};

/// Bits of precision.
pub const P: usize = 256;
/// Rounding of every operation.
pub const RM: RoundingMode = RoundingMode::ToEven;

/// `(s(x), s'(x))` to `P` bits.
pub fn sigmoid_and_grad(x: f64, cc: &mut Consts) -> (BigFloat, BigFloat) {
    let one = BigFloat::from_f64(1.0, P);
    let e = BigFloat::from_f64(-x.abs(), P).exp(P, RM, cc);
    let d = one.add(&e, P, RM);
    let s = if x >= 0.0 {
        one.div(&d, P, RM)
    } else {
        e.div(&d, P, RM)
    };
    let g = e.div(&d.mul(&d, P, RM), P, RM);
    (s, g)
}

/// Error of `y` in f64 ulps of the exact value `r` (finite, non-zero), from the raw parts of `r`:
/// value = 0.m * 2^exp, mantissa words least significant first. (Used by the f64 tests and the
/// peers' comparison; the report, which includes this file too, measures its own way.)
#[allow(dead_code)]
pub fn ulps(y: f64, r: &BigFloat) -> f64 {
    let (m, _, _, exp, _) = r.as_raw_parts().expect("finite reference");
    let exp: i32 = exp;
    // r in units of 2^(exp - 126), truncated to 126 bits: r < 2^126 units, and any y < 2 r
    // (a result that rounded up into the next binade included) fits in an i128.
    let top = ((m[m.len() - 1] as u128) << 62) | ((m[m.len() - 2] as u128) >> 2);
    let ulp_exp = (exp - 53).max(-1074) - (exp - 126);
    let yv: i128 = if y == 0.0 {
        0
    } else {
        let bits = y.to_bits();
        let (mant, ey) = if (bits >> 52) & 0x7ff == 0 {
            (bits & ((1 << 52) - 1), -1074)
        } else {
            (
                (bits & ((1 << 52) - 1)) | (1 << 52),
                ((bits >> 52) & 0x7ff) as i32 - 1075,
            )
        };
        let shift = ey - (exp - 126);
        // The shifted mantissa must fit in an i128 (a subnormal's short mantissa shifts further).
        if shift < 0 || (64 - mant.leading_zeros() as i32) + shift > 127 {
            return f64::INFINITY;
        }
        (mant as i128) << shift
    };
    ((yv - top as i128) as f64).abs() / 2f64.powi(ulp_exp)
}

/// `s(x)` to `P` bits: one reference per listed function (`src/registry.rs`), by its name; the
/// generated tests (`tests/registry.rs`) do not compile for a function that has none.
#[allow(dead_code)]
pub fn sigmoid(x: f64, cc: &mut Consts) -> BigFloat {
    sigmoid_and_grad(x, cc).0
}

/// `s'(x)` to `P` bits.
#[allow(dead_code)]
pub fn sigmoid_grad(x: f64, cc: &mut Consts) -> BigFloat {
    sigmoid_and_grad(x, cc).1
}

// The logistic family (issue #14). Every function below works at `W` bits and rounds its result
// to `P`; each is exact up to a relative error far below 2^-300 for every finite input (checked
// against mpmath by `tests/reference_vs_mpmath.rs`, to the 128 bits the data keeps), in forms
// that never overflow: `softplus(x) = max(x, 0) + log1p(e^-|x|)`.
//
// One approximation, outside any float's reach: `e^-a` for `a > EXP_CUT` (below 2^-1442695) is
// taken as 0. A result made only of such a term (`softplus(-1e7)`, `log_sigmoid(1e7)`,
// `silu(-1e7)`, `silu_grad(-1e7)`, the loss at `x = 1e7`, `t = 1`) comes back as a zero of the
// result's sign, which `ulps` measures as every f64 would be: 0 ulp from ±0, infinitely far from
// anything else. (The true value is below the smallest subnormal by a factor of 2^1442000.)

/// Working precision of the logistic family: `P` plus two words of guard bits, which cover the
/// worst cancellation (`silu_grad` at the f64 nearest its zero: 53 bits) many times over.
pub const W: usize = P + 128;

/// Beyond this, `e^-a` is taken as 0 (see above).
pub const EXP_CUT: f64 = 1e6;

/// `x` exactly. astro-float 0.9's `from_f64` is one binade off for subnormal inputs, so those go
/// through `x 2^64` (exact, normal) and back.
pub fn big(x: f64) -> BigFloat {
    if x != 0.0 && x.abs() < f64::MIN_POSITIVE {
        let scaled = BigFloat::from_f64(x * 2f64.powi(64), P);
        scaled.mul(&BigFloat::from_f64(2f64.powi(-64), P), P, RM)
    } else {
        BigFloat::from_f64(x, P)
    }
}

/// `v` rounded to `P` bits (NaN and infinities as they are).
fn to_p(mut v: BigFloat) -> BigFloat {
    v.set_precision(P, RM).expect("rounding to P bits");
    v
}

/// A zero with the sign of `negative`.
fn zero(negative: bool) -> BigFloat {
    let mut z = BigFloat::from_f64(0.0, P);
    if negative {
        z.set_sign(astro_float::Sign::Neg);
    }
    z
}

/// `e^-a` for `a >= 0`, `None` beyond `EXP_CUT`.
fn exp_neg(a: f64, cc: &mut Consts) -> Option<BigFloat> {
    debug_assert!(a >= 0.0);
    (a <= EXP_CUT).then(|| big(-a).exp(W, RM, cc))
}

/// `log(1 + u)` for `u > -1`, to `W` bits: a series below 2^-64 (first dropped term under
/// 2^-320 relative), else `ln(1 + u)` with `1 + u` rounded to `W` bits (absolute error 2^-384,
/// relative at most 2^-319 of a result above 2^-65; astro-float's `ln` adds the bits it needs
/// near 1 itself).
pub fn log1p(u: &BigFloat, cc: &mut Consts) -> BigFloat {
    if u.is_zero() {
        return u.clone();
    }
    let tiny = BigFloat::from_f64(2f64.powi(-64), P);
    if u.abs().cmp(&tiny) == Some(-1) {
        // u - u^2/2 + u^3/3 - u^4/4 + u^5/5
        let mut sum = BigFloat::from_f64(0.0, P);
        let mut pow = u.clone();
        for k in 1..=5 {
            let term = pow.div(&BigFloat::from_f64(k as f64, P), W, RM);
            sum = if k % 2 == 1 {
                sum.add(&term, W, RM)
            } else {
                sum.sub(&term, W, RM)
            };
            pow = pow.mul(u, W, RM);
        }
        sum
    } else {
        BigFloat::from_f64(1.0, P).add(u, W, RM).ln(W, RM, cc)
    }
}

/// `log(1 + e^-a)` for `a >= 0`, to `W` bits (0 beyond `EXP_CUT`).
fn softplus_tail(a: f64, cc: &mut Consts) -> BigFloat {
    match exp_neg(a, cc) {
        Some(e) => log1p(&e, cc),
        None => zero(false),
    }
}

/// `softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|)`, to `W` bits.
fn softplus_w(x: f64, cc: &mut Consts) -> BigFloat {
    let tail = softplus_tail(x.abs(), cc);
    if x > 0.0 {
        big(x).add(&tail, W, RM)
    } else {
        tail
    }
}

/// `log(1 + e^x)` to `P` bits.
#[allow(dead_code)]
pub fn softplus(x: f64, cc: &mut Consts) -> BigFloat {
    to_p(softplus_w(x, cc))
}

/// `log s(x) = -softplus(-x)` to `P` bits (`-0` where `softplus(-x)` is taken as 0).
#[allow(dead_code)]
pub fn log_sigmoid(x: f64, cc: &mut Consts) -> BigFloat {
    to_p(softplus_w(-x, cc).neg())
}

/// `logit(p) = log(p / (1 - p))` to `P` bits: NaN outside [0, 1] (and for NaN), -inf at ±0, +inf
/// at 1, exactly 0 at 1/2. On [1/4, 3/4] as `log1p((2p - 1) / (1 - p))` (numerator and
/// denominator exact, so the zero at 1/2 costs nothing), elsewhere as `log p - log1p(-p)` (no
/// cancellation: below 1/4, `|log p| > 1.38` and `0 <= -log1p(-p) < 0.29`; above 3/4 the same with
/// the roles swapped).
#[allow(dead_code)]
pub fn logit(p: f64, cc: &mut Consts) -> BigFloat {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return astro_float::NAN;
    }
    if p == 0.0 {
        return astro_float::INF_NEG;
    }
    if p == 1.0 {
        return astro_float::INF_POS;
    }
    if p == 0.5 {
        return zero(false);
    }
    let one = BigFloat::from_f64(1.0, P);
    let bp = big(p);
    let r = if (0.25..=0.75).contains(&p) {
        // 2p - 1 and 1 - p are exact (55 bits at most).
        let num = bp.add(&bp, P, RM).sub(&one, P, RM);
        let den = one.sub(&bp, P, RM);
        log1p(&num.div(&den, W, RM), cc)
    } else {
        bp.ln(W, RM, cc).sub(&log1p(&bp.neg(), cc), W, RM)
    };
    to_p(r)
}

/// `silu(x) = x s(x)` to `P` bits: `x / (1 + e^-x)` for `x >= 0`, `x e^x / (1 + e^x)` below.
#[allow(dead_code)]
pub fn silu(x: f64, cc: &mut Consts) -> BigFloat {
    let one = BigFloat::from_f64(1.0, P);
    let bx = big(x);
    let r = match exp_neg(x.abs(), cc) {
        Some(e) => {
            let d = one.add(&e, W, RM);
            if x >= 0.0 {
                bx.div(&d, W, RM)
            } else {
                bx.mul(&e, W, RM).div(&d, W, RM)
            }
        }
        None if x > 0.0 => bx,
        None => zero(true),
    };
    to_p(r)
}

/// `silu'(x) = s(x) (1 + x (1 - s(x)))` to `P` bits. With `e = e^-|x|`: `(1 + e + x e) / (1 + e)^2`
/// for `x >= 0` (every term positive), `e (1 + x + e) / (1 + e)^2` below. The zero at
/// `x0 = -1 - W(1/e) = -1.27846454276107379...` is a cancellation in `1 + x + e`, at most 53 bits
/// for an f64 `x` (the nearest f64 is 2^-53 from `x0`, the nearest f32 2^-26.2), far inside the
/// 128 guard bits of `W`: `1 + x` is exact there and `e` has a relative error of 2^-384.
#[allow(dead_code)]
pub fn silu_grad(x: f64, cc: &mut Consts) -> BigFloat {
    let one = BigFloat::from_f64(1.0, P);
    let bx = big(x);
    let r = match exp_neg(x.abs(), cc) {
        Some(e) => {
            let d = one.add(&e, W, RM);
            let d2 = d.mul(&d, W, RM);
            if x >= 0.0 {
                d.add(&bx.mul(&e, W, RM), W, RM).div(&d2, W, RM)
            } else {
                let n = one.add(&bx, W, RM).add(&e, W, RM);
                e.mul(&n, W, RM).div(&d2, W, RM)
            }
        }
        // 1 + (x - 1) e^-x - ...: 1 to far more than P bits.
        None if x > 0.0 => one,
        // x e^x: negative.
        None => zero(true),
    };
    to_p(r)
}

/// `binary_cross_entropy_with_logits(x, t) = t softplus(-x) + (1 - t) softplus(x)` to `P` bits,
/// as `m + log1p(e^-|x|)` with `m = (1 - t) x` for `x > 0`, `-t x` otherwise, computed exactly:
/// for `t` in [0, 1] a sum of two non-negative terms, and for other `t` (where
/// the loss can cross 0) the only error is `W`-bit rounding of the logarithm, 2^-384 of it.
#[allow(dead_code)]
pub fn binary_cross_entropy_with_logits(x: f64, t: f64, cc: &mut Consts) -> BigFloat {
    let (bx, bt) = (big(x), big(t));
    // Exact: 1 - t has at most 1076 significant bits, its product with x at most 53 more.
    // (At a fixed precision: astro-float 0.9's `*_full_prec` operations lose a zero operand.)
    const EXACT: usize = 1216;
    let m = if x > 0.0 {
        BigFloat::from_f64(1.0, P)
            .sub(&bt, EXACT, RM)
            .mul(&bx, EXACT, RM)
    } else {
        bt.mul(&bx, EXACT, RM).neg()
    };
    let tail = softplus_tail(x.abs(), cc);
    let r = if tail.is_zero() {
        if m.is_zero() {
            // t = 1 at x beyond EXP_CUT (or t = 0 below -EXP_CUT): the value is the dropped
            // e^-|x|, positive.
            zero(false)
        } else {
            m
        }
    } else {
        m.add(&tail, W, RM)
    };
    to_p(r)
}
