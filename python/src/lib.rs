//! The native half of the `sigtab` Python package: numpy ufuncs over sigtab's slice kernels.
//!
//! - `kernels.rs`: the kernels, one type per function of sigtab's list (`src/registry.rs`) and
//!   family.
//! - `loops.rs`: one generic numpy inner loop over them, for any count of inputs and outputs
//!   (contiguous, in place, strided, broadcast, float16).
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

/// The parameters of `expit`, `expit_grad`, `expit_and_grad`: one input, computed in float64 as
/// `scipy.special.expit` does.
const X_EXPIT: &str = "x : array_like
    float16, float32 or float64, any shape and strides. Other inputs are cast
    as for numpy's own float ufuncs such as ``np.exp``: bools and integers to
    the smallest float that holds them (int8 to float16, int16 to float32,
    wider to float64), Python floats to float64; pass ``dtype=np.float64`` to
    compute in float64 as ``scipy.special.expit`` does. Complex, object,
    string and longdouble inputs raise TypeError.
out, where, casting, order, dtype, subok
    numpy's ufunc keywords (``out=x`` works in place).";

/// The parameters of `log_expit`.
const X_LOG_EXPIT: &str = "x : array_like
    float16, float32 or float64, any shape and strides. Other inputs are cast
    as for numpy's own float ufuncs such as ``np.exp``: bools and integers to
    the smallest float that holds them (int8 to float16, int16 to float32,
    wider to float64), Python floats to float64; pass ``dtype=np.float64`` to
    compute in float64 as ``scipy.special.log_expit`` does. Complex, object,
    string and longdouble inputs raise TypeError.
out, where, casting, order, dtype, subok
    numpy's ufunc keywords (``out=x`` works in place).";

/// The parameters of `logit`.
const P_LOGIT: &str = "p : array_like
    Probabilities. float16, float32 or float64, any shape and strides. Other
    inputs are cast as for numpy's own float ufuncs such as ``np.exp``: bools
    and integers to the smallest float that holds them (int8 to float16,
    int16 to float32, wider to float64), Python floats to float64; pass
    ``dtype=np.float64`` to compute in float64 as ``scipy.special.logit``
    does. Complex, object, string and longdouble inputs raise TypeError.
out, where, casting, order, dtype, subok
    numpy's ufunc keywords (``out=p`` works in place). numpy's signature
    line above names ``p`` ``x``: it is positional.";

/// The parameters of a function of one input `x` with no scipy equivalent.
const X_PLAIN: &str = "x : array_like
    float16, float32 or float64, any shape and strides. Other inputs are cast
    as for numpy's own float ufuncs such as ``np.exp``: bools and integers to
    the smallest float that holds them (int8 to float16, int16 to float32,
    wider to float64), Python floats to float64; pass ``dtype=np.float64`` to
    compute in float64. Complex, object, string and longdouble inputs raise
    TypeError.
out, where, casting, order, dtype, subok
    numpy's ufunc keywords (``out=x`` works in place).";

/// The parameters of the loss: two inputs, broadcast together.
const X_TARGET: &str = "x : array_like
    The logits. float16, float32 or float64, any shape and strides.
target : array_like
    The targets, probabilities in [0, 1] (soft labels allowed), broadcast
    against ``x`` as by any binary ufunc: a scalar target applies to every
    ``x``, a column of targets to every row. The two inputs resolve to one
    float dtype as in ``np.add`` of floats: the wider of the two (float32
    logits with float64 targets compute in float64); bools and integers to
    the smallest float that holds them (int8 to float16, int16 to float32,
    wider to float64); a Python float takes the other input's dtype (numpy
    2). Pass ``dtype=np.float64`` to compute in float64. Complex, object,
    string and longdouble inputs raise TypeError.
out, where, casting, order, dtype, subok
    numpy's ufunc keywords (``out=x`` or ``out=target`` works in place).
    numpy's signature line above names ``x`` and ``target`` ``x1`` and
    ``x2``: they are positional.";

/// What every docstring says after its summary: `params`, then the results, special values and
/// the GIL.
fn conventions(params: &str) -> String {
    format!(
        "
Parameters
----------
{params}

Returns
-------
ndarray or numpy scalar of the resolved float dtype. float16 is computed
in float32 and rounded once (within 1 float16 ulp).

Notes
-----
NaN gives NaN; sigtab's loops raise no floating-point warning (every input
has a defined result). The GIL is released while the loop runs.
"
    )
}

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
        let conventions = conventions(match name {
            "log_expit" => X_LOG_EXPIT,
            "logit" => P_LOGIT,
            "softplus" | "silu" | "silu_grad" => X_PLAIN,
            "binary_cross_entropy_with_logits" => X_TARGET,
            _ => X_EXPIT,
        });
        let doc = match name {
            "expit" => format!(
                "The logistic sigmoid ``1 / (1 + exp(-x))`` elementwise, {how}.{}\n\n\
                 Never overflows; ``expit(inf) = 1``, ``expit(-inf) = 0``, and the negative\n\
                 tail keeps its subnormals (``expit(-745.0) == 5e-324``; scipy flushes to 0\n\
                 below -709.79).\n{conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> float({path}.expit(0.0))\n0.5\n",
                bound(s)
            ),
            "expit_grad" => format!(
                "The derivative ``s(x) (1 - s(x))`` of the sigmoid, computed from ``x``, {how}.{}\n\n\
                 Exactly even, never overflows, keeps the tails: ``expit_grad(-500.0)`` is\n\
                 7.124576406741286e-218, where ``e / (1 + e)**2`` overflows and ``s (1 - s)``\n\
                 is 0. ``expit_grad(+-inf) = 0``.\n{conventions}\nExamples\n--------\n\
                 >>> import sigtab\n>>> float({path}.expit_grad(0.0))\n0.25\n",
                bound(g)
            ),
            "expit_and_grad" => format!(
                "``(expit(x), expit_grad(x))`` from one evaluation, {how}.{}\n\n\
                 Bit for bit the two separate calls, cheaper than both. Two outputs: ``out``\n\
                 is a tuple of two arrays.\n{conventions}\nExamples\n--------\n\
                 >>> import sigtab\n>>> [float(v) for v in {path}.expit_and_grad(0.0)]\n\
                 [0.5, 0.25]\n",
                match self.max_err {
                    None => "",
                    Some(_) => "\n\nAbsolute error: each output as ``expit`` and ``expit_grad``.",
                }
            ),
            "log_expit" => format!(
                "The log of the logistic sigmoid, ``log(1 / (1 + exp(-x)))`` elementwise,\n\
                 {how}.\n\n\
                 The function of ``scipy.special.log_expit``, ``-softplus(-x)``: equal to\n\
                 ``-log1p(exp(-x))``, and to ``x - log1p(exp(x))``, the form that does not\n\
                 overflow below 0. Never overflows and keeps the tails:\n\
                 ``log_expit(-1000.0) == -1000.0``, where ``np.log(scipy.special.expit(x))``\n\
                 is ``-inf`` below -709.79; ``log_expit(-inf) = -inf``,\n\
                 ``log_expit(inf) = -0.0``.\n\
                 {conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> float({path}.log_expit(-1000.0))\n-1000.0\n"
            ),
            "softplus" => format!(
                "The softplus ``log(1 + exp(x))`` elementwise, {how}.\n\n\
                 The function of ``np.logaddexp(0, x)``, ``jax.nn.softplus`` and\n\
                 ``torch.nn.functional.softplus`` (which returns ``x`` above its threshold,\n\
                 20): ``log1p(exp(x)) = max(x, 0) + log1p(exp(-|x|))``, the antiderivative\n\
                 of the sigmoid. Never overflows: ``softplus(1000.0) == 1000.0``, where\n\
                 ``np.log1p(np.exp(x))`` is inf above 709.78; the negative tail keeps its\n\
                 subnormals (``softplus(-745.0) == 5e-324``). ``softplus(inf) = inf``,\n\
                 ``softplus(-inf) = 0``.\n\
                 {conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> [float(v) for v in {path}.softplus([1000.0, -745.0])]\n\
                 [1000.0, 5e-324]\n"
            ),
            "logit" => format!(
                "The logit ``log(p / (1 - p))`` elementwise, the inverse of ``expit``,\n\
                 {how}.\n\n\
                 The function and conventions of ``scipy.special.logit``: ``logit(0) = -inf``,\n\
                 ``logit(1) = inf``, ``logit(0.5) = 0``, and ``p`` outside [0, 1] gives NaN,\n\
                 all without a warning. Within 1 ulp near 0.5 too, where ``log(p / (1 - p))``\n\
                 loses digits to cancellation, and near 0 and 1 (``logit(1e-300)`` is\n\
                 -690.78).\n\
                 {conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> [float(v) for v in {path}.logit([0.0, 0.5, 1.0, 2.0])]\n\
                 [-inf, 0.0, inf, nan]\n"
            ),
            "silu" => format!(
                "The SiLU (sigmoid-weighted linear unit, or swish) ``x * expit(x)``\n\
                 elementwise, {how}.\n\n\
                 The activation of ``torch.nn.functional.silu`` and ``jax.nn.silu``\n\
                 (Elfwing, Uchibe and Doya 2018; Hendrycks and Gimpel 2016).\n\
                 ``silu(inf) = inf``, ``silu(-inf) = -0.0`` (the limit, where\n\
                 ``x / (1 + exp(-x))`` is NaN); the negative tail keeps its subnormals.\n\
                 {conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> [float(v) for v in {path}.silu([0.0, float(\"inf\")])]\n\
                 [0.0, inf]\n"
            ),
            "silu_grad" => format!(
                "The derivative of the SiLU, ``s(x) (1 + x (1 - s(x)))`` with ``s = expit``,\n\
                 computed from ``x``, {how}.\n\n\
                 ``d/dx (x s(x)) = s(x) + x s'(x)`` with ``s' = s (1 - s)``. Within 1 ulp\n\
                 across its zero at x = -1.2785 too, where the formula cancels.\n\
                 ``silu_grad(inf) = 1``, ``silu_grad(-inf) = -0.0`` (the limit, where the\n\
                 formula is NaN); its maximum is 1.0998 at x = 2.3994.\n\
                 {conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> float({path}.silu_grad(0.0))\n0.5\n"
            ),
            "binary_cross_entropy_with_logits" => format!(
                "The binary cross-entropy of the logit ``x`` against ``target``,\n\
                 ``target * softplus(-x) + (1 - target) * softplus(x)`` elementwise, within\n\
                 2 ulp for targets in [0, 1].\n\n\
                 The loss of ``expit(x)`` as a prediction of ``target``,\n\
                 ``-(t log s + (1 - t) log(1 - s))`` with ``s = expit(x)``, computed from ``x``\n\
                 without forming ``s``: the loss of\n\
                 ``torch.nn.functional.binary_cross_entropy_with_logits(x, target,\n\
                 reduction=\"none\")`` and ``tf.nn.sigmoid_cross_entropy_with_logits``\n\
                 (``max(x, 0) - x t + log1p(exp(-|x|))``). Finite where the naive form is\n\
                 inf or NaN: ``binary_cross_entropy_with_logits(1000.0, 0.0) == 1000.0``. A\n\
                 term whose weight is 0 is 0, even where its softplus is infinite: at\n\
                 ``x = inf`` the loss is 0 for target 1 and inf for any other target in\n\
                 [0, 1), at ``x = -inf`` 0 for target 0 and inf otherwise. Average the result\n\
                 for torch's default ``reduction=\"mean\"``.\n\
                 {conventions}\nExamples\n--------\n>>> import sigtab\n\
                 >>> loss = {path}.binary_cross_entropy_with_logits\n\
                 >>> [float(v) for v in loss([1000.0, -1000.0, float(\"inf\")], [0.0, 0.0, 1.0])]\n\
                 [1000.0, 0.0, 0.0]\n"
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
        let add = |name: &str, f: fn(&sigtab::table::MaxErr) -> f64| -> PyResult<()> {
            let per = PyDict::new(py);
            per.set_item("float32", f(&e32))?;
            per.set_item("float64", f(&e64))?;
            d.set_item(name, per)
        };
        for_each_function!(tables: max_err_fields, add);
        Ok(Some(d))
    }
}

/// Calls `$add(python name, MaxErr field)?` for every listed function of one output with table
/// kernels. A callback of `for_each_function!(tables: ...)`, in statement position.
macro_rules! max_err_fields {
    ([$add:ident] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: { exact_ulps: $ulps:literal, table: [$($field:ident),+ $(,)?] $(,)? },
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        $(max_err_fields!(@one ($i -> $o) $add $python [$($field),+]);)*
    };
    (@one (1 -> 1) $add:ident $python:ident [$field:ident]) => {
        $add(stringify!($python), |e| e.$field)?;
    };
    (@one $arity:tt $($rest:tt)*) => {};
}
use max_err_fields;

/// A docstring kept for the life of the process (numpy keeps the pointer), made once per ufunc
/// at import.
fn leak(s: String) -> &'static CStr {
    let c = CString::new(s).unwrap_or_default();
    Box::leak(c.into_boxed_c_str())
}

/// Every ufunc: one per listed function (`src/registry.rs`) and family, named by its `python`
/// name, in the order of the list, family by family. The table families have only the functions
/// with table kernels (`for_each_function!(tables: ...)`); the exact-only ones (`table: none`:
/// the logistic family beyond the sigmoid) are in `sigtab` alone.
fn ufuncs(py: Python<'_>) -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
    let [exact, linear, hermite] = &FAMILIES;
    let mut all = Vec::new();
    for_each_function!(register, py, all, exact, exact);
    for_each_function!(tables: register, py, all, linear, table);
    for_each_function!(tables: register, py, all, hermite, hermite);
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
