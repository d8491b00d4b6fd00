//! numpy inner loops over sigtab's slice kernels, one generic loop per shape (one input to one
//! output, one input to two outputs), instantiated for every element type and kernel.
//!
//! numpy calls a loop with `args` (one pointer per operand), `dims[0]` (the element count) and
//! `steps` (one byte stride per operand, possibly 0 or negative). The loops:
//! - hand contiguous, aligned, non-overlapping runs straight to the slice kernels;
//! - use the in-place kernel when the output is the input (`out=x`), never a shared and a mutable
//!   slice over one buffer;
//! - copy anything else (strides, broadcasts, float16, overlaps) through small stack buffers with
//!   unaligned reads and writes;
//! - never panic (an `extern "C"` function cannot unwind): every index is below a length checked
//!   just before, and the slice kernels are only handed slices of equal length;
//! - clear the floating-point exception flags the kernels leave behind (a NaN input reaching a
//!   compare sets "invalid", a table's index of a huge input sets "overflow"): every input has a
//!   defined result, so numpy must not warn about it.

use std::ffi::{c_char, c_void};
use std::mem::size_of;
use std::ptr;

use half::f16;
use half::slice::HalfFloatSliceExt;
use numpy::npyffi::npy_intp;
use sigtab::Float;

use crate::kernels::{Unary, UnaryPair};

/// Elements per step of the buffered path: three buffers of at most 2 KiB on the stack.
const BLOCK: usize = 256;
/// The buffer size for calls of at most this many elements (scalars, 0-d arrays, broadcasts of
/// a scalar, which numpy passes with step 0): zeroing the large buffers would cost more than the
/// kernel (60 ns on a Python float, measured).
const SMALL: usize = 8;

/// An element type numpy hands a loop, and the precision the kernels compute it in.
pub trait Elem: Copy + Default + 'static {
    /// The kernels' precision: `Self` for float32 and float64, f32 for float16.
    type Calc: Float;
    /// `Some(x)` when `Self` is `Calc` (contiguous runs go to the kernels as they are).
    fn direct(x: &[Self]) -> Option<&[Self::Calc]>;
    /// As [`Elem::direct`], for an output or an in-place run.
    fn direct_mut(x: &mut [Self]) -> Option<&mut [Self::Calc]>;
    /// `self` in the kernels' precision.
    fn to_calc(self) -> Self::Calc;
    /// `v` rounded once to `Self`.
    fn from_calc(v: Self::Calc) -> Self;
    /// `dst[i] = src[i]` in the kernels' precision (lengths equal).
    fn widen(src: &[Self], dst: &mut [Self::Calc]);
    /// `dst[i] = src[i]` rounded once to `Self` (lengths equal).
    fn narrow(src: &[Self::Calc], dst: &mut [Self]);
}

macro_rules! native_elem {
    ($t:ty) => {
        impl Elem for $t {
            type Calc = $t;
            #[inline]
            fn direct(x: &[$t]) -> Option<&[$t]> {
                Some(x)
            }
            #[inline]
            fn direct_mut(x: &mut [$t]) -> Option<&mut [$t]> {
                Some(x)
            }
            #[inline]
            fn to_calc(self) -> $t {
                self
            }
            #[inline]
            fn from_calc(v: $t) -> $t {
                v
            }
            #[inline]
            fn widen(src: &[$t], dst: &mut [$t]) {
                dst.copy_from_slice(src)
            }
            #[inline]
            fn narrow(src: &[$t], dst: &mut [$t]) {
                dst.copy_from_slice(src)
            }
        }
    };
}
native_elem!(f32);
native_elem!(f64);

/// float16 through the f32 kernels, rounded once (as `sigtab::half` does).
impl Elem for f16 {
    type Calc = f32;
    #[inline]
    fn direct(_: &[f16]) -> Option<&[f32]> {
        None
    }
    #[inline]
    fn direct_mut(_: &mut [f16]) -> Option<&mut [f32]> {
        None
    }
    #[inline]
    fn to_calc(self) -> f32 {
        self.to_f32()
    }
    #[inline]
    fn from_calc(v: f32) -> f16 {
        f16::from_f32(v)
    }
    #[inline]
    fn widen(src: &[f16], dst: &mut [f32]) {
        src.convert_to_f32_slice(dst)
    }
    #[inline]
    fn narrow(src: &[f32], dst: &mut [f16]) {
        dst.convert_from_f32_slice(src)
    }
}

/// One operand of a loop call: its first element and byte stride.
#[derive(Clone, Copy)]
struct Operand {
    ptr: *mut c_char,
    step: isize,
}

impl Operand {
    /// Operand `i` of a loop call.
    ///
    /// # Safety
    /// `args` and `steps` must hold at least `i + 1` entries (numpy passes `nin + nout`).
    unsafe fn nth(args: *mut *mut c_char, steps: *mut npy_intp, i: usize) -> Operand {
        // SAFETY: the caller guarantees both arrays have an entry `i`.
        unsafe {
            Operand {
                ptr: *args.add(i),
                step: *steps.add(i),
            }
        }
    }

    /// Whether the operand's `n` elements of `E` lie one after the other, aligned for `E`.
    fn contiguous<E>(self) -> bool {
        self.step == size_of::<E>() as isize && self.ptr.align_offset(align_of::<E>()) == 0
    }

    /// The byte range of `n` contiguous elements of `E`.
    fn range<E>(self, n: usize) -> (usize, usize) {
        let start = self.ptr as usize;
        (start, start.wrapping_add(n.wrapping_mul(size_of::<E>())))
    }

    /// Element `i`'s address.
    fn at(self, i: usize) -> *mut c_char {
        self.ptr
            .wrapping_offset((i as isize).wrapping_mul(self.step))
    }

    /// Reads `dst.len()` elements from element `first` on.
    ///
    /// # Safety
    /// Elements `first .. first + dst.len()` of the operand must be readable.
    unsafe fn gather<E: Copy>(self, first: usize, dst: &mut [E]) {
        for (j, d) in dst.iter_mut().enumerate() {
            // SAFETY: in the operand's elements, by the caller's contract; unaligned reads
            // need no alignment.
            *d = unsafe { ptr::read_unaligned(self.at(first + j) as *const E) };
        }
    }

    /// Writes `src` to elements `first ..` on.
    ///
    /// # Safety
    /// Elements `first .. first + src.len()` of the operand must be writable.
    unsafe fn scatter<E: Copy>(self, first: usize, src: &[E]) {
        for (j, &s) in src.iter().enumerate() {
            // SAFETY: as in `gather`, for writing.
            unsafe { ptr::write_unaligned(self.at(first + j) as *mut E, s) };
        }
    }
}

/// Whether two byte ranges share no byte.
fn disjoint((a0, a1): (usize, usize), (b0, b1): (usize, usize)) -> bool {
    a1 <= b0 || b1 <= a0
}

/// The element count of a loop call (numpy never passes a negative one).
///
/// # Safety
/// `dims` must point to at least one `npy_intp`.
unsafe fn count(dims: *mut npy_intp) -> usize {
    // SAFETY: the caller's contract.
    usize::try_from(unsafe { *dims }).unwrap_or(0)
}

/// `out = K(x)` elementwise: numpy's `PyUFuncGenericFunction` for one input and one output.
///
/// # Safety
/// Called by numpy only, with two operands of element type `E` and `dims[0]` elements each.
pub unsafe extern "C" fn unary<E: Elem, K: Unary>(
    args: *mut *mut c_char,
    dims: *mut npy_intp,
    steps: *mut npy_intp,
    _data: *mut c_void,
) {
    // SAFETY: forwarded from numpy's call, as this function's own contract says.
    unsafe { unary_run::<E, K>(args, dims, steps) };
    clear_fp_status();
}

/// The body of [`unary`], which clears the status flags after any of its returns.
///
/// # Safety
/// As [`unary`].
unsafe fn unary_run<E: Elem, K: Unary>(
    args: *mut *mut c_char,
    dims: *mut npy_intp,
    steps: *mut npy_intp,
) {
    // SAFETY: numpy passes one count and two operands (nin + nout = 2).
    let (n, x, out) = unsafe {
        (
            count(dims),
            Operand::nth(args, steps, 0),
            Operand::nth(args, steps, 1),
        )
    };
    if n == 0 {
        return;
    }
    if n == 1 {
        // A scalar, a 0-d array or one element: the scalar function, without the slice
        // machinery (the same bits as a slice element).
        // SAFETY: one readable and one writable element; unaligned accesses need no alignment.
        unsafe {
            let v = ptr::read_unaligned(x.ptr as *const E);
            ptr::write_unaligned(out.ptr as *mut E, E::from_calc(K::one(v.to_calc())));
        }
        return;
    }
    if x.contiguous::<E>() && out.contiguous::<E>() {
        if x.ptr == out.ptr {
            // SAFETY: `out` is `x` (`out=x`): n aligned, contiguous, writable elements, and
            // this is the only slice made over them.
            let xs = unsafe { std::slice::from_raw_parts_mut(out.ptr as *mut E, n) };
            if let Some(xs) = E::direct_mut(xs) {
                K::in_place(xs);
                return;
            }
        } else if disjoint(x.range::<E>(n), out.range::<E>(n)) {
            // SAFETY: n aligned contiguous elements each; the two ranges share no byte, so the
            // shared and the mutable slice do not alias.
            let (xs, os) = unsafe {
                (
                    std::slice::from_raw_parts(x.ptr as *const E, n),
                    std::slice::from_raw_parts_mut(out.ptr as *mut E, n),
                )
            };
            if let (Some(xs), Some(os)) = (E::direct(xs), E::direct_mut(os)) {
                K::map(xs, os);
                return;
            }
        }
    }
    // SAFETY: the operands hold n elements of E each (numpy's contract).
    unsafe {
        if n <= SMALL {
            buffered::<E, K, SMALL>(x, out, n)
        } else {
            buffered::<E, K, BLOCK>(x, out, n)
        }
    }
}

/// `out = K(x)` through stack buffers of `B` elements, for any strides (0 included), alignment,
/// overlap, and for element types the kernels do not compute in directly.
///
/// # Safety
/// `x` must hold `n` readable and `out` `n` writable elements of `E`.
unsafe fn buffered<E: Elem, K: Unary, const B: usize>(x: Operand, out: Operand, n: usize) {
    let (mut e, mut a, mut b) = (
        [E::default(); B],
        [E::Calc::default(); B],
        [E::Calc::default(); B],
    );
    let mut i = 0;
    while i < n {
        let m = (n - i).min(B);
        // SAFETY: elements i .. i + m < n of each operand, valid by the caller's contract; the
        // block is read whole before any of it is written, so `out` may be `x`.
        unsafe { x.gather(i, &mut e[..m]) };
        E::widen(&e[..m], &mut a[..m]);
        K::map(&a[..m], &mut b[..m]);
        E::narrow(&b[..m], &mut e[..m]);
        // SAFETY: as above.
        unsafe { out.scatter(i, &e[..m]) };
        i += m;
    }
}

/// `(y, dy) = K(x)` elementwise: the loop for one input and two outputs.
///
/// # Safety
/// Called by numpy only, with three operands of element type `E` and `dims[0]` elements each.
pub unsafe extern "C" fn unary_pair<E: Elem, K: UnaryPair>(
    args: *mut *mut c_char,
    dims: *mut npy_intp,
    steps: *mut npy_intp,
    _data: *mut c_void,
) {
    // SAFETY: forwarded from numpy's call, as this function's own contract says.
    unsafe { unary_pair_run::<E, K>(args, dims, steps) };
    clear_fp_status();
}

/// The body of [`unary_pair`], which clears the status flags after any of its returns.
///
/// # Safety
/// As [`unary_pair`].
unsafe fn unary_pair_run<E: Elem, K: UnaryPair>(
    args: *mut *mut c_char,
    dims: *mut npy_intp,
    steps: *mut npy_intp,
) {
    // SAFETY: numpy passes one count and three operands (nin + nout = 3).
    let (n, x, y, dy) = unsafe {
        (
            count(dims),
            Operand::nth(args, steps, 0),
            Operand::nth(args, steps, 1),
            Operand::nth(args, steps, 2),
        )
    };
    if n == 0 {
        return;
    }
    if n == 1 {
        // As in `unary`.
        // SAFETY: one readable and two writable elements; the input is read first.
        unsafe {
            let (s, g) = K::one(ptr::read_unaligned(x.ptr as *const E).to_calc());
            ptr::write_unaligned(y.ptr as *mut E, E::from_calc(s));
            ptr::write_unaligned(dy.ptr as *mut E, E::from_calc(g));
        }
        return;
    }
    let (rx, ry, rd) = (x.range::<E>(n), y.range::<E>(n), dy.range::<E>(n));
    if [x, y, dy].iter().all(|o| o.contiguous::<E>())
        && disjoint(rx, ry)
        && disjoint(rx, rd)
        && disjoint(ry, rd)
    {
        // SAFETY: n aligned contiguous elements each, in three ranges that share no byte.
        let (xs, ys, ds) = unsafe {
            (
                std::slice::from_raw_parts(x.ptr as *const E, n),
                std::slice::from_raw_parts_mut(y.ptr as *mut E, n),
                std::slice::from_raw_parts_mut(dy.ptr as *mut E, n),
            )
        };
        if let (Some(xs), Some(ys), Some(ds)) =
            (E::direct(xs), E::direct_mut(ys), E::direct_mut(ds))
        {
            K::map2(xs, ys, ds);
            return;
        }
    }
    // SAFETY: the operands hold n elements of E each (numpy's contract).
    unsafe {
        if n <= SMALL {
            buffered_pair::<E, K, SMALL>(x, y, dy, n)
        } else {
            buffered_pair::<E, K, BLOCK>(x, y, dy, n)
        }
    }
}

/// `(y, dy) = K(x)` through stack buffers of `B` elements, as [`buffered`].
///
/// # Safety
/// `x` must hold `n` readable, `y` and `dy` `n` writable elements of `E`.
unsafe fn buffered_pair<E: Elem, K: UnaryPair, const B: usize>(
    x: Operand,
    y: Operand,
    dy: Operand,
    n: usize,
) {
    let mut e = [E::default(); B];
    let (mut a, mut b, mut c) = (
        [E::Calc::default(); B],
        [E::Calc::default(); B],
        [E::Calc::default(); B],
    );
    let mut i = 0;
    while i < n {
        let m = (n - i).min(B);
        // SAFETY: elements i .. i + m < n of each operand, valid by the caller's contract; the
        // input block is read whole before either output is written, so an output may be the
        // input.
        unsafe { x.gather(i, &mut e[..m]) };
        E::widen(&e[..m], &mut a[..m]);
        K::map2(&a[..m], &mut b[..m], &mut c[..m]);
        E::narrow(&b[..m], &mut e[..m]);
        // SAFETY: as above.
        unsafe { y.scatter(i, &e[..m]) };
        E::narrow(&c[..m], &mut e[..m]);
        // SAFETY: as above.
        unsafe { dy.scatter(i, &e[..m]) };
        i += m;
    }
}

/// Clears the sticky floating-point exception flags, which numpy reads after a loop to raise its
/// warnings. sigtab's kernels give every input a defined result; the flags they leave are
/// artefacts of branch-free SIMD code (both sides of a select are computed, and compares and
/// conversions of NaN signal "invalid"). Only the flags numpy reads are cleared (invalid,
/// divide-by-zero, overflow, underflow), and only when one is set: "inexact", which nearly every
/// call sets, is left alone, since writing the status register on every call would cost about
/// 40 ns (measured on a Python float).
#[inline]
fn clear_fp_status() {
    #[cfg(target_arch = "x86_64")]
    #[allow(deprecated)]
    // Deprecated for changing the rounding mode; only the flags change here.
    {
        use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
        /// MXCSR bits 0, 2, 3, 4: invalid, divide-by-zero, overflow, underflow.
        const FLAGS: u32 = 0x1d;
        // SAFETY: SSE is part of the x86_64 baseline; only the sticky status flags are cleared,
        // the control bits (rounding, masks, flush-to-zero) are written back as they were.
        unsafe {
            let csr = _mm_getcsr();
            if csr & FLAGS != 0 {
                _mm_setcsr(csr & !FLAGS);
            }
        }
    }
    #[cfg(target_arch = "aarch64")]
    {
        let fpsr: u64;
        // SAFETY: reading FPSR has no side effect.
        unsafe { std::arch::asm!("mrs {0}, fpsr", out(reg) fpsr, options(nomem, nostack)) };
        /// FPSR bits 0-3: invalid, divide-by-zero, overflow, underflow.
        const FLAGS: u64 = 0x0f;
        if fpsr & FLAGS != 0 {
            // SAFETY: writes back FPSR with only the cumulative exception flags cleared.
            unsafe {
                std::arch::asm!("msr fpsr, {0}", in(reg) fpsr & !FLAGS, options(nomem, nostack))
            };
        }
    }
}
