//! The native half of the `sigtab` Python package: the slice kernels on numpy buffers.
//!
//! The Python side (`sigtab/_ufunc.py`) does numpy's conventions (dtypes, scalars, `out=`,
//! strides) and hands this module contiguous arrays of one float dtype and one memory layout; the
//! functions here check that again (a wrong call raises, never reads or writes out of bounds),
//! then run the kernels with the GIL released for large arrays.

use numpy::{Element, PyArrayDyn, PyArrayMethods, PyUntypedArrayMethods};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// Below this many elements the GIL is kept: releasing and taking it back costs more than the
/// kernel saves other threads.
const DETACH_LEN: usize = 1 << 14;

/// Which kernels: 0 `exact`, 1 `table` (linear), 2 `table.hermite`.
#[derive(Clone, Copy)]
enum Family {
    Exact,
    Linear,
    Hermite,
}

impl Family {
    fn from(code: u8) -> PyResult<Family> {
        match code {
            0 => Ok(Family::Exact),
            1 => Ok(Family::Linear),
            2 => Ok(Family::Hermite),
            _ => Err(PyValueError::new_err(format!(
                "unknown kernel family {code}"
            ))),
        }
    }
}

/// The slice kernels of a family, for one precision: `s` (`grad` false) or `s'` (`grad` true),
/// both, and in place.
trait Kernels: sigtab::Float + Element {
    fn map(f: Family, grad: bool, x: &[Self], out: &mut [Self]) {
        match (f, grad) {
            (Family::Exact, false) => sigtab::exact::sigmoid_slice(x, out),
            (Family::Exact, true) => sigtab::exact::sigmoid_grad_slice(x, out),
            (Family::Linear, false) => sigtab::table::sigmoid_slice(x, out),
            (Family::Linear, true) => sigtab::table::sigmoid_grad_slice(x, out),
            (Family::Hermite, false) => sigtab::table::hermite::sigmoid_slice(x, out),
            (Family::Hermite, true) => sigtab::table::hermite::sigmoid_grad_slice(x, out),
        }
    }
    fn both(f: Family, x: &[Self], y: &mut [Self], dy: &mut [Self]) {
        match f {
            Family::Exact => sigtab::exact::sigmoid_and_grad_slice(x, y, dy),
            Family::Linear => sigtab::table::sigmoid_and_grad_slice(x, y, dy),
            Family::Hermite => sigtab::table::hermite::sigmoid_and_grad_slice(x, y, dy),
        }
    }
    fn in_place(f: Family, grad: bool, x: &mut [Self]) {
        match (f, grad) {
            (Family::Exact, false) => sigtab::exact::sigmoid_in_place(x),
            (Family::Exact, true) => sigtab::exact::sigmoid_grad_in_place(x),
            (Family::Linear, false) => sigtab::table::sigmoid_in_place(x),
            (Family::Linear, true) => sigtab::table::sigmoid_grad_in_place(x),
            (Family::Hermite, false) => sigtab::table::hermite::sigmoid_in_place(x),
            (Family::Hermite, true) => sigtab::table::hermite::sigmoid_grad_in_place(x),
        }
    }
}
impl Kernels for f32 {}
impl Kernels for f64 {}

/// `$f::<f32>(args)` or `$f::<f64>(args)`, by the dtype of the array `$x` (a non-float64 array
/// that is not float32 fails in the f64 function, with a TypeError naming it).
macro_rules! by_dtype {
    ($x:expr, $f:ident($($arg:expr),*)) => {
        if $x.cast::<PyArrayDyn<f32>>().is_ok() {
            $f::<f32>($($arg),*)
        } else {
            $f::<f64>($($arg),*)
        }
    };
}

/// A ValueError carrying `e`'s message.
fn value_err(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A ValueError about `out` (an output array that cannot be written: read-only or borrowed).
fn out_err(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("out: {e}"))
}

/// Runs `f` with the GIL released when there are at least `DETACH_LEN` elements.
fn maybe_detach<R: Send>(py: Python<'_>, n: usize, f: impl FnOnce() -> R + Send) -> R {
    if n >= DETACH_LEN { py.detach(f) } else { f() }
}

/// `x` as an array of `T`, or a TypeError naming what it is.
fn typed<'a, 'py, T: Element>(
    a: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyArrayDyn<T>>> {
    a.cast::<PyArrayDyn<T>>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what}: expected a numpy array of {}, got {}",
            std::any::type_name::<T>(),
            a.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })
}

/// Checks that `out` can receive the results for `x` element for element in memory order.
fn same_layout<T: Element>(
    x: &Bound<'_, PyArrayDyn<T>>,
    out: &Bound<'_, PyArrayDyn<T>>,
) -> PyResult<()> {
    if x.shape() != out.shape() || x.strides() != out.strides() || !x.is_contiguous() {
        return Err(PyValueError::new_err(
            "internal: input and output must be contiguous with the same shape and strides",
        ));
    }
    Ok(())
}

fn unary<T: Kernels>(
    py: Python<'_>,
    f: Family,
    grad: bool,
    x: &Bound<'_, PyAny>,
    out: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let (x, out) = (typed::<T>(x, "x")?, typed::<T>(out, "out")?);
    same_layout(x, out)?;
    let xr = x.try_readonly().map_err(value_err)?;
    let mut or = out.try_readwrite().map_err(out_err)?;
    let xs = xr.as_slice().map_err(value_err)?;
    let os = or.as_slice_mut().map_err(value_err)?;
    maybe_detach(py, xs.len(), || T::map(f, grad, xs, os));
    Ok(())
}

/// `out = s(x)` (`grad` false) or `s'(x)` (`grad` true) with kernels `family`; `x` and `out`
/// contiguous arrays of one float dtype, shape and strides.
#[pyfunction]
fn apply(
    py: Python<'_>,
    family: u8,
    grad: bool,
    x: &Bound<'_, PyAny>,
    out: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let f = Family::from(family)?;
    by_dtype!(x, unary(py, f, grad, x, out))
}

fn binary<T: Kernels>(
    py: Python<'_>,
    f: Family,
    x: &Bound<'_, PyAny>,
    y: &Bound<'_, PyAny>,
    dy: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let (x, y, dy) = (
        typed::<T>(x, "x")?,
        typed::<T>(y, "y")?,
        typed::<T>(dy, "dy")?,
    );
    same_layout(x, y)?;
    same_layout(x, dy)?;
    let xr = x.try_readonly().map_err(value_err)?;
    let mut yr = y.try_readwrite().map_err(out_err)?;
    let mut dr = dy.try_readwrite().map_err(out_err)?;
    let xs = xr.as_slice().map_err(value_err)?;
    let ys = yr.as_slice_mut().map_err(value_err)?;
    let ds = dr.as_slice_mut().map_err(value_err)?;
    maybe_detach(py, xs.len(), || T::both(f, xs, ys, ds));
    Ok(())
}

/// `(y, dy) = (s(x), s'(x))` with kernels `family`; all three contiguous arrays of one float
/// dtype, shape and strides.
#[pyfunction]
fn apply2(
    py: Python<'_>,
    family: u8,
    x: &Bound<'_, PyAny>,
    y: &Bound<'_, PyAny>,
    dy: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let f = Family::from(family)?;
    by_dtype!(x, binary(py, f, x, y, dy))
}

fn inplace<T: Kernels>(
    py: Python<'_>,
    f: Family,
    grad: bool,
    x: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let x = typed::<T>(x, "x")?;
    let mut xw = x.try_readwrite().map_err(out_err)?;
    let xs = xw.as_slice_mut().map_err(value_err)?;
    maybe_detach(py, xs.len(), || T::in_place(f, grad, xs));
    Ok(())
}

/// `x = s(x)` or `x = s'(x)` with kernels `family`; `x` a contiguous writeable float array.
#[pyfunction]
fn apply_in_place(py: Python<'_>, family: u8, grad: bool, x: &Bound<'_, PyAny>) -> PyResult<()> {
    let f = Family::from(family)?;
    by_dtype!(x, inplace(py, f, grad, x))
}

/// `x` as a C- or F-contiguous array of `T` with at least one dimension (what the fast paths
/// take), or `None`.
fn contiguous<'a, 'py, T: Element>(
    x: &'a Bound<'py, PyAny>,
) -> Option<&'a Bound<'py, PyArrayDyn<T>>> {
    x.cast::<PyArrayDyn<T>>()
        .ok()
        .filter(|a| a.ndim() > 0 && a.is_contiguous())
}

/// A new array `s(x)` (or `s'(x)`) of `x`'s shape and memory order, for a C- or F-contiguous
/// array `x` of at least one dimension.
fn fresh<'py, T: Kernels>(
    py: Python<'py>,
    f: Family,
    grad: bool,
    x: &Bound<'py, PyArrayDyn<T>>,
) -> PyResult<Bound<'py, PyArrayDyn<T>>> {
    let fortran = !x.is_c_contiguous();
    // SAFETY: the array is new and uninitialized; nothing else can see it until it is returned,
    // and the kernel below writes every one of its elements first (it has x's length: same
    // shape, and both are contiguous).
    let out = unsafe { PyArrayDyn::<T>::new(py, x.shape(), fortran) };
    let xr = x.try_readonly().map_err(value_err)?;
    let xs = xr.as_slice().map_err(value_err)?;
    // SAFETY: `out` was created above and has not been shared: no other reference to its data.
    let os = unsafe { out.as_slice_mut() }.map_err(value_err)?;
    maybe_detach(py, xs.len(), || T::map(f, grad, xs, os));
    Ok(out)
}

/// New arrays `(s(x), s'(x))` of `x`'s shape and memory order, as [`fresh`].
#[allow(clippy::type_complexity)]
fn fresh2<'py, T: Kernels>(
    py: Python<'py>,
    f: Family,
    x: &Bound<'py, PyArrayDyn<T>>,
) -> PyResult<(Bound<'py, PyArrayDyn<T>>, Bound<'py, PyArrayDyn<T>>)> {
    let fortran = !x.is_c_contiguous();
    // SAFETY: as in `fresh`: new, unshared, and every element written by the kernel below.
    let (y, dy) = unsafe {
        (
            PyArrayDyn::<T>::new(py, x.shape(), fortran),
            PyArrayDyn::<T>::new(py, x.shape(), fortran),
        )
    };
    let xr = x.try_readonly().map_err(value_err)?;
    let xs = xr.as_slice().map_err(value_err)?;
    // SAFETY: `y` and `dy` were created above, are distinct, and have not been shared.
    let ys = unsafe { y.as_slice_mut() }.map_err(value_err)?;
    let ds = unsafe { dy.as_slice_mut() }.map_err(value_err)?;
    maybe_detach(py, xs.len(), || T::both(f, xs, ys, ds));
    Ok((y, dy))
}

/// The fast path of `expit_and_grad(x)` without `out`, as [`new`]: a tuple of new arrays, or
/// `None`.
#[pyfunction]
fn new2<'py>(
    py: Python<'py>,
    family: u8,
    x: &Bound<'py, PyAny>,
) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    let f = Family::from(family)?;
    if let Some(a) = contiguous::<f64>(x) {
        let (y, dy) = fresh2(py, f, a)?;
        return Ok(Some((y.into_any(), dy.into_any())));
    }
    if let Some(a) = contiguous::<f32>(x) {
        let (y, dy) = fresh2(py, f, a)?;
        return Ok(Some((y.into_any(), dy.into_any())));
    }
    Ok(None)
}

/// The fast path of `expit(x)` and `expit_grad(x)` without `out`: a new array if `x` is a C- or
/// F-contiguous float32 or float64 array of at least one dimension, else `None` (the caller
/// takes the general path).
#[pyfunction]
fn new<'py>(
    py: Python<'py>,
    family: u8,
    grad: bool,
    x: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let f = Family::from(family)?;
    if let Some(a) = contiguous::<f64>(x) {
        return Ok(Some(fresh(py, f, grad, a)?.into_any()));
    }
    if let Some(a) = contiguous::<f32>(x) {
        return Ok(Some(fresh(py, f, grad, a)?.into_any()));
    }
    Ok(None)
}

/// The native kernels of the `sigtab` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(new, m)?)?;
    m.add_function(wrap_pyfunction!(new2, m)?)?;
    m.add_function(wrap_pyfunction!(apply, m)?)?;
    m.add_function(wrap_pyfunction!(apply2, m)?)?;
    m.add_function(wrap_pyfunction!(apply_in_place, m)?)?;
    m.add("BACKEND", sigtab::Backend::detect().name())?;
    Ok(())
}
