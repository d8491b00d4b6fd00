//! numpy ufunc objects made by numpy's own C API (`PyUFunc_FromFuncAndData`, as scipy makes
//! `scipy.special.expit`), so that numpy does everything around the loop: type resolution and
//! casting, scalars, broadcasting, `out=`, `where=`, `dtype=`, `__array_ufunc__` dispatch, error
//! messages, and releasing the GIL.
//!
//! numpy keeps the pointers it is given (loop table, loop data, type signatures, name and doc),
//! so each ufunc's arrays are statics, made by [`kernel_ufunc!`] at the place of the call.

use std::cell::UnsafeCell;
use std::ffi::{CStr, c_char, c_int, c_void};

use numpy::npyffi::{NPY_TYPES, PY_UFUNC_API, PyUFuncGenericFunction, npy_intp};
use pyo3::prelude::*;

/// The type of an inner loop.
pub type LoopFn = unsafe extern "C" fn(*mut *mut c_char, *mut npy_intp, *mut npy_intp, *mut c_void);

/// numpy's `PyUFunc_None`: no identity (the ufuncs are not reductions).
const NO_IDENTITY: c_int = -1;

/// Loops per ufunc: float16, float32, float64, in the order numpy searches them, so that
/// integers and bools resolve to the smallest float that holds them, as for `np.exp`.
const LOOPS: usize = 3;
const ELEMENT_TYPES: [NPY_TYPES; LOOPS] = [
    NPY_TYPES::NPY_HALF,
    NPY_TYPES::NPY_FLOAT,
    NPY_TYPES::NPY_DOUBLE,
];

/// Memory handed to numpy, which holds a mutable pointer to it for the life of the process.
/// Rust never reads or writes it after the ufunc is made.
pub struct Shared<T>(UnsafeCell<T>);

// SAFETY: after construction only numpy touches the contents, through the pointer it was given,
// and it only reads them (sigtab never calls the C API functions that replace loops).
unsafe impl<T> Sync for Shared<T> {}

impl<T> Shared<T> {
    const fn new(v: T) -> Self {
        Shared(UnsafeCell::new(v))
    }
}

/// The static tables of one ufunc with `ARGS = nin + nout` operands and `TYPES = 3 * ARGS`
/// signature entries (every operand of loop `i` has the element type `ELEMENT_TYPES[i]`).
pub struct Tables<const TYPES: usize> {
    funcs: Shared<[PyUFuncGenericFunction; LOOPS]>,
    data: Shared<[*mut c_void; LOOPS]>,
    types: Shared<[c_char; TYPES]>,
}

impl<const TYPES: usize> Tables<TYPES> {
    /// The tables for loops `[float16, float32, float64]`.
    pub const fn new(loops: [LoopFn; LOOPS]) -> Self {
        let args = TYPES / LOOPS;
        let mut types = [0 as c_char; TYPES];
        let mut i = 0;
        while i < TYPES {
            types[i] = ELEMENT_TYPES[i / args] as c_char;
            i += 1;
        }
        Tables {
            funcs: Shared::new([Some(loops[0]), Some(loops[1]), Some(loops[2])]),
            data: Shared::new([std::ptr::null_mut(); LOOPS]),
            types: Shared::new(types),
        }
    }

    /// A new ufunc running these loops.
    pub fn ufunc<'py>(
        &'static self,
        py: Python<'py>,
        nin: c_int,
        name: &'static CStr,
        doc: &'static CStr,
    ) -> PyResult<Bound<'py, PyAny>> {
        let nout = (TYPES / LOOPS) as c_int - nin;
        // SAFETY: every pointer is to a static (the tables, the name and the doc), so it stays
        // valid for as long as numpy keeps it; `funcs`, `data` and `types` hold LOOPS,
        // LOOPS and LOOPS * (nin + nout) entries, as the counts passed say. The loops read
        // nin + nout operands of their element type, which is what the signatures declare.
        unsafe {
            let ufunc = PY_UFUNC_API.PyUFunc_FromFuncAndData(
                py,
                self.funcs.0.get().cast(),
                self.data.0.get().cast(),
                self.types.0.get().cast(),
                LOOPS as c_int,
                nin,
                nout,
                NO_IDENTITY,
                name.as_ptr(),
                doc.as_ptr(),
                0,
            );
            Bound::from_owned_ptr_or_err(py, ufunc)
        }
    }
}

/// A `&'static CStr` from string literals (the ufunc names: literals, or `stringify!`).
macro_rules! cstr {
    ($($s:expr),+ $(,)?) => {{
        const C: &::std::ffi::CStr =
            match ::std::ffi::CStr::from_bytes_with_nul(concat!($($s),+, "\0").as_bytes()) {
                Ok(c) => c,
                Err(_) => panic!("a ufunc name or doc holds a NUL byte"),
            };
        C
    }};
}
pub(crate) use cstr;

/// A ufunc of `$i` inputs and `$o` outputs (literals) running the kernel `$k`, a
/// `kernels::Kernel<$i, $o>`.
macro_rules! kernel_ufunc {
    ($py:expr, $name:expr, $k:ty, $i:literal -> $o:literal, $doc:expr) => {{
        static TABLES: $crate::ufunc::Tables<{ 3 * ($i + $o) }> = $crate::ufunc::Tables::new([
            $crate::loops::kernel_loop::<half::f16, $k, $i, $o>,
            $crate::loops::kernel_loop::<f32, $k, $i, $o>,
            $crate::loops::kernel_loop::<f64, $k, $i, $o>,
        ]);
        TABLES.ufunc($py, $i, $crate::ufunc::cstr!($name), $doc)
    }};
}
pub(crate) use kernel_ufunc;
