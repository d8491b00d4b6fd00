//! x86_64 backends: SSE2 (always present), AVX2+FMA and AVX-512 F/VL/DQ/BW with FMA (both
//! detected at run time, or chosen by the build's target features without `std`).

pub(crate) mod avx2;
pub(crate) mod avx512;
pub(crate) mod sse2;
