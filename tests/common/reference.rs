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
