//! sigtab's exact slice kernels beside the peers (glibc libmvec, SLEEF; see `src/lib.rs`) and the
//! memory floor (`y = 2 x`), per precision, at n = 65536 (in cache) and 16M (memory-bound).
//! `cargo bench -p sigtab-peers`; ratios are only meaningful within one run.
//!
//! Inputs: the same deterministic spread over [-20, 20) as sigtab's own benches. Every output is
//! checked against sigtab's exact kernel (within 1e-5 relative, the peers being a few ulps off)
//! before anything is timed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sigtab::{Backend, exact::Kernels};
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 2] = [65_536, 16 << 20];

fn inputs(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| ((i as f64 * 0.618_033_988_749_895) % 1.0) * 40.0 - 20.0)
        .collect()
}

fn close(x: &[f64], y: &[f64], what: &str) {
    for (&xi, &yi) in x.iter().zip(y).step_by(13) {
        let r = sigtab::exact::sigmoid(xi);
        assert!(
            (yi - r).abs() <= 1e-5 * r,
            "{what}: s({xi}) = {yi}, expected {r}"
        );
    }
}

macro_rules! group {
    ($c:expr, $t:ty, $peer_fn:ident) => {{
        for &n in &SIZES {
            let mut g = $c.benchmark_group(format!("peers/{}/n={}", stringify!($t), n));
            g.throughput(Throughput::Elements(n as u64));
            if n > 100_000 {
                g.sample_size(10)
                    .measurement_time(Duration::from_secs(3))
                    .warm_up_time(Duration::from_secs(1));
            }
            let xd = inputs(n);
            let x: Vec<$t> = xd.iter().map(|&v| v as $t).collect();
            let mut y = vec![0.0 as $t; n];
            g.bench_function("floor: y = 2x", |b| {
                b.iter(|| {
                    for (o, &v) in y.iter_mut().zip(black_box(&x)) {
                        *o = v * 2.0;
                    }
                    black_box(&mut y);
                })
            });
            for backend in [Backend::detect(), Backend::Avx2Fma] {
                let Some(k) = Kernels::new(backend) else {
                    continue;
                };
                k.sigmoid_slice(&x, &mut y);
                close(
                    &xd,
                    &y.iter().map(|&v| v as f64).collect::<Vec<_>>(),
                    backend.name(),
                );
                g.bench_function(
                    BenchmarkId::new("sigtab exact::sigmoid_slice", backend.name()),
                    |b| b.iter(|| k.sigmoid_slice(black_box(&x), black_box(&mut y))),
                );
            }
            for p in sigtab_peers::available() {
                p.$peer_fn(&x, &mut y);
                close(
                    &xd,
                    &y.iter().map(|&v| v as f64).collect::<Vec<_>>(),
                    p.name,
                );
                g.bench_function(p.name, |b| {
                    b.iter(|| p.$peer_fn(black_box(&x), black_box(&mut y)))
                });
            }
            g.finish();
        }
    }};
}

fn peers(c: &mut Criterion) {
    group!(c, f32, sigmoid_f32);
    group!(c, f64, sigmoid_f64);
}

criterion_group!(benches, peers);
criterion_main!(benches);
