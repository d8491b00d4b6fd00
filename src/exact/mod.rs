//! Exact kernels: `s(x)` within 1 ulp and `s'(x)` within 1 ulp, for every input.
//!
//! "Exact" as opposed to the tables of [`crate::table`]: these compute the function from its
//! formula, to within one unit in the last place (measured, see the crate docs), over the whole
//! line, subnormal results included. Nothing overflows: `sigmoid_grad(-500.0)` is
//! `7.1245764067412855e-218`, not the `0` of the naive `e / (1 + e)^2`.
//!
//! The slice functions run SIMD code chosen at run time (see [`crate::Backend`]); every element of
//! a slice equals the scalar function's result for it. [`Kernels`] runs them on a backend of your
//! choice.
//!
//! Special cases: NaN gives NaN; `sigmoid(+inf) = 1`, `sigmoid(-inf) = 0`, `sigmoid_grad(±inf) = 0`;
//! `sigmoid(-0.0) = 0.5`.

pub(crate) mod kernel;

mod f32;
mod f64;

use crate::Float;
use crate::arch::{Backend, dispatch};
use crate::slice::check_len;
use kernel::{Grad, Sigmoid, SigmoidAndGrad};

/// The exact kernels on one [`Backend`]: the same functions as the free functions of this module,
/// which use [`Backend::detect`].
///
/// # Example
/// ```
/// use sigtab::{Backend, exact::Kernels};
/// let x = [-1.0f64, 0.0, 1.0];
/// let mut y = [0.0; 3];
/// for backend in Backend::available() {
///     let k = Kernels::new(backend).unwrap();
///     k.sigmoid_slice(&x, &mut y);
///     assert_eq!(y[1], 0.5);
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kernels {
    backend: Backend,
}

impl Kernels {
    /// The kernels on `backend`, or `None` if this CPU cannot run it.
    ///
    /// # Example
    /// ```
    /// assert!(sigtab::exact::Kernels::new(sigtab::Backend::Portable).is_some());
    /// ```
    pub fn new(backend: Backend) -> Option<Kernels> {
        backend.is_available().then_some(Kernels { backend })
    }

    /// The kernels on the detected backend.
    ///
    /// # Example
    /// ```
    /// let k = sigtab::exact::Kernels::detect();
    /// assert_eq!(k.backend(), sigtab::Backend::detect());
    /// ```
    #[inline]
    pub fn detect() -> Kernels {
        Kernels {
            backend: Backend::detect(),
        }
    }

    /// The backend these kernels run on.
    ///
    /// # Example
    /// ```
    /// let k = sigtab::exact::Kernels::new(sigtab::Backend::Portable).unwrap();
    /// assert_eq!(k.backend(), sigtab::Backend::Portable);
    /// ```
    pub fn backend(self) -> Backend {
        self.backend
    }

    /// See [`sigmoid`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(sigtab::exact::Kernels::detect().sigmoid(0.0f32), 0.5);
    /// ```
    #[inline]
    pub fn sigmoid<T: Float>(self, x: T) -> T {
        dispatch!(self.backend, scalar::<T, Sigmoid>(x))
    }

    /// See [`sigmoid_grad`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(sigtab::exact::Kernels::detect().sigmoid_grad(0.0f32), 0.25);
    /// ```
    #[inline]
    pub fn sigmoid_grad<T: Float>(self, x: T) -> T {
        dispatch!(self.backend, scalar::<T, Grad>(x))
    }

    /// See [`sigmoid_and_grad`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(sigtab::exact::Kernels::detect().sigmoid_and_grad(0.0f64), (0.5, 0.25));
    /// ```
    #[inline]
    pub fn sigmoid_and_grad<T: Float>(self, x: T) -> (T, T) {
        dispatch!(self.backend, scalar2::<T, SigmoidAndGrad>(x))
    }

    /// See [`sigmoid_slice`].
    ///
    /// # Example
    /// ```
    /// let mut y = [0.0f32; 2];
    /// sigtab::exact::Kernels::detect().sigmoid_slice(&[0.0, 100.0], &mut y);
    /// assert_eq!(y, [0.5, 1.0]);
    /// ```
    #[track_caller]
    pub fn sigmoid_slice<T: Float>(self, x: &[T], out: &mut [T]) {
        check_len("sigmoid_slice", x.len(), out.len());
        dispatch!(self.backend, map::<T, Sigmoid>(x, out))
    }

    /// See [`sigmoid_grad_slice`].
    ///
    /// # Example
    /// ```
    /// let mut dy = [0.0f32; 2];
    /// sigtab::exact::Kernels::detect().sigmoid_grad_slice(&[0.0, 200.0], &mut dy);
    /// assert_eq!(dy, [0.25, 0.0]);
    /// ```
    #[track_caller]
    pub fn sigmoid_grad_slice<T: Float>(self, x: &[T], out: &mut [T]) {
        check_len("sigmoid_grad_slice", x.len(), out.len());
        dispatch!(self.backend, map::<T, Grad>(x, out))
    }

    /// See [`sigmoid_and_grad_slice`].
    ///
    /// # Example
    /// ```
    /// let (mut y, mut dy) = ([0.0f64; 1], [0.0f64; 1]);
    /// sigtab::exact::Kernels::detect().sigmoid_and_grad_slice(&[0.0], &mut y, &mut dy);
    /// assert_eq!((y[0], dy[0]), (0.5, 0.25));
    /// ```
    #[track_caller]
    pub fn sigmoid_and_grad_slice<T: Float>(self, x: &[T], y: &mut [T], dy: &mut [T]) {
        check_len("sigmoid_and_grad_slice (y)", x.len(), y.len());
        check_len("sigmoid_and_grad_slice (dy)", x.len(), dy.len());
        dispatch!(self.backend, map2::<T, SigmoidAndGrad>(x, y, dy))
    }

    /// See [`sigmoid_in_place`].
    ///
    /// # Example
    /// ```
    /// let mut x = [0.0f64, -1000.0];
    /// sigtab::exact::Kernels::detect().sigmoid_in_place(&mut x);
    /// assert_eq!(x, [0.5, 0.0]);
    /// ```
    pub fn sigmoid_in_place<T: Float>(self, x: &mut [T]) {
        dispatch!(self.backend, map_in_place::<T, Sigmoid>(x))
    }

    /// See [`sigmoid_grad_in_place`].
    ///
    /// # Example
    /// ```
    /// let mut x = [0.0f64];
    /// sigtab::exact::Kernels::detect().sigmoid_grad_in_place(&mut x);
    /// assert_eq!(x, [0.25]);
    /// ```
    pub fn sigmoid_grad_in_place<T: Float>(self, x: &mut [T]) {
        dispatch!(self.backend, map_in_place::<T, Grad>(x))
    }
}

/// The logistic sigmoid `s(x) = 1 / (1 + e^-x)`, within 1 ulp.
///
/// Naive equivalent: `1.0 / (1.0 + (-x).exp())`, which is up to 2 ulp off and flushes to zero
/// early in the negative tail (as does `scipy.special.expit` below -709.79). This one returns the
/// correctly scaled subnormals: `sigmoid(-745.0) == 5e-324`.
///
/// # Example
/// ```
/// use sigtab::exact::sigmoid;
/// assert_eq!(sigmoid(0.0f64), 0.5);
/// assert_eq!(sigmoid(-745.0f64), 5e-324);
/// assert_eq!(sigmoid(f32::INFINITY), 1.0);
/// assert!(sigmoid(f64::NAN).is_nan());
/// ```
#[inline]
pub fn sigmoid<T: Float>(x: T) -> T {
    Kernels::detect().sigmoid(x)
}

/// The derivative `s'(x) = s(x) (1 - s(x))`, computed from `x` as `e / (1 + e)^2` with
/// `e = exp(-|x|)`, within 1 ulp, never overflowing, and exactly even: `sigmoid_grad(-x) ==
/// sigmoid_grad(x)`.
///
/// Naive equivalent: `let e = (-x).exp(); e / ((1.0 + e) * (1.0 + e))`, which overflows to
/// `inf / inf = NaN` or returns 0 for x below about -355 (f64). Unlike [`crate::grad_from_output`]
/// it keeps its precision where `s(x)` rounds to 1.
///
/// # Example
/// ```
/// use sigtab::exact::sigmoid_grad;
/// assert_eq!(sigmoid_grad(-500.0f64), 7.1245764067412855e-218);
/// assert_eq!(sigmoid_grad(500.0f64), 7.1245764067412855e-218);
/// assert_eq!(sigmoid_grad(0.0f32), 0.25);
/// ```
#[inline]
pub fn sigmoid_grad<T: Float>(x: T) -> T {
    Kernels::detect().sigmoid_grad(x)
}

/// `(sigmoid(x), sigmoid_grad(x))` from one exponential: bit-identical to the two calls, cheaper
/// than both.
///
/// # Example
/// ```
/// use sigtab::exact::{sigmoid, sigmoid_and_grad, sigmoid_grad};
/// let x = -3.25f32;
/// assert_eq!(sigmoid_and_grad(x), (sigmoid(x), sigmoid_grad(x)));
/// ```
#[inline]
pub fn sigmoid_and_grad<T: Float>(x: T) -> (T, T) {
    Kernels::detect().sigmoid_and_grad(x)
}

/// `out[i] = sigmoid(x[i])`, vectorized.
///
/// # Panics
/// If `x.len() != out.len()`, with both lengths in the message.
///
/// # Example
/// ```
/// let x = [-745.0f64, 0.0, 40.0];
/// let mut y = [0.0; 3];
/// sigtab::exact::sigmoid_slice(&x, &mut y);
/// assert_eq!(y, [5e-324, 0.5, 1.0]);
/// ```
#[track_caller]
pub fn sigmoid_slice<T: Float>(x: &[T], out: &mut [T]) {
    Kernels::detect().sigmoid_slice(x, out)
}

/// `out[i] = sigmoid_grad(x[i])`, vectorized.
///
/// # Panics
/// If `x.len() != out.len()`, with both lengths in the message.
///
/// # Example
/// ```
/// let x = [-500.0f64, 0.0];
/// let mut dy = [0.0; 2];
/// sigtab::exact::sigmoid_grad_slice(&x, &mut dy);
/// assert_eq!(dy, [7.1245764067412855e-218, 0.25]);
/// ```
#[track_caller]
pub fn sigmoid_grad_slice<T: Float>(x: &[T], out: &mut [T]) {
    Kernels::detect().sigmoid_grad_slice(x, out)
}

/// `(y[i], dy[i]) = sigmoid_and_grad(x[i])`, vectorized, one exponential per element.
///
/// # Panics
/// If `y` or `dy` is not as long as `x`, with the lengths in the message.
///
/// # Example
/// ```
/// let x = [0.0f32, 1.0];
/// let (mut y, mut dy) = ([0.0; 2], [0.0; 2]);
/// sigtab::exact::sigmoid_and_grad_slice(&x, &mut y, &mut dy);
/// assert_eq!((y[0], dy[0]), (0.5, 0.25));
/// assert_eq!(dy[1], y[1] * (1.0 - y[1]));
/// ```
#[track_caller]
pub fn sigmoid_and_grad_slice<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]) {
    Kernels::detect().sigmoid_and_grad_slice(x, y, dy)
}

/// `x[i] = sigmoid(x[i])`, vectorized.
///
/// # Example
/// ```
/// let mut x = [0.0f32, f32::NEG_INFINITY];
/// sigtab::exact::sigmoid_in_place(&mut x);
/// assert_eq!(x, [0.5, 0.0]);
/// ```
pub fn sigmoid_in_place<T: Float>(x: &mut [T]) {
    Kernels::detect().sigmoid_in_place(x)
}

/// `x[i] = sigmoid_grad(x[i])`, vectorized.
///
/// # Example
/// ```
/// let mut x = [0.0f32, f32::INFINITY];
/// sigtab::exact::sigmoid_grad_in_place(&mut x);
/// assert_eq!(x, [0.25, 0.0]);
/// ```
pub fn sigmoid_grad_in_place<T: Float>(x: &mut [T]) {
    Kernels::detect().sigmoid_grad_in_place(x)
}
