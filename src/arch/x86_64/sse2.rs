//! The SSE2 backend: x86_64's baseline, for CPUs without AVX2 and FMA.
//!
//! Without FMA the kernels use `Split`: a plain multiply then add in polynomials, and Dekker's
//! exact product where accuracy needs it, so a result can differ from the FMA backends in the last
//! bit (the error bound is the same, and is tested over all f32 inputs). LLVM vectorizes the loops
//! to 4 f32 or 2 f64 lanes.

backend!(crate::real::Split);
