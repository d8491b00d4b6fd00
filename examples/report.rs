//! What sigtab does on this machine: values at a few points (the tails included), and the speed of
//! the slice kernels against a naive `1 / (1 + exp(-x))` loop and the memory floor, measured now.
//!
//! `cargo run --release --example report`

use sigtab::{Backend, exact, exact::Kernels};
use std::hint::black_box;
use std::time::Instant;

/// Best-of-`reps` nanoseconds per element of `f`.
fn ns_per_elem(n: usize, mut f: impl FnMut()) -> f64 {
    f();
    let reps = (50_000_000 / n).clamp(3, 2000);
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..reps / 5 + 1 {
            f();
        }
        best = best.min(t.elapsed().as_nanos() as f64 / ((reps / 5 + 1) * n) as f64);
    }
    best
}

fn main() {
    if cfg!(debug_assertions) {
        eprintln!("note: a debug build; run with --release for meaningful timings");
    }
    println!("sigtab: the logistic sigmoid s(x) and its derivative s'(x), exact to 1 ulp\n");
    println!("values (f64):");
    println!(
        "{:>8}  {:>24}  {:>24}  {:>24}",
        "x", "exact::sigmoid", "exact::sigmoid_grad", "naive e/(1+e)^2"
    );
    for x in [
        -745.0f64, -720.0, -500.0, -40.0, -1.0, 0.0, 1.0, 40.0, 500.0,
    ] {
        let e = (-x).exp();
        let naive_grad = e / ((1.0 + e) * (1.0 + e));
        println!(
            "{x:>8}  {:>24e}  {:>24e}  {:>24e}",
            exact::sigmoid(x),
            exact::sigmoid_grad(x),
            naive_grad
        );
    }
    let backends: Vec<&str> = Backend::available().map(|b| b.name()).collect();
    println!(
        "\nbackends on this CPU: {}; detected: {}",
        backends.join(", "),
        Backend::detect().name()
    );

    let n = 65_536;
    println!("\nspeed at n = {n}, ns per element (best of 5), one thread:");
    println!(
        "{:<28} {:>8} {:>8}   {:>8} {:>8}",
        "kernel", "f32", "x naive", "f64", "x naive"
    );
    let x64: Vec<f64> = (0..n)
        .map(|i| ((i as f64 * 0.618_033_988_749_895) % 1.0) * 40.0 - 20.0)
        .collect();
    let x32: Vec<f32> = x64.iter().map(|&v| v as f32).collect();
    let (mut y32, mut d32) = (vec![0f32; n], vec![0f32; n]);
    let (mut y64, mut d64) = (vec![0f64; n], vec![0f64; n]);
    let naive32 = ns_per_elem(n, || {
        for (o, &v) in y32.iter_mut().zip(black_box(&x32)) {
            *o = 1.0 / (1.0 + (-v).exp());
        }
        black_box(&mut y32);
    });
    let naive64 = ns_per_elem(n, || {
        for (o, &v) in y64.iter_mut().zip(black_box(&x64)) {
            *o = 1.0 / (1.0 + (-v).exp());
        }
        black_box(&mut y64);
    });
    let row = |name: &str, a: f64, b: f64| {
        println!(
            "{name:<28} {a:>8.3} {:>7.1}x   {b:>8.3} {:>7.1}x",
            naive32 / a,
            naive64 / b
        );
    };
    row("naive 1/(1+exp(-x))", naive32, naive64);
    let floor32 = ns_per_elem(n, || {
        for (o, &v) in y32.iter_mut().zip(black_box(&x32)) {
            *o = 2.0 * v;
        }
        black_box(&mut y32);
    });
    let floor64 = ns_per_elem(n, || {
        for (o, &v) in y64.iter_mut().zip(black_box(&x64)) {
            *o = 2.0 * v;
        }
        black_box(&mut y64);
    });
    row("floor out = 2*x", floor32, floor64);
    for backend in Backend::available().filter(|&b| b != Backend::Portable) {
        let k = Kernels::new(backend).unwrap();
        let s32 = ns_per_elem(n, || k.sigmoid_slice(black_box(&x32), &mut y32));
        let s64 = ns_per_elem(n, || k.sigmoid_slice(black_box(&x64), &mut y64));
        row(&format!("exact sigmoid [{}]", backend.name()), s32, s64);
        let g32 = ns_per_elem(n, || k.sigmoid_grad_slice(black_box(&x32), &mut y32));
        let g64 = ns_per_elem(n, || k.sigmoid_grad_slice(black_box(&x64), &mut y64));
        row(&format!("exact grad [{}]", backend.name()), g32, g64);
        let b32 = ns_per_elem(n, || {
            k.sigmoid_and_grad_slice(black_box(&x32), &mut y32, &mut d32)
        });
        let b64 = ns_per_elem(n, || {
            k.sigmoid_and_grad_slice(black_box(&x64), &mut y64, &mut d64)
        });
        row(
            &format!("exact sigmoid+grad [{}]", backend.name()),
            b32,
            b64,
        );
    }
}
