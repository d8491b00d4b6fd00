"""numpy's conventions around the native kernels: dtypes, scalars, shapes, strides and ``out=``.

Every public function (``expit``, ``expit_grad``, ``expit_and_grad`` in ``sigtab``,
``sigtab.table`` and ``sigtab.table.hermite``) is made here by ``family(code)``.
"""

import numpy as np

from . import _native

_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)


def _result_dtype(arr, name):
    """The dtype computed in, following numpy ufuncs and scipy: float32 and float64 as they are,
    float16 in float32, booleans and integers in float64; anything else is a TypeError."""
    dt = arr.dtype
    if dt == _F32 or dt == _F64:
        return dt
    if dt.kind == "f" and dt.itemsize in (4, 8):  # the other byte order
        return _F32 if dt.itemsize == 4 else _F64
    if dt.kind == "f" and dt.itemsize == 2:
        return _F32
    if dt.kind in "biu":
        return _F64
    raise TypeError(f"sigtab.{name}: unsupported dtype {dt} (supported: float32, float64, "
                    f"and float16, bool and integers, which are converted; not longdouble, "
                    f"complex, object or strings)")


def _contiguous(a):
    return a.flags.c_contiguous or a.flags.f_contiguous


def _prepare(x, name):
    """``x`` as a C- or F-contiguous array of the dtype to compute in (a copy only if needed)."""
    arr = np.asarray(x)
    dt = _result_dtype(arr, name)
    if arr.dtype != dt or not _contiguous(arr):
        arr = np.array(arr, dtype=dt, order="K" if _contiguous(arr) else "C")
    return arr


def _check_out(out, arr, name):
    if not isinstance(out, np.ndarray):
        raise TypeError(f"sigtab.{name}: out must be a numpy array, got {type(out).__name__}")
    if out.shape != arr.shape:
        raise ValueError(f"sigtab.{name}: out has shape {out.shape}, the input {arr.shape}")
    if out.dtype != arr.dtype:
        raise ValueError(f"sigtab.{name}: out has dtype {out.dtype}, the result is {arr.dtype}")
    if not out.flags.writeable:
        raise ValueError(f"sigtab.{name}: out is read-only")


def _same_memory(out, arr):
    """Whether ``out`` holds exactly ``arr``'s elements (``out=x``): same start, same strides."""
    return out is arr or (
        _contiguous(out)
        and out.strides == arr.strides
        and out.__array_interface__["data"][0] == arr.__array_interface__["data"][0]
    )


def family(code, title):
    """The three functions of one kernel family (0 exact, 1 table, 2 table.hermite)."""

    new, new2 = _native.new, _native.new2

    def unary(x, out, grad, name):
        if out is None:
            # Fast path, all in Rust: a C- or F-contiguous float32/float64 array, 1-d or more.
            y = new(code, grad, x)
            if y is None:
                arr = _prepare(x, name)
                y = np.empty_like(arr)
                _native.apply(code, grad, arr, y)
            return y if y.ndim else y[()]
        arr = _prepare(x, name)
        _check_out(out, arr, name)
        if _same_memory(out, arr):
            # out=x (or a view of exactly x's elements): in place.
            _native.apply_in_place(code, grad, out)
        elif _contiguous(out) and out.strides == arr.strides \
                and not np.may_share_memory(out, arr):
            _native.apply(code, grad, arr, out)
        else:
            # Other layouts, or a partial overlap with the input: through a temporary.
            y = np.empty_like(arr)
            _native.apply(code, grad, arr, y)
            np.copyto(out, y)
        return out

    def expit(x, out=None):
        return unary(x, out, False, "expit")

    def expit_grad(x, out=None):
        return unary(x, out, True, "expit_grad")

    def expit_and_grad(x, out=None):
        name = "expit_and_grad"
        if out is None:
            r = new2(code, x)  # the fast path, as in unary
            if r is None:
                arr = _prepare(x, name)
                r = np.empty_like(arr), np.empty_like(arr)
                _native.apply2(code, arr, *r)
            y, dy = r
            return (y, dy) if y.ndim else (y[()], dy[()])
        arr = _prepare(x, name)
        if not (isinstance(out, tuple) and len(out) == 2):
            raise TypeError(f"sigtab.{name}: out must be a tuple of two arrays")
        for o in out:
            _check_out(o, arr, name)
        y, dy = np.empty_like(arr), np.empty_like(arr)
        _native.apply2(code, arr, y, dy)
        np.copyto(out[0], y)
        np.copyto(out[1], dy)
        return out

    expit.__doc__ = f"""The logistic sigmoid ``1 / (1 + exp(-x))`` elementwise, {title}.

    Follows numpy ufuncs: float32 in, float32 out; float64 in, float64 out; integers and bools
    are computed in float64, float16 in float32; Python floats and 0-d arrays give scalars; any
    shape and strides. ``out`` (an array of the input's shape and the result's dtype; ``out=x``
    works in place) receives the result and is returned. Never overflows; NaN gives NaN.

    >>> import sigtab
    >>> float(sigtab.expit(0.0))
    0.5
    """
    expit_grad.__doc__ = f"""The derivative ``s(x) (1 - s(x))`` computed from ``x``, {title}.

    Same conventions as ``expit``. Exactly even, never overflows, keeps the tails:
    ``expit_grad(-500.0) == 7.1245764067412855e-218``.
    """
    expit_and_grad.__doc__ = f"""``(expit(x), expit_grad(x))`` from one evaluation, {title}.

    Same conventions as ``expit``; ``out`` is a tuple of two arrays.
    """
    return expit, expit_grad, expit_and_grad
