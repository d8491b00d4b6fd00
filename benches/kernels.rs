//! Every kernel side by side, per precision and size: exact (per backend), the tables (linear and
//! Hermite at the compiled resolution), a fastText-style nearest-entry table, memoization (a
//! HashMap and a direct-mapped cache, on inputs with 1000 distinct values), a naive `std` loop and
//! the memory floor (`out[i] = 2 * x[i]`); the user's loop, `w * f(x) + b` over the scalar
//! function (`user loop ...`, beside the slice kernels); a dependent scalar chain (`chain/`); and
//! with `--features parallel`, all cores against one (`parallel/`); the logistic family, one group
//! per function (`softplus/f32/n=65536`, ...: the kernel beside `exact sigmoid` and the naive
//! formulas). `cargo bench --bench kernels`;
//! HTML in `target/criterion/`.
//!
//! Build flags change the scalar calls (inlined with FMA in the build, dispatched otherwise) and
//! LLVM's vector width: compare `RUSTFLAGS="-C target-cpu=native" cargo bench` with a plain run
//! (CI builds the benches both ways).
//!
//! The table resolution is chosen at compile time, so each resolution is its own build:
//! `for n in 64 256 1024 4096; do cargo bench --features table-$n -- table; done`.
//!
//! Inputs are fixed (a deterministic spread over [-20, 20]); outputs are checked against the
//! reference formula before anything is timed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sigtab::{Backend, Float, exact::Kernels, table};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

#[path = "../src/formula.rs"]
mod formula;

const SIZES: [usize; 3] = [1001, 65_536, 16 << 20];

fn inputs(n: usize) -> Vec<f64> {
    // A low-discrepancy spread over [-20, 20): every size sees the whole range.
    (0..n)
        .map(|i| ((i as f64 * 0.618_033_988_749_895) % 1.0) * 40.0 - 20.0)
        .collect()
}

/// Each output within `tol` (relative) of the reference, before any timing.
fn check<T: Float + Into<f64>>(x: &[T], y: &[T], f: fn(f64) -> f64, tol: f64, what: &str) {
    for (&xi, &yi) in x.iter().zip(y).step_by(7) {
        let (xi, yi) = (xi.into(), yi.into());
        let r = f(xi);
        assert!(
            (yi - r).abs() <= tol * r.abs(),
            "{what}: f({xi}) = {yi}, expected {r}"
        );
    }
}

macro_rules! group {
    ($c:expr, $t:ty) => {{
        for &n in &SIZES {
            let name = format!("{}/n={}", stringify!($t), n);
            let mut g = $c.benchmark_group(&name);
            g.throughput(Throughput::Elements(n as u64));
            if n > 100_000 {
                g.sample_size(10)
                    .measurement_time(Duration::from_secs(3))
                    .warm_up_time(Duration::from_secs(1));
            }
            let x: Vec<$t> = inputs(n).into_iter().map(|v| v as $t).collect();
            let (mut y, mut dy) = (vec![0.0 as $t; n], vec![0.0 as $t; n]);
            // The f64 formula itself is a few ulps off: allow 8 epsilon (a sanity check, not the
            // accuracy test; that is tests/reference_f64.rs).
            let tol = <$t>::EPSILON as f64 * 8.0;

            g.bench_function("floor 2*x", |b| {
                b.iter(|| {
                    for (o, &v) in y.iter_mut().zip(black_box(&x)) {
                        *o = 2.0 * v;
                    }
                    black_box(&mut y);
                })
            });
            let naive = |y: &mut [$t], x: &[$t]| {
                for (o, &v) in y.iter_mut().zip(x) {
                    *o = 1.0 / (1.0 + (-v).exp());
                }
            };
            naive(&mut y, &x);
            check(&x, &y, formula::sigmoid, 4.0 * tol, "naive");
            g.bench_function("naive std sigmoid", |b| {
                b.iter(|| naive(black_box(&mut y), black_box(&x)))
            });
            let naive_grad = |y: &mut [$t], x: &[$t]| {
                for (o, &v) in y.iter_mut().zip(x) {
                    let e = (-v).exp();
                    *o = e / ((1.0 + e) * (1.0 + e));
                }
            };
            g.bench_function("naive std grad", |b| {
                b.iter(|| naive_grad(black_box(&mut y), black_box(&x)))
            });

            // The user's own loop: the scalar function per element, with other arithmetic around
            // it (here `w * f(x) + b`), as in `xs.iter().map(..)` or an ndarray `mapv`.
            let (w, b0) = (black_box(1.5 as $t), black_box(0.25 as $t));
            macro_rules! user_loop {
                ($name:expr, $f:expr, $r:expr) => {
                    for (o, &v) in y.iter_mut().zip(&x) {
                        *o = w * $f(v) + b0;
                    }
                    for (&v, &o) in x.iter().zip(&y).step_by(7) {
                        let want = w as f64 * $r(v as f64) + b0 as f64;
                        assert!((o as f64 - want).abs() <= 1e-5 * want, "{}: {v}", $name);
                    }
                    g.bench_function($name, |bn| {
                        bn.iter(|| {
                            for (o, &v) in y.iter_mut().zip(black_box(&x)) {
                                *o = w * $f(v) + b0;
                            }
                            black_box(&mut y);
                        })
                    });
                };
            }
            if n <= 65_536 {
                user_loop!(
                    "user loop naive",
                    |v: $t| 1.0 / (1.0 + (-v).exp()),
                    formula::sigmoid
                );
                user_loop!(
                    "user loop exact sigmoid",
                    sigtab::exact::sigmoid,
                    formula::sigmoid
                );
                user_loop!(
                    "user loop exact grad",
                    sigtab::exact::sigmoid_grad,
                    formula::sigmoid_grad
                );
                user_loop!("user loop table sigmoid", table::sigmoid, formula::sigmoid);
            }

            let k = Kernels::detect();
            k.sigmoid_slice(&x, &mut y);
            check(&x, &y, formula::sigmoid, tol, "exact sigmoid");
            g.bench_function("exact sigmoid", |b| {
                b.iter(|| k.sigmoid_slice(black_box(&x), black_box(&mut y)))
            });
            k.sigmoid_grad_slice(&x, &mut y);
            check(&x, &y, formula::sigmoid_grad, tol, "exact grad");
            g.bench_function("exact grad", |b| {
                b.iter(|| k.sigmoid_grad_slice(black_box(&x), black_box(&mut y)))
            });
            g.bench_function("exact sigmoid+grad", |b| {
                b.iter(|| {
                    k.sigmoid_and_grad_slice(black_box(&x), black_box(&mut y), black_box(&mut dy))
                })
            });
            let lin = table::Kernels::detect();
            lin.sigmoid_slice(&x, &mut y);
            check(&x, &y, formula::sigmoid, 1e-5, "table linear");
            g.bench_function("table linear sigmoid+grad", |b| {
                b.iter(|| {
                    lin.sigmoid_and_grad_slice(black_box(&x), black_box(&mut y), black_box(&mut dy))
                })
            });
            let her = table::hermite::Kernels::detect();
            her.sigmoid_slice(&x, &mut y);
            check(&x, &y, formula::sigmoid, 1e-5, "table hermite");
            g.bench_function("table hermite sigmoid+grad", |b| {
                b.iter(|| {
                    her.sigmoid_and_grad_slice(black_box(&x), black_box(&mut y), black_box(&mut dy))
                })
            });
            // fastText: 513 entries over [-8, 8], nearest entry.
            let near: Vec<$t> = (0..513)
                .map(|i| formula::sigmoid(-8.0 + i as f64 / 32.0) as $t)
                .collect();
            g.bench_function("fastText nearest sigmoid", |b| {
                b.iter(|| {
                    for (o, &v) in y.iter_mut().zip(black_box(&x)) {
                        *o = if v < -8.0 {
                            0.0
                        } else if v > 8.0 {
                            1.0
                        } else {
                            near[((v + 8.0) * 32.0) as usize]
                        };
                    }
                    black_box(&mut y);
                })
            });
            if n <= 65_536 {
                // Memoization on inputs with 1000 distinct values, each run starting empty.
                let few: Vec<$t> = (0..n).map(|i| x[(i * 7919) % 1000]).collect();
                g.bench_function("memo HashMap sigmoid+grad (1000 distinct)", |b| {
                    b.iter(|| {
                        let mut memo: HashMap<u64, ($t, $t)> = HashMap::new();
                        for ((o, d), &v) in y.iter_mut().zip(dy.iter_mut()).zip(black_box(&few)) {
                            (*o, *d) = *memo
                                .entry(v.to_bits() as u64)
                                .or_insert_with(|| k.sigmoid_and_grad(v));
                        }
                        black_box(&mut y);
                    })
                });
                g.bench_function(
                    "memo direct-mapped 4096 sigmoid+grad (1000 distinct)",
                    |b| {
                        b.iter(|| {
                            let (mut keys, mut vals) =
                                (vec![u64::MAX; 4096], vec![(0.0 as $t, 0.0 as $t); 4096]);
                            for ((o, d), &v) in y.iter_mut().zip(dy.iter_mut()).zip(black_box(&few))
                            {
                                let bits = v.to_bits() as u64;
                                let slot =
                                    (bits.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize;
                                if keys[slot] != bits {
                                    keys[slot] = bits;
                                    vals[slot] = k.sigmoid_and_grad(v);
                                }
                                (*o, *d) = vals[slot];
                            }
                            black_box(&mut y);
                        })
                    },
                );
                for backend in Backend::available().filter(|&b| b != Backend::Portable) {
                    let kb = Kernels::new(backend).unwrap();
                    kb.sigmoid_slice(&x, &mut y);
                    check(&x, &y, formula::sigmoid, tol, backend.name());
                    g.bench_with_input(
                        BenchmarkId::new("exact sigmoid on", backend.name()),
                        &x,
                        |b, x| b.iter(|| kb.sigmoid_slice(black_box(x), black_box(&mut y))),
                    );
                }
            }
            g.finish();
        }
    }};
}

fn f32_kernels(c: &mut Criterion) {
    group!(c, f32);
}

fn f64_kernels(c: &mut Criterion) {
    group!(c, f64);
}

/// A dependent scalar chain: each call's input is the previous call's output (an iterative inner
/// loop), so each call's latency counts. `x -> 8 s(x) - 4`, then `x -> 16 s'(x) - 2`: stays in
/// (-4, 4). Target: a table call costs at most half an exact call, and at most 6 ns.
fn chain(c: &mut Criterion) {
    const STEPS: u64 = 1000;
    macro_rules! chain {
        ($t:ty) => {{
            let mut g = c.benchmark_group(concat!("chain/", stringify!($t)));
            g.throughput(Throughput::Elements(2 * STEPS));
            macro_rules! contender {
                ($name:expr, $s:expr, $d:expr) => {
                    g.bench_function($name, |b| {
                        b.iter(|| {
                            let mut x: $t = black_box(0.3);
                            for _ in 0..STEPS {
                                x = 8.0 * $s(x) - 4.0;
                                x = 16.0 * $d(x) - 2.0;
                            }
                            x
                        })
                    });
                };
            }
            contender!("exact", sigtab::exact::sigmoid, sigtab::exact::sigmoid_grad);
            contender!("table linear", table::sigmoid, table::sigmoid_grad);
            contender!(
                "table hermite",
                table::hermite::sigmoid,
                table::hermite::sigmoid_grad
            );
            contender!("naive std", |v: $t| 1.0 / (1.0 + (-v).exp()), |v: $t| {
                let e = (-v).exp();
                e / ((1.0 + e) * (1.0 + e))
            });
            g.finish();
        }};
    }
    chain!(f32);
    chain!(f64);
}

/// `sigtab::par` against one core, around `par::MIN_PARALLEL_LEN` and at 16M (feature
/// `parallel`: `cargo bench --features parallel -- parallel`). Target: >= 1.8x one core at 16M on
/// 2 cores.
#[cfg(feature = "parallel")]
fn parallel(c: &mut Criterion) {
    for n in [32 << 10, 64 << 10, 128 << 10, 256 << 10, 16 << 20] {
        let mut g = c.benchmark_group(format!("parallel/f32/n={n}"));
        g.throughput(Throughput::Elements(n as u64));
        if n > 100_000 {
            g.sample_size(10)
                .measurement_time(Duration::from_secs(3))
                .warm_up_time(Duration::from_secs(1));
        }
        let x: Vec<f32> = inputs(n).into_iter().map(|v| v as f32).collect();
        let (mut y, mut dy) = (vec![0.0f32; n], vec![0.0f32; n]);
        sigtab::par::exact::sigmoid_and_grad_slice(&x, &mut y, &mut dy);
        check(&x, &y, formula::sigmoid, 8.0 * f32::EPSILON as f64, "par");
        g.bench_function("exact sigmoid+grad, one core", |b| {
            b.iter(|| sigtab::exact::sigmoid_and_grad_slice(black_box(&x), &mut y, &mut dy))
        });
        g.bench_function("exact sigmoid+grad, par", |b| {
            b.iter(|| sigtab::par::exact::sigmoid_and_grad_slice(black_box(&x), &mut y, &mut dy))
        });
        g.finish();
    }
}

#[cfg(not(feature = "parallel"))]
fn parallel(_: &mut Criterion) {}

/// Each finite output within `tol` of the reference, relative to `max(|r|, floor)` (`floor` > 0
/// where the function crosses zero and the f64 formula loses its relative accuracy there).
fn check_family<T: Float + Into<f64>>(
    args: (&[T], Option<&[T]>),
    y: &[T],
    f: &dyn Fn(f64, f64) -> f64,
    tol: f64,
    floor: f64,
    what: &str,
) {
    let (x, t) = args;
    for i in (0..x.len()).step_by(7) {
        let (xi, ti): (f64, f64) = (x[i].into(), t.map_or(0.0, |t| t[i].into()));
        let (yi, r): (f64, f64) = (y[i].into(), f(xi, ti));
        let ok = if r.is_finite() {
            (yi - r).abs() <= tol * r.abs().max(floor)
        } else {
            yi == r
        };
        assert!(ok, "{what}: f({xi}, {ti}) = {yi}, expected {r}");
    }
}

/// One function of the family, in its group: `exact sigmoid` on `x`, then the kernel, then each
/// naive loop, all on `input` (and `t` for the loss), each kernel checked first.
macro_rules! family_bench {
    ($c:ident, $k:ident, $t:ty, $n:ident, $x:ident, $tg:ident, $y:ident, $tol:ident;
     $name:literal, $input:expr, $r:expr, $floor:expr, $slice:expr,
     [$($naive:literal => $nf:expr),* $(,)?]) => {{
        let input: &[$t] = $input;
        let mut g = family_group($c, $name, stringify!($t), $n);
        g.bench_function("exact sigmoid", |b| {
            b.iter(|| $k.sigmoid_slice(black_box(&$x), black_box(&mut $y)))
        });
        let slice = $slice;
        slice(input, &mut $y);
        check_family((input, Some(&$tg)), &$y, &$r, $tol, $floor, concat!("exact ", $name));
        g.bench_function(concat!("exact ", $name), |b| {
            b.iter(|| slice(black_box(input), black_box(&mut $y)))
        });
        $(
            let naive = |y: &mut [$t], x: &[$t], t: &[$t]| {
                for ((o, &v), &w) in y.iter_mut().zip(x).zip(t) {
                    *o = $nf(v, w);
                }
            };
            g.bench_function($naive, |b| {
                b.iter(|| naive(black_box(&mut $y), black_box(input), black_box(&$tg)))
            });
        )*
        g.finish();
    }};
}

/// A group of the family's: `{name}/{prec}/n={n}`, with the main groups' settings for big n.
fn family_group<'a>(
    c: &'a mut Criterion,
    name: &str,
    prec: &str,
    n: usize,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(format!("{name}/{prec}/n={n}"));
    g.throughput(Throughput::Elements(n as u64));
    if n > 100_000 {
        g.sample_size(10)
            .measurement_time(Duration::from_secs(3))
            .warm_up_time(Duration::from_secs(1));
    }
    g
}

/// The logistic family (issue #14), one group per function, precision and size
/// (`softplus/f32/n=65536`, ...): the slice kernel beside `exact sigmoid` (the budget:
/// each at most 2x `exact::sigmoid_slice`, the loss 2.5x) and the naive `std` formulas.
/// `cargo bench --bench kernels -- softplus/` for one function.
fn family(c: &mut Criterion) {
    macro_rules! family {
        ($t:ty) => {{
            let k = Kernels::detect();
            for &n in &SIZES {
                let x: Vec<$t> = inputs(n).into_iter().map(|v| v as $t).collect();
                // Probabilities for logit: a low-discrepancy spread over (0, 1), never 0.
                let p: Vec<$t> = (0..n)
                    .map(|i| (((i as f64 + 0.5) * 0.618_033_988_749_895) % 1.0) as $t)
                    .collect();
                // Targets for the loss: hard labels and soft ones, {0, 0.75, 0.5, 0.25, 1}.
                let t: Vec<$t> = (0..n).map(|i| ((i * 3) % 5) as $t / 4.0).collect();
                let mut y = vec![0.0 as $t; n];
                let tol = <$t>::EPSILON as f64 * 8.0;
                family_bench!(c, k, $t, n, x, t, y, tol;
                    "log_sigmoid",
                    &x,
                    |v, _| formula::log_sigmoid(v),
                    0.0,
                    |x: &[$t], y: &mut [$t]| k.log_sigmoid_slice(x, y),
                    ["naive std log_sigmoid -(-x).exp().ln_1p()" => |v: $t, _| -(-v).exp().ln_1p()]
                );
                family_bench!(c, k, $t, n, x, t, y, tol;
                    "softplus",
                    &x,
                    |v, _| formula::softplus(v),
                    0.0,
                    |x: &[$t], y: &mut [$t]| k.softplus_slice(x, y),
                    [
                        "naive std softplus (1+x.exp()).ln()" => |v: $t, _| (1.0 + v.exp()).ln(),
                        "naive std softplus x.exp().ln_1p()" => |v: $t, _| v.exp().ln_1p(),
                    ]
                );
                family_bench!(c, k, $t, n, x, t, y, tol;
                    "logit",
                    &p,
                    |v, _| formula::logit(v),
                    0.0,
                    |x: &[$t], y: &mut [$t]| k.logit_slice(x, y),
                    ["naive std logit (p/(1-p)).ln()" => |v: $t, _| (v / (1.0 - v)).ln()]
                );
                family_bench!(c, k, $t, n, x, t, y, tol;
                    "silu",
                    &x,
                    |v, _| formula::silu(v),
                    0.0,
                    |x: &[$t], y: &mut [$t]| k.silu_slice(x, y),
                    ["naive std silu x/(1+(-x).exp())" => |v: $t, _| v / (1.0 + (-v).exp())]
                );
                family_bench!(c, k, $t, n, x, t, y, tol;
                    "silu_grad",
                    &x,
                    |v, _| formula::silu_grad(v),
                    1.0,
                    |x: &[$t], y: &mut [$t]| k.silu_grad_slice(x, y),
                    ["naive std silu_grad s*(1+x*(1-s))" => |v: $t, _| {
                        let s = 1.0 / (1.0 + (-v).exp());
                        s * (1.0 + v * (1.0 - s))
                    }]
                );
                family_bench!(c, k, $t, n, x, t, y, tol;
                    "binary_cross_entropy_with_logits",
                    &x,
                    formula::binary_cross_entropy_with_logits,
                    1.0,
                    |x: &[$t], y: &mut [$t]| k.binary_cross_entropy_with_logits_slice(x, &t, y),
                    [
                        "naive std t*softplus(-x)+(1-t)*softplus(x)" => |v: $t, w: $t| {
                            w * (1.0 + (-v).exp()).ln() + (1.0 - w) * (1.0 + v.exp()).ln()
                        },
                        "stable std max(x,0)-x*t+(-|x|).exp().ln_1p()" => |v: $t, w: $t| {
                            v.max(0.0) - v * w + (-v.abs()).exp().ln_1p()
                        },
                    ]
                );
            }
        }};
    }
    family!(f32);
    family!(f64);
}

criterion_group!(benches, f32_kernels, f64_kernels, chain, parallel, family);
criterion_main!(benches);
