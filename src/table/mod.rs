//! Table kernels: `s(x)` and `s'(x)` interpolated in dense tables generated at build time.
//!
//! The bounded-memory alternative to memoizing: [`BYTES_F32`] / [`BYTES_F64`] of tables cover
//! `[-RANGE, RANGE]` at [`ENTRIES_PER_UNIT`] entries per unit (a cargo feature: `table-64`,
//! `table-256` (used when none is enabled), `table-1024`, `table-4096`; the finest enabled
//! wins). This module interpolates linearly; [`hermite`] has the same functions with cubic Hermite interpolation,
//! which uses the derivative table already stored and is far more accurate for the same memory.
//!
//! The functions mirror [`crate::exact`] name for name: switching is one word in a path.
//!
//! Outside the table: `sigmoid` is exactly 1 from 17.5 (f32) / 37.5 (f64) on, where the true
//! value rounds to 1; elsewhere, and for `sigmoid_grad` on both sides, the exact kernels take
//! over, so the tails are as accurate as [`crate::exact`] (`sigmoid_grad(-500.0)` is
//! `7.124576406741286e-218`). NaN gives NaN.
//!
//! Error: absolute, at most the published [`MaxErr`] for each interpolation and precision
//! (measured over all 2^32 f32 inputs, and a large f64 sample against a 256-bit reference, by
//! `tests/table_error.rs`).
//!
//! # Example
//! ```
//! let x = [-2.0f32, 0.0, 2.0];
//! let (mut exact, mut table) = ([0.0; 3], [0.0; 3]);
//! sigtab::exact::sigmoid_slice(&x, &mut exact);
//! sigtab::table::sigmoid_slice(&x, &mut table);
//! for (e, t) in exact.iter().zip(&table) {
//!     assert!(((e - t) as f64).abs() <= sigtab::table::MAX_ERR_LINEAR_F32.sigmoid);
//! }
//! ```

mod data;
pub mod hermite;
mod kernels;
mod linear;
pub(crate) mod lookup;

use kernels::{Grad, Sigmoid, SigmoidAndGrad};
use linear::Linear;

// `kernel = _<Linear>`: each listed function (`registry.rs`) runs the type of `kernels` its entry
// names, with this interpolation; `list = tables`: the exact-only functions are left out.
crate::api::kernel_api!(
    "table",
    "by linear interpolation in the table, within `MAX_ERR_LINEAR_*` (absolute)",
    inline = false,
    list = tables,
    kernel = _<Linear>
);

/// Entries per unit of `x`: the resolution chosen by the `table-*` features.
///
/// # Example
/// ```
/// assert!([64, 256, 1024, 4096].contains(&sigtab::table::ENTRIES_PER_UNIT));
/// ```
pub const ENTRIES_PER_UNIT: u32 = data::N;

/// Distance between table nodes, `1 / ENTRIES_PER_UNIT`.
///
/// # Example
/// ```
/// assert_eq!(sigtab::table::STEP * sigtab::table::ENTRIES_PER_UNIT as f64, 1.0);
/// ```
pub const STEP: f64 = 1.0 / data::N as f64;

/// The tables cover `[-RANGE, RANGE]`.
///
/// # Example
/// ```
/// assert_eq!(sigtab::table::RANGE, 16.0);
/// ```
pub const RANGE: f64 = data::RANGE as f64;

/// Nodes in each table: `2 * RANGE * ENTRIES_PER_UNIT + 2` (one past the end, so interpolation at
/// the right edge stays in bounds).
///
/// # Example
/// ```
/// use sigtab::table::*;
/// assert_eq!(ENTRIES, 2 * RANGE as usize * ENTRIES_PER_UNIT as usize + 2);
/// ```
pub const ENTRIES: usize = data::ENTRIES;

/// Bytes of table memory the f32 kernels link: two tables (`s` and `s'`) of [`ENTRIES`] f32.
/// Linked only if f32 table functions are used.
///
/// # Example
/// ```
/// assert_eq!(sigtab::table::BYTES_F32, 2 * 4 * sigtab::table::ENTRIES);
/// ```
pub const BYTES_F32: usize = 2 * core::mem::size_of::<f32>() * ENTRIES;

/// Bytes of table memory the f64 kernels link: two tables of [`ENTRIES`] f64.
///
/// # Example
/// ```
/// assert_eq!(sigtab::table::BYTES_F64, 2 * sigtab::table::BYTES_F32);
/// ```
pub const BYTES_F64: usize = 2 * core::mem::size_of::<f64>() * ENTRIES;

/// Published maximum absolute error of one interpolation in one precision. f32: the maximum over
/// every one of the 2^32 inputs and every backend, plus 2%. f64: for linear interpolation the
/// analytic bound `h^2/8 max|f''|` plus 2%; for Hermite a measured bound (a 40,000-input
/// sample's maximum against a 256-bit reference, plus 30%), not a proof. `tests/table_error.rs`
/// checks each one.
///
/// # Example
/// ```
/// let e = sigtab::table::hermite::MAX_ERR_F64;
/// assert!(e.sigmoid < sigtab::table::MAX_ERR_LINEAR_F64.sigmoid);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MaxErr {
    /// `max |table::sigmoid(x) - s(x)|`.
    pub sigmoid: f64,
    /// `max |table::sigmoid_grad(x) - s'(x)|`.
    pub sigmoid_grad: f64,
}

/// The published bounds, per resolution: `[linear f32, linear f64, hermite f32, hermite f64]`.
///
/// f32: the maximum over all 2^32 inputs and every backend, plus 2%. f64 linear: the analytic
/// `h^2/8 max|f''|` (the sample attains it to 0.1%), plus 2%. f64 Hermite: the maximum over a
/// sample of 40,000 inputs (30,000 uniform over [-17, 17] plus the tails) against a 256-bit
/// reference, plus 30%, and at least a few f64 ulps of 1 where rounding dominates.
/// Reproduce: `cargo test --release --features table-N --test table_error -- --nocapture` (tests/table_error.rs asserts every bound).
const fn bounds(n: u32) -> [MaxErr; 4] {
    const fn e(sigmoid: f64, sigmoid_grad: f64) -> MaxErr {
        MaxErr {
            sigmoid,
            sigmoid_grad,
        }
    }
    match n {
        // measured: 2.988e-6 3.822e-6 | 2.936e-6 3.811e-6 | 5.957e-8 1.496e-8 | 1.981e-11 3.874e-11
        64 => [
            e(3.05e-6, 3.90e-6),
            e(3.00e-6, 3.89e-6),
            e(6.08e-8, 1.53e-8),
            e(2.6e-11, 5.1e-11),
        ],
        // measured: 2.401e-7 2.510e-7 | 1.835e-7 2.383e-7 | 5.975e-8 1.492e-8 | 7.720e-14 1.514e-13
        256 => [
            e(2.45e-7, 2.57e-7),
            e(1.88e-7, 2.44e-7),
            e(6.10e-8, 1.53e-8),
            e(1.0e-13, 2.0e-13),
        ],
        // measured: 6.956e-8 2.921e-8 | 1.147e-8 1.489e-8 | 5.960e-8 1.490e-8 | 4.015e-16 6.097e-16
        1024 => [
            e(7.10e-8, 2.98e-8),
            e(1.17e-8, 1.52e-8),
            e(6.08e-8, 1.53e-8),
            e(8.0e-16, 1.0e-15),
        ],
        // measured: 5.978e-8 1.554e-8 | 7.166e-10 9.310e-10 | 5.959e-8 1.489e-8 | 2.068e-16 7.414e-17
        _ => [
            e(6.10e-8, 1.59e-8),
            e(7.31e-10, 9.50e-10),
            e(6.08e-8, 1.53e-8),
            e(6.0e-16, 3.0e-16),
        ],
    }
}

/// Maximum absolute error of the linear f32 table kernels at the compiled resolution.
///
/// # Example
/// ```
/// use sigtab::{exact, table};
/// let x = 0.3f32;
/// let err = (table::sigmoid_grad(x) as f64 - exact::sigmoid_grad(x as f64)).abs();
/// assert!(err <= table::MAX_ERR_LINEAR_F32.sigmoid_grad);
/// ```
pub const MAX_ERR_LINEAR_F32: MaxErr = bounds(data::N)[0];
/// Maximum absolute error of the linear f64 table kernels at the compiled resolution.
///
/// # Example
/// ```
/// use sigtab::{exact, table};
/// let x = -2.71828f64;
/// assert!((table::sigmoid(x) - exact::sigmoid(x)).abs() <= table::MAX_ERR_LINEAR_F64.sigmoid);
/// ```
pub const MAX_ERR_LINEAR_F64: MaxErr = bounds(data::N)[1];
pub(crate) const MAX_ERR_HERMITE_F32: MaxErr = bounds(data::N)[2];
pub(crate) const MAX_ERR_HERMITE_F64: MaxErr = bounds(data::N)[3];
