//! `half::f16` and `half::bf16` (feature `half`): computed through the f32 exact kernels and
//! rounded once to the half type.
//!
//! The f32 kernels are within 1 f32 ulp (measured 0.77 at most; the loss
//! `binary_cross_entropy_with_logits` within 2); the half types keep 13 (f16) and 16 (bf16)
//! fewer bits, so the result is within 0.5 ulp plus the final rounding: `0.5 + 2^-13` ulp (at
//! most) for f16 and `0.5 + 2^-16` ulp for bf16 (twice that for the loss), i.e. correctly rounded
//! except where the true value lies that close to a rounding midpoint, and 1 ulp at worst.
//! `tests/half.rs` checks every one of the 2^16 inputs of each type against the f64 reference and
//! counts the results that are not correctly rounded.
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
use crate::registry::for_each_function;
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

for_each_function!(half_functions);

/// The `half` functions of every listed function (`registry.rs`), through its exact f32 forms.
/// A callback of `for_each_function!`.
macro_rules! half_functions {
    ([] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: {
            free: $free:tt,
            kernels: $kernels:tt,
            par: $par:tt,
            half: $docs:tt,
            ndarray: $ndarray:tt $(,)?
        } $(,)?
    })*) => {
        $(half_functions!(@scalar ($i -> $o) $computes $forms $docs);)*
        $(half_functions!(@slice ($i -> $o) $forms $docs);)*
        $(half_functions!(@in_place ($i -> $o) $forms $docs);)*
    };
    (@scalar (1 -> 1) $computes:literal { scalar: $scalar:ident, $($_f:tt)* }
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `", $computes, "`, through f32, rounded once.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[inline]
            pub fn $scalar<T: Half>(x: T) -> T {
                T::narrow(exact::$scalar(x.widen()))
            }
        }
    };
    (@scalar (1 -> 2) $computes:literal { scalar: $scalar:ident, $($_f:tt)* }
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `", $computes, "` from one evaluation, each rounded once.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[inline]
            pub fn $scalar<T: Half>(x: T) -> (T, T) {
                let (s, g) = exact::$scalar(x.widen());
                (T::narrow(s), T::narrow(g))
            }
        }
    };
    (@scalar (2 -> 1) $computes:literal { scalar: $scalar:ident, $($_f:tt)* }
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `", $computes, "` with `t = target`, through f32, rounded once.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[inline]
            pub fn $scalar<T: Half>(x: T, target: T) -> T {
                T::narrow(exact::$scalar(x.widen(), target.widen()))
            }
        }
    };
    (@slice (1 -> 1) { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        { scalar: $_ds:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `out[i] = ", stringify!($scalar), "(x[i])`, through the vectorized f32 kernels.")]
                ///
                /// # Panics
                /// If `x.len() != out.len()`, with both lengths in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[track_caller]
            pub fn $slice<T: Half>(x: &[T], out: &mut [T]) {
                check_len(stringify!($slice), x.len(), out.len());
                map(x, out, exact::$slice);
            }
        }
    };
    (@slice (1 -> 2) { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        { scalar: $_ds:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `(y[i], dy[i]) = ", stringify!($scalar), "(x[i])`, through the vectorized f32 kernels.")]
                ///
                /// # Panics
                /// If `y` or `dy` is not as long as `x`, with the lengths in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[track_caller]
            pub fn $slice<T: Half>(x: &[T], y: &mut [T], dy: &mut [T]) {
                check_len(concat!(stringify!($slice), " (y)"), x.len(), y.len());
                check_len(concat!(stringify!($slice), " (dy)"), x.len(), dy.len());
                let (mut a, mut b, mut c) = ([0f32; BLOCK], [0f32; BLOCK], [0f32; BLOCK]);
                let chunks = x
                    .chunks(BLOCK)
                    .zip(y.chunks_mut(BLOCK))
                    .zip(dy.chunks_mut(BLOCK));
                for ((xs, ys), ds) in chunks {
                    let n = xs.len();
                    T::widen_slice(xs, &mut a[..n]);
                    exact::$slice(&a[..n], &mut b[..n], &mut c[..n]);
                    T::narrow_slice(&b[..n], ys);
                    T::narrow_slice(&c[..n], ds);
                }
            }
        }
    };
    (@slice (2 -> 1) { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        { scalar: $_ds:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `out[i] = ", stringify!($scalar), "(x[i], target[i])`, through the vectorized f32 kernels.")]
                ///
                /// # Panics
                /// If `target` or `out` is not as long as `x`, with both lengths in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[track_caller]
            pub fn $slice<T: Half>(x: &[T], target: &[T], out: &mut [T]) {
                $crate::slice::check_target_len(stringify!($slice), x.len(), target.len());
                check_len(stringify!($slice), x.len(), out.len());
                let (mut a, mut b, mut c) = ([0f32; BLOCK], [0f32; BLOCK], [0f32; BLOCK]);
                let chunks = x
                    .chunks(BLOCK)
                    .zip(target.chunks(BLOCK))
                    .zip(out.chunks_mut(BLOCK));
                for ((xs, ts), os) in chunks {
                    let n = xs.len();
                    T::widen_slice(xs, &mut a[..n]);
                    T::widen_slice(ts, &mut b[..n]);
                    exact::$slice(&a[..n], &b[..n], &mut c[..n]);
                    T::narrow_slice(&c[..n], os);
                }
            }
        }
    };
    (@in_place (1 -> 1) { scalar: $scalar:ident, slice: $_l:ident, in_place: $in_place:ident $(,)? }
        { scalar: $_ds:tt, slice: $_dl:tt, in_place: { $($example:tt)* } $(,)? }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `x[i] = ", stringify!($scalar), "(x[i])`.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            pub fn $in_place<T: Half>(x: &mut [T]) {
                map_in_place(x, exact::$in_place);
            }
        }
    };
    (@in_place (1 -> 2) $($_:tt)*) => {};
    (@in_place (2 -> 1) $($_:tt)*) => {};
}
use half_functions;
