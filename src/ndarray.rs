//! The kernels on `ndarray` arrays of any shape (feature `ndarray`, for **`ndarray` 0.17**).
//!
//! [`SigmoidExt`] gives arrays `a.sigmoid()`, `a.sigmoid_grad()`, `a.sigmoid_and_grad()`,
//! `a.sigmoid_in_place()` and `a.sigmoid_grad_in_place()` with the exact kernels, and the rest
//! of the exact kernels' functions alike (`a.softplus()`, `a.logit_in_place()`, ...;
//! `x.binary_cross_entropy_with_logits(&target)` takes the targets as an array of `x`'s shape).
//! The same trait
//! with the table kernels is [`table::SigmoidExt`] (linear) and [`table::hermite::SigmoidExt`]
//! (cubic Hermite), mirroring the crate's modules: switching is one word in the `use` path
//! ([`exact::SigmoidExt`] is the exact one again).
//!
//! Arrays whose elements are contiguous in C or Fortran order run the vectorized slice kernels
//! (on every core with the `parallel` feature); any other layout (sliced with a step, permuted
//! axes) falls back to the scalar kernels element by element, with the same results.
//!
//! # Which `ndarray`
//! The traits are implemented for `ndarray` 0.17's `ArrayBase`. An array from another `ndarray`
//! version (0.16, say) is a different type, and the methods are simply not found on it. If your
//! project depends on another version, build the arrays you pass here with the one re-exported
//! as [`sigtab::ndarray::ndarray`](self::ndarray), or move your dependency to 0.17.
//!
//! # Example
//! ```
//! use sigtab::ndarray::ndarray::array; // or `ndarray::array`, with ndarray 0.17 in Cargo.toml
//! let a = array![[-500.0f64, 0.0], [1.0, 40.0]];
//! let s = {
//!     use sigtab::ndarray::SigmoidExt; // the exact kernels
//!     assert_eq!(a.sigmoid_grad()[[0, 0]], 7.124576406741286e-218);
//!     a.sigmoid()
//! };
//! let t = {
//!     use sigtab::ndarray::table::SigmoidExt; // the linear table: one word changed
//!     a.sigmoid()
//! };
//! assert_eq!(s[[0, 1]], 0.5);
//! assert!((t[[1, 0]] - s[[1, 0]]).abs() <= sigtab::table::MAX_ERR_LINEAR_F64.sigmoid);
//! ```

/// The `ndarray` crate these traits are implemented for (0.17): build arrays with it when your
/// project depends on another version.
pub use ::ndarray;

use ::ndarray::{Array, ArrayBase, Data, DataMut, Dimension, ShapeBuilder, Zip};

use alloc::vec;
use alloc::vec::Vec;

use crate::Float;

pub use exact::SigmoidExt;

/// `SigmoidExt` for one kernel family: the trait, and its impl for every `ArrayBase`.
macro_rules! sigmoid_ext {
    ($path:literal, list = tables, $($family:ident)::+) => {
        sigmoid_ext!(@ext [tables:] $path, $($family)::+);
    };
    ($path:literal, $($family:ident)::+) => {
        sigmoid_ext!(@ext [] $path, $($family)::+);
    };
    (@ext [$($list:tt)*] $path:literal, $($family:ident)::+) => {
        use ::ndarray::{Array, ArrayBase, Data, DataMut, Dimension};
        use alloc::vec;

        #[allow(unused_imports)]
        use super::{contiguous, from_vec, map_binary_new, map_in_place, map_new};
        use crate::Float;
        use crate::registry::for_each_function;
        use crate::$($family)::+ as scalar;
        #[cfg(not(feature = "parallel"))]
        use crate::$($family)::+ as slices;
        #[cfg(feature = "parallel")]
        use crate::par::$($family)::+ as slices;

        // The family in the docs of the listed functions (see `registry.rs`).
        macro_rules! family {
            () => {
                $path
            };
        }

        /// The sigmoid, its derivative and (in `exact`) the logistic family on arrays:
        /// `a.sigmoid()`, `a.sigmoid_grad()`, `a.sigmoid_and_grad()`, `a.softplus()`, ... return
        /// new arrays of the same shape (and memory order, for C- and F-contiguous input);
        /// `a.sigmoid_in_place()`, `a.softplus_in_place()`, ... overwrite `a`;
        /// `x.binary_cross_entropy_with_logits(&target)` takes a target of `x`'s shape.
        #[doc = concat!("Results are [`crate::", $path, "`]'s, element for element.")]
        ///
        /// # Example
        /// ```
        /// use ndarray::{Array2, s};
        #[doc = concat!("use sigtab::ndarray::", $path, "::SigmoidExt;")]
        /// let mut a = Array2::<f32>::zeros((4, 6));
        /// let (y, dy) = a.slice(s![.., ..;2]).sigmoid_and_grad(); // strided: the elementwise path
        /// assert_eq!((y.dim(), y[[3, 2]], dy[[3, 2]]), ((4, 3), 0.5, 0.25));
        /// a.sigmoid_in_place();
        /// assert!(a.iter().all(|&v| v == 0.5));
        /// ```
        pub trait SigmoidExt {
            /// The element type: `f32` or `f64`.
            type Elem: Float;
            /// The dimension of the array.
            type Dim: Dimension;
            /// The array's storage (owned, view, ...).
            type Storage;

            for_each_function!($($list)* ext_methods, declare);
        }

        impl<T: Float, S: Data<Elem = T>, D: Dimension> SigmoidExt for ArrayBase<S, D> {
            type Elem = T;
            type Dim = D;
            type Storage = S;

            for_each_function!($($list)* ext_methods, define);
        }
    };
}

/// The `SigmoidExt` methods of every listed function (`registry.rs`): their declarations in the
/// trait (`declare`, with the docs) or their definitions in the impl (`define`), every new-array
/// method first, then every in-place one. A callback of `for_each_function!`.
macro_rules! ext_methods {
    ([$what:ident] $($name:ident {
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
            half: $half:tt,
            ndarray: $docs:tt $(,)?
        } $(,)?
    })*) => {
        $(ext_methods!(@new $what ($i -> $o) $computes $forms $docs);)*
        $(ext_methods!(@in_place $what ($i -> $o) $computes $forms $docs);)*
    };
    (@new declare (1 -> 1) $computes:literal { scalar: $scalar:ident, $($_f:tt)* }
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `", $computes, "` for every element, in a new array.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            fn $scalar(&self) -> Array<Self::Elem, Self::Dim>;
        }
    };
    (@new declare (1 -> 2) $computes:literal { scalar: $scalar:ident, $($_f:tt)* }
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `", $computes, "` for every element, from one evaluation, in two new arrays.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[allow(clippy::type_complexity)]
            fn $scalar(&self) -> (Array<Self::Elem, Self::Dim>, Array<Self::Elem, Self::Dim>);
        }
    };
    (@new declare (2 -> 1) $computes:literal { scalar: $scalar:ident, $($_f:tt)* }
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `", $computes, "` for every element `x` of the array and `t` of `target` at the same index, in a new array.")]
                ///
                /// # Panics
                /// If `target`'s shape is not the array's, with both shapes in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            fn $scalar<S2: Data<Elem = Self::Elem>>(
                &self,
                target: &ArrayBase<S2, Self::Dim>,
            ) -> Array<Self::Elem, Self::Dim>;
        }
    };
    (@new define (2 -> 1) $computes:literal { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        $docs:tt) => {
        #[track_caller]
        fn $scalar<S2: Data<Elem = T>>(&self, target: &ArrayBase<S2, D>) -> Array<T, D> {
            map_binary_new(stringify!($scalar), self, target, slices::$slice, scalar::$scalar)
        }
    };
    (@new define (1 -> 1) $computes:literal { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        $docs:tt) => {
        fn $scalar(&self) -> Array<T, D> {
            map_new(self, slices::$slice, scalar::$scalar)
        }
    };
    (@new define (1 -> 2) $computes:literal { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        $docs:tt) => {
        fn $scalar(&self) -> (Array<T, D>, Array<T, D>) {
            match contiguous(self) {
                Some((x, fortran)) => {
                    let (mut y, mut dy) =
                        (vec![T::default(); x.len()], vec![T::default(); x.len()]);
                    slices::$slice(x, &mut y, &mut dy);
                    (
                        from_vec(self.raw_dim(), fortran, y),
                        from_vec(self.raw_dim(), fortran, dy),
                    )
                }
                None => {
                    // One evaluation per element, split in two arrays of `mapv`'s layout.
                    let both = self.mapv(scalar::$scalar);
                    (both.mapv(|(y, _)| y), both.mapv(|(_, dy)| dy))
                }
            }
        }
    };
    (@in_place declare (1 -> 1) $computes:literal
        { scalar: $_s:ident, slice: $_l:ident, in_place: $in_place:ident $(,)? }
        { scalar: $_ds:tt, in_place: { $($example:tt)* } $(,)? }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `x = ", $computes, "` for every element.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            fn $in_place(&mut self)
            where
                Self::Storage: DataMut;
        }
    };
    (@in_place define (1 -> 1) $computes:literal
        { scalar: $scalar:ident, slice: $_l:ident, in_place: $in_place:ident $(,)? } $docs:tt) => {
        fn $in_place(&mut self)
        where
            S: DataMut,
        {
            map_in_place(self, slices::$in_place, scalar::$scalar)
        }
    };
    (@in_place $what:ident (1 -> 2) $($_:tt)*) => {};
    (@in_place $what:ident (2 -> 1) $($_:tt)*) => {};
}

/// [`SigmoidExt`] with the exact kernels ([`crate::exact`]), also re-exported as
/// `sigtab::ndarray::SigmoidExt`.
pub mod exact {
    sigmoid_ext!("exact", exact);
}

/// [`SigmoidExt`](table::SigmoidExt) with the linear table kernels ([`crate::table`]).
pub mod table {
    sigmoid_ext!("table", list = tables, table);

    /// [`SigmoidExt`](hermite::SigmoidExt) with the cubic Hermite table kernels
    /// ([`crate::table::hermite`]).
    pub mod hermite {
        sigmoid_ext!("table::hermite", list = tables, table::hermite);
    }
}

/// `a` as one slice in memory order, if its elements are contiguous in C or Fortran order (the
/// orders a new array can be made in), and whether that order is Fortran's.
fn contiguous<T, S: Data<Elem = T>, D: Dimension>(a: &ArrayBase<S, D>) -> Option<(&[T], bool)> {
    let fortran = !a.is_standard_layout() && a.t().is_standard_layout();
    if a.is_standard_layout() || fortran {
        a.as_slice_memory_order().map(|x| (x, fortran))
    } else {
        None
    }
}

/// A new array of `dim` from `v`, in C or Fortran order.
fn from_vec<T, D: Dimension>(dim: D, fortran: bool, v: Vec<T>) -> Array<T, D> {
    let r = if fortran {
        Array::from_shape_vec(dim.f(), v)
    } else {
        Array::from_shape_vec(dim, v)
    };
    r.expect("a contiguous array's shape fits its own length")
}

/// A new array of `a`'s shape with `out[i] = f(a[i])`: through `slice` when `a` is C- or
/// F-contiguous, elementwise through `scalar` otherwise.
fn map_new<T: Float, S: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
    slice: impl Fn(&[T], &mut [T]),
    scalar: impl Fn(T) -> T,
) -> Array<T, D> {
    match contiguous(a) {
        Some((x, fortran)) => {
            let mut v = vec![T::default(); x.len()];
            slice(x, &mut v);
            from_vec(a.raw_dim(), fortran, v)
        }
        None => a.mapv(scalar),
    }
}

/// `x = f(x)` for every element of `a`: through `slice` when its elements are contiguous in any
/// order, elementwise otherwise.
fn map_in_place<T: Float, S: DataMut<Elem = T>, D: Dimension>(
    a: &mut ArrayBase<S, D>,
    slice: impl Fn(&mut [T]),
    scalar: impl Fn(T) -> T,
) {
    match a.as_slice_memory_order_mut() {
        Some(x) => slice(x),
        None => a.mapv_inplace(scalar),
    }
}

/// A new array of `a`'s shape with `out[i] = f(a[i], t[i])`: through `slice` when `a` and `t`
/// are contiguous in the same order (both C or both Fortran), elementwise through `scalar`
/// otherwise. Panics, naming `what` and both shapes, if the shapes differ.
#[track_caller]
fn map_binary_new<T: Float, S: Data<Elem = T>, S2: Data<Elem = T>, D: Dimension>(
    what: &str,
    a: &ArrayBase<S, D>,
    t: &ArrayBase<S2, D>,
    slice: impl Fn(&[T], &[T], &mut [T]),
    scalar: impl Fn(T, T) -> T,
) -> Array<T, D> {
    if a.shape() != t.shape() {
        shape_mismatch(what, a.shape(), t.shape());
    }
    match (contiguous(a), contiguous(t)) {
        (Some((x, fortran)), Some((y, t_fortran))) if fortran == t_fortran => {
            let mut v = vec![T::default(); x.len()];
            slice(x, y, &mut v);
            from_vec(a.raw_dim(), fortran, v)
        }
        _ => Zip::from(a).and(t).map_collect(|&x, &y| scalar(x, y)),
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn shape_mismatch(what: &str, a: &[usize], t: &[usize]) -> ! {
    panic!("{what}: the array has shape {a:?} but target has shape {t:?}; they must be equal")
}
