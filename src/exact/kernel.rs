//! What the exact kernels share: the precision-specific constants and the two operations on
//! them that are not plain arithmetic ([`Consts`], implemented in `f32.rs`, `f64.rs` and by the
//! SIMD lanes), the scalar table read, and Horner's scheme.
//!
//! Every kernel is a branch-free sequence of IEEE operations on one lane, so the slice loops
//! vectorize; the table reads and the powers of two are methods of [`Consts`], which the
//! explicit SIMD lanes implement with permutes and `vscalefps`/`vscalefpd`, with the same
//! results. The kernels themselves, one file each: `exp.rs` (the shared `exp(-|x|)`),
//! `sigmoid.rs`, `log.rs` (the shared logarithm), `softplus.rs` (with log-sigmoid), `logit.rs`,
//! `silu.rs`, `silu_grad.rs`, `binary_cross_entropy.rs`.

use crate::real::{MulAdd, Real};

/// Precision-specific constants and the two operations of the exact kernels that are not
/// plain arithmetic (see `f32.rs` and `f64.rs`; the SIMD lanes implement them with intrinsics).
pub trait Consts: Real {
    /// `1 / ln 2`, rounded.
    const LOG2E: Self;
    /// `1.5 * 2^MANT_BITS`: adding it rounds to an integer held in the low mantissa bits (the
    /// table kernels' cell index).
    const MAGIC: Self;
    /// The smallest positive normal number.
    const MIN_NORMAL: Self;
    /// `log2 N`, `N` the entries of the table of `2^(j/N)`.
    const N_LOG2: u32;
    /// `1.5 * 2^(MANT_BITS - N_LOG2)`: adding it rounds to a multiple of `1/N`, and the low
    /// mantissa bits of the sum hold `N` times that multiple as an integer.
    const MAGIC_Q: Self;
    /// `ln 2`, rounded to nearest.
    const LN2: Self;
    /// `ln 2 - LN2`, rounded.
    const LN2_LO: Self;
    /// `|x|` is clamped here: beyond it `s(-|x|)` and `s'(x)` round to zero and `s(|x|)` to one.
    const A_MAX: Self;
    /// The power of two used inside `1 + e` is clamped to `2^-K_E` (still a normal number, and
    /// far below the rounding of 1).
    const K_E: u32;
    /// Below this `|x|`, `floor(q) >= -K_E` (the slice kernels' fast path).
    const NO_TAIL: Self;
    /// `U(r) ~ (exp(r) - 1 - r) / r^2` on `|r| <= ln 2 / 2N`, constant term first.
    const U: &'static [Self];
    /// `P(r) ~ (log1p(r) - r) / r^2` on the logarithm's range of `r`, constant term first
    /// (`log.rs`, `scripts/fit_log_table.py`).
    const LOG_P: &'static [Self];
    /// `ln 2` to `p - 12` bits (`k LOG_LN2_HI` is exact for `|k| < 2^11`), and the rest.
    const LOG_LN2_HI: Self;
    const LOG_LN2_LO: Self;
    /// `silu_grad`'s zero `x0 = SILU_X0_HI + SILU_X0_LO + SILU_X0_LO2`, and
    /// `Q(t) = silu_grad(x0 + t) / t` near it: `SILU_Q` (constant term first) plus `SILU_Q0_LO`,
    /// the constant term's low word (`silu_grad.rs`, `scripts/fit_silu_grad.py`).
    const SILU_X0_HI: Self;
    const SILU_X0_LO: Self;
    const SILU_X0_LO2: Self;
    const SILU_Q0_LO: Self;
    const SILU_Q: &'static [Self];

    /// `(T_HI[j], T_LO[j])`, `2^(j/N)` as two words, for `j` the low `N_LOG2` bits of `t`'s
    /// bits (`t = MAGIC_Q + q`); `vector`: [`MulAdd::VECTOR`], how a scalar reads the table.
    fn exp2_table(t: Self, vector: bool) -> (Self, Self);

    /// `(LOG_C[j], LOG_HI[j], LOG_LO[j])`, the logarithm's bucket `j` (`log.rs`), for `j` the low
    /// `N_LOG2` bits of `t`'s bits; `vector` as for [`Consts::exp2_table`].
    fn log_table(t: Self, vector: bool) -> (Self, Self, Self);

    /// `(k, z, j, 2^-k)` with `self = 2^k z`, `z` in `[1 - 1/4N, 2 - 1/2N)`, for `self` positive
    /// and normal; `j` carries `z`'s bucket (`log.rs`) in the low `N_LOG2` bits of its bits, as
    /// [`Consts::log_table`] reads it. After glibc's `log`: the bits of `self` minus those of
    /// `1 - 1/4N` hold `k` in the exponent field and the bucket in the top mantissa bits.
    fn decompose(self) -> (Self, Self, Self, Self);

    /// `self * 2^floor(q)`, rounded once, for `t = MAGIC_Q + q` (exactly) and `2^floor(q)` a
    /// normal number.
    fn scale(self, q: Self, t: Self) -> Self;
}

/// The scalar [`Consts`] operations: a table read by index, and a multiplication by the power of
/// two built in the exponent field.
macro_rules! scalar_ops {
    ($f:ident, $u:ident, $i:ident) => {
        #[inline(always)]
        fn decompose(self) -> ($f, $f, $f, $f) {
            const MANT: u32 = $f::MANTISSA_DIGITS - 1;
            const OFF: $u = crate::exact::kernel::log_offset!($f);
            const HIGH: $u = !((1 << MANT) - 1);
            const N_MASK: $u = (1 << <$f as Consts>::N_LOG2) - 1;
            let bits = self.to_bits();
            let tmp = bits.wrapping_sub(OFF);
            // k << MANT, the sign extended into the exponent field's place.
            let hm = tmp & HIGH;
            (
                ((tmp as $i) >> MANT) as $f,
                $f::from_bits(bits.wrapping_sub(hm)),
                $f::from_bits((tmp >> (MANT - <$f as Consts>::N_LOG2)) & N_MASK),
                $f::from_bits((1.0 as $f).to_bits().wrapping_sub(hm)),
            )
        }
        #[inline(always)]
        fn exp2_table(t: $f, vector: bool) -> ($f, $f) {
            use crate::exact::kernel::read;
            let j = t.to_bits() as u32;
            (read(&T_HI, j, vector), read(&T_LO, j, vector))
        }
        #[inline(always)]
        fn log_table(t: $f, vector: bool) -> ($f, $f, $f) {
            use crate::exact::kernel::read;
            let j = t.to_bits() as u32;
            (
                read(&LOG_C, j, vector),
                read(&LOG_HI, j, vector),
                read(&LOG_LO, j, vector),
            )
        }
        #[inline(always)]
        fn scale(self, _q: $f, t: $f) -> $f {
            const OFFSET: $u = crate::exact::kernel::pow2_offset!($f, $u);
            let e = t.to_bits().wrapping_add(OFFSET) >> <$f as Consts>::N_LOG2;
            self * <$f>::from_bits(e << ($f::MANTISSA_DIGITS - 1))
        }
    };
}
pub(crate) use scalar_ops;

/// The bits of `1 - 1/4N`, where [`Consts::decompose`]'s bucket 0 starts.
macro_rules! log_offset {
    ($f:ident) => {
        (1.0 - 0.25 / (1u32 << <$f as Consts>::N_LOG2) as $f).to_bits()
    };
}
pub(crate) use log_offset;

/// What `scale` adds to the bits of `t = MAGIC_Q + q` before shifting out `N_LOG2` bits and
/// shifting the rest into the exponent field: the bits of `t` are those of `MAGIC_Q` plus `N q`;
/// adding `N` times the exponent bias makes the integer `N (floor(q) + bias) + j`, non-negative
/// where `2^floor(q)` is normal, and the shift drops `j`. Shared by the scalar `scale` and the
/// lanes that build the power of two the same way (AVX2).
macro_rules! pow2_offset {
    ($f:ident, $u:ident) => {
        ((($f::MAX_EXP - 1) as $u) << <$f as Consts>::N_LOG2)
            .wrapping_sub(<$f as Consts>::MAGIC_Q.to_bits())
    };
}
pub(crate) use pow2_offset;

/// The constants of [`Consts`] for a SIMD lane type `$v` of `$f`: each one `$f`'s, in every lane
/// (`$v::splat` is a `const fn`). The lane type writes the two operations itself.
#[cfg_attr(not(target_arch = "x86_64"), allow(unused_macros))]
macro_rules! splat_consts {
    ($v:ident, $f:ident) => {
        const LOG2E: Self = $v::splat(<$f as Consts>::LOG2E);
        const MAGIC: Self = $v::splat(<$f as Consts>::MAGIC);
        const MIN_NORMAL: Self = $v::splat(<$f as Consts>::MIN_NORMAL);
        const N_LOG2: u32 = <$f as Consts>::N_LOG2;
        const MAGIC_Q: Self = $v::splat(<$f as Consts>::MAGIC_Q);
        const LN2: Self = $v::splat(<$f as Consts>::LN2);
        const LN2_LO: Self = $v::splat(<$f as Consts>::LN2_LO);
        const A_MAX: Self = $v::splat(<$f as Consts>::A_MAX);
        const K_E: u32 = <$f as Consts>::K_E;
        const NO_TAIL: Self = $v::splat(<$f as Consts>::NO_TAIL);
        const U: &'static [Self] = &{
            const U: &[$f] = <$f as Consts>::U;
            let mut u = [$v::splat(0.0); U.len()];
            let mut i = 0;
            while i < U.len() {
                u[i] = $v::splat(U[i]);
                i += 1;
            }
            u
        };
        const LOG_P: &'static [Self] = &{
            const P: &[$f] = <$f as Consts>::LOG_P;
            let mut u = [$v::splat(0.0); P.len()];
            let mut i = 0;
            while i < P.len() {
                u[i] = $v::splat(P[i]);
                i += 1;
            }
            u
        };
        const SILU_Q: &'static [Self] = &{
            const Q: &[$f] = <$f as Consts>::SILU_Q;
            let mut u = [$v::splat(0.0); Q.len()];
            let mut i = 0;
            while i < Q.len() {
                u[i] = $v::splat(Q[i]);
                i += 1;
            }
            u
        };
        const SILU_X0_HI: Self = $v::splat(<$f as Consts>::SILU_X0_HI);
        const SILU_X0_LO: Self = $v::splat(<$f as Consts>::SILU_X0_LO);
        const SILU_X0_LO2: Self = $v::splat(<$f as Consts>::SILU_X0_LO2);
        const SILU_Q0_LO: Self = $v::splat(<$f as Consts>::SILU_Q0_LO);
        const LOG_LN2_HI: Self = $v::splat(<$f as Consts>::LOG_LN2_HI);
        const LOG_LN2_LO: Self = $v::splat(<$f as Consts>::LOG_LN2_LO);
    };
}
#[cfg_attr(not(target_arch = "x86_64"), allow(unused_imports))]
pub(crate) use splat_consts;

/// `table[j % N]` (`N` a power of two): by [`pick`]'s selects where a loop of scalar calls is
/// meant to vectorize (`vector`, [`MulAdd::VECTOR`]), else by index.
#[inline(always)]
pub(crate) fn read<T: Copy, const N: usize>(table: &[T; N], j: u32, vector: bool) -> T {
    if vector {
        pick(table, j)
    } else {
        table[j as usize % N]
    }
}

/// `table[j % N]`, as a tree of selects on the bits of `j` (`N - 1` selects): branch-free, so
/// a loop of scalar calls vectorizes into blends, where an indexed read would become a gather
/// (slow on Zen 4, and scalarized on NEON). Measured on Zen 4, a caller's loop of inlined f32
/// calls built with `-C target-cpu=native`: 0.45 ns per element, against 0.74 with the gather.
#[inline(always)]
pub(crate) fn pick<T: Copy, const N: usize>(table: &[T; N], j: u32) -> T {
    let mut v = *table;
    let (mut n, mut bit) = (N, 0);
    while n > 1 {
        let take_odd = (j >> bit) & 1 != 0;
        for i in 0..n / 2 {
            v[i] = if take_odd { v[2 * i + 1] } else { v[2 * i] };
        }
        n /= 2;
        bit += 1;
    }
    v[0]
}

/// `c[0] + r (c[1] + r (...))` by Horner's scheme: the fewest operations, which is what the
/// slice loops, bound by the throughput of the FMA pipes, pay for. Estrin's scheme would shorten
/// the scalar call's chain of dependent operations, at the cost of more multiplications.
#[inline(always)]
pub(crate) fn horner<F: Real, M: MulAdd>(c: &[F], r: F) -> F {
    let mut u = c[c.len() - 1];
    for &k in c[..c.len() - 1].iter().rev() {
        u = M::mul_add(u, r, k);
    }
    u
}

/// `a + b = s + e` exactly (Knuth's TwoSum: no order of magnitude needed).
#[inline(always)]
pub(crate) fn two_sum<F: Real>(a: F, b: F) -> (F, F) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `2^k` as an f64, for `k` in the normal range (`f64::powi` needs `std`).
#[inline(always)]
pub(crate) const fn pow2(k: i32) -> f64 {
    f64::from_bits(((1023 + k) as u64) << 52)
}

/// `v - v`: 0 for finite `v`, NaN for infinities and NaN (added to a result to make it NaN
/// where an input is, whatever a select on a NaN's unspecified sign chose).
#[inline(always)]
#[allow(clippy::eq_op)]
pub(crate) fn zero_if_finite<F: Real>(v: F) -> F {
    v - v
}

/// `x` clamped to `[-A_MAX, A_MAX]`, NaN kept: beyond, the kernels that multiply by `x` (silu,
/// its derivative, the loss) have their limits, which the clamped value gives (or the caller
/// selects them).
#[inline(always)]
pub(crate) fn clamp_a_max<F: Consts>(x: F) -> F {
    x.min_keep_nan(F::A_MAX).max_keep_nan(-F::A_MAX)
}
