//! `sigtab::par` equals the single-threaded slice functions bit for bit, below and above the
//! threshold and across task boundaries, for every kernel family, and checks lengths the same way.
#![cfg(feature = "parallel")]

use sigtab::par::{MIN_PARALLEL_LEN, MIN_TASK_LEN};

macro_rules! family {
    ($test:ident, $one:path, $par:path) => {
        #[test]
        fn $test() {
            use $one as one;
            use $par as par;
            fn check<T: sigtab::Float + PartialEq + std::fmt::Debug>(x: &[T]) {
                let n = x.len();
                let z = T::default();
                let (mut a, mut b) = (vec![z; n], vec![z; n]);
                let (mut c, mut d) = (vec![z; n], vec![z; n]);
                one::sigmoid_slice(x, &mut a);
                par::sigmoid_slice(x, &mut b);
                assert!(a == b, "sigmoid_slice, length {n}");
                one::sigmoid_grad_slice(x, &mut a);
                par::sigmoid_grad_slice(x, &mut b);
                assert!(a == b, "sigmoid_grad_slice, length {n}");
                one::sigmoid_and_grad_slice(x, &mut a, &mut c);
                par::sigmoid_and_grad_slice(x, &mut b, &mut d);
                assert!(a == b && c == d, "sigmoid_and_grad_slice, length {n}");
                let (mut e, mut f) = (x.to_vec(), x.to_vec());
                one::sigmoid_in_place(&mut e);
                par::sigmoid_in_place(&mut f);
                assert!(e == f, "sigmoid_in_place, length {n}");
                let (mut e, mut f) = (x.to_vec(), x.to_vec());
                one::sigmoid_grad_in_place(&mut e);
                par::sigmoid_grad_in_place(&mut f);
                assert!(e == f, "sigmoid_grad_in_place, length {n}");
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

family!(exact, sigtab::exact, sigtab::par::exact);
family!(table, sigtab::table, sigtab::par::table);
family!(hermite, sigtab::table::hermite, sigtab::par::table::hermite);

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
