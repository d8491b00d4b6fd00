//! The portable backend: the generic kernels with fused multiply-add, no target features.
//!
//! Always compiled. It is the reference the SIMD backends are tested against (every backend with
//! FMA computes the very same operations, so they agree bit for bit), the path Miri runs, and the
//! fallback on targets without a SIMD backend. On x86_64 without FMA in the build it calls libm's
//! `fma` and is slow; the dispatcher never picks it there.

backend!(crate::real::Fused);
