//! The exact kernels, written once for both precisions and every backend.
//!
//! With `a = |x|` and `e = exp(-a)`:
//!
//! ```text
//! s(x)  = 1 / (1 + e)        for x >= 0        s'(x) = e / (1 + e)^2   (even in x)
//! s(x)  = e / (1 + e)        for x <  0
//! ```
//!
//! Nothing overflows: `e <= 1` always. To stay within one ulp the kernel carries a second word
//! of precision through the places where a plain formula loses half an ulp each:
//!
//! 1. `exp(-a) = 2^floor(q) 2^(j/N) exp(r)`: `q = -a / ln 2` rounded to a multiple of `1/N`
//!    (one fused multiply-add with `MAGIC_Q`, whose bits then hold `N q` as an integer),
//!    `j = N (q - floor(q))` and `r = -a - q ln 2`, `|r| <= ln 2 / 2N`. The product `q * LN2`
//!    plus `a` is exact in one fused multiply-add (both are multiples of a small power of two
//!    and the sum is below `2^-4`); the rest of `ln 2` enters as `q * LN2_LO`. `N` is 8 in `f32`
//!    (one `vpermps` reads the table on AVX2 and AVX-512) and 16 in `f64` (one `vpermt2pd`).
//! 2. `2^(j/N)` is read from a table as two words, `T_HI + T_LO`; `exp(r) - 1 = r + r^2 U(r)`,
//!    `U` a polynomial of degree 2 (f32) or 5 (f64) (`scripts/fit_exp_table.py`, with the
//!    tables); `m = T_HI + (T_HI (exp(r) - 1) + T_LO)` is then rounded once into a proper double
//!    word `mh + ml` (Fast2Sum), relative error about `2^-28` (f32) and `2^-57` (f64).
//! 3. `d = 1 + e = dh + dl` by Fast2Sum, `inv = fl(1 / dh)`, and `1 / d = inv (1 + c)`, with `c`
//!    from the exact residual `1 - inv dh` (one FMA) and `dl`.
//! 4. Each result is rounded once, at the end: `s(x) = inv + inv c` (x >= 0),
//!    `e inv + inv (e c + el)` (x < 0), `s' = e inv^2 (1 + 2c)`. The power of two `2^floor(q)`
//!    scales `m` (exactly) where `e` stays normal; in the deep tail it is split in two, and the
//!    second factor is applied last, so that subnormal results (`s(-745) = 5e-324`) are rounded
//!    once from an accurate value. Slice blocks with every `|x| < NO_TAIL` skip the split and the
//!    clamp: the same operations otherwise, so the same bits.
//!
//! Every step is a branch-free IEEE operation on one lane, so the slice loops vectorize; the
//! table read and the power of two are methods of [`Consts`], which the explicit SIMD lanes
//! implement with a permute and `vscalefps`/`vscalefpd`, with the same results.

use crate::real::{MulAdd, Real};
use crate::slice::{Lanes, Unary, UnaryPair};

/// Precision-specific constants and the two operations of the exact kernels that are not
/// plain arithmetic (see `f32.rs` and `f64.rs`; the SIMD lanes implement them with intrinsics).
pub trait Consts: Real {
    /// `1 / ln 2`, rounded.
    const LOG2E: Self;
    /// `1.5 * 2^MANT_BITS`: adding it rounds to an integer held in the low mantissa bits (the
    /// table kernels' cell index).
    const MAGIC: Self;
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

    /// `(T_HI[j], T_LO[j])`, `2^(j/N)` as two words, for `j` the low `N_LOG2` bits of `t`'s
    /// bits (`t = MAGIC_Q + q`); `vector`: [`MulAdd::VECTOR`], how a scalar reads the table.
    fn exp2_table(t: Self, vector: bool) -> (Self, Self);

    /// `self * 2^floor(q)`, rounded once, for `t = MAGIC_Q + q` (exactly) and `2^floor(q)` a
    /// normal number.
    fn scale(self, q: Self, t: Self) -> Self;
}

/// The scalar [`Consts`] operations: a table read by index, and a multiplication by the power of
/// two built in the exponent field.
macro_rules! scalar_ops {
    ($f:ident, $u:ident) => {
        #[inline(always)]
        fn exp2_table(t: $f, vector: bool) -> ($f, $f) {
            let j = t.to_bits() as u32;
            if vector {
                (
                    crate::exact::kernel::pick(&T_HI, j),
                    crate::exact::kernel::pick(&T_LO, j),
                )
            } else {
                let j = (j & ((1 << Self::N_LOG2) - 1)) as usize;
                (T_HI[j], T_LO[j])
            }
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
    };
}
#[cfg_attr(not(target_arch = "x86_64"), allow(unused_imports))]
pub(crate) use splat_consts;

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

/// `s(x)`.
pub(crate) struct Sigmoid;
/// `s'(x)`.
pub(crate) struct Grad;
/// `(s(x), s'(x))` from one exponential; bit-identical to the two separate kernels.
pub(crate) struct SigmoidAndGrad;

impl<F: Consts> Unary<F> for Sigmoid {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, true>(x).sigmoid::<M, true>(x)
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, false>(x).sigmoid::<M, false>(x)
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        // Every lane short of the deep tail: the fast path (`fast` is `no_deep_tail`).
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> Unary<F> for Grad {
    #[inline(always)]
    fn eval<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, true>(x).grad::<M, true>()
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        Parts::<F>::new::<M, false>(x).grad::<M, false>()
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        // Every lane short of the deep tail: the fast path (`fast` is `no_deep_tail`).
        <Self as Unary<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> UnaryPair<F> for SigmoidAndGrad {
    #[inline(always)]
    fn eval2<M: MulAdd>(x: F) -> (F, F) {
        let p = Parts::<F>::new::<M, true>(x);
        (p.sigmoid::<M, true>(x), p.grad::<M, true>())
    }
    #[inline(always)]
    fn fast(x: F) -> bool {
        no_deep_tail(x)
    }
    #[inline(always)]
    fn eval2_fast<M: MulAdd>(x: F) -> (F, F) {
        let p = Parts::<F>::new::<M, false>(x);
        (p.sigmoid::<M, false>(x), p.grad::<M, false>())
    }
    const LANES: bool = true;
    #[inline(always)]
    fn eval2_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> (V, V) {
        // As in `Sigmoid::eval_lanes`.
        <Self as UnaryPair<V>>::eval2_one::<M>(x)
    }
}

/// `|x| < NO_TAIL`: `k <= K_E`, so `2^-k` is applied in one step (`s2 = 1`). The fast path
/// then skips the split power of two; it computes the very same operations otherwise, so its
/// results are bit-identical. On explicit lanes: every lane.
#[inline(always)]
fn no_deep_tail<F: Consts>(x: F) -> bool {
    x.abs().all_lt(F::NO_TAIL)
}

/// `U(r)` by Horner's scheme: the fewest operations (2 or 5 multiply-adds), which is what the
/// slice loops, bound by the throughput of the FMA pipes, pay for. Estrin's scheme would shorten
/// the scalar call's chain of dependent operations, at the cost of one more multiplication.
#[inline(always)]
fn poly<F: Consts, M: MulAdd>(r: F) -> F {
    let c = F::U;
    let mut u = c[c.len() - 1];
    for &k in c[..c.len() - 1].iter().rev() {
        u = M::mul_add(u, r, k);
    }
    u
}

/// What `s` and `s'` share: `e = exp(-|x|)` and `1 / (1 + e)`, each as two words.
struct Parts<F: Real> {
    /// `e = (eh + el) * 2^floor(q2)`, the power of two applied last (a factor of 1 but in the
    /// deep tail).
    eh: F,
    el: F,
    q2: F,
    t2: F,
    /// `1 / (1 + e) = inv (1 + c)`.
    inv: F,
    c: F,
}

impl<F: Consts> Parts<F> {
    /// With `TAIL = false` the caller guarantees `|x| < NO_TAIL` (so not NaN, and
    /// `floor(q) >= -K_E`): `2^floor(q)` scales `m` in one step.
    #[inline(always)]
    fn new<M: MulAdd, const TAIL: bool>(x: F) -> Self {
        let a = if TAIL {
            x.abs().min_keep_nan(F::A_MAX)
        } else {
            x.abs()
        };
        // q = -a / ln2 rounded to a multiple of 1/N, as a float and in t's low bits.
        let t = M::mul_add(-a, F::LOG2E, F::MAGIC_Q);
        let q = t - F::MAGIC_Q;
        // r = -a - q ln2: the first step exact, then the rest of ln 2.
        let r1 = M::mul_add_acc(q, -F::LN2, -a);
        let r = M::mul_add(q, -F::LN2_LO, r1);
        // exp(r) - 1 = r + r^2 U(r), and m = 2^(j/N) exp(r) = mh + ml.
        let p = M::mul_add(r * r, poly::<F, M>(r), r);
        let (th, tl) = F::exp2_table(t, M::VECTOR);
        let mt = M::mul_add(th, p, tl);
        let mh = th + mt;
        let ml = (th - mh) + mt;
        // e = 2^floor(q) m = (eh + el) 2^floor(q2): both factors normal.
        let (eh, el, q2, t2) = if TAIL {
            let k_e = F::from_f64(F::K_E as f64);
            let (qe, te) = (q.max_keep_nan(-k_e), t.max_keep_nan(F::MAGIC_Q - k_e));
            let (q2, t2) = (
                (q + k_e).min_keep_nan(F::ZERO),
                (t + k_e).min_keep_nan(F::MAGIC_Q),
            );
            (mh.scale(qe, te), ml.scale(qe, te), q2, t2)
        } else {
            (mh.scale(q, t), ml.scale(q, t), F::ZERO, F::MAGIC_Q)
        };
        // d = 1 + e = dh + dl (Fast2Sum: 1 >= eh), then 1/d = inv (1 + c).
        let dh = F::ONE + eh;
        let dl = ((F::ONE - dh) + eh) + el;
        let inv = F::ONE / dh;
        let rho = M::mul_add_acc(-inv, dh, F::ONE);
        let c = M::mul_add(-inv, dl, rho);
        Parts {
            eh,
            el,
            q2,
            t2,
            inv,
            c,
        }
    }

    /// `n / d = n inv (1 + c)`, `n = 1` (x >= 0) or `n = e` (x < 0), rounded once.
    #[inline(always)]
    fn sigmoid<M: MulAdd, const TAIL: bool>(&self, x: F) -> F {
        let (inv, c) = (self.inv, self.c);
        let nh = F::select_neg(x, self.eh, F::ONE);
        let nl = F::select_neg(x, self.el, F::ZERO);
        let s = M::mul_add_acc(nh, inv, M::mul_add(nh, c, nl) * inv);
        if TAIL {
            F::select_neg(x, s.scale(self.q2, self.t2), s)
        } else {
            s
        }
    }

    /// `e / d^2 = e inv^2 (1 + 2c)`, rounded once.
    #[inline(always)]
    fn grad<M: MulAdd, const TAIL: bool>(&self) -> F {
        let (inv, c) = (self.inv, self.c);
        let ah = inv * inv;
        let al = M::mul_add(c + c, ah, M::mul_add_acc(inv, inv, -ah));
        let g = M::mul_add_acc(self.eh, ah, M::mul_add(self.eh, al, self.el * ah));
        if TAIL { g.scale(self.q2, self.t2) } else { g }
    }
}
