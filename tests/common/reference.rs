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

// PLACEHOLDER (plumb branch): the f64 formulas (`src/formula.rs`) widened, so that the generated
// tests compile; replaced by the real 256-bit references of the logistic family at merge.

/// `log s(x)`.
#[allow(dead_code)]
pub fn log_sigmoid(x: f64, _cc: &mut Consts) -> BigFloat {
    BigFloat::from_f64(super::formula::log_sigmoid(x), P)
}

/// `log(1 + e^x)`.
#[allow(dead_code)]
pub fn softplus(x: f64, _cc: &mut Consts) -> BigFloat {
    BigFloat::from_f64(super::formula::softplus(x), P)
}

/// `log(p / (1 - p))`.
#[allow(dead_code)]
pub fn logit(p: f64, _cc: &mut Consts) -> BigFloat {
    BigFloat::from_f64(super::formula::logit(p), P)
}

/// `x s(x)`.
#[allow(dead_code)]
pub fn silu(x: f64, _cc: &mut Consts) -> BigFloat {
    BigFloat::from_f64(super::formula::silu(x), P)
}

/// `s(x) (1 + x (1 - s(x)))`.
#[allow(dead_code)]
pub fn silu_grad(x: f64, _cc: &mut Consts) -> BigFloat {
    BigFloat::from_f64(super::formula::silu_grad(x), P)
}

/// `t softplus(-x) + (1 - t) softplus(x)`.
#[allow(dead_code)]
pub fn binary_cross_entropy_with_logits(x: f64, t: f64, _cc: &mut Consts) -> BigFloat {
    BigFloat::from_f64(super::formula::binary_cross_entropy_with_logits(x, t), P)
}
