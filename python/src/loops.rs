//! numpy inner loops over sigtab's slice kernels: one generic loop for a kernel of `I` inputs
//! and `O` outputs ([`Kernel`]: `1 -> 1`, `1 -> 2`, `2 -> 1`), instantiated for every element
//! type and kernel.
//!
//! numpy calls a loop with `args` (one pointer per operand, the inputs then the outputs),
//! `dims[0]` (the element count) and `steps` (one byte stride per operand, possibly 0 or
//! negative: a broadcast input, such as a scalar target, has step 0). The loop:
//! - hands contiguous, aligned runs straight to the slice kernels, in one call when every operand
//!   is one and no output overlaps another operand;
//! - uses the in-place kernel when the output is the input (`out=x`, one input and one output),
//!   never a shared and a mutable slice over one buffer;
//! - otherwise goes block by block: an input that is a contiguous run is read where it is, any
//!   other (strides, broadcasts, float16) is copied into a stack buffer; an output is written
//!   where it is when it is a contiguous run overlapping no other operand, else through a stack
//!   buffer. A block is read whole before any of it is written, so an output may be an input;
//! - computes element by element, in order, when an output overlaps another operand other than
//!   element for element (a reduction's accumulator, `ufunc.accumulate`): each result may be
//!   the next element's input, as numpy's own loops allow;
//! - never panics (an `extern "C"` function cannot unwind): every index is below a length
//!   checked just before, and the slice kernels are only handed slices of equal length;
//! - clears the floating-point exception flags the kernels leave behind (a NaN input reaching a
//!   compare sets "invalid", a table's index of a huge input sets "overflow"): every input has a
//!   defined result, so numpy must not warn about it.

use std::array;
use std::ffi::{c_char, c_void};
use std::mem::{size_of, size_of_val};
use std::ptr;

use half::f16;
use half::slice::HalfFloatSliceExt;
use numpy::npyffi::npy_intp;
use sigtab::Float;

use crate::kernels::Kernel;

/// Elements per step of the buffered path: at most four buffers of 2 KiB on the stack.
const BLOCK: usize = 256;
/// The buffer size for calls of at most this many elements (scalars, 0-d arrays, broadcasts of
/// a scalar, which numpy passes with step 0): zeroing the large buffers would cost more than the
/// kernel (60 ns on a Python float, measured).
const SMALL: usize = 8;

/// An element type numpy hands a loop, and the precision the kernels compute it in.
pub trait Elem: Copy + Default + 'static {
    /// The kernels' precision: `Self` for float32 and float64, f32 for float16.
    type Calc: Float;
    /// Whether `Self` is `Calc`: contiguous runs then go to the kernels where they are.
    const DIRECT: bool;
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
            const DIRECT: bool = true;
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
    const DIRECT: bool = false;
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

/// How an output's elements lie against another operand's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Overlap {
    /// No byte in common.
    None,
    /// The same elements in the same order, each written once: element `i` of the output is
    /// element `i` of the other operand (`out=x`).
    Same,
    /// Anything else: a step-0 accumulator, a shifted view.
    Partial,
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

    /// Whether the operand's elements of `E` lie one after the other, aligned for `E`.
    fn contiguous<E>(self) -> bool {
        self.step == size_of::<E>() as isize && self.ptr.align_offset(align_of::<E>()) == 0
    }

    /// Element `i`'s address.
    fn at(self, i: usize) -> *mut c_char {
        self.ptr
            .wrapping_offset((i as isize).wrapping_mul(self.step))
    }

    /// The byte range of the operand's `n >= 1` elements of `E`, whatever the step's sign.
    fn span<E>(self, n: usize) -> (usize, usize) {
        let (a, b) = (self.ptr as usize, self.at(n.saturating_sub(1)) as usize);
        (a.min(b), a.max(b).wrapping_add(size_of::<E>()))
    }

    /// How this output's `n` elements of `E` lie against `other`'s.
    fn overlap<E>(self, other: Operand, n: usize) -> Overlap {
        let ((a0, a1), (b0, b1)) = (self.span::<E>(n), other.span::<E>(n));
        if a1 <= b0 || b1 <= a0 {
            return Overlap::None;
        }
        if self.step != other.step || self.step == 0 {
            return Overlap::Partial;
        }
        // Equal non-zero steps: the same elements, or interleaved ones (`out=a[::2]` with
        // `a[1::2]`), or shifted ones.
        let s = self.step.unsigned_abs();
        let r = (other.ptr as usize).wrapping_sub(self.ptr as usize) % s;
        let size = size_of::<E>();
        if self.ptr == other.ptr {
            Overlap::Same
        } else if r >= size && s - r >= size {
            Overlap::None
        } else {
            Overlap::Partial
        }
    }

    /// `m` elements of `T` from element `first` on, as a shared slice.
    ///
    /// # Safety
    /// The operand must be contiguous and aligned for `T`, its elements `first .. first + m`
    /// readable and not written while the slice lives.
    unsafe fn slice<'a, T>(self, first: usize, m: usize) -> &'a [T] {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(self.at(first) as *const T, m) }
    }

    /// `m` elements of `T` from element `first` on, as a mutable slice.
    ///
    /// # Safety
    /// As [`Operand::slice`], writable, and not otherwise accessed while the slice lives.
    unsafe fn slice_mut<'a, T>(self, first: usize, m: usize) -> &'a mut [T] {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(self.at(first) as *mut T, m) }
    }

    /// Reads `dst.len()` elements from element `first` on.
    ///
    /// # Safety
    /// Elements `first .. first + dst.len()` of the operand must be readable.
    unsafe fn gather<E: Copy>(self, first: usize, dst: &mut [E]) {
        if self.step == 0 {
            // A broadcast: one element, read once.
            // SAFETY: element `first` is readable, by the caller's contract; unaligned reads
            // need no alignment.
            let v = unsafe { ptr::read_unaligned(self.ptr as *const E) };
            dst.fill(v);
        } else if self.step == size_of::<E>() as isize {
            // SAFETY: the caller's `dst.len()` elements, one after the other, copied as bytes
            // (no alignment needed) into `dst`, a separate buffer.
            unsafe {
                ptr::copy_nonoverlapping(
                    self.at(first) as *const u8,
                    dst.as_mut_ptr() as *mut u8,
                    size_of_val(dst),
                )
            };
        } else {
            for (j, d) in dst.iter_mut().enumerate() {
                // SAFETY: in the operand's elements, by the caller's contract; unaligned reads
                // need no alignment.
                *d = unsafe { ptr::read_unaligned(self.at(first + j) as *const E) };
            }
        }
    }

    /// Writes `src` to elements `first ..` on.
    ///
    /// # Safety
    /// Elements `first .. first + src.len()` of the operand must be writable.
    unsafe fn scatter<E: Copy>(self, first: usize, src: &[E]) {
        if self.step == size_of::<E>() as isize {
            // SAFETY: as in `gather`, for writing; `src` is a separate buffer.
            unsafe {
                ptr::copy_nonoverlapping(
                    src.as_ptr() as *const u8,
                    self.at(first) as *mut u8,
                    size_of_val(src),
                )
            };
        } else {
            for (j, &s) in src.iter().enumerate() {
                // SAFETY: as in `gather`, for writing.
                unsafe { ptr::write_unaligned(self.at(first + j) as *mut E, s) };
            }
        }
    }
}

/// The element count of a loop call (numpy never passes a negative one).
///
/// # Safety
/// `dims` must point to at least one `npy_intp`.
unsafe fn count(dims: *mut npy_intp) -> usize {
    // SAFETY: the caller's contract.
    usize::try_from(unsafe { *dims }).unwrap_or(0)
}

/// `outs = K(ins)` elementwise: numpy's `PyUFuncGenericFunction` for a kernel of `I` inputs and
/// `O` outputs.
///
/// # Safety
/// Called by numpy only, with `I + O` operands of element type `E` and `dims[0]` elements each.
pub unsafe extern "C" fn kernel_loop<E: Elem, K: Kernel<I, O>, const I: usize, const O: usize>(
    args: *mut *mut c_char,
    dims: *mut npy_intp,
    steps: *mut npy_intp,
    _data: *mut c_void,
) {
    // SAFETY: forwarded from numpy's call, as this function's own contract says.
    unsafe { run::<E, K, I, O>(args, dims, steps) };
    clear_fp_status();
}

/// The body of [`kernel_loop`], which clears the status flags after any of its returns.
///
/// # Safety
/// As [`kernel_loop`].
unsafe fn run<E: Elem, K: Kernel<I, O>, const I: usize, const O: usize>(
    args: *mut *mut c_char,
    dims: *mut npy_intp,
    steps: *mut npy_intp,
) {
    // SAFETY: numpy passes one count and I + O operands.
    let (n, ins, outs) = unsafe {
        (
            count(dims),
            array::from_fn::<_, I, _>(|k| Operand::nth(args, steps, k)),
            array::from_fn::<_, O, _>(|j| Operand::nth(args, steps, I + j)),
        )
    };
    if n == 0 {
        return;
    }
    // An output is written where it is when it is a contiguous run of the kernels' type sharing
    // no byte with any other operand.
    let mut direct_out = [E::DIRECT; O];
    let mut ordered = n == 1;
    for (j, (out, direct)) in outs.iter().zip(&mut direct_out).enumerate() {
        *direct &= out.contiguous::<E>();
        let others = ins
            .iter()
            .chain(outs.iter().take(j))
            .chain(outs.iter().skip(j + 1));
        for &other in others {
            match out.overlap::<E>(other, n) {
                Overlap::None => {}
                Overlap::Same => *direct = false,
                Overlap::Partial => ordered = true,
            }
        }
    }
    if ordered {
        // One element (a scalar, a 0-d array: the scalar function, without the slice
        // machinery, and the same bits as a slice element), or an output that a later element
        // may read (a reduction): element by element, in order.
        // SAFETY: the operands hold n elements of E each (numpy's contract).
        unsafe { elementwise::<E, K, I, O>(ins, outs, n) };
        return;
    }
    if let ([x], [out]) = (ins.as_slice(), outs.as_slice())
        && E::DIRECT
        && x.ptr == out.ptr
        && x.contiguous::<E>()
        && out.contiguous::<E>()
    {
        // SAFETY: `out` is `x` (`out=x`): n aligned, contiguous, writable elements of
        // `E::Calc` (`E` is `E::Calc`), and this is the only slice made over them.
        if K::in_place(unsafe { out.slice_mut::<E::Calc>(0, n) }) {
            return;
        }
    }
    let direct_in = ins.map(|x| E::DIRECT && x.contiguous::<E>());
    if direct_in.iter().chain(&direct_out).all(|&d| d) {
        // SAFETY: n aligned contiguous elements of `E::Calc` (`E` is `E::Calc`) each; no output
        // shares a byte with another operand, so no mutable slice aliases another slice (the
        // inputs may share bytes: they are only read).
        unsafe {
            K::map(
                ins.map(|x| x.slice::<E::Calc>(0, n)),
                outs.map(|y| y.slice_mut::<E::Calc>(0, n)),
            )
        };
        return;
    }
    // SAFETY: the operands hold n elements of E each (numpy's contract); `direct_in` and
    // `direct_out` mark contiguous runs of `E::Calc` only, and no `direct_out` shares a byte
    // with another operand.
    unsafe {
        if n <= SMALL {
            blocks::<E, K, I, O, SMALL>(ins, outs, n, direct_in, direct_out)
        } else {
            blocks::<E, K, I, O, BLOCK>(ins, outs, n, direct_in, direct_out)
        }
    }
}

/// `outs = K(ins)` one element at a time, in order, through the scalar function.
///
/// # Safety
/// Every operand must hold `n` elements of `E`, readable (inputs) or writable (outputs).
unsafe fn elementwise<E: Elem, K: Kernel<I, O>, const I: usize, const O: usize>(
    ins: [Operand; I],
    outs: [Operand; O],
    n: usize,
) {
    for i in 0..n {
        // SAFETY: element i < n of each operand, by the caller's contract; unaligned accesses
        // need no alignment. The inputs are read before any output is written.
        unsafe {
            let x = ins.map(|x| ptr::read_unaligned(x.at(i) as *const E).to_calc());
            for (y, v) in outs.iter().zip(K::one(x)) {
                ptr::write_unaligned(y.at(i) as *mut E, E::from_calc(v));
            }
        }
    }
}

/// `outs = K(ins)` in blocks of `B` elements: the operands marked `direct` are handed to the
/// kernel where they are, the others go through stack buffers (any strides, 0 included,
/// alignment, and element types the kernels do not compute in directly).
///
/// # Safety
/// Every operand must hold `n` elements of `E`, readable (inputs) or writable (outputs); an
/// operand marked `direct` must be a contiguous, aligned run of `E::Calc` (`E` is `E::Calc`),
/// and a direct output must share no byte with another operand.
unsafe fn blocks<E: Elem, K: Kernel<I, O>, const I: usize, const O: usize, const B: usize>(
    ins: [Operand; I],
    outs: [Operand; O],
    n: usize,
    direct_in: [bool; I],
    direct_out: [bool; O],
) {
    let mut stage = [E::default(); B];
    let mut xb = [[E::Calc::default(); B]; I];
    let mut yb = [[E::Calc::default(); B]; O];
    let mut i = 0;
    while i < n {
        let m = (n - i).min(B);
        for ((x, &direct), b) in ins.iter().zip(&direct_in).zip(&mut xb) {
            if !direct {
                // SAFETY: elements i .. i + m < n, valid by the caller's contract.
                unsafe { x.gather(i, &mut stage[..m]) };
                E::widen(&stage[..m], &mut b[..m]);
            }
        }
        let mut xs = xb.each_ref().map(|b| &b[..m]);
        for ((s, x), &direct) in xs.iter_mut().zip(&ins).zip(&direct_in) {
            if direct {
                // SAFETY: a contiguous run of `E::Calc` by the caller's contract; nothing
                // writes to it while the kernel runs (direct outputs share no byte with it,
                // the others are written after the kernel returns).
                *s = unsafe { x.slice(i, m) };
            }
        }
        let mut ys = yb.each_mut().map(|b| &mut b[..m]);
        for ((s, y), &direct) in ys.iter_mut().zip(&outs).zip(&direct_out) {
            if direct {
                // SAFETY: a contiguous run of `E::Calc` sharing no byte with another operand
                // or buffer, by the caller's contract.
                *s = unsafe { y.slice_mut(i, m) };
            }
        }
        K::map(xs, ys);
        for ((y, &direct), b) in outs.iter().zip(&direct_out).zip(&yb) {
            if !direct {
                E::narrow(&b[..m], &mut stage[..m]);
                // SAFETY: elements i .. i + m < n, valid by the caller's contract; the block's
                // inputs were read whole before, so the output may be an input.
                unsafe { y.scatter(i, &stage[..m]) };
            }
        }
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
