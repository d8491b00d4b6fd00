//! The AVX-512 backend (Intel Skylake-SP and later, AMD Zen 4 and later): AVX-512F/VL/DQ/BW
//! with FMA, 16 f32 or 8 f64 lanes and 32 vector registers.
//!
//! Results are bit-identical to the portable backend.

backend!(crate::real::Fused, "avx512f,avx512vl,avx512dq,avx512bw,fma");
