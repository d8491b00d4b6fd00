//! sigtab's exact kernels beside the C peers on this machine: ns per element at n = 65536 (best of
//! repeated runs, one thread) and the largest error, f32 over every 61st of the 2^32 inputs
//! against the f64 formula, f64 over a sample against a 256-bit reference.
//!
//! `cargo run --release -p sigtab-peers --example compare`

use astro_float::Consts;
use sigtab::{Backend, exact::Kernels};
use std::hint::black_box;
use std::time::Instant;

#[path = "../../src/formula.rs"]
mod formula;
#[path = "../../tests/common/reference.rs"]
mod reference;

type Contender<T> = (String, Box<dyn Fn(&[T], &mut [T])>);

fn contenders<T: sigtab::Float>(
    peer: fn(&sigtab_peers::Peer, &[T], &mut [T]),
) -> Vec<Contender<T>> {
    let mut c: Vec<Contender<T>> = Vec::new();
    for b in Backend::available().filter(|b| *b != Backend::Portable) {
        let k = Kernels::new(b).unwrap();
        c.push((
            format!("sigtab exact, {}", b.name()),
            Box::new(move |x, y| k.sigmoid_slice(x, y)),
        ));
    }
    for p in sigtab_peers::available() {
        c.push((p.name.to_string(), Box::new(move |x, y| peer(&p, x, y))));
    }
    c
}

/// Best ns per element over repeated runs of at least 20 ms.
fn ns_per_element<T: Copy + Default>(f: &dyn Fn(&[T], &mut [T]), x: &[T]) -> f64 {
    let mut y = vec![T::default(); x.len()];
    let mut best = f64::INFINITY;
    for _ in 0..15 {
        let (t, mut calls) = (Instant::now(), 0u32);
        while t.elapsed().as_secs_f64() < 0.02 {
            f(black_box(x), black_box(&mut y));
            calls += 1;
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e9 / (calls as f64 * x.len() as f64));
    }
    best
}

fn ulps_f32(got: f32, want: f64) -> f64 {
    if got as f64 == want {
        return 0.0;
    }
    let w = want as f32;
    let ulp = if w == 0.0 {
        f32::from_bits(1)
    } else {
        (f32::from_bits(w.abs().to_bits() + 1) - w.abs()).abs()
    };
    ((got as f64 - want) / ulp as f64).abs()
}

fn main() {
    let x32: Vec<f32> = (0..65_536)
        .map(|i| ((i as f64 * 0.618_033_988_749_895) % 1.0) as f32 * 40.0 - 20.0)
        .collect();
    let x64: Vec<f64> = x32.iter().map(|&v| v as f64).collect();
    let sweep: Vec<f32> = (0..=u32::MAX)
        .step_by(61)
        .map(f32::from_bits)
        .filter(|v| v.is_finite())
        .collect();
    let mut cc = Consts::new().unwrap();
    let sample: Vec<f64> = (0..4000)
        .map(|i| i as f64 * 0.23 - 740.0)
        .chain((0..4000).map(|i| (i as f64 * 0.618_033_988_749_895) % 1.0 * 80.0 - 40.0))
        .collect();
    let refs: Vec<_> = sample
        .iter()
        .map(|&v| reference::sigmoid_and_grad(v, &mut cc).0)
        .collect();
    println!("ns per element: x in [-20, 20), n = 65536, one thread, best of 15 runs");
    println!("ulp: largest error where the true result is a normal number (f32: every 61st input,");
    println!(
        "against the f64 formula; f64: {} inputs in [-740, 180), against 256 bits)",
        sample.len()
    );
    println!("tail: whether results that are subnormal, or normal but tiny, come out 0 or NaN\n");
    println!(
        "{:<46} {:>8} {:>8} {:>22}  {:>8} {:>8} {:>22}",
        "", "f32 ns", "f32 ulp", "f32 tail", "f64 ns", "f64 ulp", "f64 tail"
    );
    let c32 = contenders::<f32>(|p, x, y| p.sigmoid_f32(x, y));
    let c64 = contenders::<f64>(|p, x, y| p.sigmoid_f64(x, y));
    for ((name, f32k), (_, f64k)) in c32.iter().zip(&c64) {
        let mut y = vec![0f32; sweep.len()];
        f32k(&sweep, &mut y);
        let (mut e32, mut lost32) = (0.0f64, f64::NEG_INFINITY);
        for (&x, &y) in sweep.iter().zip(&y) {
            let want = formula::sigmoid(x as f64);
            if want >= f32::MIN_POSITIVE as f64 && !y.is_nan() {
                e32 = e32.max(ulps_f32(y, want));
            }
            if (want as f32) > 0.0 && (y == 0.0 || y.is_nan()) {
                lost32 = lost32.max(x as f64);
            }
        }
        let mut yd = vec![0f64; sample.len()];
        f64k(&sample, &mut yd);
        let (mut e64, mut lost64) = (0.0f64, f64::NEG_INFINITY);
        for ((&x, &y), r) in sample.iter().zip(&yd).zip(&refs) {
            let want = formula::sigmoid(x);
            if want >= f64::MIN_POSITIVE && !y.is_nan() {
                e64 = e64.max(reference::ulps(y, r));
            }
            if want > 0.0 && (y == 0.0 || y.is_nan()) {
                lost64 = lost64.max(x);
            }
        }
        let tail = |lost: f64| {
            if lost == f64::NEG_INFINITY {
                "kept".to_string()
            } else {
                format!("0 or NaN from x <= {lost:.1}")
            }
        };
        println!(
            "{name:<46} {:>8.3} {:>8.2} {:>22}  {:>8.3} {:>8.2} {:>22}",
            ns_per_element(f32k.as_ref(), &x32),
            e32,
            tail(lost32),
            ns_per_element(f64k.as_ref(), &x64),
            e64,
            tail(lost64)
        );
    }
}
