//! `silu(x) = x s(x)`, also called swish (Elfwing, Uchibe and Doya 2018; Hendrycks and Gimpel
//! 2016).
//!
//! From the sigmoid's parts (`sigmoid.rs`: `e = exp(-|x|)`, `1 / (1 + e) = inv (1 + c)`):
//! `silu(x) = n x inv (1 + c)`, `n = 1` (x >= 0) or `e` (x < 0), with `x inv` split exactly (one
//! FMA) and rounded once, with `x`'s sign (`silu(-0.0) = -0.0`). For `x <= -A_MAX` it rounds to
//! -0 (`silu(-inf) = -0.0`); for `x >= A_MAX` it is `x`. The deep tail's second power of two is
//! applied last, so subnormal results are kept.

use super::exp::no_deep_tail;
use super::kernel::{Consts, clamp_a_max};
use super::sigmoid::Parts;
use crate::real::MulAdd;
use crate::slice::{Lanes, Unary};

/// `x s(x)`.
pub(crate) struct Silu;

/// `silu(x)`, rounded once (`TAIL` as for `ExpNeg::new`).
#[inline(always)]
fn silu<F: Consts, M: MulAdd, const TAIL: bool>(x: F) -> F {
    let p = Parts::<F>::new::<M, TAIL>(x);
    let xc = if TAIL { clamp_a_max(x) } else { x };
    let (nh, nl) = p.numerator(x);
    // x s = nh (u + ul) + (nh c + nl) u, with u + ul = x inv exactly.
    let u = xc * p.inv;
    let ul = M::mul_add_acc(xc, p.inv, -u);
    let y = M::mul_add_acc(nh, u, M::mul_add(nh, ul, M::mul_add(nh, p.c, nl) * u));
    // x's sign (silu(-0.0) = -0.0, where the sum above gives +0).
    let y = F::select_neg(x, -y.abs(), y.abs());
    if TAIL {
        // x < 0: the second power of two; x > A_MAX: x itself (s rounds to 1 long before).
        let y = F::select_neg(x, p.e.unscale::<TAIL>(y), y);
        F::select_neg(F::A_MAX - x, x, y)
    } else {
        y
    }
}

impl<F: Consts> Unary<F> for Silu {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        silu::<F, M, true>(x)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        silu::<F, M, false>(x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}
