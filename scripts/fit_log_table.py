"""The table and polynomial of the exact kernels' logarithm (`src/exact/log.rs`), printed as Rust.

    python3 scripts/fit_log_table.py      # needs mpmath

`log z = k ln 2 + L[j] + log1p(r)`, `r = z c[j] - 1`, for `z` in `[1 - 1/4N, 2 - 1/2N)` split in
`N` buckets: bucket 0 is `[1 - 1/4N, 1 + 1/2N)` with `c[0] = 1`, bucket `j >= 1` is centred on
`1 + j/N` with `c[j] = 1 / (1 + j/N)` rounded; `L[j] = -log(c[j])` as two words. The softplus
kernel puts `z = 1 + e` (`e` in `(0, 1]`) in bucket `min(round(e N), N - 1)`, so its last bucket
reaches `z = 2`. `log1p(r) = r + r^2 P(r)`, `P` a polynomial fitted (Chebyshev, mpmath) on the
range of `r` over all buckets; printed with its error measured on a dense grid.
"""
import sys

import mpmath as mp

from floatbits import hexf, rnd

mp.mp.prec = 300


def fit(name, p, n, degree):
    N = 2 ** n
    c = [mp.mpf(1)] + [rnd(1 / (1 + mp.mpf(j) / N), p) for j in range(1, N)]
    L = [-mp.log(cj) for cj in c]
    lh = [rnd(v, p) for v in L]
    ll = [rnd(L[j] - lh[j], p) for j in range(N)]
    # r over each bucket (the extreme z of the bucket, both kernels' reaches).
    rmin, rmax = mp.mpf(0), mp.mpf(0)
    for j in range(N):
        if j == 0:
            lo, hi = 1 - mp.mpf(1) / (4 * N), 1 + mp.mpf(1) / (2 * N)
        else:
            lo, hi = 1 + (j - mp.mpf(0.5)) / N, 1 + (j + mp.mpf(0.5)) / N
            if j == N - 1:
                hi = mp.mpf(2)
        for z in (lo, hi):
            r = z * c[j] - 1
            rmin, rmax = min(rmin, r), max(rmax, r)
    f = lambda r: (mp.log1p(r) - r) / r**2 if r != 0 else mp.mpf(-0.5)
    poly, _ = mp.chebyfit(f, [rmin, rmax], degree + 1, error=True)
    coef = [rnd(v, p) for v in reversed(poly)]  # constant term first
    coef[0] = mp.mpf(-0.5)
    # Error of r + r^2 P(r) against log1p(r), relative to |r| (bucket 0, where the result is
    # about r) and absolute (the other buckets, where the result is at least L[1]).
    worst = mp.mpf(0)
    for i in range(4001):
        r = rmin + (rmax - rmin) * i / 4000
        if r == 0:
            continue
        pv = mp.mpf(0)
        for k in reversed(coef):
            pv = pv * r + k
        worst = max(worst, abs(r + r * r * pv - mp.log1p(r)) / abs(r))
    ty = "f32" if p == 24 else "f64"
    # ln 2 split: LN2_HI with `p - 12` bits (k ln2_hi exact for |k| < 2^11).
    ln2h = rnd(mp.log(2), p - 12)
    ln2l = rnd(mp.log(2) - ln2h, p)
    print(f"// {ty}: N = {N}; r in [{mp.nstr(rmin, 6)}, {mp.nstr(rmax, 6)}]; P of degree {degree}; "
          f"max |r + r^2 P(r) - log1p(r)| / |r| = {mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst, 2), 4)})")
    print(f"const LN2_HI: {ty} = {ty}::from_bits({hexf(ln2h, p)}); // {mp.nstr(ln2h, 17)}")
    print(f"const LN2_LO: {ty} = {ty}::from_bits({hexf(ln2l, p)}); // {mp.nstr(ln2l, 17)}")
    print(f"const P: &[{ty}] = &[")
    for v in coef:
        print(f"    {ty}::from_bits({hexf(v, p)}), // {mp.nstr(v, 17)}")
    print("];")
    for tname, tab in (("LOG_C", c), ("LOG_HI", lh), ("LOG_LO", ll)):
        print(f"pub(crate) const {tname}: [{ty}; {N}] = [")
        for v in tab:
            print(f"    {ty}::from_bits({hexf(v, p)}), // {mp.nstr(v, 17)}")
        print("];")
    print()


d32 = int(sys.argv[1]) if len(sys.argv) > 1 else 4
d64 = int(sys.argv[2]) if len(sys.argv) > 2 else 8
fit("f32", 24, 3, d32)
fit("f64", 53, 4, d64)
