//! Linear interpolation in the tables: `y0 + t (y1 - y0)`, one multiply-add after two loads.
//!
//! Error: `h^2 / 8 * max|f''|` from the interpolation (`h = 1/N`), plus the rounding of the
//! entries and of the result; the measured bounds are the `MAX_ERR_LINEAR_*` constants.

use super::kernels::Interp;
use super::lookup::TableData;
use crate::real::MulAdd;

/// Linear interpolation.
pub(crate) struct Linear;

#[inline(always)]
fn lerp<F: TableData, M: MulAdd>(table: &[F], i: usize, t: F) -> F {
    let (a, b) = (table[i], table[i + 1]);
    M::mul_add(t, b - a, a)
}

impl Interp for Linear {
    #[inline(always)]
    fn sigmoid_at<F: TableData, M: MulAdd>(i: usize, t: F) -> F {
        lerp::<F, M>(F::s_table(), i, t)
    }
    #[inline(always)]
    fn grad_at<F: TableData, M: MulAdd>(i: usize, t: F) -> F {
        lerp::<F, M>(F::g_table(), i, t)
    }
}
