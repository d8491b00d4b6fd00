//! Cubic Hermite interpolation in the same tables: the derivative at each node is already stored
//! (`s' ` for `s`, and `s'' = s' (1 - 2 s)` for `s'`), so the error is `O(h^4)` instead of
//! `O(h^2)` for the same memory.
//!
//! On a cell with values `y0, y1`, slopes (times h) `m0, m1` and `d = y1 - y0`:
//! `p(t) = y0 + t (m0 + t (c2 + t c3))`, `c2 = 3d - 2m0 - m1`, `c3 = m0 + m1 - 2d`.
//!
//! The functions mirror [`crate::table`] and [`crate::exact`] name for name. Tails as in
//! [`crate::table`].
//!
//! # Example
//! ```
//! let x = 1.2345f64;
//! let err = (sigtab::table::hermite::sigmoid(x) - sigtab::exact::sigmoid(x)).abs();
//! assert!(err <= sigtab::table::hermite::MAX_ERR_F64.sigmoid);
//! ```

// `kernel = _<Hermite>`: each listed function (`registry.rs`) runs the type of `kernels` its entry
// names, with this interpolation; `list = tables`: the exact-only functions are left out.
crate::api::kernel_api!(
    "table::hermite",
    "by cubic Hermite interpolation in the table, within `MAX_ERR_*` (absolute)",
    inline = false,
    list = tables,
    kernel = _<Hermite>
);

/// Maximum absolute error of the Hermite f32 table kernels at the compiled resolution.
///
/// # Example
/// ```
/// use sigtab::{exact, table::hermite};
/// let x = 1.5f32;
/// let err = (hermite::sigmoid(x) as f64 - exact::sigmoid(x as f64)).abs();
/// assert!(err <= hermite::MAX_ERR_F32.sigmoid);
/// ```
pub const MAX_ERR_F32: super::MaxErr = super::MAX_ERR_HERMITE_F32;
/// Maximum absolute error of the Hermite f64 table kernels at the compiled resolution.
///
/// # Example
/// ```
/// use sigtab::{exact, table::hermite};
/// let x = -7.25f64;
/// assert!((hermite::sigmoid_grad(x) - exact::sigmoid_grad(x)).abs() <= hermite::MAX_ERR_F64.sigmoid_grad);
/// ```
pub const MAX_ERR_F64: super::MaxErr = super::MAX_ERR_HERMITE_F64;

use super::kernels::{Grad, Interp, Sigmoid, SigmoidAndGrad};
use super::lookup::TableData;
use crate::real::MulAdd;

/// Cubic Hermite interpolation.
pub(crate) struct Hermite;

#[inline(always)]
fn cubic<F: TableData, M: MulAdd>(y0: F, y1: F, m0: F, m1: F, t: F) -> F {
    let d = y1 - y0;
    let two = F::ONE + F::ONE;
    let c2 = (d + two * d) - (two * m0 + m1);
    let c3 = (m0 + m1) - two * d;
    let p = M::mul_add(t, c3, c2);
    let p = M::mul_add(t, p, m0);
    M::mul_add(t, p, y0)
}

#[inline(always)]
fn step<F: TableData>() -> F {
    F::ONE / F::from_f64(super::data::N as f64)
}

impl Interp for Hermite {
    #[inline(always)]
    fn sigmoid_at<F: TableData, M: MulAdd>(i: usize, t: F) -> F {
        let (s, g, h) = (F::s_table(), F::g_table(), step::<F>());
        cubic::<F, M>(s[i], s[i + 1], g[i] * h, g[i + 1] * h, t)
    }

    #[inline(always)]
    fn grad_at<F: TableData, M: MulAdd>(i: usize, t: F) -> F {
        let (s, g, h) = (F::s_table(), F::g_table(), step::<F>());
        let two = F::ONE + F::ONE;
        // s'' = s' (1 - 2 s), times h.
        let m0 = g[i] * h * (F::ONE - two * s[i]);
        let m1 = g[i + 1] * h * (F::ONE - two * s[i + 1]);
        cubic::<F, M>(g[i], g[i + 1], m0, m1, t)
    }
}
