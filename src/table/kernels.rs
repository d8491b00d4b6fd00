//! The table kernels, written once for both interpolations: inside `(-RANGE, RANGE)` the
//! interpolation `I`, outside it the tails (1 where `s` rounds to 1, the exact kernels elsewhere,
//! NaN included).

use core::marker::PhantomData;

use super::lookup::{TableData, inside, locate};
use crate::exact as kernel;
use crate::real::MulAdd;
use crate::slice::{Lanes, Unary, UnaryPair};

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
        <kernel::Sigmoid as Unary<F>>::eval::<M>(x)
    }
}

/// `(s, s')` outside the table, from one exact evaluation: `s` saturated as in
/// [`sigmoid_tail`].
#[inline(always)]
fn sigmoid_and_grad_tail<F: TableData, M: MulAdd>(x: F) -> (F, F) {
    let (s, g) = <kernel::SigmoidAndGrad as UnaryPair<F>>::eval2::<M>(x);
    (if x >= F::SATURATE { F::ONE } else { s }, g)
}

/// One block on explicit lanes: `pick(x, tail)` per element, where `tail` is the lane of the exact
/// kernel (computed on the lanes, and only when some input is outside the table). The table reads
/// stay with the vectorizer; what the lanes buy is the exact kernel at full width in the tails.
#[inline(always)]
fn on_lanes<F: TableData, V: Lanes<F>, M: MulAdd, T: Unary<F>>(
    x: V,
    pick: impl Fn(F, F) -> F,
) -> V {
    const { assert!(V::N <= 16) };
    let (mut xs, mut ys) = ([F::ZERO; 16], [F::ZERO; 16]);
    // SAFETY: both buffers hold 16 >= V::N elements; a lane value exists only inside the
    // backend whose features its operations need (see `Lanes`).
    unsafe { x.store(xs.as_mut_ptr()) };
    let xs = &xs[..V::N];
    if !xs.iter().fold(true, |acc, &v| acc & inside(v)) {
        // SAFETY: as above.
        unsafe { T::eval_lanes::<V, M>(x).store(ys.as_mut_ptr()) };
    }
    for (y, &v) in ys.iter_mut().zip(xs) {
        *y = pick(v, *y);
    }
    // SAFETY: as above.
    unsafe { V::load(ys.as_ptr()) }
}

impl<F: TableData, I: Interp> Unary<F> for Sigmoid<I> {
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
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        on_lanes::<F, V, M, kernel::Sigmoid>(x, |v, t| {
            let f = Self::eval_fast::<M>(v);
            let t = if v >= F::SATURATE { F::ONE } else { t };
            if inside(v) { f } else { t }
        })
    }
}

impl<F: TableData, I: Interp> Unary<F> for Grad<I> {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        if inside(x) {
            Self::eval_fast::<M>(x)
        } else {
            <kernel::Grad as Unary<F>>::eval::<M>(x)
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
            <kernel::Grad as Unary<F>>::eval::<M>(x),
        );
        if inside(x) { f } else { t }
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        on_lanes::<F, V, M, kernel::Grad>(x, |v, t| {
            let f = Self::eval_fast::<M>(v);
            if inside(v) { f } else { t }
        })
    }
}

impl<F: TableData, I: Interp> UnaryPair<F> for SigmoidAndGrad<I> {
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
    const LANES: bool = true;
    #[inline(always)]
    fn eval2_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> (V, V) {
        const { assert!(V::N <= 16) };
        let (mut xs, mut ys, mut gs) = ([F::ZERO; 16], [F::ZERO; 16], [F::ZERO; 16]);
        // SAFETY: as in `on_lanes`.
        unsafe { x.store(xs.as_mut_ptr()) };
        let xs = &xs[..V::N];
        if !xs.iter().fold(true, |acc, &v| acc & inside(v)) {
            let (s, g) = <kernel::SigmoidAndGrad as UnaryPair<F>>::eval2_lanes::<V, M>(x);
            // SAFETY: as in `on_lanes`.
            unsafe { (s.store(ys.as_mut_ptr()), g.store(gs.as_mut_ptr())) };
        }
        for ((y, g), &v) in ys.iter_mut().zip(gs.iter_mut()).zip(xs) {
            let (fs, fg) = Self::eval2_fast::<M>(v);
            let s = if v >= F::SATURATE { F::ONE } else { *y };
            (*y, *g) = if inside(v) { (fs, fg) } else { (s, *g) };
        }
        // SAFETY: as in `on_lanes`.
        unsafe { (V::load(ys.as_ptr()), V::load(gs.as_ptr())) }
    }
}
