"""sigtab against scipy where scipy is right, against mpmath where it is not; the functions are
numpy ufuncs (dtypes, scalars, shapes, strides, ``out=``, ``where=``, in place, errors, the GIL),
and dask, pandas and xarray dispatch to them."""

import pickle
import threading

import mpmath
import numpy as np
import pytest
import scipy.special
import scipy.stats

import sigtab

FAMILIES = {
    "exact": (sigtab, {np.float32: 2e-7, np.float64: 3e-16}),  # relative: 1 ulp, plus slack
    "table": (sigtab.table, {np.float32: 3e-7, np.float64: 2.5e-7}),  # absolute
    "hermite": (sigtab.table.hermite, {np.float32: 1.2e-7, np.float64: 1e-12}),  # absolute
}

mpmath.mp.prec = 200


def ref(x):
    """(s, s') for one float, to 200 bits."""
    e = mpmath.exp(-abs(mpmath.mpf(float(x))))
    s = 1 / (1 + e) if x >= 0 else e / (1 + e)
    return float(s), float(e / (1 + e) ** 2)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_agrees_with_scipy_where_scipy_is_right(dtype):
    x = np.linspace(-30, 30, 20001, dtype=dtype)
    s_ref = scipy.special.expit(x)
    g_ref = scipy.stats.logistic.pdf(x.astype(np.float64)).astype(dtype)
    # scipy's own error: expit ~2 ulp, logistic.pdf up to ~9 ulp (measured) in the far core.
    tol = 2 * np.finfo(dtype).eps
    for name, (mod, _) in FAMILIES.items():
        s, g = mod.expit(x), mod.expit_grad(x)
        assert s.dtype == dtype and g.dtype == dtype
        atol = 3e-7 if name != "exact" else 0
        np.testing.assert_allclose(s, s_ref, rtol=tol, atol=atol, err_msg=name)
        np.testing.assert_allclose(g, g_ref, rtol=6 * tol, atol=atol, err_msg=name)


def test_exact_within_one_ulp_of_a_200_bit_reference():
    rng = np.random.default_rng(7)
    x = np.concatenate([rng.uniform(-750, 750, 2000), rng.uniform(-40, 40, 2000),
                        [-745.0, -720.0, -709.9, -500.0, 0.0, 37.5, 500.0]])
    s, g = sigtab.expit_and_grad(x)
    for xi, si, gi in zip(x, s, g):
        rs, rg = ref(xi)
        for got, want in ((si, rs), (gi, rg)):
            ulp = np.spacing(want) if want >= np.finfo(np.float64).tiny else 5e-324
            assert abs(got - want) <= ulp, (xi, got, want)
    x32 = x.astype(np.float32)
    s32 = sigtab.expit(x32)
    for xi, si in zip(x32, s32):
        want = ref(xi)[0]
        assert abs(float(si) - want) <= float(np.spacing(np.float32(want))), (xi, si, want)


def test_tails_where_scipy_flushes_or_overflows():
    assert sigtab.expit(-720.0) == 2.0322308024e-313  # the subnormal nearest to 200-bit mpmath
    assert sigtab.expit(-720.0) > 0 and scipy.special.expit(-720.0) == 0.0
    assert sigtab.expit_grad(-500.0) == 7.1245764067412855e-218
    assert sigtab.expit_grad(500.0) == 7.1245764067412855e-218
    assert sigtab.table.expit_grad(-500.0) == 7.1245764067412855e-218
    assert sigtab.expit(-745.0) == 5e-324
    s = sigtab.expit(np.array([np.nan, np.inf, -np.inf, -0.0]))
    assert np.isnan(s[0]) and list(s[1:]) == [1.0, 0.0, 0.5]
    assert list(sigtab.expit_grad(np.array([np.inf, -np.inf]))) == [0.0, 0.0]


MODS = [m for m, _ in FAMILIES.values()]
NAMES = ["expit", "expit_grad", "expit_and_grad"]
UFUNCS = [getattr(m, n) for m in MODS for n in NAMES]


def call_ref(f, x):
    """``f(x)`` element by element through float64 scalars: what a vectorized call must equal."""
    x = np.asarray(x)
    outs = [f(np.array([v], dtype=x.dtype)) for v in x.ravel()]
    if f.nout == 1:
        return np.array([o[0] for o in outs], dtype=x.dtype).reshape(x.shape)
    return tuple(np.array([o[i][0] for o in outs], dtype=x.dtype).reshape(x.shape)
                 for i in range(f.nout))


def assert_same(a, b):
    if isinstance(a, tuple):
        assert isinstance(b, tuple) and len(a) == len(b)
        for u, v in zip(a, b):
            assert_same(u, v)
        return
    assert a.dtype == b.dtype and a.shape == b.shape
    np.testing.assert_array_equal(a, b)


def test_table_bounds_are_published_and_hold():
    x = np.linspace(-17, 17, 200_001)
    for mod in (sigtab.table, sigtab.table.hermite):
        assert set(mod.MAX_ERR) == {"expit", "expit_grad"}
        for dtype in ("float32", "float64"):
            xt = x.astype(dtype)
            for name, exact in (("expit", sigtab.expit), ("expit_grad", sigtab.expit_grad)):
                bound = mod.MAX_ERR[name][dtype]
                assert 0 < bound < 1e-5
                err = np.abs(getattr(mod, name)(xt).astype(np.float64) - exact(xt.astype(np.float64)))
                assert err.max() <= bound, (mod.__name__, name, dtype, err.max(), bound)


def test_every_function_is_a_ufunc_with_numpys_float_loops():
    for f in UFUNCS:
        assert isinstance(f, np.ufunc)
        assert f.nin == 1 and f.nout == (2 if f.__name__ == "expit_and_grad" else 1)
        assert [t.split("->")[0] for t in f.types] == ["e", "f", "d"]
        assert pickle.loads(pickle.dumps(f)) is f  # found in its own module, not another's
    assert sigtab.expit is not sigtab.table.expit
    assert isinstance(sigtab.__version__, str) and sigtab.__version__[0].isdigit()
    assert sigtab.BACKEND in ("portable", "sse2", "avx2+fma", "avx512", "neon")


@pytest.mark.parametrize("mod", MODS)
def test_dtypes_follow_np_exp(mod):
    assert type(mod.expit(0.0)) is np.float64 and mod.expit(0.0) == 0.5
    assert type(mod.expit(np.float32(0))) is np.float32
    assert type(mod.expit(np.array(1.5))) is np.float64  # 0-d array in, scalar out
    for dtype in (np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.int64,
                  np.uint64, np.float16, np.float32, np.float64, ">f8", "<f4"):
        x = np.zeros(3, dtype)
        assert mod.expit(x).dtype == np.exp(x).dtype, dtype
    assert mod.expit([0.0, 1.0]).shape == (2,)
    big_endian = np.array([0.0, 1.0], dtype=">f8")
    assert np.array_equal(mod.expit(big_endian), mod.expit(np.array([0.0, 1.0])))
    s, g = mod.expit_and_grad(0.0)
    assert (s, g) == (0.5, 0.25) and type(s) is np.float64
    # dtype= computes in the requested precision.
    x = np.linspace(-5, 5, 101)
    y = mod.expit(x, dtype=np.float32)
    assert y.dtype == np.float32 and np.array_equal(y, mod.expit(x.astype(np.float32)))


@pytest.mark.parametrize("f", UFUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_shapes_strides_and_layouts_equal_elementwise_calls(f, dtype):
    x = np.random.default_rng(1).uniform(-20, 20, (3, 4, 70)).astype(dtype)
    want = call_ref(f, x)

    def sub(w, idx):
        return tuple(v[idx] for v in w) if isinstance(w, tuple) else w[idx]

    assert_same(f(x), want)
    assert_same(f(np.asfortranarray(x)), want)
    assert (f(np.asfortranarray(x)) if f.nout == 1 else f(np.asfortranarray(x))[0]).flags.f_contiguous
    assert_same(f(x[:, ::2, 1:]), sub(want, (slice(None), slice(None, None, 2), slice(1, None))))
    assert_same(f(x[::-1]), sub(want, slice(None, None, -1)))
    t = f(x.transpose(2, 0, 1))
    assert_same(t, tuple(w.transpose(2, 0, 1) for w in want) if f.nout > 1
                else want.transpose(2, 0, 1))
    empty = f(np.zeros((0, 3), dtype))
    assert (empty[0] if f.nout > 1 else empty).shape == (0, 3)
    # Unaligned input: numpy copies it to an aligned buffer, or the loop reads it unaligned.
    raw = np.zeros(x.size * x.itemsize + 1, np.uint8)
    unaligned = raw[1:].view(dtype).reshape(x.shape)
    unaligned[...] = x
    assert_same(f(unaligned), want)


@pytest.mark.parametrize("mod", MODS)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_out_in_place_broadcast_and_where(mod, dtype):
    x = np.linspace(-10, 10, 1000).astype(dtype)
    want, dwant = mod.expit(x), mod.expit_grad(x)
    out = np.empty_like(x)
    assert mod.expit(x, out=out) is out and np.array_equal(out, want)
    y = x.copy()
    assert mod.expit(y, out=y) is y and np.array_equal(y, want)
    y = x.copy()
    mod.expit_grad(y, out=(y,))
    assert np.array_equal(y, dwant)
    y = x.copy()
    mod.expit_and_grad(y, out=(y, out))  # the first output is the input
    assert np.array_equal(y, want) and np.array_equal(out, dwant)
    # Strided out, and out overlapping the input with a shift (numpy buffers the overlap).
    big = np.zeros(2000, dtype)
    mod.expit(x, out=big[::2])
    assert np.array_equal(big[::2], want) and not big[1::2].any()
    z = np.concatenate([x, np.zeros(1, dtype)])
    mod.expit(z[1:], out=z[:-1])
    assert np.array_equal(z[:-1], mod.expit(np.concatenate([x, np.zeros(1, dtype)])[1:]))
    o1, o2 = np.empty_like(x), np.empty_like(x)
    r = mod.expit_and_grad(x, out=(o1, o2))
    assert r[0] is o1 and r[1] is o2 and np.array_equal(o1, want) and np.array_equal(o2, dwant)
    # Broadcasting into a larger out: a row against 4 rows, a scalar against a whole array.
    out = np.empty((4, 1000), dtype)
    mod.expit(x, out=out)
    assert all(np.array_equal(row, want) for row in out)
    out = np.empty((3, 5), np.float32)
    mod.expit(np.float32(2.5), out=out)
    assert (out == mod.expit(np.float32(2.5))).all()
    # where= writes only where true.
    out = np.full(1000, 7.0, dtype)
    mask = np.arange(1000) % 3 == 0
    mod.expit(x, out=out, where=mask)
    assert np.array_equal(out[mask], want[mask]) and (out[~mask] == 7.0).all()
    # Integers into a float out.
    out = np.empty(3, dtype)
    mod.expit(np.arange(3), out=out)
    assert np.array_equal(out, mod.expit(np.arange(3.0).astype(dtype)))


def test_float16_within_one_ulp_everywhere():
    bits = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
    x = bits.view(np.float16)
    finite = np.isfinite(x)
    xf = x[finite].astype(np.float64)
    e = np.exp(-np.abs(xf))
    want = {"expit": np.where(xf >= 0, 1 / (1 + e), e / (1 + e)), "expit_grad": e / (1 + e) ** 2}
    # Each family's published absolute error (as float32: f16 is computed in f32).
    tol = {name: max(getattr(mod, "MAX_ERR", {"": {"float32": 0}}).values(),
                     key=lambda e: e["float32"])["float32"] for name, (mod, _) in FAMILIES.items()}
    for name, (mod, _) in FAMILIES.items():
        for fname, w in want.items():
            got = getattr(mod, fname)(x)
            assert got.dtype == np.float16
            assert np.isnan(got[~finite & np.isnan(x)]).all()
            g = got[finite].astype(np.float64)
            # One float16 ulp at the reference (the subnormal spacing below the normal range),
            # plus the family's own absolute error.
            ulp = np.spacing(np.abs(w).astype(np.float16)).astype(np.float64)
            ulp = np.maximum(ulp, 2.0 ** -24)
            assert (np.abs(g - w) <= ulp + tol[name]).all(), (name, fname)
        s, ds = mod.expit_and_grad(x)
        assert np.array_equal(s, mod.expit(x), equal_nan=True)
        assert np.array_equal(ds, mod.expit_grad(x), equal_nan=True)


def test_special_values_never_warn():
    specials = [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-310, -1e-310, 1e308, -1e308,
                3e38, -3e38, 745.0, -745.0, 100.0, -100.0]
    with np.errstate(all="raise"):
        for dtype in (np.float16, np.float32, np.float64):
            with np.errstate(all="ignore"):
                x = np.array(specials * 5, dtype=dtype)
            for f in UFUNCS:
                r = f(x) if f.nout == 1 else f(x)[0]
                assert np.isnan(r[np.isnan(x)]).all()
                f(x[::-1])  # the strided path too
                f(x[0])  # a scalar
    s = sigtab.expit(np.array([np.nan, np.inf, -np.inf, -0.0, 5e-324, -5e-324]))
    assert np.isnan(s[0]) and list(s[1:]) == [1.0, 0.0, 0.5, 0.5, 0.5]


def test_bad_input_raises_and_leaves_out_untouched():
    x = np.linspace(-1, 1, 10)
    out = np.full(10, 7.0)
    for bad in (np.full(9, 7.0), np.full((2, 5), 7.0)):
        with pytest.raises(ValueError):
            sigtab.expit(x, out=bad)
        assert (bad == 7.0).all()
    # float64 into a float32 out is refused by casting="same_kind"? No: that is allowed (the
    # same kind); int64 into float16 likewise. An integer out is refused.
    with pytest.raises(TypeError):
        sigtab.expit(x, out=np.full(10, 7, np.int64))
    ro = np.full(10, 7.0)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        sigtab.expit_grad(x, out=ro)
    assert (ro == 7.0).all()
    for bad_dtype in (np.complex128, np.complex64, object, "U3", "S3", "datetime64[s]",
                      "timedelta64[s]", np.longdouble):
        with pytest.raises(TypeError):
            sigtab.expit(np.zeros(3, dtype=bad_dtype), out=out)
        with pytest.raises(TypeError):
            sigtab.table.expit_and_grad(np.zeros(3, dtype=bad_dtype))
    assert (out == 7.0).all()
    with pytest.raises(TypeError):
        sigtab.table.expit("abc")
    with pytest.raises(TypeError):
        sigtab.expit(1 + 2j)
    with pytest.raises(TypeError):
        sigtab.expit_and_grad(x, out=out)  # two outputs need a tuple of two
    with pytest.raises(ValueError):
        sigtab.expit_and_grad(x, out=(out,))
    assert (out == 7.0).all()
    with pytest.raises(TypeError):
        sigtab.expit(x, casting="no", dtype=np.float32)
    with pytest.raises(TypeError):
        sigtab.expit()


def test_the_gil_is_released_during_a_long_call():
    import sys
    import time

    # 32M elements: about 20 ms of work even on a fast AVX-512 machine (16M took 11 ms here).
    x = np.linspace(-40, 40, 1 << 25)
    out = sigtab.expit(x)  # also touches out's pages
    stamps = []
    done = threading.Event()

    def clock():
        while not done.is_set():
            stamps.append(time.perf_counter())

    # If the call held the GIL, the other thread could run only within a switch interval of
    # the call's start or end (bytecode boundaries): a stamp well inside the call proves that
    # the GIL was released. sum(range(...)), which holds the GIL, fails this check.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-3)
    t = threading.Thread(target=clock)
    t.start()
    try:
        time.sleep(0.01)
        t0 = time.perf_counter()
        sigtab.expit(x, out=out)
        t1 = time.perf_counter()
    finally:
        done.set()
        t.join()
        sys.setswitchinterval(interval)
    margin = 3e-3  # three switch intervals
    assert t1 - t0 > 4 * margin, ("the call is too short to tell", t1 - t0)
    inside = [s for s in stamps if t0 + margin < s < t1 - margin]
    assert len(inside) > 100, (len(inside), t1 - t0)
    assert np.array_equal(out, sigtab.expit(x))


def test_threads_agree():
    x = np.linspace(-40, 40, 1 << 20)
    results = [None] * 4

    def work(i):
        results[i] = sigtab.expit(x)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert np.array_equal(r, results[0])


def test_dask_stays_lazy():
    da = pytest.importorskip("dask.array")
    x = np.random.default_rng(3).uniform(-800, 800, 100_000)
    dx = da.from_array(x, chunks=7_919)
    for f in (sigtab.expit, sigtab.table.expit_grad, sigtab.table.hermite.expit):
        lazy = f(dx)
        assert isinstance(lazy, da.Array) and lazy.chunks == dx.chunks
        assert np.array_equal(lazy.compute(), f(x))
    # Two families with the same ufunc name must not share dask keys.
    both = (sigtab.expit(dx) - sigtab.table.expit(dx)).compute()
    assert np.array_equal(both, sigtab.expit(x) - sigtab.table.expit(x))
    x32 = da.from_array(x.astype(np.float32).reshape(100, 1000), chunks=(30, 300))
    s32 = sigtab.expit(x32)
    assert s32.dtype == np.float32 and np.array_equal(s32.compute(), sigtab.expit(x32.compute()))
    # dask dispatches ufuncs of two outputs only for numpy's own names: map_blocks instead.
    with pytest.raises(TypeError):
        sigtab.expit_and_grad(dx)
    s = dx.map_blocks(lambda b: sigtab.expit_and_grad(b)[1], dtype=np.float64).compute()
    assert np.array_equal(s, sigtab.expit_grad(x))


def test_pandas_keeps_the_index():
    pd = pytest.importorskip("pandas")
    s = pd.Series([-1.0, 0.0, 2.0], index=["a", "b", "c"], name="logits")
    for f in (sigtab.expit, sigtab.table.expit_grad):
        r = f(s)
        assert isinstance(r, pd.Series) and list(r.index) == ["a", "b", "c"] and r.name == "logits"
        assert np.array_equal(r.to_numpy(), f(s.to_numpy()))
    y, dy = sigtab.expit_and_grad(s)
    assert isinstance(dy, pd.Series) and list(dy.index) == ["a", "b", "c"]
    df = pd.DataFrame({"u": [0.0, 1.0], "v": [-3.0, 3.0]}, index=[10, 20])
    r = sigtab.expit(df)
    assert isinstance(r, pd.DataFrame) and list(r.index) == [10, 20] and list(r.columns) == ["u", "v"]
    assert np.array_equal(r.to_numpy(), sigtab.expit(df.to_numpy()))


def test_xarray_keeps_coordinates():
    xr = pytest.importorskip("xarray")
    a = xr.DataArray(np.linspace(-3, 3, 6).reshape(2, 3), dims=("t", "k"),
                     coords={"t": [0, 1], "k": ["a", "b", "c"]}, name="z")
    r = sigtab.expit(a)
    assert isinstance(r, xr.DataArray) and r.dims == ("t", "k")
    assert list(r.coords["k"].values) == ["a", "b", "c"]
    assert np.array_equal(r.values, sigtab.expit(a.values))


def test_type_checkers_know_the_functions(tmp_path):
    api = pytest.importorskip("mypy.api")
    use = tmp_path / "use.py"
    use.write_text(
        "import numpy as np\n"
        "import sigtab\n"
        "import sigtab.table.hermite\n"
        "f: np.ufunc = sigtab.expit\n"
        "g: np.ufunc = sigtab.table.expit_grad\n"
        "h: np.ufunc = sigtab.table.hermite.expit_and_grad\n"
        "b: str = sigtab.BACKEND + sigtab.__version__\n"
        "n: int = sigtab.expit\n"  # wrong on purpose: the stubs must make this an error
        "sigtab.expit_gradient\n"  # a name that does not exist
    )
    out, err, status = api.run([str(use), "--no-incremental", "--cache-dir", str(tmp_path / "c")])
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1, out + err
    assert len(errors) == 2, out
    assert "use.py:8:" in errors[0] and "ufunc" in errors[0]
    assert "use.py:9:" in errors[1] and "expit_gradient" in errors[1]


def test_importing_the_source_folder_says_what_to_do():
    import os
    import subprocess
    import sys

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # python/, holds sigtab/
    r = subprocess.run([sys.executable, "-c", "import sigtab"], cwd=here, capture_output=True,
                       text=True)
    assert r.returncode != 0
    assert "pip install ./python" in r.stderr and "circular" not in r.stderr.split("\n")[-2]
