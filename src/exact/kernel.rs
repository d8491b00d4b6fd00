//! The exact kernels, written once for both precisions and every backend.
//!
//! With `a = |x|` and `e = exp(-a)`:
//!
//! ```text
//! s(x)  = 1 / (1 + e)        for x >= 0        s'(x) = e / (1 + e)^2   (even in x)
//! s(x)  = e / (1 + e)        for x <  0
//! ```
//!
//! Nothing overflows: `e <= 1` always. To stay within one ulp the kernel carries two extra words
//! of precision through the places where a plain formula loses half an ulp each:
//!
//! 1. `exp(-a) = 2^-k * exp(r)`, `k = round(a / ln 2)`, `r = k ln2 - a`. The product `k * LN2`
//!    minus `a` is exact in one fused multiply-add (both terms are multiples of `ulp(a)/2` and the
//!    difference is below 1/2), and the rest of `ln 2` is applied as the factor `1 + k * LN2_LO`.
//! 2. `exp(r) = h + l`, with `h = fl(1 + r)` and `l` collecting the exact rounding error of that sum
//!    plus `r^2 Q(r)`; `Q` is a minimax polynomial (`scripts/fit_exp_poly.py`), evaluated by
//!    Estrin's scheme (depth 3 in f32, 4 in f64, against Horner's 5 and 10: measured on Zen 4, 7%
//!    shorter latency per scalar call and 9% faster slices in f32, 18% and 19% in f64). Fast2Sum
//!    then makes the pair a proper double word (`|low| <= ulp(high) / 2`).
//! 3. `d = 1 + e = dh + dl` by Fast2Sum, and `1 / d = inv + il`, where `inv = fl(1 / dh)` and the
//!    exact residual `1 - inv * dh` (one FMA) corrects it.
//! 4. The quotient is rounded once, at the end, and the power of two is applied last, in two steps,
//!    so that subnormal results (`s(-745) = 5e-324`) are rounded once from an accurate value.
//!    Slice blocks with every `|x| < NO_TAIL` (where the second step is a factor of 1) skip it
//!    and the clamp: the same operations otherwise, so the same bits, 5-8% faster.
//!
//! Every step is a branch-free IEEE operation on one lane, so the slice loops vectorize.

use crate::real::{MulAdd, Real};
use crate::slice::{Lanes, Map, Map2};

/// Precision-specific constants of the exact kernels (see `f32.rs` and `f64.rs`).
pub trait Consts: Real {
    /// `1 / ln 2`, rounded.
    const LOG2E: Self;
    /// `1.5 * 2^MANT_BITS`: adding it rounds to an integer held in the low mantissa bits.
    const MAGIC: Self;
    /// `ln 2`, rounded to nearest.
    const LN2: Self;
    /// `ln 2 - LN2`, rounded.
    const LN2_LO: Self;
    /// `|x|` is clamped here: beyond it `s(-|x|)` and `s'(x)` round to zero and `s(|x|)` to one.
    const A_MAX: Self;
    /// The power of two used inside `1 + e` is clamped to `2^-K_E` (still a normal number, and
    /// far below the rounding of 1).
    const K_E: u32;
    /// Below this `|x|`, `k = round(|x| / ln 2) <= K_E` (the slice kernels' fast path).
    const NO_TAIL: Self;
    /// `Q(r) ~ (exp(r) - 1 - r) / r^2` on `|r| <= 0.3471`, constant term first.
    const Q: &'static [Self];
}

/// `s(x)`.
pub(crate) struct Sigmoid;
/// `s'(x)`.
pub(crate) struct Grad;
/// `(s(x), s'(x))` from one exponential; bit-identical to the two separate kernels.
pub(crate) struct SigmoidAndGrad;

impl<F: Consts> Map<F> for Sigmoid {
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
        <Self as Map<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> Map<F> for Grad {
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
        <Self as Map<V>>::eval_one::<M>(x)
    }
}

impl<F: Consts> Map2<F> for SigmoidAndGrad {
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
        <Self as Map2<V>>::eval2_one::<M>(x)
    }
}

/// `|x| < NO_TAIL`: `k <= K_E`, so `2^-k` is applied in one step (`s2 = 1`). The fast path
/// then skips the split power of two; it computes the very same operations otherwise, so its
/// results are bit-identical. On explicit lanes: every lane.
#[inline(always)]
fn no_deep_tail<F: Consts>(x: F) -> bool {
    x.abs().all_lt(F::NO_TAIL)
}

/// `Q(r)` by Estrin's scheme: pairs `c[2i] + c[2i+1] r`, then pairs of those with `r^2`, `r^4`,
/// `r^8`. Depth 3 (f32) or 4 (f64) multiply-adds instead of Horner's 5 or 10: the scalar call's
/// latency is this chain's length.
#[inline(always)]
fn estrin<F: Consts, M: MulAdd>(r: F, r2: F) -> F {
    let c = F::Q;
    let pair = |i: usize| M::mul_add(c[i + 1], r, c[i]);
    match c.len() {
        6 => {
            let hi = M::mul_add(pair(4), r2, pair(2));
            M::mul_add(hi, r2, pair(0))
        }
        11 => {
            let r4 = r2 * r2;
            let r8 = r4 * r4;
            let q0 = M::mul_add(pair(2), r2, pair(0));
            let q1 = M::mul_add(pair(6), r2, pair(4));
            let q2 = M::mul_add(c[10], r2, pair(8));
            M::mul_add(q2, r8, M::mul_add(q1, r4, q0))
        }
        _ => {
            let mut q = c[c.len() - 1];
            for &k in c[..c.len() - 1].iter().rev() {
                q = M::mul_add(q, r, k);
            }
            q
        }
    }
}

/// What `s` and `s'` share: `e = exp(-|x|)` and `1 / (1 + e)`, each as two words.
struct Parts<F: Real> {
    /// `e = (eh + el) * s2`, with `s2` a power of two applied last.
    eh: F,
    el: F,
    s2: F,
    /// `1 / (1 + e) = inv + il`.
    inv: F,
    il: F,
}

impl<F: Consts> Parts<F> {
    /// With `TAIL = false` the caller guarantees `|x| < NO_TAIL` (so not NaN, and `k <= K_E`):
    /// `s2` is 1, and `ph 2^-k` is formed in the exponent field.
    #[inline(always)]
    fn new<M: MulAdd, const TAIL: bool>(x: F) -> Self {
        let a = if TAIL {
            x.abs().min_keep_nan(F::A_MAX)
        } else {
            x.abs()
        };
        // k = round(a / ln2), as a float and as an integer.
        let t = M::mul_add(a, F::LOG2E, F::MAGIC);
        let kf = t - F::MAGIC;
        let ki = F::bits_sub(t.to_bits(), F::MAGIC.to_bits());
        // r = k ln2 - a = r1 + rl, r1 exact.
        let r1 = M::mul_add_acc(kf, F::LN2, -a);
        let rl = kf * F::LN2_LO;
        // exp(r1) = h + l0, then the factor exp(rl) = 1 + rl.
        let r2 = r1 * r1;
        let q = estrin::<F, M>(r1, r2);
        let h = F::ONE + r1;
        let l0 = M::mul_add(r2, q, (F::ONE - h) + r1);
        let l = M::mul_add(rl, h + l0, l0);
        // Renormalize (Fast2Sum, |h| >= |l|): |pl| <= ulp(ph) / 2, so that below the rounding
        // error of 1 + e is the only other low word.
        let ph = h + l;
        let pl = (h - ph) + l;
        // e = 2^-k (ph + pl) = (eh + el) * s2, 2^-ke and s2 = 2^-(k - ke) both normal.
        let (eh, el, s2) = if TAIL {
            let ke = F::bits_min(ki, F::bits_from_u32(F::K_E));
            let se = F::pow2_neg(ke);
            (ph * se, pl * se, F::pow2_neg(F::bits_sub(ki, ke)))
        } else {
            // ph is normal and so is ph 2^-k: scale it in the exponent field.
            let eh = F::from_bits(F::bits_sub(ph.to_bits(), F::bits_shl_mant(ki)));
            (eh, pl * F::pow2_neg(ki), F::ONE)
        };
        // d = 1 + e = dh + dl (Fast2Sum: 1 >= eh), then 1/d = inv + il.
        let dh = F::ONE + eh;
        let dl = ((F::ONE - dh) + eh) + el;
        let inv = F::ONE / dh;
        let rho = M::mul_add_acc(-inv, dh, F::ONE);
        let il = inv * M::mul_add(-inv, dl, rho);
        Parts {
            eh,
            el,
            s2,
            inv,
            il,
        }
    }

    /// `n / d` for `n = 1` (x >= 0) or `n = e` (x < 0), rounded once.
    #[inline(always)]
    fn sigmoid<M: MulAdd, const TAIL: bool>(&self, x: F) -> F {
        let nh = F::select_neg(x, self.eh, F::ONE);
        let nl = F::select_neg(x, self.el, F::ZERO);
        let s1 = M::mul_add_acc(nh, self.inv, M::mul_add(nh, self.il, nl * self.inv));
        if TAIL {
            F::select_neg(x, s1 * self.s2, s1)
        } else {
            s1
        }
    }

    /// `e / d^2`, rounded once.
    #[inline(always)]
    fn grad<M: MulAdd, const TAIL: bool>(&self) -> F {
        let (inv, il) = (self.inv, self.il);
        let ah = inv * inv;
        let al = M::mul_add(inv + inv, il, M::mul_add_acc(inv, inv, -ah));
        let g1 = M::mul_add_acc(self.eh, ah, M::mul_add(self.eh, al, self.el * ah));
        if TAIL { g1 * self.s2 } else { g1 }
    }
}
