//! The slice API of every function of the list (`src/registry.rs`) in every kernel family
//! (`exact`, `table`, `table::hermite`; functions of two inputs with targets in `[0, 1]`): every length 0..=130 at every offset 0..16 elements, on
//! every backend, equals the scalar function element by element and never writes outside its
//! output; mismatched lengths panic naming both lengths. Dense sweeps check the blocks that take
//! a kernel's fast path against the scalar call too.

mod common;

use common::registry::for_each_function;
use sigtab::{Backend, Float, exact};

const GUARD: u32 = 0xdead_beef;

fn inputs<T: Float>(n: usize, f: impl Fn(f64) -> T) -> Vec<T> {
    // A spread of values including tails, zeros and NaN.
    let pattern = [
        -800.0,
        -100.0,
        -20.5,
        -3.25,
        -0.5,
        -0.0,
        0.0,
        0.25,
        1.0,
        7.5,
        30.0,
        90.0,
        f64::NAN,
        f64::INFINITY,
    ];
    (0..n)
        .map(|i| f(pattern[i % pattern.len()] * (1.0 + i as f64 / 97.0)))
        .collect()
}

/// Targets for the functions of two inputs: a spread over `[0, 1]`, both ends included.
fn targets<T: Float>(n: usize, f: impl Fn(f64) -> T) -> Vec<T> {
    let pattern = [0.0, 1.0, 0.5, 0.25, 1e-3, 0.9, 0.999, 0.1];
    (0..n).map(|i| f(pattern[i % pattern.len()])).collect()
}

/// For every function of the list (`src/registry.rs`) in one family: its slice and in-place
/// forms at every length and offset, on every backend, against its scalar form; nothing written
/// outside the output; a short output panics naming both lengths. A callback of
/// `for_each_function!`, given the family's path.
macro_rules! sweep {
    ([$family:tt] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        $(
            mod $name {
                use super::*;
                sweep!(@one $family ($i -> $o) $forms);
            }
        )*
    };
    (@one [$($family:ident)::+] $arity:tt { scalar: $s:ident, slice: $l:ident $(, in_place: $p:ident)? $(,)? }) => {
        use sigtab::$($family)::+::Kernels;

        fn same<T: Float + PartialEq>(a: T, b: T) -> bool {
            #[allow(clippy::eq_op)]
            let nan = |v: T| v != v;
            a == b || (nan(a) && nan(b))
        }

        fn sweep<T: Float + PartialEq>(conv: impl Fn(f64) -> T + Copy, guard: T) {
            // Miri looks for undefined behaviour in the slice loops, which every function of an
            // arity shares: it sweeps one function of each arity (and logit, whose kernel splits
            // floats into integer fields), at about a minute each.
            const MIRI_SWEEPS: [&str; 4] = [
                "sigmoid_slice",
                "sigmoid_and_grad_slice",
                "logit_slice",
                "binary_cross_entropy_with_logits_slice",
            ];
            if cfg!(miri) && !MIRI_SWEEPS.contains(&stringify!($l)) {
                return;
            }
            for backend in Backend::available() {
                let k = Kernels::new(backend).unwrap();
                // Miri runs the same sweep at reduced size (it interprets every operation):
                // lengths up to 17 still cover a full f32 block of 16 plus a remainder, and two
                // f64 blocks.
                let (max_len, offsets) = if cfg!(miri) { (17, 2) } else { (130, 16) };
                for len in 0..=max_len {
                    for off in 0..offsets {
                        let x = inputs(len + off + 16, conv);
                        let x = &x[off..off + len];
                        let t = targets(len + off + 16, conv);
                        let t = &t[off..off + len];
                        // Outputs with guard elements on both sides.
                        let outs = sweep!(@slice $arity [k.$l], x, t, off, guard);
                        for (j, out) in outs.iter().enumerate() {
                            for (i, &xi) in x.iter().enumerate() {
                                let want = sweep!(@output $arity sweep!(@scalar $arity [k.$s], xi, t[i]), j);
                                assert!(
                                    same(out[off + i], want),
                                    "{backend:?} {}[{j}] len {len} off {off} i {i}",
                                    stringify!($l)
                                );
                            }
                        }
                        $(
                            let mut inplace = vec![guard; len + 32];
                            inplace[off..off + len].copy_from_slice(x);
                            k.$p(&mut inplace[off..off + len]);
                            for i in 0..len {
                                assert!(same(inplace[off + i], outs[0][off + i]), "{}", stringify!($p));
                            }
                            let outs = [&outs[0], &inplace];
                        )?
                        for v in outs.iter() {
                            assert!(
                                v[..off].iter().chain(&v[off + len..]).all(|&g| same(g, guard)),
                                "{backend:?} {}: wrote outside",
                                stringify!($l)
                            );
                        }
                    }
                }
            }
        }

        /// Blocks of moderate inputs take the kernels' fast paths (a table inside its range, the
        /// exact kernels away from the deep tail); blocks that straddle a boundary take the mixed
        /// path. Both must equal the scalar call, which takes neither. Dense sweeps over
        /// `[-lim, lim]` cross every boundary (the table's range, `NO_TAIL` at 44 in f32 and 370
        /// in f64) many times.
        fn fast_blocks<T: Float + PartialEq>(conv: impl Fn(f64) -> T, lim: f64) {
            let n = if cfg!(miri) { 64 } else { 20_000 };
            let x: Vec<T> = (0..n)
                .map(|i| conv(lim * (2.0 * i as f64 / (n - 1) as f64 - 1.0)))
                .collect();
            let t = targets(n, &conv);
            for backend in Backend::available() {
                let k = Kernels::new(backend).unwrap();
                let outs = sweep!(@slice $arity [k.$l], &x[..], &t[..], 0, T::default());
                for (j, out) in outs.iter().enumerate() {
                    for i in 0..n {
                        assert!(
                            same(out[i], sweep!(@output $arity sweep!(@scalar $arity [k.$s], x[i], t[i]), j)),
                            "{backend:?}: {} differs from scalar at {:?}",
                            stringify!($l),
                            x[i]
                        );
                    }
                }
            }
        }

        #[test]
        fn fast_and_mixed_blocks_equal_scalar() {
            fast_blocks(|v| v as f32, 60.0);
            fast_blocks(|v| v, 400.0);
        }

        #[test]
        fn every_length_and_offset_f32() {
            sweep(|v| v as f32, f32::from_bits(GUARD));
        }

        #[test]
        fn every_length_and_offset_f64() {
            sweep(|v| v, f64::from_bits(GUARD as u64 | (GUARD as u64) << 32));
        }

        #[test]
        fn a_short_output_panics_naming_both_lengths() {
            let x = [0.0f32; 5];
            let r = std::panic::catch_unwind(|| {
                let mut out = [0.0f32; 4];
                sweep!(@call $arity [sigtab::$($family)::+::$l], &x, &mut out)
            });
            let msg = *r.unwrap_err().downcast::<String>().unwrap();
            assert!(
                msg.starts_with(stringify!($l)) && msg.contains("length 5") && msg.contains("length 4"),
                "{msg}"
            );
        }

        sweep!(@short_target $arity [$($family)::+] $l);
    };
    // A short target (functions of two inputs) panics naming both lengths.
    (@short_target (2 -> 1) [$($family:ident)::+] $l:ident) => {
        #[test]
        fn a_short_target_panics_naming_both_lengths() {
            let x = [0.0f32; 5];
            let r = std::panic::catch_unwind(|| {
                sigtab::$($family)::+::$l(&x, &[0.0f32; 4], &mut [0.0f32; 5])
            });
            let msg = *r.unwrap_err().downcast::<String>().unwrap();
            assert!(
                msg.starts_with(stringify!($l))
                    && msg.contains("input has length 5")
                    && msg.contains("target has length 4"),
                "{msg}"
            );
        }
    };
    (@short_target $arity:tt $($_:tt)*) => {};
    // The scalar form on one element (`$t`, the target, for functions of two inputs).
    (@scalar (2 -> 1) [$($f:tt)*], $x:expr, $t:expr) => {
        $($f)*($x, $t)
    };
    (@scalar $arity:tt [$($f:tt)*], $x:expr, $t:expr) => {{
        let _ = $t;
        $($f)*($x)
    }};
    // The slice form's outputs, each with `off` guard elements before and 16 after.
    (@slice (1 -> 1) [$($f:tt)*], $x:expr, $t:expr, $off:expr, $guard:expr) => {{
        let (x, _, off) = ($x, $t, $off);
        let mut out = vec![$guard; off + x.len() + 16];
        $($f)*(x, &mut out[off..off + x.len()]);
        vec![out]
    }};
    (@slice (1 -> 2) [$($f:tt)*], $x:expr, $t:expr, $off:expr, $guard:expr) => {{
        let (x, _, off) = ($x, $t, $off);
        let (mut y, mut dy) = (vec![$guard; off + x.len() + 16], vec![$guard; off + x.len() + 16]);
        $($f)*(x, &mut y[off..off + x.len()], &mut dy[off..off + x.len()]);
        vec![y, dy]
    }};
    (@slice (2 -> 1) [$($f:tt)*], $x:expr, $t:expr, $off:expr, $guard:expr) => {{
        let (x, t, off) = ($x, $t, $off);
        let mut out = vec![$guard; off + x.len() + 16];
        $($f)*(x, t, &mut out[off..off + x.len()]);
        vec![out]
    }};
    // The slice form with every output `out`.
    (@call (1 -> 1) [$($f:tt)*], $x:expr, $out:expr) => {
        $($f)*($x, $out)
    };
    (@call (1 -> 2) [$($f:tt)*], $x:expr, $out:expr) => {
        $($f)*($x, $out, &mut [0.0f32; 5])
    };
    (@call (2 -> 1) [$($f:tt)*], $x:expr, $out:expr) => {
        $($f)*($x, &[0.0f32; 5], $out)
    };
    (@output (1 -> 2) $v:expr, $j:expr) => {
        if $j == 0 { $v.0 } else { $v.1 }
    };
    (@output $arity:tt $v:expr, $j:expr) => {{
        let _ = $j;
        $v
    }};
}

mod exact_kernels {
    use super::*;
    for_each_function!(sweep, [exact]);
}

mod table_linear {
    use super::*;
    for_each_function!(tables: sweep, [table]);
}

mod table_hermite {
    use super::*;
    for_each_function!(tables: sweep, [table::hermite]);
}

#[test]
fn empty_slices_are_fine() {
    exact::sigmoid_slice::<f32>(&[], &mut []);
    exact::sigmoid_grad_slice::<f64>(&[], &mut []);
    exact::sigmoid_and_grad_slice::<f64>(&[], &mut [], &mut []);
    exact::sigmoid_in_place::<f32>(&mut []);
    sigtab::table::sigmoid_slice::<f32>(&[], &mut []);
    sigtab::table::hermite::sigmoid_and_grad_slice::<f64>(&[], &mut [], &mut []);
}

#[test]
#[should_panic(expected = "sigmoid_slice: input has length 5 but output has length 4")]
fn mismatched_table_lengths_panic() {
    sigtab::table::sigmoid_slice(&[0.0f32; 5], &mut [0.0; 4]);
}

#[test]
#[should_panic(expected = "sigmoid_and_grad_slice (y): input has length 2 but output has length 1")]
fn mismatched_hermite_lengths_panic() {
    sigtab::table::hermite::sigmoid_and_grad_slice(&[0.0f64; 2], &mut [0.0; 1], &mut [0.0; 2]);
}

#[test]
#[should_panic(expected = "sigmoid_slice: input has length 3 but output has length 2")]
fn mismatched_lengths_panic_naming_both() {
    exact::sigmoid_slice(&[0.0f32; 3], &mut [0.0; 2]);
}

#[test]
#[should_panic(expected = "sigmoid_grad_slice: input has length 1 but output has length 4")]
fn mismatched_grad_lengths_panic() {
    exact::sigmoid_grad_slice(&[0.0f64; 1], &mut [0.0; 4]);
}

#[test]
#[should_panic(
    expected = "sigmoid_and_grad_slice (dy): input has length 2 but output has length 3"
)]
fn mismatched_fused_lengths_panic() {
    exact::sigmoid_and_grad_slice(&[0.0f64; 2], &mut [0.0; 2], &mut [0.0; 3]);
}
