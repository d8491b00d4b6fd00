//! `e = exp(-|x|)` as two words, scaled so that it never underflows: what every exact kernel
//! starts from (the sigmoid and its derivative, softplus and log-sigmoid, silu and its
//! derivative, the loss).
//!
//! `exp(-a) = 2^floor(q) 2^(j/N) exp(r)`: `q = -a / ln 2` rounded to a multiple of `1/N` (one
//! fused multiply-add with `MAGIC_Q`, whose bits then hold `N q` as an integer),
//! `j = N (q - floor(q))` and `r = -a - q ln 2`, `|r| <= ln 2 / 2N`. The product `q * LN2` plus
//! `a` is exact in one fused multiply-add (both are multiples of a small power of two and the sum
//! is below `2^-4`); the rest of `ln 2` enters as `q * LN2_LO`. `N` is 8 in `f32` (one `vpermps`
//! reads the table on AVX2 and AVX-512) and 16 in `f64` (one `vpermt2pd`). `2^(j/N)` is read from
//! a table as two words, `T_HI + T_LO`; `exp(r) - 1 = r + r^2 U(r)`, `U` a polynomial of degree 2
//! (f32) or 5 (f64) (`scripts/fit_exp_table.py`, with the tables); `m = T_HI + (T_HI (exp(r) - 1)
//! + T_LO)` is then rounded once into a proper double word `mh + ml` (Fast2Sum), relative error
//! about `2^-28` (f32) and `2^-57` (f64).
//!
//! The power of two `2^floor(q)` scales `m` (exactly) where `e` stays normal; in the deep tail it
//! is split in two, `e = (eh + el) 2^floor(q2)`, and a kernel applies the second factor last
//! ([`ExpNeg::unscale`]), so that subnormal results (`s(-745) = 5e-324`) are rounded once from an
//! accurate value. Blocks of a slice with every `|x| < NO_TAIL` skip the split and the clamp
//! (`TAIL = false`): the same operations otherwise, so the same bits.

use super::kernel::{Consts, horner};
use crate::real::MulAdd;

/// `e = exp(-|x|) = (eh + el) 2^floor(q2)`, both factors normal; the second is 1 but in the deep
/// tail.
pub(crate) struct ExpNeg<F> {
    pub(crate) eh: F,
    pub(crate) el: F,
    q2: F,
    t2: F,
}

impl<F: Consts> ExpNeg<F> {
    /// With `TAIL = false` the caller guarantees `|x| < NO_TAIL` (so not NaN, and
    /// `floor(q) >= -K_E`): `2^floor(q)` scales `m` in one step.
    #[inline(always)]
    pub(crate) fn new<M: MulAdd, const TAIL: bool>(x: F) -> Self {
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
        let p = M::mul_add(r * r, horner::<F, M>(F::U, r), r);
        let (th, tl) = F::exp2_table(t, M::VECTOR);
        let mt = M::mul_add(th, p, tl);
        let mh = th + mt;
        let ml = (th - mh) + mt;
        // e = 2^floor(q) m = (eh + el) 2^floor(q2): both factors normal.
        if TAIL {
            let k_e = F::from_f64(F::K_E as f64);
            let (qe, te) = (q.max_keep_nan(-k_e), t.max_keep_nan(F::MAGIC_Q - k_e));
            let (q2, t2) = (
                (q + k_e).min_keep_nan(F::ZERO),
                (t + k_e).min_keep_nan(F::MAGIC_Q),
            );
            ExpNeg {
                eh: mh.scale(qe, te),
                el: ml.scale(qe, te),
                q2,
                t2,
            }
        } else {
            ExpNeg {
                eh: mh.scale(q, t),
                el: ml.scale(q, t),
                q2: F::ZERO,
                t2: F::MAGIC_Q,
            }
        }
    }

    /// `d = 1 + e = dh + dl`, exactly but for the last rounding of `dl` (Fast2Sum: `1 >= eh`;
    /// in the deep tail `d` is 1 plus the scaled `e`, far below the rounding of 1).
    #[inline(always)]
    pub(crate) fn one_plus(&self) -> (F, F) {
        let dh = F::ONE + self.eh;
        let dl = ((F::ONE - dh) + self.eh) + self.el;
        (dh, dl)
    }

    /// `a` where `e` needs the second power of two (the deep tail: `2^floor(q2) < 1`), else `b`.
    #[inline(always)]
    pub(crate) fn select_deep(&self, a: F, b: F) -> F {
        F::select_neg(self.q2, a, b)
    }

    /// `v 2^floor(q2)`, rounded once: the deep tail's second power of two, applied last to a
    /// result proportional to `e` (with `TAIL = false`, `v` itself).
    #[inline(always)]
    pub(crate) fn unscale<const TAIL: bool>(&self, v: F) -> F {
        if TAIL { v.scale(self.q2, self.t2) } else { v }
    }
}

/// `|x| < NO_TAIL`: `floor(q) >= -K_E`, so `2^floor(q)` is applied in one step (`q2 = 0`). The
/// fast path then skips the split power of two; it computes the very same operations otherwise,
/// so its results are bit-identical. On explicit lanes: every lane.
#[inline(always)]
pub(crate) fn no_deep_tail<F: Consts>(x: F) -> bool {
    x.abs().all_lt(F::NO_TAIL)
}
