//! `softplus(x) = log(1 + e^x)` and `log_sigmoid(x) = log s(x) = -softplus(-x)`: one kernel,
//! mirrored.
//!
//! `softplus(x) = max(x, 0) + log1p(e)`, `e = exp(-|x|)` (`exp.rs`): nothing overflows, and
//! `log1p(e)` is the shared logarithm (`log.rs`) of `z = 1 + e` in the bucket
//! `j = min(round(e N), N - 1)`, reduced from `e` itself (see [`log1p_e`]). The sum `max(x, 0) + log1p(e)` is exact (Fast2Sum on the larger first)
//! before the last rounding, and for `x < 0` in the deep tail the second power of two of `e` is
//! applied last, so the subnormal results are kept (`softplus(-745.0) = 5e-324`).

use super::exp::{ExpNeg, no_deep_tail};
use super::kernel::Consts;
use super::log::log_sum;
use crate::real::MulAdd;
use crate::slice::{Lanes, Unary};

/// `log(1 + e^x)`.
pub(crate) struct Softplus;
/// `log s(x) = -softplus(-x)`.
pub(crate) struct LogSigmoid;

/// `softplus(x)`, rounded once (see the module docs; `TAIL` as for [`ExpNeg::new`]).
#[inline(always)]
pub(crate) fn softplus<F: Consts, M: MulAdd, const TAIL: bool>(x: F) -> F {
    let e = ExpNeg::new::<M, TAIL>(x);
    let (hi, lo) = log1p_e::<F, M, TAIL>(&e);
    let xp = F::select_neg(x, F::ZERO, x);
    let (big, small) = (xp.max_keep_nan(hi), hi.min_keep_nan(xp));
    let s = big + small;
    let y = s + (((big - s) + small) + lo);
    if TAIL {
        // x < 0: the second power of two; x > A_MAX (+inf included): x itself.
        let y = F::select_neg(x, e.unscale::<TAIL>(y), y);
        F::select_neg(F::A_MAX - x, x, y)
    } else {
        y
    }
}

/// `log1p(e) = hi + lo` for `e = eh + el` (unscaled: in the deep tail, `log1p(e) = e` to far
/// below an ulp, and the caller applies the second power of two).
///
/// `z = 1 + e` is never formed: in bucket `j`, `r = z c - 1 = e c + (c - 1)`, with `e c = ph + pl`
/// exactly (one FMA), `c - 1` exact (Sterbenz: `c` in `[1/2, 1]`) and `ph + (c - 1)` exact too
/// (Sterbenz again: in bucket `j >= 1`, `ph` is within a factor 2 of `1 - c`; in bucket 0,
/// `c = 1` and `r = e`), so `r = rh + rl` keeps every bit of `e`, down to the deep tail.
#[inline(always)]
pub(crate) fn log1p_e<F: Consts, M: MulAdd, const TAIL: bool>(e: &ExpNeg<F>) -> (F, F) {
    // In the deep tail log1p(e) is e (scaled) to far below an ulp: the logarithm runs on 0
    // there instead, whose powers stay clear of the subnormals (r^2 of the scaled e would be
    // subnormal in f32, tens of times slower on x86), and e is selected after.
    let (eh, el) = if TAIL {
        (e.select_deep(F::ZERO, e.eh), e.select_deep(F::ZERO, e.el))
    } else {
        (e.eh, e.el)
    };
    let n = F::from_f64((1u32 << F::N_LOG2) as f64);
    // The bucket, rounded into t's low bits: min(round(e N), N - 1).
    let t = M::mul_add(eh, n, F::MAGIC).min_keep_nan(F::MAGIC + (n - F::ONE));
    let (c, lh, ll) = F::log_table(t, M::VECTOR);
    let ph = eh * c;
    let pl = M::mul_add_acc(eh, c, -ph);
    let rh = ph + (c - F::ONE);
    let rl = M::mul_add(el, c, pl);
    let (hi, lo) = log_sum::<F, M, false>(F::ZERO, lh, ll, rh, rl);
    if TAIL {
        (e.select_deep(e.eh, hi), e.select_deep(e.el, lo))
    } else {
        (hi, lo)
    }
}

impl<F: Consts> Unary<F> for Softplus {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        softplus::<F, M, true>(x)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        softplus::<F, M, false>(x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> Unary<F> for LogSigmoid {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        -softplus::<F, M, true>(-x)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        -softplus::<F, M, false>(-x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}
