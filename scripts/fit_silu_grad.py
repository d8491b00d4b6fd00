"""The polynomial of `silu_grad` near its zero (`src/exact/silu_grad.rs`), printed as Rust.

    python3 scripts/fit_silu_grad.py      # needs mpmath

`silu_grad(x) = s(x) (1 + x (1 - s(x)))` is zero at `x0 = -1 - W(1/e)` (`1 + x0 + e^x0 = 0`,
W Lambert's function). Near it the general formula cancels, so for `|x - x0| < W` the kernel
computes `t Q(t)`, `t = x - x0` with `x0 = X0_HI + X0_LO + X0_LO2` (three words: the input nearest `x0` is within
`2^-p` of it, where `t` needs `x0` to `2p + 5` bits), `Q(t) = silu_grad(x0 + t) / t`
a polynomial (Chebyshev fit) whose constant term is two words. Prints `Q`'s relative error,
measured on a dense grid.
"""
import sys

import mpmath as mp

from floatbits import hexf, rnd

mp.mp.prec = 300
W = mp.mpf(1) / 16


def silu_grad(x):
    s = 1 / (1 + mp.exp(-x))
    return s * (1 + x * (1 - s))


x0 = -1 - mp.lambertw(mp.exp(-1)).real
assert abs(1 + x0 + mp.exp(x0)) < mp.mpf(2) ** -280


def fit(p, degree):
    ty = "f32" if p == 24 else "f64"
    x0h = rnd(x0, p)
    x0l = rnd(x0 - x0h, p)
    x0l2 = rnd(x0 - x0h - x0l, p)
    q = lambda t: silu_grad(x0 + t) / t if t != 0 else mp.diff(silu_grad, x0)
    poly, _ = mp.chebyfit(q, [-W, W], degree + 1, error=True)
    coef = list(reversed(poly))
    q0 = q(mp.mpf(0))
    q0h = rnd(q0, p)
    q0l = rnd(q0 - q0h, p)
    rest = [rnd(c, p) for c in coef[1:]]
    worst = mp.mpf(0)
    for i in range(2001):
        t = -W + 2 * W * i / 2000
        if t == 0:
            continue
        v = mp.mpf(0)
        for c in reversed(rest):
            v = v * t + c
        approx = q0h + q0l + v * t
        worst = max(worst, abs(approx / q(t) - 1))
    print(f"// {ty}: |x - x0| < {W}; Q of degree {degree}; max relative error of Q = {mp.nstr(worst, 3)} "
          f"(2^{mp.nstr(mp.log(worst, 2), 4)})")
    print(f"const SILU_X0_HI: {ty} = {ty}::from_bits({hexf(x0h, p)}); // {mp.nstr(x0h, 17)}")
    print(f"const SILU_X0_LO: {ty} = {ty}::from_bits({hexf(x0l, p)}); // {mp.nstr(x0l, 17)}")
    print(f"const SILU_X0_LO2: {ty} = {ty}::from_bits({hexf(x0l2, p)}); // {mp.nstr(x0l2, 17)}")
    print(f"const SILU_Q0_LO: {ty} = {ty}::from_bits({hexf(q0l, p)}); // {mp.nstr(q0l, 17)}")
    print(f"const SILU_Q: &[{ty}] = &[")
    print(f"    {ty}::from_bits({hexf(q0h, p)}), // {mp.nstr(q0h, 17)}")
    for c in rest:
        print(f"    {ty}::from_bits({hexf(c, p)}), // {mp.nstr(c, 17)}")
    print("];")


fit(24, int(sys.argv[1]) if len(sys.argv) > 1 else 4)
fit(53, int(sys.argv[2]) if len(sys.argv) > 2 else 9)
