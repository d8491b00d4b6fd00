//! The sigmoid `s(x)` and its derivative `s'(x)`, alone or together.
//!
//! With `a = |x|` and `e = exp(-a)` (`exp.rs`):
//!
//! ```text
//! s(x)  = 1 / (1 + e)        for x >= 0        s'(x) = e / (1 + e)^2   (even in x)
//! s(x)  = e / (1 + e)        for x <  0
//! ```
//!
//! Nothing overflows: `e <= 1` always. `d = 1 + e = dh + dl` (Fast2Sum), `inv = fl(1 / dh)`, and
//! `1 / d = inv (1 + c)`, with `c` from the exact residual `1 - inv dh` (one FMA) and `dl`. Each
//! result is rounded once, at the end: `s(x) = inv + inv c` (x >= 0), `e inv + inv (e c + el)`
//! (x < 0), `s' = e inv^2 (1 + 2c)`; in the deep tail the second power of two of `e` is applied
//! last.

use super::exp::{ExpNeg, no_deep_tail};
use super::kernel::Consts;
use crate::real::{MulAdd, Real};
use crate::slice::{Lanes, Unary, UnaryPair};

/// `s(x)`.
pub(crate) struct Sigmoid;
/// `s'(x)`.
pub(crate) struct Grad;
/// `(s(x), s'(x))` from one exponential; bit-identical to the two separate kernels.
pub(crate) struct SigmoidAndGrad;

impl<F: Consts> Unary<F> for Sigmoid {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, true>(x).sigmoid::<M, true>(x)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, false>(x).sigmoid::<M, false>(x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        // Every lane short of the deep tail: the fast path (`fast` is `no_deep_tail`).
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> Unary<F> for Grad {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, true>(x).grad::<M, true>()
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, false>(x).grad::<M, false>()
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        // Every lane short of the deep tail: the fast path (`fast` is `no_deep_tail`).
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> UnaryPair<F> for SigmoidAndGrad {
    #[inline(always)]
    fn eval2<M: MulAdd>(x: F) -> (F, F) {
        let p = Parts::<F>::new::<M, true>(x);
        (p.sigmoid::<M, true>(x), p.grad::<M, true>())
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval2_fast<M: MulAdd>(x: F) -> (F, F) {
        let p = Parts::<F>::new::<M, false>(x);
        (p.sigmoid::<M, false>(x), p.grad::<M, false>())
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval2_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> (V, V) {
        // As in `Sigmoid::eval_lanes`.
        <Self as UnaryPair<V>>::eval2_one::<M>(x)
    }
}

/// What `s` and `s'` share: `e` and `1 / (1 + e) = inv (1 + c)`.
pub(crate) struct Parts<F: Real> {
    pub(crate) e: ExpNeg<F>,
    pub(crate) inv: F,
    pub(crate) c: F,
}

impl<F: Consts> Parts<F> {
    /// See [`ExpNeg::new`] for `TAIL`.
    #[inline(always)]
    pub(crate) fn new<M: MulAdd, const TAIL: bool>(x: F) -> Self {
        let e = ExpNeg::new::<M, TAIL>(x);
        let (dh, dl) = e.one_plus();
        let inv = F::ONE / dh;
        let rho = M::mul_add_acc(-inv, dh, F::ONE);
        let c = M::mul_add(-inv, dl, rho);
        Parts { e, inv, c }
    }

    /// `n / d = n inv (1 + c)`, `n = 1` (x >= 0) or `n = e` (x < 0), as `(nh, nl)`: the
    /// numerator's two words.
    #[inline(always)]
    pub(crate) fn numerator(&self, x: F) -> (F, F) {
        (
            F::select_neg(x, self.e.eh, F::ONE),
            F::select_neg(x, self.e.el, F::ZERO),
        )
    }

    /// `s(x) = n inv (1 + c)`, rounded once.
    #[inline(always)]
    pub(crate) fn sigmoid<M: MulAdd, const TAIL: bool>(&self, x: F) -> F {
        let (inv, c) = (self.inv, self.c);
        let (nh, nl) = self.numerator(x);
        let s = M::mul_add_acc(nh, inv, M::mul_add(nh, c, nl) * inv);
        if TAIL {
            F::select_neg(x, self.e.unscale::<TAIL>(s), s)
        } else {
            s
        }
    }

    /// `1 / d^2 = ah + al = inv^2 (1 + 2c)`, as two words.
    #[inline(always)]
    pub(crate) fn inv_sq<M: MulAdd>(&self) -> (F, F) {
        let (inv, c) = (self.inv, self.c);
        let ah = inv * inv;
        let al = M::mul_add(c + c, ah, M::mul_add_acc(inv, inv, -ah));
        (ah, al)
    }

    /// `e / d^2 = e inv^2 (1 + 2c)`, rounded once.
    #[inline(always)]
    pub(crate) fn grad<M: MulAdd, const TAIL: bool>(&self) -> F {
        let (ah, al) = self.inv_sq::<M>();
        let (eh, el) = (self.e.eh, self.e.el);
        let g = M::mul_add_acc(eh, ah, M::mul_add(eh, al, el * ah));
        self.e.unscale::<TAIL>(g)
    }
}
