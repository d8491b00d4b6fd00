//! `softplus(x) = log(1 + e^x)` and `log_sigmoid(x) = log s(x) = -softplus(-x)`: one kernel,
//! mirrored.
//!
//! `softplus(x) = max(x, 0) + log1p(e)`, `e = exp(-|x|)` (`exp.rs`): nothing overflows, and
//! `log1p(e)` is the shared logarithm (`log.rs`) of `z = 1 + e = dh + dl` in the bucket
//! `j = min(round(e N), N - 1)`. In bucket 0 (`e < 1/2N`), `r = e` itself: `dh - 1` would have
//! lost `e`'s low bits. The sum `max(x, 0) + log1p(e)` is exact (Fast2Sum on the larger first)
//! before the last rounding, and for `x < 0` in the deep tail the second power of two of `e` is
//! applied last, so the subnormal results are kept (`softplus(-745.0) = 5e-324`).

use super::exp::{ExpNeg, no_deep_tail};
use super::kernel::Consts;
use super::log::{log_sum, reduce};
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
    let (hi, lo) = log1p_e::<F, M>(&e);
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
#[inline(always)]
pub(crate) fn log1p_e<F: Consts, M: MulAdd>(e: &ExpNeg<F>) -> (F, F) {
    let n = F::from_f64((1u32 << F::N_LOG2) as f64);
    let (dh, dl) = e.one_plus();
    // The bucket, rounded into t's low bits: min(round(e N), N - 1).
    let t = M::mul_add(e.eh, n, F::MAGIC).min_keep_nan(F::MAGIC + (n - F::ONE));
    let (c, lh, ll) = F::log_table(t, M::VECTOR);
    let (rh, rl) = reduce::<F, M>(dh, dl, c);
    // Bucket 0 (negative `j - 1/2`): r = e.
    let b0 = (t - F::MAGIC) - F::from_f64(0.5);
    let (rh, rl) = (F::select_neg(b0, e.eh, rh), F::select_neg(b0, e.el, rl));
    log_sum::<F, M, false>(F::ZERO, lh, ll, rh, rl)
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
