//! The slice loops every backend instantiates, and the length checks of the public slice API.
//!
//! The loops are plain iterator zips over one element at a time: with the kernels inlined
//! (`#[inline(always)]` all the way down) and no branches in them, LLVM vectorizes each loop for
//! the features of the `#[target_feature]` function it is inlined into, with a scalar remainder
//! that computes the very same operations, so every element of a slice equals the scalar call.

use crate::exact::kernel::Consts;
use crate::real::MulAdd;

/// Explicit SIMD lanes of `F`: one vector register of `block::<F>()` elements, on which the exact
/// kernels run as written (the lane type implements the same float operations, lane by lane, so
/// the results are the same bits as the scalar code).
///
/// Why: LLVM picks the vector width of the generic loops from the CPU's tuning, not from the
/// function's features. Under `prefer-256-bit` tuning (every Intel AVX-512 CPU, `x86-64-v4`, so
/// `-C target-cpu=native` on Intel) the AVX-512 backend compiled to 256-bit vectors and ran at
/// half to a third of its speed. Operations on an explicit 512-bit type stay 512 bits wide.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub trait Lanes<F>: Consts {
    /// Elements per vector.
    const N: usize;
    /// The `N` elements at `p`.
    ///
    /// # Safety
    /// `p` is valid for reading `N` elements, and the CPU has the lane type's target features.
    unsafe fn load(p: *const F) -> Self;
    /// Writes the `N` lanes to `p`.
    ///
    /// # Safety
    /// `p` is valid for writing `N` elements, and the CPU has the lane type's target features.
    unsafe fn store(self, p: *mut F);
}

/// The element types of the slice loops, with the lane types a backend may run them on.
pub trait Element: Consts {
    /// 16 f32 or 8 f64 in one AVX-512 register.
    #[cfg(target_arch = "x86_64")]
    type Avx512: Lanes<Self>;
    /// 16 f32 or 8 f64 in two AVX2 registers.
    #[cfg(target_arch = "x86_64")]
    type Avx2: Lanes<Self>;
}

impl Element for f32 {
    #[cfg(target_arch = "x86_64")]
    type Avx512 = crate::arch::x86_64::avx512::F32x16;
    #[cfg(target_arch = "x86_64")]
    type Avx2 = crate::arch::x86_64::avx2::F32x8x2;
}

impl Element for f64 {
    #[cfg(target_arch = "x86_64")]
    type Avx512 = crate::arch::x86_64::avx512::F64x8;
    #[cfg(target_arch = "x86_64")]
    type Avx2 = crate::arch::x86_64::avx2::F64x4x2;
}

/// One input, one output: a function evaluated elementwise, `x -> K(x)`, computed with
/// multiply-adds of kind `M`.
///
/// A kernel with a cheap branch-free path for part of the line (a table inside its range) says so
/// with `fast`; blocks whose inputs are all `fast` run `eval_fast`, the others `eval_mixed`: the
/// same value as `eval`, computed without branches (both paths, then a select) so that a block
/// with a few tail inputs still runs as SIMD. `eval` itself (scalar calls, slice remainders) may
/// branch.
pub(crate) trait Unary<F> {
    fn eval<M: MulAdd>(x: F) -> F;
    #[inline(always)]
    fn fast(_x: F) -> bool {
        true
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F) -> F {
        Self::eval::<M>(x)
    }
    #[inline(always)]
    fn eval_mixed<M: MulAdd>(x: F) -> F {
        Self::eval::<M>(x)
    }
    /// One element on its own (the scalar calls): `eval_fast` where `fast` holds, which gives the
    /// same bits as `eval`, else `eval`. A branch costs nothing here and skips the tail work (the
    /// exact kernels' clamp and split power of two) on the common inputs: shorter latency.
    #[inline(always)]
    fn eval_one<M: MulAdd>(x: F) -> F
    where
        F: Copy,
    {
        if Self::fast(x) {
            Self::eval_fast::<M>(x)
        } else {
            Self::eval::<M>(x)
        }
    }
    /// Whether the kernel runs on explicit lanes ([`Lanes`]) where a backend has them: the exact
    /// kernels do, and the tables for their exact tails.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    const LANES: bool = false;
    /// `K` on every lane, the same bits as `eval` per element (only called when `LANES`).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> V {
        x
    }
}

/// One input, two outputs: a pair of functions evaluated together, `x -> (K1(x), K2(x))`. See [`Unary`] for `fast`.
pub(crate) trait UnaryPair<F> {
    fn eval2<M: MulAdd>(x: F) -> (F, F);
    #[inline(always)]
    fn fast(_x: F) -> bool {
        true
    }
    #[inline(always)]
    fn eval2_fast<M: MulAdd>(x: F) -> (F, F) {
        Self::eval2::<M>(x)
    }
    #[inline(always)]
    fn eval2_mixed<M: MulAdd>(x: F) -> (F, F) {
        Self::eval2::<M>(x)
    }
    /// See [`Unary::eval_one`].
    #[inline(always)]
    fn eval2_one<M: MulAdd>(x: F) -> (F, F)
    where
        F: Copy,
    {
        if Self::fast(x) {
            Self::eval2_fast::<M>(x)
        } else {
            Self::eval2::<M>(x)
        }
    }
    /// See [`Unary::LANES`].
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    const LANES: bool = false;
    /// See [`Unary::eval_lanes`].
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    #[inline(always)]
    fn eval2_lanes<V: Lanes<F>, M: MulAdd>(x: V) -> (V, V) {
        (x, x)
    }
}

/// Two inputs, one output: `(x, t) -> K(x, t)` elementwise (the loss, `x` the logit and `t` the
/// target). See [`Unary`] for `fast`, which here looks at both inputs.
pub(crate) trait Binary<F> {
    fn eval<M: MulAdd>(x: F, t: F) -> F;
    #[inline(always)]
    fn fast(_x: F, _t: F) -> bool {
        true
    }
    #[inline(always)]
    fn eval_fast<M: MulAdd>(x: F, t: F) -> F {
        Self::eval::<M>(x, t)
    }
    #[inline(always)]
    fn eval_mixed<M: MulAdd>(x: F, t: F) -> F {
        Self::eval::<M>(x, t)
    }
    /// See [`Unary::eval_one`].
    #[inline(always)]
    fn eval_one<M: MulAdd>(x: F, t: F) -> F
    where
        F: Copy,
    {
        if Self::fast(x, t) {
            Self::eval_fast::<M>(x, t)
        } else {
            Self::eval::<M>(x, t)
        }
    }
    /// See [`Unary::LANES`].
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    const LANES: bool = false;
    /// See [`Unary::eval_lanes`].
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    #[inline(always)]
    fn eval_lanes<V: Lanes<F>, M: MulAdd>(x: V, _t: V) -> V {
        x
    }
}

/// Whether every input of a block takes the fast path (a fold, not `all`, so it vectorizes).
#[inline(always)]
fn all_fast<F: Copy>(xs: &[F], fast: impl Fn(F) -> bool) -> bool {
    xs.iter().fold(true, |acc, &v| acc & fast(v))
}

/// [`all_fast`] for the pairs of a block of two inputs.
#[inline(always)]
fn all_fast2<F: Copy>(xs: &[F], ts: &[F], fast: impl Fn(F, F) -> bool) -> bool {
    xs.iter()
        .zip(ts)
        .fold(true, |acc, (&v, &t)| acc & fast(v, t))
}

/// Panics unless `out` is as long as `x`, naming both lengths (like `copy_from_slice`).
#[inline]
#[track_caller]
pub(crate) fn check_len(what: &str, x: usize, out: usize) {
    if x != out {
        len_mismatch(what, x, out);
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn len_mismatch(what: &str, x: usize, out: usize) -> ! {
    panic!("{what}: input has length {x} but output has length {out}; they must be equal")
}

/// Panics unless the second input of a [`Binary`] function, `target`, is as long as `x`, naming
/// both lengths.
#[inline]
#[track_caller]
pub(crate) fn check_target_len(what: &str, x: usize, target: usize) {
    if x != target {
        target_len_mismatch(what, x, target);
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn target_len_mismatch(what: &str, x: usize, target: usize) -> ! {
    panic!("{what}: input has length {x} but target has length {target}; they must be equal")
}

/// Elements per block: 64 bytes of input, i.e. 16 f32 or 8 f64: one AVX-512 vector, two AVX2
/// vectors, four SSE2/NEON vectors. Each kernel is a long dependency chain; a fixed-size block
/// lets LLVM lay several independent chains side by side. (Measured on Zen 4: blocks of 64, 128
/// and 256 bytes run at the same speed; the loops are bound by instruction throughput.)
pub(crate) const fn block<F>() -> usize {
    64 / core::mem::size_of::<F>()
}

/// `out[i] = K(x[i])`.
#[inline(always)]
pub(crate) fn map<F: Copy, M: MulAdd, K: Unary<F>>(x: &[F], out: &mut [F]) {
    let n = x.len().min(out.len());
    let (x, out) = (&x[..n], &mut out[..n]);
    let mut xb = x.chunks_exact(block::<F>());
    let mut ob = out.chunks_exact_mut(block::<F>());
    for (xs, os) in (&mut xb).zip(&mut ob) {
        if all_fast(xs, K::fast) {
            for (o, &v) in os.iter_mut().zip(xs) {
                *o = K::eval_fast::<M>(v);
            }
        } else {
            for (o, &v) in os.iter_mut().zip(xs) {
                *o = K::eval_mixed::<M>(v);
            }
        }
    }
    for (o, &v) in ob.into_remainder().iter_mut().zip(xb.remainder()) {
        *o = K::eval::<M>(v);
    }
}

/// `x[i] = K(x[i])`.
#[inline(always)]
pub(crate) fn map_in_place<F: Copy, M: MulAdd, K: Unary<F>>(x: &mut [F]) {
    let mut xb = x.chunks_exact_mut(block::<F>());
    for xs in &mut xb {
        if all_fast(xs, K::fast) {
            for v in xs.iter_mut() {
                *v = K::eval_fast::<M>(*v);
            }
        } else {
            for v in xs.iter_mut() {
                *v = K::eval_mixed::<M>(*v);
            }
        }
    }
    for v in xb.into_remainder() {
        *v = K::eval::<M>(*v);
    }
}

/// `(y[i], dy[i]) = K(x[i])`.
#[inline(always)]
pub(crate) fn map2<F: Copy, M: MulAdd, K: UnaryPair<F>>(x: &[F], y: &mut [F], dy: &mut [F]) {
    let n = x.len().min(y.len()).min(dy.len());
    let (x, y, dy) = (&x[..n], &mut y[..n], &mut dy[..n]);
    let mut xb = x.chunks_exact(block::<F>());
    let mut yb = y.chunks_exact_mut(block::<F>());
    let mut db = dy.chunks_exact_mut(block::<F>());
    for ((xs, ys), ds) in (&mut xb).zip(&mut yb).zip(&mut db) {
        if all_fast(xs, K::fast) {
            for ((o, d), &v) in ys.iter_mut().zip(ds.iter_mut()).zip(xs) {
                (*o, *d) = K::eval2_fast::<M>(v);
            }
        } else {
            for ((o, d), &v) in ys.iter_mut().zip(ds.iter_mut()).zip(xs) {
                (*o, *d) = K::eval2_mixed::<M>(v);
            }
        }
    }
    let rest = yb.into_remainder().iter_mut().zip(db.into_remainder());
    for ((o, d), &v) in rest.zip(xb.remainder()) {
        (*o, *d) = K::eval2::<M>(v);
    }
}

/// `out[i] = K(x[i], t[i])`.
#[inline(always)]
pub(crate) fn map_binary<F: Copy, M: MulAdd, K: Binary<F>>(x: &[F], t: &[F], out: &mut [F]) {
    let n = x.len().min(t.len()).min(out.len());
    let (x, t, out) = (&x[..n], &t[..n], &mut out[..n]);
    let mut xb = x.chunks_exact(block::<F>());
    let mut tb = t.chunks_exact(block::<F>());
    let mut ob = out.chunks_exact_mut(block::<F>());
    for ((xs, ts), os) in (&mut xb).zip(&mut tb).zip(&mut ob) {
        if all_fast2(xs, ts, K::fast) {
            for ((o, &v), &w) in os.iter_mut().zip(xs).zip(ts) {
                *o = K::eval_fast::<M>(v, w);
            }
        } else {
            for ((o, &v), &w) in os.iter_mut().zip(xs).zip(ts) {
                *o = K::eval_mixed::<M>(v, w);
            }
        }
    }
    let rest = ob.into_remainder().iter_mut().zip(xb.remainder());
    for ((o, &v), &w) in rest.zip(tb.remainder()) {
        *o = K::eval::<M>(v, w);
    }
}

/// [`map`] on explicit lanes `V` for kernels that run on them, else [`map`] itself.
///
/// # Safety
/// The CPU has `V`'s target features.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
pub(crate) unsafe fn map_lanes<F: Copy, M: MulAdd, K: Unary<F>, V: Lanes<F>>(
    x: &[F],
    out: &mut [F],
) {
    const { assert!(V::N == block::<F>()) };
    if !K::LANES {
        return map::<F, M, K>(x, out);
    }
    let n = x.len().min(out.len());
    let (x, out) = (&x[..n], &mut out[..n]);
    let mut xb = x.chunks_exact(V::N);
    let mut ob = out.chunks_exact_mut(V::N);
    for (xs, os) in (&mut xb).zip(&mut ob) {
        // SAFETY: both chunks hold exactly `V::N` elements; the caller vouches for the CPU.
        unsafe { K::eval_lanes::<V, M>(V::load(xs.as_ptr())).store(os.as_mut_ptr()) };
    }
    for (o, &v) in ob.into_remainder().iter_mut().zip(xb.remainder()) {
        *o = K::eval::<M>(v);
    }
}

/// [`map_in_place`] on explicit lanes `V` for kernels that run on them.
///
/// # Safety
/// The CPU has `V`'s target features.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
pub(crate) unsafe fn map_in_place_lanes<F: Copy, M: MulAdd, K: Unary<F>, V: Lanes<F>>(x: &mut [F]) {
    const { assert!(V::N == block::<F>()) };
    if !K::LANES {
        return map_in_place::<F, M, K>(x);
    }
    let mut xb = x.chunks_exact_mut(V::N);
    for xs in &mut xb {
        let p = xs.as_mut_ptr();
        // SAFETY: the chunk holds exactly `V::N` elements; the caller vouches for the CPU.
        unsafe { K::eval_lanes::<V, M>(V::load(p)).store(p) };
    }
    for v in xb.into_remainder() {
        *v = K::eval::<M>(*v);
    }
}

/// [`map2`] on explicit lanes `V` for kernels that run on them.
///
/// # Safety
/// The CPU has `V`'s target features.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
pub(crate) unsafe fn map2_lanes<F: Copy, M: MulAdd, K: UnaryPair<F>, V: Lanes<F>>(
    x: &[F],
    y: &mut [F],
    dy: &mut [F],
) {
    const { assert!(V::N == block::<F>()) };
    if !K::LANES {
        return map2::<F, M, K>(x, y, dy);
    }
    let n = x.len().min(y.len()).min(dy.len());
    let (x, y, dy) = (&x[..n], &mut y[..n], &mut dy[..n]);
    let mut xb = x.chunks_exact(V::N);
    let mut yb = y.chunks_exact_mut(V::N);
    let mut db = dy.chunks_exact_mut(V::N);
    for ((xs, ys), ds) in (&mut xb).zip(&mut yb).zip(&mut db) {
        // SAFETY: the three chunks hold exactly `V::N` elements; the caller vouches for the CPU.
        unsafe {
            let (s, g) = K::eval2_lanes::<V, M>(V::load(xs.as_ptr()));
            s.store(ys.as_mut_ptr());
            g.store(ds.as_mut_ptr());
        }
    }
    let rest = yb.into_remainder().iter_mut().zip(db.into_remainder());
    for ((o, d), &v) in rest.zip(xb.remainder()) {
        (*o, *d) = K::eval2::<M>(v);
    }
}

/// [`map_binary`] on explicit lanes `V` for kernels that run on them.
///
/// # Safety
/// The CPU has `V`'s target features.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[inline(always)]
pub(crate) unsafe fn map_binary_lanes<F: Copy, M: MulAdd, K: Binary<F>, V: Lanes<F>>(
    x: &[F],
    t: &[F],
    out: &mut [F],
) {
    const { assert!(V::N == block::<F>()) };
    if !K::LANES {
        return map_binary::<F, M, K>(x, t, out);
    }
    let n = x.len().min(t.len()).min(out.len());
    let (x, t, out) = (&x[..n], &t[..n], &mut out[..n]);
    let mut xb = x.chunks_exact(V::N);
    let mut tb = t.chunks_exact(V::N);
    let mut ob = out.chunks_exact_mut(V::N);
    for ((xs, ts), os) in (&mut xb).zip(&mut tb).zip(&mut ob) {
        // SAFETY: the three chunks hold exactly `V::N` elements; the caller vouches for the CPU.
        unsafe {
            K::eval_lanes::<V, M>(V::load(xs.as_ptr()), V::load(ts.as_ptr())).store(os.as_mut_ptr())
        };
    }
    let rest = ob.into_remainder().iter_mut().zip(xb.remainder());
    for ((o, &v), &w) in rest.zip(tb.remainder()) {
        *o = K::eval::<M>(v, w);
    }
}
