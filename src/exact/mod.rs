//! Exact kernels: the sigmoid, its derivative and its log-domain family, each within 1 ulp (the
//! loss within 2), for every input.
//!
//! "Exact" as opposed to the tables of [`crate::table`]: these compute the function from its
//! formula, to within one unit in the last place (measured, see the crate docs), over the whole
//! line, subnormal results included. Nothing overflows: `sigmoid_grad(-500.0)` is
//! `7.124576406741286e-218`, not the `0` of the naive `e / (1 + e)^2`; `softplus(1000.0)` is
//! `1000.0`, not the `inf` of `(1 + e^x).ln()`.
//!
//! | function | computes | bound | measured (f32 all inputs / f64 sample) |
//! | --- | --- | --- | --- |
//! | [`sigmoid`] | `s(x) = 1 / (1 + e^-x)` | 1 ulp | see the crate docs |
//! | [`sigmoid_grad`] | `s'(x) = s(x) (1 - s(x))` | 1 ulp | see the crate docs |
//! | [`log_sigmoid`] | `log s(x) = -softplus(-x)` | 1 ulp | f32: `RUSTFLAGS="-C target-feature=+fma" cargo test --release --test exhaustive_f32 -- --ignored --nocapture`; f64: `cargo test --release --test reference_f64 -- --nocapture` |
//! | [`softplus`] | `log(1 + e^x)` | 1 ulp | idem |
//! | [`logit`] | `log(p / (1 - p))`, the inverse of `s` | 1 ulp | idem |
//! | [`silu`] | `x s(x)` (swish) | 1 ulp | idem |
//! | [`silu_grad`] | `s(x) (1 + x (1 - s(x)))` | 1 ulp | idem |
//! | [`binary_cross_entropy_with_logits`] | `t softplus(-x) + (1 - t) softplus(x)` | 2 ulp for `t` in `[0, 1]` | idem |
//!
//! How (one file each under `src/exact/`): every kernel starts from `e = exp(-|x|)` as two words
//! (`exp.rs`), never overflowing, with the deep tail's power of two applied last so that
//! subnormal results are rounded once; the log-domain ones add a table-driven logarithm carried
//! to two words (`log.rs`). Each result is rounded once at the end.
//!
//! The slice functions run SIMD code chosen at run time (see [`crate::Backend`]); every element of
//! a slice equals the scalar function's result for it. [`Kernels`] runs them on a backend of your
//! choice.
//!
//! Special cases: NaN gives NaN (its sign and payload unspecified, as for Rust's own float
//! operations: they may differ between functions, backends, and the scalar and slice forms);
//! `sigmoid(+inf) = 1`, `sigmoid(-inf) = 0`, `sigmoid_grad(±inf) = 0`; `sigmoid(-0.0) = 0.5`;
//! `softplus(+inf) = inf`, `softplus(-inf) = 0`, `log_sigmoid(-inf) = -inf`,
//! `log_sigmoid(+inf) = -0.0`; `logit(0) = logit(-0.0) = -inf`, `logit(1) = inf`, NaN outside
//! `[0, 1]`; `silu(-inf) = -0.0`, `silu(inf) = inf`, `silu_grad(-inf) = -0.0`,
//! `silu_grad(inf) = 1`; the loss is `inf` at `x = -inf` for `t > 0` and at `x = inf` for
//! `t < 1`, `0` at `x = -inf, t = 0` and at `x = inf, t = 1`, and NaN for an infinite target.

pub(crate) mod kernel;

mod binary_cross_entropy;
mod exp;
mod log;
pub(crate) mod logit;
pub(crate) mod sigmoid;
mod silu;
mod silu_grad;
mod softplus;
pub(crate) use binary_cross_entropy::BinaryCrossEntropyWithLogits;
pub(crate) use logit::Logit;
pub(crate) use silu::Silu;
pub(crate) use silu_grad::SiluGrad;
pub(crate) use softplus::{LogSigmoid, Softplus};

pub(crate) mod f32;
pub(crate) mod f64;

pub(crate) use sigmoid::{Grad, Sigmoid, SigmoidAndGrad};

// `kernel = _`: each listed function (`registry.rs`) runs the type of `kernel` its entry names.
crate::api::kernel_api!("exact", "within 1 ulp", inline = true, kernel = _);
