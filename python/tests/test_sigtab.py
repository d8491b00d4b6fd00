"""sigtab against scipy where scipy is right, against mpmath where it is not, and numpy's
conventions: dtypes, scalars, shapes, strides, ``out=``, in place, errors; and dask."""

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


@pytest.mark.parametrize("mod", [m for m, _ in FAMILIES.values()])
def test_dtypes_scalars_and_shapes(mod):
    assert type(mod.expit(0.0)) is np.float64 and mod.expit(0.0) == 0.5
    assert type(mod.expit(np.float32(0))) is np.float32
    assert type(mod.expit(np.array(1.5))) is np.float64
    assert mod.expit(3).dtype == np.float64 and mod.expit(np.arange(4)).dtype == np.float64
    assert mod.expit(np.array([True])).dtype == np.float64
    assert mod.expit(np.zeros(3, np.float16)).dtype == np.float32
    assert mod.expit([0.0, 1.0]).shape == (2,)
    big_endian = np.array([0.0, 1.0], dtype=">f8")
    assert np.array_equal(mod.expit(big_endian), mod.expit(np.array([0.0, 1.0])))
    s, g = mod.expit_and_grad(0.0)
    assert (s, g) == (0.5, 0.25) and type(s) is np.float64
    for dtype in (np.float32, np.float64):
        x = np.random.default_rng(1).uniform(-20, 20, (3, 4, 5)).astype(dtype)
        want = np.array([float(mod.expit(v)) for v in x.ravel()], dtype).reshape(x.shape)
        assert np.array_equal(mod.expit(x), want)
        assert np.array_equal(mod.expit(np.asfortranarray(x)), want)
        assert mod.expit(np.asfortranarray(x)).flags.f_contiguous
        assert np.array_equal(mod.expit(x[:, ::2, 1:]), want[:, ::2, 1:])
        assert np.array_equal(mod.expit(x.transpose(2, 0, 1)), want.transpose(2, 0, 1))
        assert np.array_equal(mod.expit(x[::-1]), want[::-1])
        assert mod.expit(np.zeros((0, 3), dtype)).shape == (0, 3)
        y, dy = mod.expit_and_grad(x[:, 1])
        assert np.array_equal(y, want[:, 1]) and np.array_equal(dy, mod.expit_grad(x[:, 1]))
        for layout in (x, np.asfortranarray(x)):
            y, dy = mod.expit_and_grad(layout)
            assert y.flags.c_contiguous == layout.flags.c_contiguous and y.dtype == dtype
            assert np.array_equal(y, want) and np.array_equal(dy, mod.expit_grad(x))


@pytest.mark.parametrize("mod", [m for m, _ in FAMILIES.values()])
def test_out_and_in_place(mod):
    x = np.linspace(-10, 10, 1000)
    want, dwant = mod.expit(x), mod.expit_grad(x)
    out = np.empty_like(x)
    assert mod.expit(x, out=out) is out and np.array_equal(out, want)
    y = x.copy()
    assert mod.expit(y, out=y) is y and np.array_equal(y, want)
    y = x.copy()
    mod.expit_grad(y, out=y)
    assert np.array_equal(y, dwant)
    # Non-contiguous out, and out overlapping the input with a shift.
    big = np.zeros(2000)
    mod.expit(x, out=big[::2])
    assert np.array_equal(big[::2], want) and not big[1::2].any()
    z = np.concatenate([x, [0.0]])
    mod.expit(z[1:], out=z[:-1])
    assert np.array_equal(z[:-1], mod.expit(np.concatenate([x, [0.0]])[1:]))
    o1, o2 = np.empty_like(x), np.empty_like(x)
    r = mod.expit_and_grad(x, out=(o1, o2))
    assert r[0] is o1 and np.array_equal(o1, want) and np.array_equal(o2, dwant)
    # Integers into a float64 out.
    out = np.empty(3)
    mod.expit(np.arange(3), out=out)
    assert np.array_equal(out, mod.expit(np.arange(3.0)))


def test_bad_input_raises_and_leaves_out_untouched():
    x = np.linspace(-1, 1, 10)
    out = np.full(10, 7.0)
    for bad in (np.full(9, 7.0), np.full((2, 5), 7.0)):
        with pytest.raises(ValueError, match="shape"):
            sigtab.expit(x, out=bad)
        assert (bad == 7.0).all()
    with pytest.raises(ValueError, match="dtype"):
        sigtab.expit(x, out=np.full(10, 7.0, np.float32))
    ro = np.full(10, 7.0)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        sigtab.expit_grad(x, out=ro)
    assert (ro == 7.0).all()
    for bad_dtype in (np.complex128, object, "U3", "datetime64[s]", np.longdouble):
        with pytest.raises(TypeError, match="unsupported dtype"):
            sigtab.expit(np.zeros(3, dtype=bad_dtype), out=out)
    assert (out == 7.0).all()
    with pytest.raises(TypeError, match="unsupported dtype"):
        sigtab.table.expit("abc")
    with pytest.raises(TypeError):
        sigtab.expit_and_grad(x, out=out)
    with pytest.raises(TypeError):
        sigtab._native.apply(0, False, x, [1.0])
    with pytest.raises(ValueError):
        sigtab._native.apply(0, False, x, np.empty(3))


def test_large_arrays_release_the_gil_and_agree():
    import threading
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


def test_dask_map_blocks():
    import dask.array as da
    x = np.random.default_rng(3).uniform(-800, 800, 100_000)
    dx = da.from_array(x, chunks=7_919)
    s = dx.map_blocks(sigtab.expit, dtype=np.float64).compute()
    g = dx.map_blocks(sigtab.table.expit_grad, dtype=np.float64).compute()
    assert np.array_equal(s, sigtab.expit(x))
    assert np.array_equal(g, sigtab.table.expit_grad(x))
    x32 = da.from_array(x.astype(np.float32).reshape(100, 1000), chunks=(30, 300))
    s32 = x32.map_blocks(sigtab.expit).compute()
    assert s32.dtype == np.float32 and np.array_equal(s32, sigtab.expit(x32.compute()))
