//! The native half of the `sigtab` Python package: numpy ufuncs over sigtab's slice kernels.
//!
//! - `kernels.rs`: the kernels, one type per slice function.
//! - `loops.rs`: numpy inner loops over them (contiguous, in place, strided, float16).
//! - `ufunc.rs`: ufunc objects from numpy's C API, with their tables in statics.
//! - here: the list of ufuncs, one line each, and the module.

mod kernels;
mod loops;
mod ufunc;

use kernels::*;
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::ffi::{CStr, CString};
use ufunc::{unary_pair_ufunc, unary_ufunc};

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
    /// The docstrings of the family's three ufuncs, with the error bounds of this build.
    fn docs(&self) -> [&'static CStr; 3] {
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
        [
            format!(
                "The logistic sigmoid ``1 / (1 + exp(-x))`` elementwise, {how}.{}\n\n\
                 Never overflows; ``expit(inf) = 1``, ``expit(-inf) = 0``, and the negative\n\
                 tail keeps its subnormals (``expit(-745.0) == 5e-324``; scipy flushes to 0\n\
                 below -709.79).\n{CONVENTIONS}\nExamples\n--------\n>>> import sigtab\n\
                 >>> float({path}.expit(0.0))\n0.5\n",
                bound(s)
            ),
            format!(
                "The derivative ``s(x) (1 - s(x))`` of the sigmoid, computed from ``x``, {how}.{}\n\n\
                 Exactly even, never overflows, keeps the tails: ``expit_grad(-500.0)`` is\n\
                 7.124576406741286e-218, where ``e / (1 + e)**2`` overflows and ``s (1 - s)``\n\
                 is 0. ``expit_grad(+-inf) = 0``.\n{CONVENTIONS}\nExamples\n--------\n\
                 >>> import sigtab\n>>> float({path}.expit_grad(0.0))\n0.25\n",
                bound(g)
            ),
            format!(
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
        ]
        .map(leak)
    }

    /// `{"expit": {"float32": e, "float64": e}, "expit_grad": {...}}`, or `None` when exact.
    fn max_err<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some([e32, e64]) = self.max_err else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        for (name, f) in [
            (
                "expit",
                (|e: &sigtab::table::MaxErr| e.sigmoid) as fn(&_) -> f64,
            ),
            ("expit_grad", |e: &sigtab::table::MaxErr| e.sigmoid_grad),
        ] {
            let per = PyDict::new(py);
            per.set_item("float32", f(&e32))?;
            per.set_item("float64", f(&e64))?;
            d.set_item(name, per)?;
        }
        Ok(Some(d))
    }
}

/// A docstring kept for the life of the process (numpy keeps the pointer), made once per ufunc
/// at import.
fn leak(s: String) -> &'static CStr {
    let c = CString::new(s).unwrap_or_default();
    Box::leak(c.into_boxed_c_str())
}

/// Every ufunc, one line each: its family (module, docs) and the ufunc (name, shape, kernel and
/// doc). A new function is one line here, one in `kernels.rs` and one in `sigtab/*.pyi`.
fn ufuncs(py: Python<'_>) -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
    let [exact, linear, hermite] = &FAMILIES;
    let [expit, grad, both] = exact.docs();
    let [t_expit, t_grad, t_both] = linear.docs();
    let [h_expit, h_grad, h_both] = hermite.docs();
    let (e, t, h) = (exact.module, linear.module, hermite.module);
    Ok(vec![
        (e, unary_ufunc!(py, "expit", ExactSigmoid, expit)?),
        (e, unary_ufunc!(py, "expit_grad", ExactGrad, grad)?),
        (e, unary_pair_ufunc!(py, "expit_and_grad", ExactBoth, both)?),
        (t, unary_ufunc!(py, "expit", LinearSigmoid, t_expit)?),
        (t, unary_ufunc!(py, "expit_grad", LinearGrad, t_grad)?),
        (
            t,
            unary_pair_ufunc!(py, "expit_and_grad", LinearBoth, t_both)?,
        ),
        (h, unary_ufunc!(py, "expit", HermiteSigmoid, h_expit)?),
        (h, unary_ufunc!(py, "expit_grad", HermiteGrad, h_grad)?),
        (
            h,
            unary_pair_ufunc!(py, "expit_and_grad", HermiteBoth, h_both)?,
        ),
    ])
}

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
