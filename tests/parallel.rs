//! `sigtab::par` equals the single-threaded slice functions bit for bit, below and above the
//! threshold and across task boundaries, for every function of the list (`src/registry.rs`) and
//! every kernel family, and checks lengths the same way.
#![cfg(feature = "parallel")]

mod common;

use common::registry::for_each_function;
use sigtab::par::{MIN_PARALLEL_LEN, MIN_TASK_LEN};

/// For every function of the list (`src/registry.rs`): its `par` slice and in-place forms equal
/// the one-thread ones in family `$one` / `$par`. A callback of `for_each_function!`.
macro_rules! check {
    ([$one:tt, $par:tt, $x:ident] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        $(check!(@one ($i -> $o) $forms $one $par $x);)*
    };
    (@one (1 -> 1) { scalar: $s:ident, slice: $l:ident, in_place: $p:ident $(,)? } [$($one:tt)*] [$($par:tt)*] $x:ident) => {{
        let n = $x.len();
        let z = Default::default();
        let (mut a, mut b) = (vec![z; n], vec![z; n]);
        $($one)*::$l($x, &mut a);
        $($par)*::$l($x, &mut b);
        assert!(a == b, "{}, length {n}", stringify!($l));
        let (mut e, mut f) = ($x.to_vec(), $x.to_vec());
        $($one)*::$p(&mut e);
        $($par)*::$p(&mut f);
        assert!(e == f, "{}, length {n}", stringify!($p));
    }};
    (@one (1 -> 2) { scalar: $s:ident, slice: $l:ident $(,)? } [$($one:tt)*] [$($par:tt)*] $x:ident) => {{
        let n = $x.len();
        let z = Default::default();
        let (mut a, mut b) = (vec![z; n], vec![z; n]);
        let (mut c, mut d) = (vec![z; n], vec![z; n]);
        $($one)*::$l($x, &mut a, &mut c);
        $($par)*::$l($x, &mut b, &mut d);
        assert!(a == b && c == d, "{}, length {n}", stringify!($l));
    }};
    (@one (2 -> 1) { scalar: $s:ident, slice: $l:ident $(,)? } [$($one:tt)*] [$($par:tt)*] $x:ident) => {{
        let n = $x.len();
        let z = Default::default();
        // Targets in [0, 1]: the sigmoid of the input.
        let t: Vec<_> = $x.iter().map(|&v| sigtab::exact::sigmoid(v)).collect();
        let (mut a, mut b) = (vec![z; n], vec![z; n]);
        $($one)*::$l($x, &t, &mut a);
        $($par)*::$l($x, &t, &mut b);
        assert!(a == b, "{}, length {n}", stringify!($l));
    }};
}

/// The test of one family; `[tables:]` for the table families (without the exact-only
/// functions).
macro_rules! family {
    ($test:ident, [$($list:tt)*] $($one:ident)::+, $($par:ident)::+) => {
        #[test]
        fn $test() {
            fn check<T: sigtab::Float + PartialEq + std::fmt::Debug>(x: &[T]) {
                for_each_function!($($list)* check, [$($one)::+], [$($par)::+], x);
            }
            for n in [
                0,
                1,
                MIN_PARALLEL_LEN - 1,
                MIN_PARALLEL_LEN,
                MIN_PARALLEL_LEN + 1,
                5 * MIN_TASK_LEN + 17,
                // Many tasks; only optimized (seconds unoptimized for each family).
                if cfg!(debug_assertions) {
                    0
                } else {
                    (1 << 20) + 3
                },
            ] {
                // Spread over [-40, 40] with a few tails: every path of every kernel.
                let x: Vec<f64> = (0..n)
                    .map(|i| (i as f64 * 0.618_034).fract() * 80.0 - 40.0)
                    .collect();
                check(&x);
                check(&x.iter().map(|&v| v as f32).collect::<Vec<f32>>());
            }
        }
    };
}

family!(exact, [] sigtab::exact, sigtab::par::exact);
family!(table, [tables:] sigtab::table, sigtab::par::table);
family!(hermite, [tables:] sigtab::table::hermite, sigtab::par::table::hermite);

#[test]
fn mismatched_lengths_panic_naming_both() {
    let n = MIN_PARALLEL_LEN + 5;
    let x = vec![0.0f32; n];
    let r =
        std::panic::catch_unwind(|| sigtab::par::exact::sigmoid_slice(&x, &mut vec![0.0; n - 1]));
    let msg = *r.unwrap_err().downcast::<String>().unwrap();
    assert!(
        msg.contains(&format!("length {n}")) && msg.contains(&format!("length {}", n - 1)),
        "{msg}"
    );
    let r = std::panic::catch_unwind(|| {
        sigtab::par::table::sigmoid_and_grad_slice(&x, &mut vec![0.0; n], &mut [0.0; 3])
    });
    let msg = *r.unwrap_err().downcast::<String>().unwrap();
    assert!(msg.contains("dy") && msg.contains("length 3"), "{msg}");
}
