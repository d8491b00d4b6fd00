//! `half::f16` and `half::bf16` (feature `half`): computed through the f32 exact kernels and
//! rounded once to the half type.
//!
//! The f32 kernels are within 0.78 f32 ulp; the half types keep 13 (f16) and 16 (bf16) fewer
//! bits, so the result is within 0.5 ulp plus the final rounding: `0.5 + 0.78 * 2^-13` ulp for
//! f16 and `0.5 + 0.78 * 2^-16` ulp for bf16, i.e. correctly rounded except where the true value
//! lies that close to a rounding midpoint, and 1 ulp at worst. `tests/half.rs` checks every one of
//! the 2^16 inputs of each type against the f64 reference and counts the results that are not
//! correctly rounded.
//!
//! # Example
//! ```
//! use half::{bf16, f16};
//! assert_eq!(sigtab::half::sigmoid(f16::ZERO), f16::from_f32(0.5));
//! assert_eq!(sigtab::half::sigmoid_grad(bf16::ZERO), bf16::from_f32(0.25));
//! ```

use ::half::slice::HalfFloatSliceExt;
use ::half::{bf16, f16};

use crate::exact;
use crate::slice::check_len;

/// `half::f16` or `half::bf16`. Sealed: it cannot be implemented outside this crate.
///
/// # Example
/// ```
/// fn logistic<T: sigtab::half::Half>(x: T) -> T {
///     sigtab::half::sigmoid(x)
/// }
/// assert_eq!(logistic(half::f16::ZERO).to_f32(), 0.5);
/// ```
pub trait Half: sealed::Sealed + Copy + Default + Send + Sync + 'static {}
impl Half for f16 {}
impl Half for bf16 {}

mod sealed {
    use super::*;

    /// Conversions to and from f32, one at a time and for slices.
    pub trait Sealed: Sized {
        fn widen(self) -> f32;
        fn narrow(v: f32) -> Self;
        fn widen_slice(src: &[Self], dst: &mut [f32]);
        fn narrow_slice(src: &[f32], dst: &mut [Self]);
    }

    macro_rules! sealed {
        ($t:ty) => {
            impl Sealed for $t {
                #[inline]
                fn widen(self) -> f32 {
                    self.to_f32()
                }
                #[inline]
                fn narrow(v: f32) -> Self {
                    <$t>::from_f32(v)
                }
                #[inline]
                fn widen_slice(src: &[Self], dst: &mut [f32]) {
                    src.convert_to_f32_slice(dst)
                }
                #[inline]
                fn narrow_slice(src: &[f32], dst: &mut [Self]) {
                    dst.convert_from_f32_slice(src)
                }
            }
        };
    }
    sealed!(f16);
    sealed!(bf16);
}

/// Elements converted per step of the slice functions (two f32 buffers of 1 KiB on the stack).
const BLOCK: usize = 256;

/// `out[i] = narrow(f(widen(x[i])))`, block by block through f32 buffers.
fn map<T: Half>(x: &[T], out: &mut [T], f: impl Fn(&[f32], &mut [f32])) {
    let (mut a, mut b) = ([0f32; BLOCK], [0f32; BLOCK]);
    for (xs, os) in x.chunks(BLOCK).zip(out.chunks_mut(BLOCK)) {
        let n = xs.len();
        T::widen_slice(xs, &mut a[..n]);
        f(&a[..n], &mut b[..n]);
        T::narrow_slice(&b[..n], os);
    }
}

/// `x[i] = narrow(f(widen(x[i])))`, block by block through an f32 buffer.
fn map_in_place<T: Half>(x: &mut [T], f: impl Fn(&mut [f32])) {
    let mut a = [0f32; BLOCK];
    for xs in x.chunks_mut(BLOCK) {
        let n = xs.len();
        T::widen_slice(xs, &mut a[..n]);
        f(&mut a[..n]);
        T::narrow_slice(&a[..n], xs);
    }
}

/// `s(x)`, through f32, rounded once.
///
/// # Example
/// ```
/// use half::f16;
/// assert_eq!(sigtab::half::sigmoid(f16::INFINITY), f16::ONE);
/// // s(-20) = 2.06e-9: below f16's smallest subnormal (6e-8), so it rounds to 0.
/// assert_eq!(sigtab::half::sigmoid(f16::from_f32(-20.0)), f16::ZERO);
/// assert!(sigtab::half::sigmoid(f16::NAN).is_nan());
/// ```
#[inline]
pub fn sigmoid<T: Half>(x: T) -> T {
    T::narrow(exact::sigmoid(x.widen()))
}

/// `s'(x)`, through f32, rounded once.
///
/// # Example
/// ```
/// use half::bf16;
/// let g = sigtab::half::sigmoid_grad(bf16::from_f32(-500.0));
/// assert_eq!(g, bf16::from_f32(sigtab::exact::sigmoid_grad(-500.0f32)));
/// ```
#[inline]
pub fn sigmoid_grad<T: Half>(x: T) -> T {
    T::narrow(exact::sigmoid_grad(x.widen()))
}

/// `(s(x), s'(x))` from one evaluation, each rounded once.
///
/// # Example
/// ```
/// use half::f16;
/// let x = f16::from_f32(1.5);
/// assert_eq!(sigtab::half::sigmoid_and_grad(x), (sigtab::half::sigmoid(x), sigtab::half::sigmoid_grad(x)));
/// ```
#[inline]
pub fn sigmoid_and_grad<T: Half>(x: T) -> (T, T) {
    let (s, g) = exact::sigmoid_and_grad(x.widen());
    (T::narrow(s), T::narrow(g))
}

/// `out[i] = sigmoid(x[i])`, through the vectorized f32 kernels.
///
/// # Panics
/// If `x.len() != out.len()`, with both lengths in the message.
///
/// # Example
/// ```
/// use half::f16;
/// let x = [f16::ZERO, f16::NEG_INFINITY];
/// let mut y = [f16::ONE; 2];
/// sigtab::half::sigmoid_slice(&x, &mut y);
/// assert_eq!(y, [f16::from_f32(0.5), f16::ZERO]);
/// ```
#[track_caller]
pub fn sigmoid_slice<T: Half>(x: &[T], out: &mut [T]) {
    check_len("sigmoid_slice", x.len(), out.len());
    map(x, out, exact::sigmoid_slice);
}

/// `out[i] = sigmoid_grad(x[i])`, through the vectorized f32 kernels.
///
/// # Panics
/// If `x.len() != out.len()`, with both lengths in the message.
///
/// # Example
/// ```
/// use half::bf16;
/// let x = [bf16::ZERO];
/// let mut dy = [bf16::ZERO];
/// sigtab::half::sigmoid_grad_slice(&x, &mut dy);
/// assert_eq!(dy[0].to_f32(), 0.25);
/// ```
#[track_caller]
pub fn sigmoid_grad_slice<T: Half>(x: &[T], out: &mut [T]) {
    check_len("sigmoid_grad_slice", x.len(), out.len());
    map(x, out, exact::sigmoid_grad_slice);
}

/// `(y[i], dy[i]) = sigmoid_and_grad(x[i])`, through the vectorized f32 kernels.
///
/// # Panics
/// If `y` or `dy` is not as long as `x`, with the lengths in the message.
///
/// # Example
/// ```
/// use half::f16;
/// let x = [f16::ZERO];
/// let (mut y, mut dy) = ([f16::ZERO], [f16::ZERO]);
/// sigtab::half::sigmoid_and_grad_slice(&x, &mut y, &mut dy);
/// assert_eq!((y[0].to_f32(), dy[0].to_f32()), (0.5, 0.25));
/// ```
#[track_caller]
pub fn sigmoid_and_grad_slice<T: Half>(x: &[T], y: &mut [T], dy: &mut [T]) {
    check_len("sigmoid_and_grad_slice (y)", x.len(), y.len());
    check_len("sigmoid_and_grad_slice (dy)", x.len(), dy.len());
    let (mut a, mut b, mut c) = ([0f32; BLOCK], [0f32; BLOCK], [0f32; BLOCK]);
    let chunks = x
        .chunks(BLOCK)
        .zip(y.chunks_mut(BLOCK))
        .zip(dy.chunks_mut(BLOCK));
    for ((xs, ys), ds) in chunks {
        let n = xs.len();
        T::widen_slice(xs, &mut a[..n]);
        exact::sigmoid_and_grad_slice(&a[..n], &mut b[..n], &mut c[..n]);
        T::narrow_slice(&b[..n], ys);
        T::narrow_slice(&c[..n], ds);
    }
}

/// `x[i] = sigmoid(x[i])`.
///
/// # Example
/// ```
/// use half::f16;
/// let mut x = [f16::ZERO; 3];
/// sigtab::half::sigmoid_in_place(&mut x);
/// assert_eq!(x, [f16::from_f32(0.5); 3]);
/// ```
pub fn sigmoid_in_place<T: Half>(x: &mut [T]) {
    map_in_place(x, exact::sigmoid_in_place);
}

/// `x[i] = sigmoid_grad(x[i])`.
///
/// # Example
/// ```
/// use half::bf16;
/// let mut x = [bf16::ZERO; 3];
/// sigtab::half::sigmoid_grad_in_place(&mut x);
/// assert_eq!(x, [bf16::from_f32(0.25); 3]);
/// ```
pub fn sigmoid_grad_in_place<T: Half>(x: &mut [T]) {
    map_in_place(x, exact::sigmoid_grad_in_place);
}
