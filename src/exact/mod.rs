//! Exact kernels: `s(x)` within 1 ulp and `s'(x)` within 1 ulp, for every input.
//!
//! "Exact" as opposed to the tables of [`crate::table`]: these compute the function from its
//! formula, to within one unit in the last place (measured, see the crate docs), over the whole
//! line, subnormal results included. Nothing overflows: `sigmoid_grad(-500.0)` is
//! `7.124576406741286e-218`, not the `0` of the naive `e / (1 + e)^2`.
//!
//! The slice functions run SIMD code chosen at run time (see [`crate::Backend`]); every element of
//! a slice equals the scalar function's result for it. [`Kernels`] runs them on a backend of your
//! choice.
//!
//! Special cases: NaN gives NaN (its sign and payload unspecified, as for Rust's own float
//! operations; on x86_64 the input's payload comes back with the sign bit set);
//! `sigmoid(+inf) = 1`, `sigmoid(-inf) = 0`, `sigmoid_grad(±inf) = 0`; `sigmoid(-0.0) = 0.5`.

pub(crate) mod kernel;

mod binary_cross_entropy;
mod exp;
mod log;
pub(crate) mod logit;
pub(crate) mod sigmoid;
mod silu;
mod softplus;
pub(crate) use binary_cross_entropy::BinaryCrossEntropyWithLogits;
pub(crate) use logit::Logit;
pub(crate) use silu::{Silu, SiluGrad};
pub(crate) use softplus::{LogSigmoid, Softplus};

pub(crate) mod f32;
pub(crate) mod f64;

pub(crate) use sigmoid::{Grad, Sigmoid, SigmoidAndGrad};

// `kernel = _`: each listed function (`registry.rs`) runs the type of `kernel` its entry names.
crate::api::kernel_api!("exact", "within 1 ulp", inline = true, kernel = _);
