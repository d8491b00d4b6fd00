//! `binary_cross_entropy_with_logits(x, t) = t softplus(-x) + (1 - t) softplus(x)`, the logistic
//! loss of a logit `x` against a target `t`.
//!
//! Written as `u x + log1p(e)` with `e = exp(-|x|)` (`exp.rs`) and `u = 1 - t` (x >= 0) or `-t`
//! (x < 0): the same value (`softplus(x) = max(x, 0) + log1p(e)`), with no term that overflows.
//! `1 - t` (TwoSum), the product `u x` (one FMA for its error) and `log1p(e)` (`softplus.rs`,
//! `log.rs`) are each two words, summed exactly (TwoSum) before the last rounding. For targets in
//! `[0, 1]` both terms are non-negative, so nothing cancels: within 2 ulps (measured below 1).
//! Outside `[0, 1]` the terms may cancel and the bound does not hold.
//!
//! Where `|x| >= A_MAX`, `log1p(e)` is below half the smallest subnormal and the loss is `u x`:
//! `+inf` or `-inf` where `u != 0`, and `0` where `u = 0` (`x = -inf, t = 0`: 0, not the NaN of
//! `0 * inf`). A NaN in either input, or an infinite target, gives NaN.

use super::exp::{ExpNeg, no_deep_tail};
use super::kernel::{Consts, clamp_a_max, two_sum, zero_if_finite};
use super::softplus::log1p_e;
use crate::real::MulAdd;
use crate::slice::{Binary, Lanes};

/// `t softplus(-x) + (1 - t) softplus(x)`.
pub(crate) struct BinaryCrossEntropyWithLogits;

/// `v`, or 0 where `v` is NaN.
#[inline(always)]
fn nan_to_zero<F: Consts>(v: F) -> F {
    // `max_keep_nan` keeps its receiver when the comparison fails: 0 for a NaN argument.
    F::ZERO.max_keep_nan(v) + F::ZERO.min_keep_nan(v)
}

/// The loss, rounded once (`TAIL` as for [`ExpNeg::new`]).
#[inline(always)]
fn loss<F: Consts, M: MulAdd, const TAIL: bool>(x: F, t: F) -> F {
    let e = ExpNeg::new::<M, TAIL>(x);
    let (hi, lo) = log1p_e::<F, M, TAIL>(&e);
    let (hi, lo) = (e.unscale::<TAIL>(hi), e.unscale::<TAIL>(lo));
    // u = 1 - t (x >= 0) or -t (x < 0), two words.
    let (oh, ol) = two_sum(F::ONE, -t);
    let (uh, ul) = (F::select_neg(x, -t, oh), F::select_neg(x, F::ZERO, ol));
    // u x = ph + pl.
    let ph = uh * x;
    let pl = M::mul_add(ul, x, M::mul_add_acc(uh, x, -ph));
    let (s, se) = two_sum(ph, hi);
    let y = s + (se + (pl + lo));
    if TAIL {
        // |x| >= A_MAX (or infinite): u x = ph + pl alone; ph is 0 where it is NaN (u = 0 and
        // x infinite: 0 inf), pl where ph is not finite; NaN for a NaN input or an infinite
        // target.
        let xm = clamp_a_max(x);
        let pl = nan_to_zero(pl + zero_if_finite(ph));
        let big = (nan_to_zero(ph) + pl) + (zero_if_finite(t) + zero_if_finite(xm));
        F::select_neg(F::A_MAX - x.abs(), big, y)
    } else {
        y
    }
}

impl<F: Consts> Binary<F> for BinaryCrossEntropyWithLogits {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F, t: F) -> F {
        loss::<F, M, true>(x, t)
    }
    #[inline(always)]
    fn fast(x: F, _t: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F, t: F) -> F {
        loss::<F, M, false>(x, t)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V, t: V) -> V {
        <Self as Binary<V>>::eval_one::<M>(x, t)
    }
}
