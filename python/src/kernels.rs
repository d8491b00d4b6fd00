//! The kernels the ufuncs run, by shape: [`Unary`] (one input, one output) and [`UnaryPair`]
//! (one input, two outputs), each a type naming sigtab's slice functions: one per function of
//! sigtab's list (`src/registry.rs`, included here) and family, named by the function's kernel
//! (`exact::Sigmoid`, `table::Grad`, `hermite::SigmoidAndGrad`).

use sigtab::Float;

#[path = "../../src/registry.rs"]
#[allow(unused_macros, unused_imports)]
mod registry;
pub(crate) use registry::for_each_function;

// The ufuncs are those of the functions every family has (`for_each_function!(tables: ...)`, here
// and in `lib.rs`): the exact-only functions of sigtab's list (the logistic family, `table: none`
// in `src/registry.rs`) have no ufuncs yet: they need their docstrings, stubs, an exact-only
// module and, for the loss, a two-input loop.
/// `out[i] = f(x[i])`, and in place, and one element.
pub trait Unary {
    fn one<T: Float>(x: T) -> T;
    fn map<T: Float>(x: &[T], out: &mut [T]);
    fn in_place<T: Float>(x: &mut [T]);
}

/// `(y[i], dy[i]) = f(x[i])`, and one element.
pub trait UnaryPair {
    fn one<T: Float>(x: T) -> (T, T);
    fn map2<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]);
}

/// `unary!(Name = scalar_fn, slice_fn, in_place_fn in module::path)`.
macro_rules! unary {
    ($name:ident = $one:ident, $slice:ident, $in_place:ident in $($m:ident)::+) => {
        pub struct $name;
        impl Unary for $name {
            #[inline]
            fn one<T: Float>(x: T) -> T {
                $($m)::+::$one(x)
            }
            #[inline]
            fn map<T: Float>(x: &[T], out: &mut [T]) {
                $($m)::+::$slice(x, out)
            }
            #[inline]
            fn in_place<T: Float>(x: &mut [T]) {
                $($m)::+::$in_place(x)
            }
        }
    };
}

/// `unary_pair!(Name = scalar_fn, slice_fn in module::path)`.
macro_rules! unary_pair {
    ($name:ident = $one:ident, $slice:ident in $($m:ident)::+) => {
        pub struct $name;
        impl UnaryPair for $name {
            #[inline]
            fn one<T: Float>(x: T) -> (T, T) {
                $($m)::+::$one(x)
            }
            #[inline]
            fn map2<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]) {
                $($m)::+::$slice(x, y, dy)
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
        unary!($kernel = $s, $l, $p in $($m)*);
    };
    (@one (1 -> 2) { scalar: $s:ident, slice: $l:ident $(,)? } $kernel:ident [$($m:tt)*]) => {
        unary_pair!($kernel = $s, $l in $($m)*);
    };
}

/// The exact kernels.
pub mod exact {
    use super::*;
    for_each_function!(tables: kernel_types, [sigtab::exact]);
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
