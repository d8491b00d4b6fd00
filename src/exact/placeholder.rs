//! TEMPORARY naive kernels of the logistic family, so that the plumbing (registry, slice loops,
//! Python) can be built while the real kernels are written. Replaced before anything lands.
#![allow(dead_code)]

use crate::exact::kernel::Consts;
use crate::real::MulAdd;
use crate::slice::{Binary, Unary};

fn f<F: Consts>(x: F, op: impl Fn(f64) -> f64) -> F {
    // Placeholder only: goes through f64 via bits (no libm in no_std): uses core's f64 methods
    // is not possible in no_std, so this placeholder returns x unchanged.
    let _ = op;
    x
}

/// `log s(x)`.
pub(crate) struct LogSigmoid;
/// `log(1 + e^x)`.
pub(crate) struct Softplus;
/// `log(p / (1 - p))`.
pub(crate) struct Logit;
/// `x s(x)`.
pub(crate) struct Silu;
/// `s(x) (1 + x (1 - s(x)))`.
pub(crate) struct SiluGrad;
/// `t softplus(-x) + (1 - t) softplus(x)`.
pub(crate) struct BinaryCrossEntropyWithLogits;

macro_rules! placeholder {
    ($($k:ident),*) => {$(
        impl<F: Consts> Unary<F> for $k {
            #[inline(always)]
            fn eval<M: MulAdd>(x: F) -> F {
                f(x, |v| v)
            }
        }
    )*};
}
placeholder!(LogSigmoid, Softplus, Logit, Silu, SiluGrad);

impl<F: Consts> Binary<F> for BinaryCrossEntropyWithLogits {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F, t: F) -> F {
        x + t
    }
}
