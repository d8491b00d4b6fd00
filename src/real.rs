//! The internal float abstraction every kernel is written against.
//!
//! Kernels are generic over [`Real`] (the precision: `f32` or `f64`) and [`MulAdd`] (whether
//! `a * b + c` is fused). Each backend in `crate::arch` instantiates them inside a
//! `#[target_feature]` function; because every operation here is a plain IEEE-754 operation on one
//! lane, LLVM turns the slice loops into SIMD for whatever features that function enables, and all
//! backends with fused multiply-add produce bit-identical results.

use core::ops::{Add, Div, Mul, Neg, Sub};

/// Bit-level and arithmetic operations on one float, all branch-free so they vectorize.
pub trait Real:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + Send
    + Sync
    + 'static
{
    /// The unsigned integer with the same width.
    type Bits: Copy;
    const ZERO: Self;
    const ONE: Self;
    /// Number of explicit mantissa bits (23 or 52).
    const MANT_BITS: u32;
    /// Veltkamp's splitter, `2^ceil(p/2) + 1`, for exact products without FMA.
    const SPLITTER: Self;

    fn to_bits(self) -> Self::Bits;
    fn from_bits(b: Self::Bits) -> Self;
    fn from_f64(v: f64) -> Self;
    /// `a * b + c` with one rounding (hardware FMA where the target has it, else libm).
    fn fused_mul_add(a: Self, b: Self, c: Self) -> Self;

    /// `|self|`, by clearing the sign bit.
    fn abs(self) -> Self;

    /// `min(self, hi)`, propagating NaN in `self` (written as the compare-and-select that
    /// compiles to one `minps`/`fminnm`-style instruction).
    fn min_keep_nan(self, hi: Self) -> Self;

    /// `max(self, lo)`, propagating NaN in `self` (one `maxps`, as `min_keep_nan`).
    fn max_keep_nan(self, lo: Self) -> Self;

    /// `a` where the sign bit of `x` is set (`x < 0`, -0.0, a negative NaN), else `b`.
    fn select_neg(x: Self, a: Self, b: Self) -> Self;

    /// `self < hi` (false for NaN), for `self` (or NaN) and `hi` non-negative; on explicit SIMD
    /// lanes, in every lane.
    fn all_lt(self, hi: Self) -> bool;
}

macro_rules! impl_real {
    ($f:ident, $u:ty, $mant:expr, $split:expr) => {
        impl Real for $f {
            type Bits = $u;
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            const MANT_BITS: u32 = $mant;
            const SPLITTER: Self = $split;
            #[inline(always)]
            fn to_bits(self) -> $u {
                <$f>::to_bits(self)
            }
            #[inline(always)]
            fn from_bits(b: $u) -> Self {
                <$f>::from_bits(b)
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                v as $f
            }
            #[inline(always)]
            fn fused_mul_add(a: Self, b: Self, c: Self) -> Self {
                fma::$f(a, b, c)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <$f>::from_bits(<$f>::to_bits(self) & (<$u>::MAX >> 1))
            }
            #[inline(always)]
            fn min_keep_nan(self, hi: Self) -> Self {
                if hi < self { hi } else { self }
            }
            #[inline(always)]
            fn max_keep_nan(self, lo: Self) -> Self {
                if lo > self { lo } else { self }
            }
            #[inline(always)]
            fn select_neg(x: Self, a: Self, b: Self) -> Self {
                if x.is_sign_negative() { a } else { b }
            }
            #[inline(always)]
            fn all_lt(self, hi: Self) -> bool {
                self < hi
            }
        }
    };
}
impl_real!(f32, u32, 23, 4097.0);
impl_real!(f64, u64, 52, 134_217_729.0);

/// Fused multiply-add for both precisions, inline wherever the target has the instruction: `std`'s
/// `mul_add` where linked; without `std`, the FMA intrinsics of `core::arch` when the build has
/// the feature (x86_64 with `fma`, aarch64), which compile to the same single instruction and,
/// unlike a function call, let the loops around them vectorize; otherwise the `libm` crate, which
/// is what `std` would call on a target without the instruction.
#[allow(non_snake_case)]
mod fma {
    #[cfg(feature = "std")]
    #[inline(always)]
    pub(super) fn f32(a: f32, b: f32, c: f32) -> f32 {
        a.mul_add(b, c)
    }
    #[cfg(feature = "std")]
    #[inline(always)]
    pub(super) fn f64(a: f64, b: f64, c: f64) -> f64 {
        a.mul_add(b, c)
    }

    #[cfg(all(not(feature = "std"), target_arch = "x86_64", target_feature = "fma"))]
    #[inline(always)]
    pub(super) fn f32(a: f32, b: f32, c: f32) -> f32 {
        use core::arch::x86_64::*;
        // SAFETY: the build targets FMA (`target_feature = "fma"`), so every CPU it runs on has it.
        unsafe { _mm_cvtss_f32(_mm_fmadd_ss(_mm_set_ss(a), _mm_set_ss(b), _mm_set_ss(c))) }
    }
    #[cfg(all(not(feature = "std"), target_arch = "x86_64", target_feature = "fma"))]
    #[inline(always)]
    pub(super) fn f64(a: f64, b: f64, c: f64) -> f64 {
        use core::arch::x86_64::*;
        // SAFETY: as above.
        unsafe { _mm_cvtsd_f64(_mm_fmadd_sd(_mm_set_sd(a), _mm_set_sd(b), _mm_set_sd(c))) }
    }

    #[cfg(all(not(feature = "std"), target_arch = "aarch64", target_feature = "neon"))]
    #[inline(always)]
    #[allow(unused_unsafe)]
    pub(super) fn f32(a: f32, b: f32, c: f32) -> f32 {
        use core::arch::aarch64::*;
        // SAFETY: NEON (with its scalar FMA) is in the build's target features.
        unsafe { vfmas_lane_f32::<0>(c, a, vdup_n_f32(b)) }
    }
    #[cfg(all(not(feature = "std"), target_arch = "aarch64", target_feature = "neon"))]
    #[inline(always)]
    #[allow(unused_unsafe)]
    pub(super) fn f64(a: f64, b: f64, c: f64) -> f64 {
        use core::arch::aarch64::*;
        // SAFETY: as above.
        unsafe { vfmad_lane_f64::<0>(c, a, vdup_n_f64(b)) }
    }

    #[cfg(not(any(
        feature = "std",
        all(target_arch = "x86_64", target_feature = "fma"),
        all(target_arch = "aarch64", target_feature = "neon")
    )))]
    #[inline(always)]
    pub(super) fn f32(a: f32, b: f32, c: f32) -> f32 {
        libm::fmaf(a, b, c)
    }
    #[cfg(not(any(
        feature = "std",
        all(target_arch = "x86_64", target_feature = "fma"),
        all(target_arch = "aarch64", target_feature = "neon")
    )))]
    #[inline(always)]
    pub(super) fn f64(a: f64, b: f64, c: f64) -> f64 {
        libm::fma(a, b, c)
    }
}

/// How a kernel computes `a * b + c`, and in which context it runs.
pub(crate) trait MulAdd {
    /// Whether a loop of these calls is meant to vectorize (the slice loops, and the scalar
    /// functions inlined into a caller's loop): the scalar kernels then read their small tables
    /// by a tree of selects, which vectorizes into blends, rather than by index, which becomes a
    /// gather. One call at a time ([`Indexed`]) reads by index: one load instead of `N - 1`
    /// selects. The same value either way.
    const VECTOR: bool = true;
    /// `a * b + c`: fused where the backend has FMA, two roundings otherwise.
    fn mul_add<F: Real>(a: F, b: F, c: F) -> F;
    /// `a * b + c` to within half an ulp plus a few ulps of the ulp; exact whenever the exact
    /// result is representable (the residual `1 - q*d` of a division, `a*a - fl(a*a)`).
    fn mul_add_acc<F: Real>(a: F, b: F, c: F) -> F;
}

/// Hardware fused multiply-add: AVX2+FMA, AVX-512, NEON, and the portable reference.
pub(crate) struct Fused;

/// `M`, for one call at a time (a backend's dispatched scalar function, which cannot be inlined
/// into a loop): the scalar kernels read their tables by index.
pub(crate) struct Indexed<M>(core::marker::PhantomData<M>);

impl<M: MulAdd> MulAdd for Indexed<M> {
    const VECTOR: bool = false;
    #[inline(always)]
    fn mul_add<F: Real>(a: F, b: F, c: F) -> F {
        M::mul_add(a, b, c)
    }
    #[inline(always)]
    fn mul_add_acc<F: Real>(a: F, b: F, c: F) -> F {
        M::mul_add_acc(a, b, c)
    }
}

impl MulAdd for Fused {
    #[inline(always)]
    fn mul_add<F: Real>(a: F, b: F, c: F) -> F {
        F::fused_mul_add(a, b, c)
    }
    #[inline(always)]
    fn mul_add_acc<F: Real>(a: F, b: F, c: F) -> F {
        F::fused_mul_add(a, b, c)
    }
}

/// No FMA (the SSE2 baseline): plain multiply then add, and Dekker's exact product plus
/// Knuth's two-sum where accuracy needs it. Used by the x86_64 SSE2 backend only.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Split;

impl MulAdd for Split {
    #[inline(always)]
    fn mul_add<F: Real>(a: F, b: F, c: F) -> F {
        a * b + c
    }
    #[inline(always)]
    fn mul_add_acc<F: Real>(a: F, b: F, c: F) -> F {
        let p = a * b;
        let e = two_prod_err(a, b, p);
        let s = p + c;
        let bb = s - p;
        let se = (p - (s - bb)) + (c - bb);
        s + (se + e)
    }
}

/// Dekker's exact error of the product `p = fl(a * b)`: `a * b - p`, exactly (inputs are small
/// here, so Veltkamp's split cannot overflow).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
fn two_prod_err<F: Real>(a: F, b: F, p: F) -> F {
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    ((ah * bh - p) + ah * bl + al * bh) + al * bl
}

#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
fn split<F: Real>(a: F) -> (F, F) {
    let c = F::SPLITTER * a;
    let hi = c - (c - a);
    (hi, a - hi)
}
