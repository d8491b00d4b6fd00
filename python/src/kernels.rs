//! The kernels the ufuncs run: one [`Kernel`] of `I` inputs and `O` outputs (`1 -> 1`, `1 -> 2`,
//! `2 -> 1`) per function of sigtab's list (`src/registry.rs`, included here) and family, a type
//! naming sigtab's scalar, slice and in-place functions, named by the function's kernel
//! (`exact::Sigmoid`, `table::Grad`, `hermite::SigmoidAndGrad`).

use sigtab::Float;

#[path = "../../src/registry.rs"]
#[allow(unused_macros, unused_imports)]
mod registry;
pub(crate) use registry::for_each_function;

/// A function of `I` inputs and `O` outputs, elementwise: `outs[j][i] = f(xs[0][i], ...)[j]`.
pub trait Kernel<const I: usize, const O: usize> {
    /// One element.
    fn one<T: Float>(x: [T; I]) -> [T; O];
    /// Slices of one length: the inputs, then the outputs.
    fn map<T: Float>(x: [&[T]; I], out: [&mut [T]; O]);
    /// The single output over the single input's buffer (`out=x`), if the function has an
    /// in-place form: `false` (and nothing written) if it has none.
    #[inline]
    fn in_place<T: Float>(_x: &mut [T]) -> bool {
        false
    }
}

/// `kernel!(Name: I -> O = scalar_fn, slice_fn[, in_place_fn] in module::path)`: the scalar
/// and slice functions take the inputs, then the outputs, one argument each (a `1 -> 2` scalar
/// function returns a tuple).
macro_rules! kernel {
    ($name:ident: 1 -> 1 = $one:ident, $slice:ident, $in_place:ident in $($m:ident)::+) => {
        pub struct $name;
        impl Kernel<1, 1> for $name {
            #[inline]
            fn one<T: Float>([x]: [T; 1]) -> [T; 1] {
                [$($m)::+::$one(x)]
            }
            #[inline]
            fn map<T: Float>([x]: [&[T]; 1], [out]: [&mut [T]; 1]) {
                $($m)::+::$slice(x, out)
            }
            #[inline]
            fn in_place<T: Float>(x: &mut [T]) -> bool {
                $($m)::+::$in_place(x);
                true
            }
        }
    };
    ($name:ident: 1 -> 2 = $one:ident, $slice:ident in $($m:ident)::+) => {
        pub struct $name;
        impl Kernel<1, 2> for $name {
            #[inline]
            fn one<T: Float>([x]: [T; 1]) -> [T; 2] {
                let (y, dy) = $($m)::+::$one(x);
                [y, dy]
            }
            #[inline]
            fn map<T: Float>([x]: [&[T]; 1], [y, dy]: [&mut [T]; 2]) {
                $($m)::+::$slice(x, y, dy)
            }
        }
    };
    ($name:ident: 2 -> 1 = $one:ident, $slice:ident in $($m:ident)::+) => {
        pub struct $name;
        impl Kernel<2, 1> for $name {
            #[inline]
            fn one<T: Float>([x, t]: [T; 2]) -> [T; 1] {
                [$($m)::+::$one(x, t)]
            }
            #[inline]
            fn map<T: Float>([x, t]: [&[T]; 2], [out]: [&mut [T]; 1]) {
                $($m)::+::$slice(x, t, out)
            }
        }
    };
}

/// A kernel type for every listed function of the family `$m`. A callback of
/// `for_each_function!`.
macro_rules! kernel_types {
    ([$m:tt] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        $(kernel_types!(@one ($i -> $o) $forms $kernel $m);)*
    };
    (@one (1 -> 1) { scalar: $s:ident, slice: $l:ident, in_place: $p:ident $(,)? } $kernel:ident [$($m:tt)*]) => {
        kernel!($kernel: 1 -> 1 = $s, $l, $p in $($m)*);
    };
    (@one ($i:tt -> $o:tt) { scalar: $s:ident, slice: $l:ident $(,)? } $kernel:ident [$($m:tt)*]) => {
        kernel!($kernel: $i -> $o = $s, $l in $($m)*);
    };
}

/// The exact kernels.
pub mod exact {
    use super::*;
    for_each_function!(kernel_types, [sigtab::exact]);
}

/// The linear table kernels.
pub mod table {
    use super::*;
    for_each_function!(tables: kernel_types, [sigtab::table]);
}

/// The cubic Hermite table kernels.
pub mod hermite {
    use super::*;
    for_each_function!(tables: kernel_types, [sigtab::table::hermite]);
}
