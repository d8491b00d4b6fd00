//! The logarithm the exact kernels share (softplus and log-sigmoid, logit), as two words.
//!
//! `log z = k ln 2 + L[j] + log1p(r)`, `r = z c[j] - 1`: `z` in `[1 - 1/4N, 2 - 1/2N)` (logit, with
//! `k` from the exponent) or `z = 1 + e` in `(1, 2]` (softplus, `k = 0`), split in `N` buckets
//! (`N = 8` for f32, 16 for f64, the exponential's table size, so the same permutes read both):
//! bucket 0 is `[1 - 1/4N, 1 + 1/2N)` with `c[0] = 1` and `L[0] = 0`, so that near `z = 1` the
//! result is `log1p(r)` with nothing to cancel; bucket `j >= 1` is centred on `1 + j/N`, with
//! `c[j] = 1 / (1 + j/N)` rounded and `L[j] = -log(c[j])` as two words (`LOG_C`, `LOG_HI`,
//! `LOG_LO`). The product `z c[j]` is split exactly (one FMA) and `r = (p_h - 1) + p_l` with
//! `p_h - 1` exact (Sterbenz), so `|r| <= 1/(2N - 1)` and `log1p(r) = r + r^2 P(r)`, `P` of
//! degree 4 (f32) or 8 (f64), relative error `2^-30.4` and `2^-61.2` (`scripts/fit_log_table.py`
//! fits it with the tables and prints its error). The two words are summed by Fast2Sum in the
//! order of their magnitudes, so the result carries about `p + 5` bits before its last rounding.

use super::kernel::{Consts, horner};
use crate::real::MulAdd;

/// `r = z c - 1 = rh + rl` for `z = zh + zl` and `c = LOG_C[j]`: the product's error by one FMA,
/// `p_h - 1` exact.
#[inline(always)]
pub(crate) fn reduce<F: Consts, M: MulAdd>(zh: F, zl: F, c: F) -> (F, F) {
    let ph = zh * c;
    let pl = M::mul_add_acc(zh, c, -ph);
    (ph - F::ONE, M::mul_add(zl, c, pl))
}

/// `k ln 2 + L + log1p(rh + rl) = hi + lo` (`|lo|` about an ulp of `hi`), for `L = lh + ll` the
/// bucket's logarithm, `k` an integer (`K = false`: `k = 0`, the softplus kernel's case).
#[inline(always)]
pub(crate) fn log_sum<F: Consts, M: MulAdd, const K: bool>(
    k: F,
    lh: F,
    ll: F,
    rh: F,
    rl: F,
) -> (F, F) {
    // w = k ln2_hi + lh, exactly (Fast2Sum: |k ln2_hi| >= ln 2 > lh unless k = 0).
    let (w, we) = if K {
        let kh = k * F::LOG_LN2_HI;
        let w = kh + lh;
        (w, (kh - w) + lh)
    } else {
        (lh, F::ZERO)
    };
    // hi = w + rh (Fast2Sum: |w| >= |rh| but in bucket 0 with k = 0, where w = 0).
    let hi = w + rh;
    let he = (w - hi) + rh;
    // log1p(rh + rl) = rh + rh^2 P(rh) + rl (1 - rh), to the order that matters.
    let tail = M::mul_add(-rl, rh, rl) + he;
    let small = if K {
        tail + (we + M::mul_add(k, F::LOG_LN2_LO, ll))
    } else {
        tail + ll
    };
    let lo = M::mul_add(rh * rh, horner::<F, M>(F::LOG_P, rh), small);
    (hi, lo)
}
