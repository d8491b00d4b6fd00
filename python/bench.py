"""sigtab against what a numpy user has, in one process and one thread.

    python python/bench.py            # about two minutes
    python python/bench.py --quick    # fewer repetitions, about a minute
    python python/bench.py --smoke    # one short repetition, no 16M: checks that it runs (CI)

Table 1, ``sigtab.expit`` against ``scipy.special.expit`` (both numpy ufuncs), float32 and
float64, with and without ``out=``: ns per call for a Python float, a 0-d array and n = 1, 10,
100, then ns per element from n = 1001 on (1001, 65536, 16M), and the ratio scipy / sigtab
(above 1: sigtab is faster).

Table 2, ns per element at n = 1001, 65536 and 16M for every contender: ``1/(1+np.exp(-x))``,
``scipy.special.expit``, ``expit(x)*(1-expit(x))``, ``scipy.stats.logistic._pdf``,
``jax.nn.sigmoid`` (if jax is installed), and sigtab's ``expit``, ``expit_grad``,
``expit_and_grad``, ``table.expit`` and ``table.hermite.expit``.

Table 3, the logistic family (sigtab's exact kernels, top-level ``sigtab`` only), ns per element
at n = 1001, 65536 and 16M, each function against what a numpy user would write, the first row of
each group the baseline of its ratio: ``sigtab.log_expit`` against ``scipy.special.log_expit`` and
``x - log1p(exp(x))``; ``sigtab.softplus`` against ``np.logaddexp(0, x)`` and
``log1p(exp(x))``; ``sigtab.logit`` against ``scipy.special.logit`` and ``log(p / (1 - p))``;
``sigtab.silu`` against ``x * expit(x)``; ``sigtab.silu_grad`` against
``s * (1 + x * (1 - s))``; ``sigtab.binary_cross_entropy_with_logits`` (array and scalar
targets) against the stable ``max(x, 0) - x t + log1p(exp(-|x|))`` and the naive
``-(t log s + (1 - t) log(1 - s))``.

Every figure is the best of several repetitions of a loop of calls that runs for at least ~20 ms
(timeit), so it is a steady-state cost, measured side by side in the same process.
"""

import argparse
import os
import platform
import sys
import timeit

# One thread everywhere (numpy's BLAS is not involved, but jax and dask may spawn pools).
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

# Import the installed package, not the source folder next to this script (it has no native
# module until built).
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.special  # noqa: E402
import scipy.stats  # noqa: E402

import sigtab  # noqa: E402

_args = argparse.ArgumentParser(
    description="sigtab against scipy.special.expit and numpy, one thread, side by side.")
_mode = _args.add_mutually_exclusive_group()
_mode.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
_mode.add_argument("--smoke", action="store_true",
                   help="one short repetition, no 16M arrays: checks that it runs")
_ARGS = _args.parse_args()
SMOKE = _ARGS.smoke
QUICK = _ARGS.quick
REPEATS = 1 if SMOKE else 3 if QUICK else 7
MIN_TIME = 0.0 if SMOKE else 0.01 if QUICK else 0.02


def best_ns(stmt, env):
    """Best over REPEATS of the mean ns per call of ``stmt`` run in a loop of >= MIN_TIME."""
    timer = timeit.Timer(stmt, globals=env)
    exec(stmt, env)  # warm up (and compile, for jax)
    calls = 1
    while True:
        t = timer.timeit(calls)
        if t >= MIN_TIME:
            break
        calls *= 2 if t <= 0 else max(2, min(10, int(MIN_TIME / t * 1.2) + 1))
    return min([t] + [timer.timeit(calls) for _ in range(REPEATS - 1)]) / calls * 1e9


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


SMALL = [("Python float", None), ("0-d array", ()), ("n=1", 1), ("n=10", 10), ("n=100", 100)]
LARGE = [1001, 65536] if SMOKE else [1001, 65536, 1 << 24]


def inputs(dtype, rng):
    """(label, x, per_element) for every size of table 1."""
    for label, shape in SMALL:
        if shape is None:
            x = 0.5 if dtype == np.float64 else np.float32(0.5)  # a Python float / numpy scalar
        else:
            x = rng.uniform(-20, 20, shape).astype(dtype)
        yield label, x, False
    for n in LARGE:
        yield f"n={n}", rng.uniform(-20, 20, n).astype(dtype), True


def table_one(rng):
    print("Table 1: sigtab.expit against scipy.special.expit (ns per call up to n=100, ns per")
    print("element from n=1001; ratio = scipy / sigtab, above 1 means sigtab is faster)")
    labels = [label for label, _ in SMALL] + [f"n={n}" for n in LARGE]
    head = f"{'':<30}" + "".join(f"{lab:>13}" for lab in labels)
    for dtype in (np.float32, np.float64):
        name = np.dtype(dtype).name
        cases = list(inputs(dtype, rng))
        for with_out in (False, True):
            print(f"\n{name}, {'out=' if with_out else 'new array'}")
            print(head)
            rows = {}
            for fname, f in (("scipy.special.expit", scipy.special.expit),
                             ("sigtab.expit", sigtab.expit)):
                cells = []
                for _, x, per_element in cases:
                    env = {"f": f, "x": x, "o": np.empty_like(np.asarray(x, dtype=dtype))}
                    ns = best_ns("f(x, out=o)" if with_out else "f(x)", env)
                    cells.append(ns / np.size(x) if per_element else ns)
                rows[fname] = cells
                print(f"{fname:<30}" + "".join(f"{v:13.2f}" for v in cells), flush=True)
            ratio = [a / b for a, b in zip(rows["scipy.special.expit"], rows["sigtab.expit"])]
            print(f"{'ratio scipy / sigtab':<30}" + "".join(f"{r:12.2f}x" for r in ratio))


def contenders():
    expit = scipy.special.expit
    # scipy.special.expit first: every row's ratio is against it.
    c = [
        ("scipy.special.expit", expit),
        ("numpy 1/(1+exp(-x))", lambda x: 1 / (1 + np.exp(-x))),
        ("expit(x)*(1-expit(x))", lambda x: expit(x) * (1 - expit(x))),
        ("scipy.stats.logistic._pdf", scipy.stats.logistic._pdf),
    ]
    try:
        import jax
        import jax.numpy as jnp

        jax.config.update("jax_enable_x64", True)
        sig = jax.jit(jax.nn.sigmoid)
        c.append(("jax.nn.sigmoid (jit)", lambda x: sig(jnp.asarray(x)).block_until_ready()))
    except ImportError:
        pass
    c += [
        ("sigtab.expit", sigtab.expit),
        ("sigtab.expit_grad", sigtab.expit_grad),
        ("sigtab.expit_and_grad", sigtab.expit_and_grad),
        ("sigtab.table.expit", sigtab.table.expit),
        ("sigtab.table.hermite.expit", sigtab.table.hermite.expit),
    ]
    return c


def table_two(rng):
    print("\nTable 2: every contender, ns per element, new arrays (ratio: scipy.special.expit /")
    print("the row, above 1 means faster than scipy)")
    for dtype in (np.float32, np.float64):
        name = np.dtype(dtype).name
        print(f"\n{name:<30}" + "".join(f"{n:>12}" for n in LARGE) + "   x scipy.expit")
        xs = {n: rng.uniform(-20, 20, n).astype(dtype) for n in LARGE}
        ref = None
        for label, f in contenders():
            ns = [best_ns("f(x)", {"f": f, "x": xs[n]}) / n for n in LARGE]
            ref = ref or ns
            ratio = "  ".join(f"{r / v:5.1f}x" for r, v in zip(ref, ns))
            print(f"{label:<30}" + "".join(f"{v:12.2f}" for v in ns) + f"   {ratio}", flush=True)
    try:
        import jax  # noqa: F401
    except ImportError:
        print("\n(jax is not installed: `pip install jax` adds its row)")


def logistic_groups(x, p, t):
    """(function, [(label, callable of no argument)]) per function of the logistic family, the
    baseline first."""
    expit, log_expit, logit = scipy.special.expit, scipy.special.log_expit, scipy.special.logit
    t0 = x.dtype.type(0.9)

    def silu_grad_naive():
        s = expit(x)
        return s * (1 + x * (1 - s))

    def bce_naive():
        s = expit(x)
        return -(t * np.log(s) + (1 - t) * np.log1p(-s))

    return [
        ("log_expit", [
            ("scipy.special.log_expit", lambda: log_expit(x)),
            ("x - log1p(exp(x))", lambda: x - np.log1p(np.exp(x))),
            ("sigtab.log_expit", lambda: sigtab.log_expit(x)),
        ]),
        ("softplus", [
            ("np.logaddexp(0, x)", lambda: np.logaddexp(0, x)),
            ("log1p(exp(x))", lambda: np.log1p(np.exp(x))),
            ("sigtab.softplus", lambda: sigtab.softplus(x)),
        ]),
        ("logit", [
            ("scipy.special.logit", lambda: logit(p)),
            ("log(p / (1 - p))", lambda: np.log(p / (1 - p))),
            ("sigtab.logit", lambda: sigtab.logit(p)),
        ]),
        ("silu", [
            ("x * expit(x)", lambda: x * expit(x)),
            ("x / (1 + exp(-x))", lambda: x / (1 + np.exp(-x))),
            ("sigtab.silu", lambda: sigtab.silu(x)),
        ]),
        ("silu_grad", [
            ("s * (1 + x * (1 - s))", silu_grad_naive),
            ("sigtab.silu_grad", lambda: sigtab.silu_grad(x)),
        ]),
        ("binary_cross_entropy_with_logits", [
            ("max(x,0) - x t + log1p(exp(-|x|))",
             lambda: np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))),
            ("-(t log s + (1-t) log(1-s))", bce_naive),
            ("sigtab (array target)", lambda: sigtab.binary_cross_entropy_with_logits(x, t)),
            ("sigtab (scalar target)", lambda: sigtab.binary_cross_entropy_with_logits(x, t0)),
        ]),
    ]


def table_three(rng):
    print("\nTable 3: the logistic family, ns per element, new arrays (ratio: the group's first row /")
    print("the row, above 1 means faster than it)")
    for dtype in (np.float32, np.float64):
        name = np.dtype(dtype).name
        ns = {}  # (group, row) -> [ns per element at each n]
        for n in LARGE:  # one size's arrays at a time: 16M float64 inputs are 128 MB each
            x, p, t = (rng.uniform(lo, hi, n).astype(dtype) for lo, hi in ((-20, 20), (0, 1), (0, 1)))
            for g, (_, rows) in enumerate(logistic_groups(x, p, t)):
                for r, (_, f) in enumerate(rows):
                    with np.errstate(all="ignore"):
                        ns.setdefault((g, r), []).append(best_ns("f()", {"f": f}) / n)
        for g, (fname, rows) in enumerate(logistic_groups(*(np.zeros(1, dtype),) * 3)):
            print(f"\n{name + ' ' + fname:<42}" + "".join(f"{n:>12}" for n in LARGE)
                  + "   x first row")
            for r, (label, _) in enumerate(rows):
                ratio = "  ".join(f"{a / v:5.1f}x" for a, v in zip(ns[(g, 0)], ns[(g, r)]))
                print(f"{label:<42}" + "".join(f"{v:12.2f}" for v in ns[(g, r)]) + f"   {ratio}")


def main():
    print(f"sigtab {sigtab.__version__} on the {sigtab.BACKEND} backend; {cpu_name()}; numpy "
          f"{np.__version__}, scipy {scipy.__version__}, Python {platform.python_version()}; "
          f"one thread\n")
    rng = np.random.default_rng(0)
    table_one(rng)
    table_two(rng)
    table_three(rng)


if __name__ == "__main__":
    main()
