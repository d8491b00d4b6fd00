//! `logit(p) = log(p / (1 - p))`, the inverse of the sigmoid.
//!
//! `q = 1 - p` is two words (Fast2Sum: `1 >= p`; exact for `p >= 1/2`), `ρ = p / q` two words
//! (one division, the exact residual `p - ρ_h q_h` by one FMA, and `1 / q = 1 + ρ`), and `log ρ` the shared
//! logarithm (`log.rs`) with `ρ_h = 2^k z`, `z` in `[1 - 1/4N, 2 - 1/2N)` and the bucket from the
//! bits of `z` (after glibc's `log`: the bits of `ρ_h` minus those of `1 - 1/4N` give `k` and
//! the bucket at once). Near `p = 1/2`, `ρ` is near 1 and lands in bucket 0, where nothing
//! cancels: `logit(0.5 + d) = 4d + ...` keeps every bit. Subnormal `p` are scaled by `2^(p+1)`
//! first.
//!
//! `logit(0) = -inf` (also for -0.0), `logit(1) = inf`; NaN outside `[0, 1]` and for NaN, as
//! `scipy.special.logit`. The kernel splits floats into integer fields, which the explicit SIMD
//! lanes do not implement: its slice loops are the generic ones, vectorized by the compiler.

use super::kernel::Consts;
use super::log::{log_sum, reduce};
use crate::real::MulAdd;
use crate::slice::Unary;

/// `log(p / (1 - p))`.
pub(crate) struct Logit;

/// The integer operations on a float's fields that `logit` needs.
pub trait Decompose: Consts + PartialOrd {
    /// `(k, z, j, 2^-k)` with `self = 2^k z` (`self` positive and normal), `z` in
    /// `[1 - 1/4N, 2 - 1/2N)`, and `j` (a float whose low `N_LOG2` bits are the bucket index, as
    /// [`Consts::log_table`] reads it).
    fn decompose(self) -> (Self, Self, Self, Self);
    /// The smallest positive normal number.
    const MIN_NORMAL: Self;
}

macro_rules! decompose {
    ($f:ident, $u:ident, $i:ident) => {
        impl Decompose for $f {
            #[inline(always)]
            fn decompose(self) -> ($f, $f, $f, $f) {
                const MANT: u32 = $f::MANTISSA_DIGITS - 1;
                const N: $u = 1 << <$f as Consts>::N_LOG2;
                // 1 - 1/4N: its bits start bucket 0 (half of it below 1, half above).
                const OFF: $u = (1.0 - 0.25 / N as $f).to_bits();
                let tmp = self.to_bits().wrapping_sub(OFF);
                let k = (tmp as $i) >> MANT;
                let j = (tmp >> (MANT - <$f as Consts>::N_LOG2)) & (N - 1);
                let z = $f::from_bits(self.to_bits().wrapping_sub((k as $u) << MANT));
                let bias = ($f::MAX_EXP - 1) as $i;
                let inv_2k = $f::from_bits(((bias - k) as $u) << MANT);
                (k as $f, z, $f::from_bits(j), inv_2k)
            }
            const MIN_NORMAL: $f = $f::MIN_POSITIVE;
        }
    };
}
decompose!(f32, u32, i32);
decompose!(f64, u64, i64);

#[inline(always)]
fn logit<F: Decompose, M: MulAdd>(p: F) -> F {
    let half = F::from_f64(0.5);
    // The special inputs computed on 1/2, then replaced.
    let zero = p == F::ZERO;
    let one = p == F::ONE;
    let inside = p > F::ZERO && p < F::ONE;
    let pc = if inside { p } else { half };
    // Subnormal p: scaled by 2^(MANT + 2), so that p / q is normal.
    let tiny = pc < F::MIN_NORMAL;
    let two_pm = F::from_f64((1u64 << (F::MANT_BITS + 2)) as f64);
    let ps = if tiny { pc * two_pm } else { pc };
    let k_adj = if tiny {
        F::from_f64((F::MANT_BITS + 2) as f64)
    } else {
        F::ZERO
    };
    // q = 1 - p = qh + ql, rho = p / q = rh + rl (of the scaled p).
    let qh = F::ONE - pc;
    let ql = (F::ONE - qh) - pc;
    let rh = ps / qh;
    let res = M::mul_add_acc(-rh, qh, ps);
    // The low word: (p - rho q) / q, where 1 / q = 1 + p / q ~ 1 + rh (to the low word's
    // precision; rh scaled by 2^(MANT + 2) for a subnormal p is still far below 1).
    let rl = (res - rh * ql) * (F::ONE + rh);
    // log(rho) = k ln 2 + L[j] + log1p(z c - 1).
    let (k, z, j, inv_2k) = rh.decompose();
    let (c, lh, ll) = F::log_table(j, M::VECTOR);
    let (r, r_lo) = reduce::<F, M>(z, rl * inv_2k, c);
    let (hi, lo) = log_sum::<F, M, true>(k - k_adj, lh, ll, r, r_lo);
    let y = hi + lo;
    if zero {
        F::ZERO - F::ONE / F::ZERO
    } else if one {
        F::ONE / F::ZERO
    } else if inside {
        y
    } else {
        F::ZERO / F::ZERO
    }
}

impl<F: Decompose> Unary<F> for Logit {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        logit::<F, M>(x)
    }
}
