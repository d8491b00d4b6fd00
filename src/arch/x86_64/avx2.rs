//! The AVX2+FMA backend (Intel Haswell and AMD Zen onwards).
//!
//! The exact kernels' slice loops run on explicit lanes ([`F32x8x2`], [`F64x4x2`]): the generic
//! kernel, with every float operation one AVX2/FMA instruction per 256-bit register. A lane value
//! is two registers, 16 f32 or 8 f64: the slice loops' block (`slice::block`, one 64-byte line,
//! which `slice::map_lanes` requires of every lane type); the two halves are independent chains
//! for the out-of-order core (one register per block measured 15-20% slower on Zen 4).
//!
//! Left to LLVM's vectorizer, the same loops read the exponential's table with gathers; on the
//! explicit lanes the f32 table is one `vpermps` per word (8 entries, one register each), and the
//! f64 table (16 entries) four `vpermps` per word on the doubles viewed as pairs of f32, joined
//! by two levels of blends on the index's high bits: as fast as two `vgatherqpd` on Zen 4 (within
//! 2%), and not slowed down by the microcode through which Intel CPUs with the Gather Data
//! Sampling fix run gathers. There is no `vscalefps`: the power of two is built in the exponent
//! field from the bits of `t`, exactly as the scalar code does, and multiplied in. The table
//! kernels compute their exact tails on the lanes and read the table in the vectorizer's loop
//! (gathers).
//!
//! Results are bit-identical to the portable backend: each lane operation is the IEEE operation
//! the scalar code performs (`vfmadd` is the fused multiply-add, `vminps`'s operand order is the
//! scalar compare-and-select, and so on).

use core::arch::x86_64::*;
use core::ops::{Add, Div, Mul, Neg, Sub};

use crate::exact::kernel::Consts;
use crate::real::Real;
use crate::slice::Lanes;

backend!(crate::real::Fused, "avx2,fma", lanes = Avx2);

/// 16 f32 lanes, in two registers.
#[derive(Clone, Copy)]
pub struct F32x8x2(__m256, __m256);
/// 8 f64 lanes, in two registers.
#[derive(Clone, Copy)]
pub struct F64x4x2(__m256d, __m256d);
/// The bits of 16 f32 lanes.
#[derive(Clone, Copy)]
pub struct U32x8x2(__m256i, __m256i);
/// The bits of 8 f64 lanes.
#[derive(Clone, Copy)]
pub struct U64x4x2(__m256i, __m256i);

// Soundness of the lane types: they are crate-private and built only inside the backend's
// `#[target_feature]` functions above (by `Lanes::load`, whose caller vouches for the CPU), or as
// constants, which need no instruction. Every `unsafe` below calls an AVX, AVX2 or FMA intrinsic
// on them; its SAFETY is that invariant: the CPU has AVX2 and FMA.

/// `table[j]` for `j` the low 3 bits of `t`'s bits: `vpermps` reads the 8 entries of the table
/// from one register by the low 3 bits of each lane.
#[inline(always)]
fn read_f32(t: __m256, table: &[f32; 8]) -> __m256 {
    // SAFETY: the CPU has AVX2 (see the lane types' invariant); the table has 8 floats.
    unsafe { _mm256_permutevar8x32_ps(_mm256_loadu_ps(table.as_ptr()), _mm256_castps_si256(t)) }
}

/// `(T_HI[j], T_LO[j])` for `j` the low 3 bits of `t`'s bits.
#[inline(always)]
fn exp2_table_f32(t: __m256) -> (__m256, __m256) {
    use crate::exact::f32::{T_HI, T_LO};
    (read_f32(t, &T_HI), read_f32(t, &T_LO))
}

/// `(LOG_C[j], LOG_HI[j], LOG_LO[j])` for `j` the low 3 bits of `t`'s bits.
#[inline(always)]
fn log_table_f32(t: __m256) -> (__m256, __m256, __m256) {
    use crate::exact::f32::{LOG_C, LOG_HI, LOG_LO};
    (
        read_f32(t, &LOG_C),
        read_f32(t, &LOG_HI),
        read_f32(t, &LOG_LO),
    )
}

/// `(T_HI[j], T_LO[j])` for `j` the low 4 bits of `t`'s bits. No AVX2 instruction permutes
/// doubles by a variable index across 128-bit halves, so each table is read as 32 floats in four
/// registers: `vpermps` moves the pair of floats `2 (j & 3), 2 (j & 3) + 1` of every register
/// into the lane, and blends on bits 2 and 3 of `j` (moved to the sign bit) pick the register.
#[inline(always)]
fn exp2_table_f64(t: __m256d) -> (__m256d, __m256d) {
    use crate::exact::f64::{T_HI, T_LO};
    let (idx, b2, b3) = index_f64(t);
    (read_f64(&T_HI, idx, b2, b3), read_f64(&T_LO, idx, b2, b3))
}

/// `(LOG_C[j], LOG_HI[j], LOG_LO[j])` for `j` the low 4 bits of `t`'s bits, as
/// [`exp2_table_f64`] reads its tables.
#[inline(always)]
fn log_table_f64(t: __m256d) -> (__m256d, __m256d, __m256d) {
    use crate::exact::f64::{LOG_C, LOG_HI, LOG_LO};
    let (idx, b2, b3) = index_f64(t);
    (
        read_f64(&LOG_C, idx, b2, b3),
        read_f64(&LOG_HI, idx, b2, b3),
        read_f64(&LOG_LO, idx, b2, b3),
    )
}

/// The float-pair indices and the two blend masks of [`read_f64`] for `j` the low 4 bits of
/// `t`'s bits.
#[inline(always)]
fn index_f64(t: __m256d) -> (__m256i, __m256d, __m256d) {
    // SAFETY: the CPU has AVX2 (see the lane types' invariant).
    unsafe {
        let bits = _mm256_castpd_si256(t);
        // The low word of each lane (which holds `j`) in both words, times 2, plus 0 and 1: the
        // float indices of the double `j & 3` (`vpermps` uses the low 3 bits).
        let j2 = _mm256_slli_epi32::<1>(_mm256_shuffle_epi32::<0b1010_0000>(bits));
        (
            _mm256_or_si256(j2, _mm256_set_epi32(1, 0, 1, 0, 1, 0, 1, 0)),
            _mm256_castsi256_pd(_mm256_slli_epi64::<61>(bits)),
            _mm256_castsi256_pd(_mm256_slli_epi64::<60>(bits)),
        )
    }
}

/// One table of [`exp2_table_f64`] or [`log_table_f64`].
#[inline(always)]
fn read_f64(table: &[f64; 16], idx: __m256i, b2: __m256d, b3: __m256d) -> __m256d {
    // SAFETY: the CPU has AVX2 (see the lane types' invariant); `table` has 16 doubles, read as
    // four registers of 4.
    unsafe {
        let p = table.as_ptr().cast::<f32>();
        let r0 = _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_loadu_ps(p), idx));
        let r1 = _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_loadu_ps(p.add(8)), idx));
        let r2 = _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_loadu_ps(p.add(16)), idx));
        let r3 = _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_loadu_ps(p.add(24)), idx));
        let lo = _mm256_blendv_pd(r0, r1, b2);
        let hi = _mm256_blendv_pd(r2, r3, b2);
        _mm256_blendv_pd(lo, hi, b3)
    }
}

/// The scalar `decompose` (`exact::kernel::scalar_ops`) on 8 f32 lanes.
#[inline(always)]
fn decompose_f32(x: __m256) -> (__m256, __m256, __m256, __m256) {
    const OFF: u32 = crate::exact::kernel::log_offset!(f32);
    // SAFETY: the CPU has AVX2 (see the lane types' invariant).
    unsafe {
        let bits = _mm256_castps_si256(x);
        let tmp = _mm256_sub_epi32(bits, _mm256_set1_epi32(OFF as i32));
        let hm = _mm256_and_si256(tmp, _mm256_set1_epi32(!((1 << 23) - 1)));
        let one = _mm256_set1_epi32(1.0f32.to_bits() as i32);
        (
            _mm256_cvtepi32_ps(_mm256_srai_epi32::<23>(tmp)),
            _mm256_castsi256_ps(_mm256_sub_epi32(bits, hm)),
            _mm256_castsi256_ps(_mm256_and_si256(
                _mm256_srli_epi32::<20>(tmp),
                _mm256_set1_epi32(7),
            )),
            _mm256_castsi256_ps(_mm256_sub_epi32(one, hm)),
        )
    }
}

/// The scalar `decompose` on 4 f64 lanes. AVX2 has neither a 64-bit arithmetic shift nor a
/// 64-bit integer to double conversion: `k` is the high word of each lane shifted right by 20
/// (32-bit arithmetic shift), moved to the low half and converted from 32 bits.
#[inline(always)]
fn decompose_f64(x: __m256d) -> (__m256d, __m256d, __m256d, __m256d) {
    const OFF: u64 = crate::exact::kernel::log_offset!(f64);
    // SAFETY: the CPU has AVX2 (see the lane types' invariant).
    unsafe {
        let bits = _mm256_castpd_si256(x);
        let tmp = _mm256_sub_epi64(bits, _mm256_set1_epi64x(OFF as i64));
        let hm = _mm256_and_si256(tmp, _mm256_set1_epi64x(!((1 << 52) - 1)));
        let one = _mm256_set1_epi64x(1.0f64.to_bits() as i64);
        let k32 = _mm256_permutevar8x32_epi32(
            _mm256_srai_epi32::<20>(tmp),
            _mm256_set_epi32(7, 7, 7, 7, 7, 5, 3, 1),
        );
        (
            _mm256_cvtepi32_pd(_mm256_castsi256_si128(k32)),
            _mm256_castsi256_pd(_mm256_sub_epi64(bits, hm)),
            _mm256_castsi256_pd(_mm256_and_si256(
                _mm256_srli_epi64::<48>(tmp),
                _mm256_set1_epi64x(15),
            )),
            _mm256_castsi256_pd(_mm256_sub_epi64(one, hm)),
        )
    }
}

macro_rules! lanes {
    (
        $v:ident, $vr:ty, $b:ident, $f:ident, $u:ident, $n:literal, $mask_all:literal,
        $add:ident, $sub:ident, $mul:ident, $div:ident, $fma:ident, $min:ident, $max:ident,
        $xor:ident, $and:ident, $blendv:ident, $movemask:ident, $table:ident, $log_table:ident,
        $decompose:ident,
        $set1:ident, $load:ident, $store:ident, $cast_to_bits:ident, $cast_from_bits:ident,
        $iadd:ident, $icmpgt:ident, $ishl:ident, $ishr:ident
    ) => {
        impl $v {
            /// Every lane `c` (at compile time).
            const fn splat(c: $f) -> Self {
                // SAFETY: an array of N floats and the vector have the same size, and every bit
                // pattern is valid for both.
                let r = unsafe { core::mem::transmute::<[$f; $n], $vr>([c; $n]) };
                $v(r, r)
            }
        }

        impl $b {
            const fn splat(c: $u) -> Self {
                // SAFETY: as in `splat` above.
                let r = unsafe { core::mem::transmute::<[$u; $n], __m256i>([c; $n]) };
                $b(r, r)
            }
        }

        impl Add for $v {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($add(self.0, o.0), $add(self.1, o.1)) }
            }
        }
        impl Sub for $v {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($sub(self.0, o.0), $sub(self.1, o.1)) }
            }
        }
        impl Mul for $v {
            type Output = Self;
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($mul(self.0, o.0), $mul(self.1, o.1)) }
            }
        }
        impl Div for $v {
            type Output = Self;
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($div(self.0, o.0), $div(self.1, o.1)) }
            }
        }
        impl Neg for $v {
            type Output = Self;
            #[inline(always)]
            fn neg(self) -> Self {
                // Flip the sign bit, as scalar negation does.
                let sign = $v::splat(-0.0);
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($xor(self.0, sign.0), $xor(self.1, sign.1)) }
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
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $b($cast_to_bits(self.0), $cast_to_bits(self.1)) }
            }
            #[inline(always)]
            fn from_bits(b: $b) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($cast_from_bits(b.0), $cast_from_bits(b.1)) }
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                let r = unsafe { $set1(v as $f) };
                $v(r, r)
            }
            #[inline(always)]
            fn fused_mul_add(a: Self, b: Self, c: Self) -> Self {
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($fma(a.0, b.0, c.0), $fma(a.1, b.1, c.1)) }
            }
            #[inline(always)]
            fn abs(self) -> Self {
                let mask = Self::from_bits($b::splat(<$u>::MAX >> 1));
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($and(self.0, mask.0), $and(self.1, mask.1)) }
            }
            #[inline(always)]
            fn min_keep_nan(self, hi: Self) -> Self {
                // `vminps hi, self` is `hi < self ? hi : self`: `self` when either is NaN.
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($min(hi.0, self.0), $min(hi.1, self.1)) }
            }
            #[inline(always)]
            fn max_keep_nan(self, lo: Self) -> Self {
                // `vmaxps lo, self` is `lo > self ? lo : self`: `self` when either is NaN.
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($max(lo.0, self.0), $max(lo.1, self.1)) }
            }
            #[inline(always)]
            fn select_neg(x: Self, a: Self, b: Self) -> Self {
                // `vblendvps` takes its second operand where the mask's sign bit is set: the sign
                // bits of `x` themselves, no compare.
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe { $v($blendv(b.0, a.0, x.0), $blendv(b.1, a.1, x.1)) }
            }
            #[inline(always)]
            fn all_lt(self, hi: Self) -> bool {
                // On the bits, signed, where both are non-negative (the callers' case: `|x|`
                // against a positive bound), the same order as the floats, NaN above all: an
                // integer compare, off the FMA pipes; `vmovmskps` gathers the lanes' sign bits.
                let (s, h) = (self.to_bits(), hi.to_bits());
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                unsafe {
                    let lt0 = $movemask($cast_from_bits($icmpgt(h.0, s.0)));
                    let lt1 = $movemask($cast_from_bits($icmpgt(h.1, s.1)));
                    (lt0 & lt1) == $mask_all
                }
            }
        }

        impl Consts for $v {
            crate::exact::kernel::splat_consts!($v, $f);
            #[inline(always)]
            fn exp2_table(t: Self, _vector: bool) -> (Self, Self) {
                let ((h0, l0), (h1, l1)) = ($table(t.0), $table(t.1));
                ($v(h0, h1), $v(l0, l1))
            }
            #[inline(always)]
            fn decompose(self) -> (Self, Self, Self, Self) {
                let ((k0, z0, j0, i0), (k1, z1, j1, i1)) = ($decompose(self.0), $decompose(self.1));
                ($v(k0, k1), $v(z0, z1), $v(j0, j1), $v(i0, i1))
            }
            #[inline(always)]
            fn log_table(t: Self, _vector: bool) -> (Self, Self, Self) {
                let ((c0, h0, l0), (c1, h1, l1)) = ($log_table(t.0), $log_table(t.1));
                ($v(c0, c1), $v(h0, h1), $v(l0, l1))
            }
            #[inline(always)]
            fn scale(self, _q: Self, t: Self) -> Self {
                // As the scalar code (`kernel::scalar_ops`, `kernel::pow2_offset`): the right
                // shift drops `j`, the left one puts `floor(q) + bias` in the exponent field.
                const N_LOG2: i32 = <$f as Consts>::N_LOG2 as i32;
                const MANT: i32 = <$f as Real>::MANT_BITS as i32;
                const OFFSET: $u = crate::exact::kernel::pow2_offset!($f, $u);
                let (off, t) = ($b::splat(OFFSET), t.to_bits());
                // SAFETY: the CPU has AVX2 and FMA (see the lane types' invariant).
                let p = unsafe {
                    $b(
                        $ishl::<MANT>($ishr::<N_LOG2>($iadd(t.0, off.0))),
                        $ishl::<MANT>($ishr::<N_LOG2>($iadd(t.1, off.1))),
                    )
                };
                self * Self::from_bits(p)
            }
        }

        impl Lanes<$f> for $v {
            const N: usize = 2 * $n;
            #[inline(always)]
            unsafe fn load(p: *const $f) -> Self {
                // SAFETY: the caller vouches for `N` readable elements and for the CPU.
                unsafe { $v($load(p), $load(p.add($n))) }
            }
            #[inline(always)]
            unsafe fn store(self, p: *mut $f) {
                // SAFETY: the caller vouches for `N` writable elements and for the CPU.
                unsafe { ($store(p, self.0), $store(p.add($n), self.1)) };
            }
        }
    };
}

lanes!(
    F32x8x2,
    __m256,
    U32x8x2,
    f32,
    u32,
    8,
    0xff,
    _mm256_add_ps,
    _mm256_sub_ps,
    _mm256_mul_ps,
    _mm256_div_ps,
    _mm256_fmadd_ps,
    _mm256_min_ps,
    _mm256_max_ps,
    _mm256_xor_ps,
    _mm256_and_ps,
    _mm256_blendv_ps,
    _mm256_movemask_ps,
    exp2_table_f32,
    log_table_f32,
    decompose_f32,
    _mm256_set1_ps,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_castps_si256,
    _mm256_castsi256_ps,
    _mm256_add_epi32,
    _mm256_cmpgt_epi32,
    _mm256_slli_epi32,
    _mm256_srli_epi32
);
lanes!(
    F64x4x2,
    __m256d,
    U64x4x2,
    f64,
    u64,
    4,
    0xf,
    _mm256_add_pd,
    _mm256_sub_pd,
    _mm256_mul_pd,
    _mm256_div_pd,
    _mm256_fmadd_pd,
    _mm256_min_pd,
    _mm256_max_pd,
    _mm256_xor_pd,
    _mm256_and_pd,
    _mm256_blendv_pd,
    _mm256_movemask_pd,
    exp2_table_f64,
    log_table_f64,
    decompose_f64,
    _mm256_set1_pd,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_castpd_si256,
    _mm256_castsi256_pd,
    _mm256_add_epi64,
    _mm256_cmpgt_epi64,
    _mm256_slli_epi64,
    _mm256_srli_epi64
);
