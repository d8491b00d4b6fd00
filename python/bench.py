"""sigtab against what a numpy user has, in one process and one thread: ns per element and
ratios, at n = 1001, 65536 and 16M, float32 and float64.

    python python/bench.py            # about a minute
    python python/bench.py --quick    # fewer repetitions

Contenders: ``1/(1+np.exp(-x))``, ``scipy.special.expit``, ``expit(x)*(1-expit(x))``,
``scipy.stats.logistic._pdf``, ``jax.nn.sigmoid`` (if jax is installed), and sigtab's
``expit``, ``expit_grad``, ``expit_and_grad``, ``table.expit`` and ``table.hermite.expit``.
Each is timed as the best of several repetitions of a loop that runs for at least ~20 ms.
"""

import os
import sys
import time

# One thread everywhere (numpy's BLAS is not involved, but jax and dask may spawn pools).
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

# Import the installed package, not the source folder next to this script (it has no native
# module until built).
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import numpy as np  # noqa: E402
import scipy.special  # noqa: E402
import scipy.stats  # noqa: E402

import sigtab  # noqa: E402

QUICK = "--quick" in sys.argv


def best_ns_per_element(f, x):
    """Best over repetitions of the mean time of one call, per element."""
    f(x)  # warm up (and compile, for jax)
    n = x.size
    calls = max(1, int(2e7 // max(n, 1)))
    reps = 3 if QUICK else 7
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter_ns()
        for _ in range(calls):
            f(x)
        best = min(best, (time.perf_counter_ns() - t) / calls)
    return best / n


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


def main():
    sizes = [1001, 65536, 1 << 24]
    rng = np.random.default_rng(0)
    print(f"sigtab {sigtab.BACKEND} backend; numpy {np.__version__}; one thread; ns per element")
    results = {}
    for dtype in (np.float32, np.float64):
        name = np.dtype(dtype).name
        print(f"\n{name:<28}" + "".join(f"{n:>12}" for n in sizes) + "   x scipy.expit")
        xs = {n: rng.uniform(-20, 20, n).astype(dtype) for n in sizes}
        for label, f in contenders():
            ns = [best_ns_per_element(f, xs[n]) for n in sizes]
            results[(name, label)] = ns
            ref = results[(name, "scipy.special.expit")]
            ratio = "  ".join(f"{r / v:5.1f}x" for r, v in zip(ref, ns))
            print(f"{label:<28}" + "".join(f"{v:12.2f}" for v in ns) + f"   {ratio}", flush=True)
    print("\nTargets: sigtab.expit >= 5x scipy.special.expit in float64 at n = 1001 and 65536;")
    for i, n in enumerate(sizes[:2]):
        r = results[("float64", "scipy.special.expit")][i] / results[("float64", "sigtab.expit")][i]
        print(f"  n = {n}: {r:.1f}x ({'met' if r >= 5 else 'NOT met'})")
    jax_row = results.get(("float64", "jax.nn.sigmoid (jit)"))
    if jax_row:
        r = jax_row[1] / results[("float64", "sigtab.expit")][1]
        print(f"  faster than jax at 65536 (float64): {r:.1f}x ({'met' if r > 1 else 'NOT met'})")
    else:
        print("  jax not installed: `pip install jax` to add it")


if __name__ == "__main__":
    main()
