//! The kernels the ufuncs run, by shape: [`Unary`] (one input, one output) and [`UnaryPair`]
//! (one input, two outputs), each a type naming sigtab's slice functions. One line per kernel.

use sigtab::Float;

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

unary!(ExactSigmoid = sigmoid, sigmoid_slice, sigmoid_in_place in sigtab::exact);
unary!(ExactGrad = sigmoid_grad, sigmoid_grad_slice, sigmoid_grad_in_place in sigtab::exact);
unary_pair!(ExactBoth = sigmoid_and_grad, sigmoid_and_grad_slice in sigtab::exact);
unary!(LinearSigmoid = sigmoid, sigmoid_slice, sigmoid_in_place in sigtab::table);
unary!(LinearGrad = sigmoid_grad, sigmoid_grad_slice, sigmoid_grad_in_place in sigtab::table);
unary_pair!(LinearBoth = sigmoid_and_grad, sigmoid_and_grad_slice in sigtab::table);
unary!(HermiteSigmoid = sigmoid, sigmoid_slice, sigmoid_in_place in sigtab::table::hermite);
unary!(HermiteGrad = sigmoid_grad, sigmoid_grad_slice, sigmoid_grad_in_place in sigtab::table::hermite);
unary_pair!(HermiteBoth = sigmoid_and_grad, sigmoid_and_grad_slice in sigtab::table::hermite);
