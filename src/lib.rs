#![doc = include_str!("../README.md")]
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

#[cfg(feature = "ndarray")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod api;
mod arch;
pub mod exact;
mod float;
#[cfg(feature = "half")]
pub mod half;
#[cfg(feature = "ndarray")]
pub mod ndarray;
#[cfg(feature = "parallel")]
pub mod par;
mod real;
mod slice;
pub mod table;

pub use arch::Backend;
pub use float::Float;

/// The derivative from the sigmoid's output: `y * (1 - y)`, as training loops compute it.
///
/// Cheap (one multiply-subtract), but it loses the derivative once `y` rounds to 1: it returns
/// exactly 0 for x ≳ 17.3 in f32 and x ≳ 37.4 in f64, where [`exact::sigmoid_grad`] still returns
/// the correct tiny value (`sigmoid_grad(40.0f64) = 4.25e-18`).
///
/// # Example
/// ```
/// use sigtab::{exact, grad_from_output};
/// assert_eq!(grad_from_output(0.5f64), 0.25);
/// assert_eq!(grad_from_output(exact::sigmoid(40.0f64)), 0.0);
/// assert!(exact::sigmoid_grad(40.0f64) > 0.0);
/// ```
#[inline]
pub fn grad_from_output<T: Float>(y: T) -> T {
    y * (<T as real::Real>::ONE - y)
}
