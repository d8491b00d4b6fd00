//! Linear interpolation in the tables: `y0 + t (y1 - y0)`, one multiply-add after two loads.
//!
//! Error: `h^2 / 8 * max|f''|` from the interpolation (`h = 1/N`), plus the rounding of the
//! entries and of the result; the measured bounds are the `MAX_ERR` constants.

use super::lookup::{TableData, inside, locate};
use crate::exact::kernel;
use crate::real::MulAdd;
use crate::slice::{Map, Map2};

/// Linear `s(x)`.
pub(crate) struct Sigmoid;
/// Linear `s'(x)`.
pub(crate) struct Grad;
/// Both from one lookup.
pub(crate) struct SigmoidAndGrad;

#[inline(always)]
fn lerp<F: TableData, M: MulAdd>(table: &[F], i: usize, t: F) -> F {
    let (a, b) = (table[i], table[i + 1]);
    M::mul_add(t, b - a, a)
}

/// `s` outside the table: 1 where it rounds to 1, the exact kernel elsewhere (and for NaN).
#[inline(always)]
pub(super) fn sigmoid_tail<F: TableData, M: MulAdd>(x: F) -> F {
    // Computed, then selected: branch-free, so a batch of tails vectorizes.
    let s = <kernel::Sigmoid as Map<F>>::eval::<M>(x);
    if x >= F::SATURATE { F::ONE } else { s }
}

impl<F: TableData> Map<F> for Sigmoid {
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
        lerp::<F, M>(F::s_table(), i, t)
    }
}

impl<F: TableData> Map<F> for Grad {
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
        lerp::<F, M>(F::g_table(), i, t)
    }
}

impl<F: TableData> Map2<F> for SigmoidAndGrad {
    #[inline(always)]
    fn eval2<M: MulAdd>(x: F) -> (F, F) {
        if inside(x) {
            Self::eval2_fast::<M>(x)
        } else {
            let (s, g) = <kernel::SigmoidAndGrad as Map2<F>>::eval2::<M>(x);
            (if x >= F::SATURATE { F::ONE } else { s }, g)
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
        (
            lerp::<F, M>(F::s_table(), i, t),
            lerp::<F, M>(F::g_table(), j, u),
        )
    }
}
