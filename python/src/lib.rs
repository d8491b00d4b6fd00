//! The native half of the `sigtab` Python package: numpy ufuncs over sigtab's slice kernels.
//!
//! - `kernels.rs`: the kernels, one type per function of sigtab's list (`src/registry.rs`) and
//!   family.
//! - `loops.rs`: numpy inner loops over them (contiguous, in place, strided, float16).
//! - `ufunc.rs`: ufunc objects from numpy's C API, with their tables in statics.
//! - here: the ufuncs of the listed functions with their docstrings, and the module.

mod kernels;
mod loops;
mod ufunc;

use kernels::for_each_function;
use pyo3::exceptions::{PyAttributeError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::ffi::{CStr, CString};
use ufunc::kernel_ufunc;

/// What every docstring says of dtypes, keywords and special values.
const CONVENTIONS: &str = "
Parameters
----------
x : array_like
    float16, float32 or float64, any shape and strides. Other inputs are cast
    as for numpy's own float ufuncs such as ``np.exp``: bools and integers to
    the smallest float that holds them (int8 to float16, int16 to float32,
    wider to float64), Python floats to float64; pass ``dtype=np.float64`` to
    compute in float64 as ``scipy.special.expit`` does. Complex, object,
    string and longdouble inputs raise TypeError.
out, where, casting, order, dtype, subok
    numpy's ufunc keywords (``out=x`` works in place).

Returns
-------
ndarray or numpy scalar of the resolved float dtype. float16 is computed
in float32 and rounded once (within 1 float16 ulp).

Notes
-----
NaN gives NaN; sigtab's loops raise no floating-point warning (every input
has a defined result). The GIL is released while the loop runs.
";

/// One family of kernels as Python sees it: its module, how it computes, and its published error
/// bounds (`None` for the exact kernels: 1 ulp).
struct Family {
    module: &'static str,
    how: &'static str,
    max_err: Option<[sigtab::table::MaxErr; 2]>,
}

const FAMILIES: [Family; 3] = [
    Family {
        module: "sigtab",
        how: "within 1 ulp",
        max_err: None,
    },
    Family {
        module: "sigtab.table",
        how: "by linear interpolation in a table over [-16, 16], the exact kernels in the tails",
        max_err: Some([
            sigtab::table::MAX_ERR_LINEAR_F32,
            sigtab::table::MAX_ERR_LINEAR_F64,
        ]),
    },
    Family {
        module: "sigtab.table.hermite",
        how: "by cubic Hermite interpolation in a table over [-16, 16], the exact kernels in the \
              tails",
        max_err: Some([
            sigtab::table::hermite::MAX_ERR_F32,
            sigtab::table::hermite::MAX_ERR_F64,
        ]),
    },
];

impl Family {
    /// The docstring of the family's ufunc `name` (a listed function's `python` name), with the
    /// error bounds of this build. Each function's docstring is written here, by its name: a
    /// listed function without one fails the import, and with it every Python test.
    fn doc(&self, name: &str) -> PyResult<&'static CStr> {
        let bound = |f: fn(&sigtab::table::MaxErr) -> f64| match self.max_err {
            None => String::new(),
            Some([e32, e64]) => format!(
                "\n\nAbsolute error within {:.3e} in float32 and {:.3e} in float64 (sigtab's\n\
                 published bounds at {} entries per unit, tested over every float32 and a\n\
                 float64 sample; ``MAX_ERR`` in this module).",
                f(&e32),
                f(&e64),
                sigtab::table::ENTRIES_PER_UNIT
            ),
        };
        let (how, path) = (self.how, self.module);
        let s = |e: &sigtab::table::MaxErr| e.sigmoid;
        let g = |e: &sigtab::table::MaxErr| e.sigmoid_grad;
        let doc = match name {
            "expit" => format!(
                "The logistic sigmoid ``1 / (1 + exp(-x))`` elementwise, {how}.{}\n\n\
                 Never overflows; ``expit(inf) = 1``, ``expit(-inf) = 0``, and the negative\n\
                 tail keeps its subnormals (``expit(-745.0) == 5e-324``; scipy flushes to 0\n\
                 below -709.79).\n{CONVENTIONS}\nExamples\n--------\n>>> import sigtab\n\
                 >>> float({path}.expit(0.0))\n0.5\n",
                bound(s)
            ),
            "expit_grad" => format!(
                "The derivative ``s(x) (1 - s(x))`` of the sigmoid, computed from ``x``, {how}.{}\n\n\
                 Exactly even, never overflows, keeps the tails: ``expit_grad(-500.0)`` is\n\
                 7.124576406741286e-218, where ``e / (1 + e)**2`` overflows and ``s (1 - s)``\n\
                 is 0. ``expit_grad(+-inf) = 0``.\n{CONVENTIONS}\nExamples\n--------\n\
                 >>> import sigtab\n>>> float({path}.expit_grad(0.0))\n0.25\n",
                bound(g)
            ),
            "expit_and_grad" => format!(
                "``(expit(x), expit_grad(x))`` from one evaluation, {how}.{}\n\n\
                 Bit for bit the two separate calls, cheaper than both. Two outputs: ``out``\n\
                 is a tuple of two arrays.\n{CONVENTIONS}\nExamples\n--------\n\
                 >>> import sigtab\n>>> [float(v) for v in {path}.expit_and_grad(0.0)]\n\
                 [0.5, 0.25]\n",
                match self.max_err {
                    None => "",
                    Some(_) => "\n\nAbsolute error: each output as ``expit`` and ``expit_grad``.",
                }
            ),
            other => {
                return Err(PyRuntimeError::new_err(format!(
                    "no docstring for the ufunc {other} (python/src/lib.rs, Family::doc)"
                )));
            }
        };
        Ok(leak(doc))
    }

    /// `{"expit": {"float32": e, "float64": e}, "expit_grad": {...}}`, or `None` when exact: the
    /// bound of every listed function of one output, by its Python name.
    fn max_err<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some([e32, e64]) = self.max_err else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        for (name, f) in for_each_function!(max_err_fields) {
            let per = PyDict::new(py);
            per.set_item("float32", f(&e32))?;
            per.set_item("float64", f(&e64))?;
            d.set_item(name, per)?;
        }
        Ok(Some(d))
    }
}

/// `(python name, MaxErr field)` of every listed function of one output. A callback of
/// `for_each_function!`.
macro_rules! max_err_fields {
    ([] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: { exact_ulps: $ulps:literal, table: [$($field:ident),+ $(,)?] $(,)? },
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        [$(max_err_fields!(@one ($i -> $o) $python [$($field),+])),*]
            .into_iter()
            .flatten()
    };
    (@one (1 -> 1) $python:ident [$field:ident]) => {
        Some((
            stringify!($python),
            (|e| e.$field) as fn(&sigtab::table::MaxErr) -> f64,
        ))
    };
    (@one $arity:tt $($rest:tt)*) => {
        None
    };
}
use max_err_fields;

/// A docstring kept for the life of the process (numpy keeps the pointer), made once per ufunc
/// at import.
fn leak(s: String) -> &'static CStr {
    let c = CString::new(s).unwrap_or_default();
    Box::leak(c.into_boxed_c_str())
}

/// Every ufunc: one per listed function (`src/registry.rs`) and family, named by its `python`
/// name, in the order of the list, family by family.
fn ufuncs(py: Python<'_>) -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
    let [exact, linear, hermite] = &FAMILIES;
    let mut all = Vec::new();
    for_each_function!(register, py, all, exact, exact);
    for_each_function!(register, py, all, linear, table);
    for_each_function!(register, py, all, hermite, hermite);
    Ok(all)
}

/// Pushes `(module, ufunc)` onto `$all` for every listed function in `$family` (a [`Family`]),
/// running the kernels of `kernels::$kernels`. A callback of `for_each_function!`.
macro_rules! register {
    ([$py:ident, $all:ident, $family:ident, $kernels:ident] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        $(register!(@one ($i -> $o) $py, $all, $family, kernels::$kernels::$kernel, $python);)*
    };
    (@one ($i:literal -> $o:literal) $py:ident, $all:ident, $family:ident, $k:ty, $python:ident) => {
        let doc = $family.doc(stringify!($python))?;
        $all.push(($family.module, kernel_ufunc!($py, stringify!($python), $k, $i -> $o, doc)?));
    };
}
use register;

/// The native module: `UFUNCS` (`{module: {name: ufunc}}`, each ufunc's `__module__` set to the
/// module that exports it where numpy allows it (2.x), so that pickle and dask find it),
/// `MAX_ERR` (`{module: {name: {dtype: bound}}}` for the table families), `BACKEND` and
/// `__version__`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let by_module = PyDict::new(py);
    for (module, ufunc) in ufuncs(py)? {
        // numpy 1.x ufuncs take no attributes: pickle then finds the ufunc by scanning the
        // imported modules, which finds the same one.
        if let Err(e) = ufunc.setattr("__module__", module)
            && !e.is_instance_of::<PyAttributeError>(py)
        {
            return Err(e);
        }
        let name = ufunc.getattr("__name__")?;
        let entry = match by_module.get_item(module)? {
            Some(d) => d.cast_into::<PyDict>()?,
            None => {
                let d = PyDict::new(py);
                by_module.set_item(module, &d)?;
                d
            }
        };
        entry.set_item(name, ufunc)?;
    }
    m.add("UFUNCS", by_module)?;
    let max_err = PyDict::new(py);
    for f in &FAMILIES {
        if let Some(d) = f.max_err(py)? {
            max_err.set_item(f.module, d)?;
        }
    }
    m.add("MAX_ERR", max_err)?;
    m.add("BACKEND", sigtab::Backend::detect().name())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
