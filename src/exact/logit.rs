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
//! `scipy.special.logit`, selected at the end by the sign of `p - 2^-149` (`p <= 0`) and of
//! `(1 - ulp) - p` (`p >= 1`); slice blocks with every `p` in `[2^-25, 1 - 2^-25]` (f32; the f64
//! range is alike) skip the selects and the scaling.

use super::kernel::{Consts, pow2, zero_if_finite};
use super::log::{log_sum, reduce};
use crate::real::MulAdd;
use crate::slice::{Lanes, Unary};

/// `log(p / (1 - p))`.
pub(crate) struct Logit;

/// `logit(p)` for `p` in `(0, 1)` (`TAIL = false`: `p >= 2^-p`, so no scaling), the specials
/// selected with `TAIL`.
#[inline(always)]
fn logit<F: Consts, M: MulAdd, const TAIL: bool>(p: F) -> F {
    let mant = F::MANT_BITS as f64;
    // Inputs outside (0, 1) computed on the nearest point inside, then replaced.
    let min_sub = F::MIN_NORMAL * F::from_f64(pow2(-(mant as i32)));
    let one_minus = F::ONE - F::from_f64(pow2(-(mant as i32) - 1));
    let pc = if TAIL {
        p.max_keep_nan(min_sub).min_keep_nan(one_minus)
    } else {
        p
    };
    // A subnormal p is scaled by 2^(MANT + 2), so that p / q is normal.
    let (ps, k_adj) = if TAIL {
        let below = pc - F::MIN_NORMAL;
        let two_m = F::from_f64(pow2(mant as i32 + 2));
        (
            F::select_neg(below, pc * two_m, pc),
            F::select_neg(below, F::from_f64(mant + 2.0), F::ZERO),
        )
    } else {
        (pc, F::ZERO)
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
    if TAIL {
        // p <= 0: -inf at ±0 (adding +0 clears -0's sign), NaN below; p >= 1: inf at 1, NaN above.
        let (nan, inf) = (F::from_f64(f64::NAN), F::from_f64(f64::INFINITY));
        // `p - p` keeps a NaN input NaN whichever way the selects go (a NaN's sign, which they
        // test, is unspecified: Miri draws it at random).
        let nan_in = zero_if_finite(p);
        let low = F::select_neg(p + F::ZERO, nan, -inf) + nan_in;
        let high = F::select_neg((F::ONE - p) + F::ZERO, nan, inf) + nan_in;
        let y = F::select_neg(p - min_sub, low, y);
        F::select_neg(one_minus - p, high, y)
    } else {
        y
    }
}

impl<F: Consts> Unary<F> for Logit {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        logit::<F, M, true>(x)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        // |p - 1/2| < 1/2 - 2^-25 (f32; 2^-54 in f64): p in (0, 1), far from the subnormals.
        let half = F::from_f64(0.5);
        (x - half)
            .abs()
            .all_lt(half - F::from_f64(pow2(-(F::MANT_BITS as i32) - 2)))
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        logit::<F, M, false>(x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}
