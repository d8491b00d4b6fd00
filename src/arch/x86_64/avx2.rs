//! The AVX2+FMA backend (Intel Haswell and AMD Zen onwards).
//!
//! The generic loops inlined under `avx2,fma` vectorize to 8 f32 or 4 f64 lanes with `vfmadd`.
//! Results are bit-identical to the portable backend.

backend!(crate::real::Fused, "avx2,fma");
