//! The AVX-512 backend (Intel Skylake-SP and later, AMD Zen 4 and later): AVX-512F/VL/DQ/BW
//! with FMA, 16 f32 or 8 f64 lanes and 32 vector registers.
//!
//! The exact kernels' slice loops run on explicit 512-bit lanes ([`F32x16`], [`F64x8`]): the
//! generic kernel, with every float operation one AVX-512 instruction on all lanes. Left to
//! LLVM's vectorizer, the same loops come out 256 bits wide whenever the build's CPU tuning
//! prefers 256-bit vectors (every Intel AVX-512 CPU, `x86-64-v4`: `-C target-cpu=native` on
//! Intel), 2-3x slower; explicit 512-bit types are kept whatever the tuning. The table kernels
//! compute their exact tails on the lanes and read the table in the vectorizer's loop (a gather,
//! which that tuning makes 256 bits wide).
//!
//! Results are bit-identical to the portable backend: each lane operation is the IEEE operation
//! the scalar code performs (`vfmadd` is the fused multiply-add, `vminps`'s operand order is the
//! scalar compare-and-select, and so on).

use core::arch::x86_64::*;
use core::ops::{Add, Div, Mul, Neg, Sub};

use crate::exact::kernel::Consts;
use crate::real::Real;
use crate::slice::Lanes;

backend!(
    crate::real::Fused,
    "avx512f,avx512vl,avx512dq,avx512bw,fma",
    lanes = Avx512
);

/// 16 f32 lanes.
#[derive(Clone, Copy)]
pub struct F32x16(__m512);
/// 8 f64 lanes.
#[derive(Clone, Copy)]
pub struct F64x8(__m512d);
/// The bits of 16 f32 lanes.
#[derive(Clone, Copy)]
pub struct U32x16(__m512i);
/// The bits of 8 f64 lanes.
#[derive(Clone, Copy)]
pub struct U64x8(__m512i);

// Soundness of the lane types: they are crate-private and built only inside the backend's
// `#[target_feature]` functions above (by `Lanes::load`, whose caller vouches for the CPU), or as
// constants, which need no instruction. Every `unsafe` below calls an AVX-512F intrinsic on them;
// its SAFETY is that invariant: the CPU has AVX-512F.
macro_rules! lanes {
    (
        $v:ident, $vr:ty, $b:ident, $f:ident, $u:ident, $n:literal, $mask_all:literal,
        $add:ident, $sub:ident, $mul:ident, $div:ident, $fma:ident, $min:ident, $max:ident,
        $signs:ident, $icmplt:ident, $scalef:ident, $table:expr, $decompose:ident,
        $blend:ident, $set1:ident, $load:ident, $store:ident,
        $cast_to_bits:ident, $cast_from_bits:ident
    ) => {
        impl $v {
            /// Every lane `c` (at compile time).
            const fn splat(c: $f) -> Self {
                // SAFETY: an array of N floats and the vector have the same size, and every bit
                // pattern is valid for both.
                $v(unsafe { core::mem::transmute::<[$f; $n], $vr>([c; $n]) })
            }
        }

        impl $b {
            const fn splat(c: $u) -> Self {
                // SAFETY: as in `splat` above.
                $b(unsafe { core::mem::transmute::<[$u; $n], __m512i>([c; $n]) })
            }
        }

        impl Add for $v {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $add(self.0, o.0) })
            }
        }
        impl Sub for $v {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $sub(self.0, o.0) })
            }
        }
        impl Mul for $v {
            type Output = Self;
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $mul(self.0, o.0) })
            }
        }
        impl Div for $v {
            type Output = Self;
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $div(self.0, o.0) })
            }
        }
        impl Neg for $v {
            type Output = Self;
            #[inline(always)]
            fn neg(self) -> Self {
                // Flip the sign bit, as scalar negation does.
                let sign = $b::splat(!(<$u>::MAX >> 1));
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                Self::from_bits($b(unsafe { _mm512_xor_si512(self.to_bits().0, sign.0) }))
            }
        }

        impl Real for $v {
            type Bits = $b;
            const ZERO: Self = $v::splat(0.0);
            const ONE: Self = $v::splat(1.0);
            const MANT_BITS: u32 = <$f as Real>::MANT_BITS;
            const SPLITTER: Self = $v::splat(<$f as Real>::SPLITTER);

            #[inline(always)]
            fn to_bits(self) -> $b {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $b(unsafe { $cast_to_bits(self.0) })
            }
            #[inline(always)]
            fn from_bits(b: $b) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $cast_from_bits(b.0) })
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $set1(v as $f) })
            }
            #[inline(always)]
            fn fused_mul_add(a: Self, b: Self, c: Self) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $fma(a.0, b.0, c.0) })
            }
            #[inline(always)]
            fn abs(self) -> Self {
                let mask = $b::splat(<$u>::MAX >> 1);
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                Self::from_bits($b(unsafe { _mm512_and_si512(self.to_bits().0, mask.0) }))
            }
            #[inline(always)]
            fn min_keep_nan(self, hi: Self) -> Self {
                // `vminps hi, self` is `hi < self ? hi : self`: `self` when either is NaN.
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $min(hi.0, self.0) })
            }
            #[inline(always)]
            fn max_keep_nan(self, lo: Self) -> Self {
                // `vmaxps lo, self` is `lo > self ? lo : self`: `self` when either is NaN.
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $max(lo.0, self.0) })
            }
            #[inline(always)]
            fn select_neg(x: Self, a: Self, b: Self) -> Self {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                // The sign bits as a mask (`vpmovd2m`, an integer op: the compare would take a
                // slot on the FMA pipes, the bottleneck on Zen 4).
                $v(unsafe { $blend($signs($cast_to_bits(x.0)), b.0, a.0) })
            }
            #[inline(always)]
            fn all_lt(self, hi: Self) -> bool {
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                // On the bits, unsigned, where both are non-negative (the callers' case: `|x|`
                // against a positive bound), the same order as the floats, NaN above all: an
                // integer compare, off the FMA pipes.
                unsafe { $icmplt($cast_to_bits(self.0), $cast_to_bits(hi.0)) == $mask_all }
            }
        }

        impl Consts for $v {
            crate::exact::kernel::splat_consts!($v, $f);
            #[inline(always)]
            fn exp2_table(t: Self, _vector: bool) -> (Self, Self) {
                let read = $table;
                (
                    read(t, &crate::exact::$f::T_HI),
                    read(t, &crate::exact::$f::T_LO),
                )
            }
            #[inline(always)]
            fn log_table(t: Self, _vector: bool) -> (Self, Self, Self) {
                let read = $table;
                (
                    read(t, &crate::exact::$f::LOG_C),
                    read(t, &crate::exact::$f::LOG_HI),
                    read(t, &crate::exact::$f::LOG_LO),
                )
            }
            #[inline(always)]
            fn decompose(self) -> (Self, Self, Self, Self) {
                $decompose(self)
            }
            #[inline(always)]
            fn scale(self, q: Self, _t: Self) -> Self {
                // `vscalefps` is `self * 2^floor(q)`, rounded once (also to a subnormal).
                // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
                $v(unsafe { $scalef(self.0, q.0) })
            }
        }

        impl Lanes<$f> for $v {
            const N: usize = $n;
            #[inline(always)]
            unsafe fn load(p: *const $f) -> Self {
                // SAFETY: the caller vouches for `N` readable elements and for the CPU.
                $v(unsafe { $load(p) })
            }
            #[inline(always)]
            unsafe fn store(self, p: *mut $f) {
                // SAFETY: the caller vouches for `N` writable elements and for the CPU.
                unsafe { $store(p, self.0) }
            }
        }
    };
}

/// The scalar `decompose` (`exact::kernel::scalar_ops`) on the lanes of `x`.
#[inline(always)]
fn decompose_f32x16(x: F32x16) -> (F32x16, F32x16, F32x16, F32x16) {
    const OFF: u32 = crate::exact::kernel::log_offset!(f32);
    // SAFETY: the CPU has AVX-512F (see the lane types' invariant).
    unsafe {
        let bits = _mm512_castps_si512(x.0);
        let tmp = _mm512_sub_epi32(bits, _mm512_set1_epi32(OFF as i32));
        let hm = _mm512_and_si512(tmp, _mm512_set1_epi32(!((1 << 23) - 1)));
        let one = _mm512_set1_epi32(1.0f32.to_bits() as i32);
        (
            F32x16(_mm512_cvtepi32_ps(_mm512_srai_epi32::<23>(tmp))),
            F32x16(_mm512_castsi512_ps(_mm512_sub_epi32(bits, hm))),
            F32x16(_mm512_castsi512_ps(_mm512_and_si512(
                _mm512_srli_epi32::<20>(tmp),
                _mm512_set1_epi32(7),
            ))),
            F32x16(_mm512_castsi512_ps(_mm512_sub_epi32(one, hm))),
        )
    }
}

/// The scalar `decompose` (`exact::kernel::scalar_ops`) on the lanes of `x`.
#[inline(always)]
fn decompose_f64x8(x: F64x8) -> (F64x8, F64x8, F64x8, F64x8) {
    const OFF: u64 = crate::exact::kernel::log_offset!(f64);
    // SAFETY: the CPU has AVX-512F and DQ (see the lane types' invariant).
    unsafe {
        let bits = _mm512_castpd_si512(x.0);
        let tmp = _mm512_sub_epi64(bits, _mm512_set1_epi64(OFF as i64));
        let hm = _mm512_and_si512(tmp, _mm512_set1_epi64(!((1 << 52) - 1)));
        let one = _mm512_set1_epi64(1.0f64.to_bits() as i64);
        (
            F64x8(_mm512_cvtepi64_pd(_mm512_srai_epi64::<52>(tmp))),
            F64x8(_mm512_castsi512_pd(_mm512_sub_epi64(bits, hm))),
            F64x8(_mm512_castsi512_pd(_mm512_and_si512(
                _mm512_srli_epi64::<48>(tmp),
                _mm512_set1_epi64(15),
            ))),
            F64x8(_mm512_castsi512_pd(_mm512_sub_epi64(one, hm))),
        )
    }
}

lanes!(
    F32x16,
    __m512,
    U32x16,
    f32,
    u32,
    16,
    0xffff,
    _mm512_add_ps,
    _mm512_sub_ps,
    _mm512_mul_ps,
    _mm512_div_ps,
    _mm512_fmadd_ps,
    _mm512_min_ps,
    _mm512_max_ps,
    _mm512_movepi32_mask,
    _mm512_cmplt_epu32_mask,
    _mm512_scalef_ps,
    |t: F32x16, table: &[f32; 8]| {
        // The 8 entries twice over: `vpermps` reads entry `j` for the low 4 bits of each lane of
        // `t`'s bits, and `j` is the low 3.
        let mut v = [0.0f32; 16];
        v[..8].copy_from_slice(table);
        v[8..].copy_from_slice(table);
        // SAFETY: the CPU has AVX-512F (see the lane types' invariant); `v` has 16 floats.
        F32x16(unsafe {
            _mm512_permutexvar_ps(_mm512_castps_si512(t.0), _mm512_loadu_ps(v.as_ptr()))
        })
    },
    decompose_f32x16,
    _mm512_mask_blend_ps,
    _mm512_set1_ps,
    _mm512_loadu_ps,
    _mm512_storeu_ps,
    _mm512_castps_si512,
    _mm512_castsi512_ps
);
lanes!(
    F64x8,
    __m512d,
    U64x8,
    f64,
    u64,
    8,
    0xff,
    _mm512_add_pd,
    _mm512_sub_pd,
    _mm512_mul_pd,
    _mm512_div_pd,
    _mm512_fmadd_pd,
    _mm512_min_pd,
    _mm512_max_pd,
    _mm512_movepi64_mask,
    _mm512_cmplt_epu64_mask,
    _mm512_scalef_pd,
    |t: F64x8, table: &[f64; 16]| {
        // SAFETY: the CPU has AVX-512F (see the lane types' invariant); `table` has 16 doubles:
        // `vpermt2pd` reads entry `j` from the two halves for the low 4 bits of `t`'s lanes.
        F64x8(unsafe {
            let (lo, hi) = (
                _mm512_loadu_pd(table.as_ptr()),
                _mm512_loadu_pd(table.as_ptr().add(8)),
            );
            _mm512_permutex2var_pd(lo, _mm512_castpd_si512(t.0), hi)
        })
    },
    decompose_f64x8,
    _mm512_mask_blend_pd,
    _mm512_set1_pd,
    _mm512_loadu_pd,
    _mm512_storeu_pd,
    _mm512_castpd_si512,
    _mm512_castsi512_pd
);
