//! x86_64 backends: SSE2 (always present) and AVX2+FMA (detected at run time).

pub(crate) mod avx2;
pub(crate) mod avx512;
pub(crate) mod sse2;
