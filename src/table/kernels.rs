//! The table kernels, written once for both interpolations: inside `(-RANGE, RANGE)` the
//! interpolation `I`, outside it the tails (1 where `s` rounds to 1, the exact kernels elsewhere,
//! NaN included).

use core::marker::PhantomData;

use super::lookup::{TableData, inside, locate};
use crate::exact::kernel;
use crate::real::MulAdd;
use crate::slice::{Map, Map2};

/// An interpolation scheme: `s` and `s'` on cell `i` at fraction `t`.
pub(crate) trait Interp {
    fn sigmoid_at<F: TableData, M: MulAdd>(i: usize, t: F) -> F;
    fn grad_at<F: TableData, M: MulAdd>(i: usize, t: F) -> F;
}

/// Table `s(x)` by interpolation `I`.
pub(crate) struct Sigmoid<I>(PhantomData<I>);
/// Table `s'(x)` by interpolation `I`.
pub(crate) struct Grad<I>(PhantomData<I>);
/// Both, from one call.
pub(crate) struct SigmoidAndGrad<I>(PhantomData<I>);

/// `s` outside the table: 1 where it rounds to 1, the exact kernel elsewhere (and for NaN).
#[inline(always)]
fn sigmoid_tail<F: TableData, M: MulAdd>(x: F) -> F {
    if x >= F::SATURATE {
        F::ONE
    } else {
        <kernel::Sigmoid as Map<F>>::eval::<M>(x)
    }
}

/// `(s, s')` outside the table, from one exact evaluation: `s` saturated as in
/// [`sigmoid_tail`].
#[inline(always)]
fn sigmoid_and_grad_tail<F: TableData, M: MulAdd>(x: F) -> (F, F) {
    let (s, g) = <kernel::SigmoidAndGrad as Map2<F>>::eval2::<M>(x);
    (if x >= F::SATURATE { F::ONE } else { s }, g)
}

impl<F: TableData, I: Interp> Map<F> for Sigmoid<I> {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        if inside(x) {
            Self::eval_fast::<M>(x)
        } else {
            sigmoid_tail::<F, M>(x)
        }
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        inside(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        let (i, t) = locate(x);
        I::sigmoid_at::<F, M>(i, t)
    }
    #[inline(always)]
    fn eval_mixed<M: MulAdd>(x: F) -> F {
        // `locate` clamps the cell, so the table read is in bounds for any x.
        let (f, t) = (Self::eval_fast::<M>(x), sigmoid_tail::<F, M>(x));
        if inside(x) { f } else { t }
    }
}

impl<F: TableData, I: Interp> Map<F> for Grad<I> {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        if inside(x) {
            Self::eval_fast::<M>(x)
        } else {
            <kernel::Grad as Map<F>>::eval::<M>(x)
        }
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        inside(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        // At |x|: exactly even, like the exact kernel.
        let (i, t) = locate(x.abs());
        I::grad_at::<F, M>(i, t)
    }
    #[inline(always)]
    fn eval_mixed<M: MulAdd>(x: F) -> F {
        let (f, t) = (
            Self::eval_fast::<M>(x),
            <kernel::Grad as Map<F>>::eval::<M>(x),
        );
        if inside(x) { f } else { t }
    }
}

impl<F: TableData, I: Interp> Map2<F> for SigmoidAndGrad<I> {
    #[inline(always)]
    fn eval2<M: MulAdd>(x: F) -> (F, F) {
        if inside(x) {
            Self::eval2_fast::<M>(x)
        } else {
            sigmoid_and_grad_tail::<F, M>(x)
        }
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        inside(x)
    }
    #[inline(always)]
    fn eval2_fast<M: MulAdd>(x: F) -> (F, F) {
        let (i, t) = locate(x);
        let (j, u) = locate(x.abs());
        (I::sigmoid_at::<F, M>(i, t), I::grad_at::<F, M>(j, u))
    }
    #[inline(always)]
    fn eval2_mixed<M: MulAdd>(x: F) -> (F, F) {
        let (f, t) = (Self::eval2_fast::<M>(x), sigmoid_and_grad_tail::<F, M>(x));
        if inside(x) { f } else { t }
    }
}
