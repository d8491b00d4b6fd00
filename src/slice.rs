//! The slice loops every backend instantiates, and the length checks of the public slice API.
//!
//! The loops are plain iterator zips over one element at a time: with the kernels inlined
//! (`#[inline(always)]` all the way down) and no branches in them, LLVM vectorizes each loop for
//! the features of the `#[target_feature]` function it is inlined into, with a scalar remainder
//! that computes the very same operations, so every element of a slice equals the scalar call.

use crate::real::MulAdd;

/// A function evaluated elementwise: `x -> K(x)`, computed with multiply-adds of kind `M`.
///
/// A kernel with a cheap branch-free path for part of the line (a table inside its range) says so
/// with `fast`; blocks whose inputs are all `fast` run `eval_fast`, the others `eval_mixed`: the
/// same value as `eval`, computed without branches (both paths, then a select) so that a block
/// with a few tail inputs still runs as SIMD. `eval` itself (scalar calls, slice remainders) may
/// branch.
pub(crate) trait Map<F> {
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
}

/// A pair of functions evaluated together: `x -> (K1(x), K2(x))`. See [`Map`] for `fast`.
pub(crate) trait Map2<F> {
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
}

/// Whether every input of a block takes the fast path (a fold, not `all`, so it vectorizes).
#[inline(always)]
fn all_fast<F: Copy>(xs: &[F], fast: impl Fn(F) -> bool) -> bool {
    xs.iter().fold(true, |acc, &v| acc & fast(v))
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

/// Elements per block: 64 bytes of input, i.e. 16 f32 or 8 f64: one AVX-512 vector, two AVX2
/// vectors, four SSE2/NEON vectors. Each kernel is a long dependency chain; a fixed-size block
/// lets LLVM lay several independent chains side by side. (Measured on Zen 4: blocks of 64, 128
/// and 256 bytes run at the same speed; the loops are bound by instruction throughput.)
pub(crate) const fn block<F>() -> usize {
    64 / core::mem::size_of::<F>()
}

/// `out[i] = K(x[i])`.
#[inline(always)]
pub(crate) fn map<F: Copy, M: MulAdd, K: Map<F>>(x: &[F], out: &mut [F]) {
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
pub(crate) fn map_in_place<F: Copy, M: MulAdd, K: Map<F>>(x: &mut [F]) {
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
pub(crate) fn map2<F: Copy, M: MulAdd, K: Map2<F>>(x: &[F], y: &mut [F], dy: &mut [F]) {
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
