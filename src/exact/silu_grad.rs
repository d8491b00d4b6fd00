//! `silu_grad(x) = s(x) (1 + x (1 - s(x)))`, the derivative of `silu(x) = x s(x)`.
//!
//! From the sigmoid's parts (`sigmoid.rs`: `e = exp(-|x|)`, `1 / (1 + e) = inv (1 + c)`):
//!
//! - `silu_grad(x) = num / (1 + e)^2` with `num = a + e (1 + x)`, `a = 1` for `x >= 0` and
//!   `a = e^2` for `x < 0` (`num = e (1 + x + e)`), as two words (`1 + x` and the sum by TwoSum),
//!   and `1 / (1 + e)^2 = inv^2 (1 + 2c)` as for `s'`. Nothing overflows.
//! - Near its zero `x0 = -1 - W(1/e) = -1.2784645...` (`1 + x0 + e^x0 = 0`), `1 + x + e`
//!   cancels; for `|x - x0| < 1/16` the kernel computes `t Q(t)` instead, `t = x - x0` to two
//!   words (`x0` to three), `Q` a polynomial of degree 4 (f32) or 9 (f64) with a two-word
//!   constant term (`scripts/fit_silu_grad.py`). Slice blocks with no input there skip it.
//!
//! For `x <= -A_MAX` it rounds to -0 (`silu_grad(-inf) = -0.0`); for `x >= A_MAX` it is 1. The
//! deep tail's second power of two is applied last, so subnormal results are kept.

use super::exp::no_deep_tail;
use super::kernel::{Consts, clamp_a_max, horner, two_sum};
use super::sigmoid::Parts;
use crate::real::MulAdd;
use crate::slice::{Lanes, Unary};

/// `s(x) (1 + x (1 - s(x)))`.
pub(crate) struct SiluGrad;

/// `silu_grad(x)` by the general formula, rounded once.
#[inline(always)]
fn silu_grad<F: Consts, M: MulAdd, const TAIL: bool>(x: F) -> F {
    let p = Parts::<F>::new::<M, TAIL>(x);
    let xc = if TAIL { clamp_a_max(x) } else { x };
    let (eh, el) = (p.e.eh, p.e.el);
    // w = 1 + x = wh + wl (TwoSum), and v = e w = vh + vl.
    let (wh, wl) = two_sum(F::ONE, xc);
    let vh = eh * wh;
    let vl = M::mul_add_acc(eh, wh, -vh) + M::mul_add(eh, wl, el * wh);
    // num = a + e w, a = 1 (x >= 0) or e^2 (x < 0), summed exactly (TwoSum: they cancel near
    // the zero). In the deep tail a = e^2 is negligible, and would be subnormal (tens of times
    // slower on x86): it is computed from 0 there.
    let (fh, fl) = if TAIL {
        (p.e.select_deep(F::ZERO, eh), p.e.select_deep(F::ZERO, el))
    } else {
        (eh, el)
    };
    let a2h = fh * fh;
    let a2l = M::mul_add(fh + fh, fl, M::mul_add_acc(fh, fh, -a2h));
    let (ah, al) = (
        F::select_neg(x, a2h, F::ONE),
        F::select_neg(x, a2l, F::ZERO),
    );
    let (numh, se) = two_sum(ah, vh);
    let numl = se + (al + vl);
    // num / d^2 = num inv^2 (1 + 2c).
    let (ih, il) = p.inv_sq::<M>();
    let y = M::mul_add_acc(numh, ih, M::mul_add(numh, il, numl * ih));
    if TAIL {
        F::select_neg(x, p.e.unscale::<TAIL>(y), y)
    } else {
        y
    }
}

/// `silu_grad(x)` near its zero: `t Q(t)`, `t = x - x0`.
#[inline(always)]
fn silu_grad_near_zero<F: Consts, M: MulAdd>(x: F) -> F {
    // t = x - x0 = th + tl: x - X0_HI is exact (Sterbenz) where this is used, and the rest of
    // x0 joins it by TwoSum, since the input nearest x0 is within an ulp of it (t then needs x0
    // to twice the precision and more: three words).
    let (th, te) = two_sum(x - F::SILU_X0_HI, -F::SILU_X0_LO);
    let tl = te - F::SILU_X0_LO2;
    let q = F::SILU_Q;
    let ql = M::mul_add(th, horner::<F, M>(&q[1..], th), F::SILU_Q0_LO);
    // t Q(t) = th Q(th) + tl (Q(th) + th Q'(th)) to first order in tl, with
    // Q + t Q' = q0 + 2 q1 t (+ the constant's low word) to the order that matters.
    let dq = M::mul_add(q[1] + q[1], th, q[0]);
    let corr = M::mul_add(tl, dq, tl * F::SILU_Q0_LO);
    M::mul_add_acc(th, q[0], M::mul_add(th, ql, corr))
}

/// `x` is far enough from `x0` for the general formula.
#[inline(always)]
fn far_from_zero<F: Consts>(x: F) -> bool {
    // `1/16 / |x - x0| < 1`: false near x0 and for NaN.
    (F::from_f64(0.0625) / (x - F::SILU_X0_HI).abs()).all_lt(F::ONE)
}

impl<F: Consts> Unary<F> for SiluGrad {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        let y = silu_grad::<F, M, true>(x);
        select_near_zero::<F, M>(x, y)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x) && far_from_zero(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        silu_grad::<F, M, false>(x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        // The polynomial only where a lane is near the zero, the tail's steps only where a lane
        // is in the deep tail: the same bits as `eval` either way.
        let y = if no_deep_tail(x) {
            silu_grad::<V, M, false>(x)
        } else {
            silu_grad::<V, M, true>(x)
        };
        if far_from_zero(x) {
            y
        } else {
            select_near_zero::<V, M>(x, y)
        }
    }
}

/// `y`, or the polynomial near the zero where `|x - x0| < 1/16`.
#[inline(always)]
fn select_near_zero<F: Consts, M: MulAdd>(x: F, y: F) -> F {
    let near = silu_grad_near_zero::<F, M>(x);
    // |x - x0| < 1/16: the polynomial.
    F::select_neg((x - F::SILU_X0_HI).abs() - F::from_f64(0.0625), near, y)
}
