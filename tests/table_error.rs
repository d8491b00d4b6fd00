//! The table kernels keep their published promises at the compiled resolution:
//! - every f32 input: absolute error within `MAX_ERR_*`, on every backend, linear and Hermite,
//!   fused equal to separate; `sigmoid` non-decreasing over all f32 inputs in order;
//! - a large f64 sample against a 256-bit reference: within `MAX_ERR_*_F64`;
//! - the tables' entries equal the formula that made them, and their size is `BYTES_*`;
//! - no jump at the table's edges larger than the published error.
//!
//! Measure a resolution, every f32 input included:
//! `cargo test --release --no-default-features --features std,table-N --test table_error -- --include-ignored --nocapture`
//! (without another `table-*` feature on: with several enabled the finest wins).
//! `SIGTAB_F32_WITHIN=w` restricts the f32 sweep to `|x| <= w` and `SIGTAB_F32_STRIDE=s` thins it
//! (see `common::Sweep`; CI uses them for the non-default resolutions and under qemu).

mod common;

use astro_float::{BigFloat, Consts};
use common::{formula, par_chunks};
use sigtab::table::{self, MaxErr, hermite};
use sigtab::{Backend, exact};

/// Which kernels: `(name, sigmoid slice, grad slice, fused slice, bound f32, bound f64)`.
type SliceFn<T> = fn(sigtab::Backend, &[T], &mut [T]);
type BothFn<T> = fn(sigtab::Backend, &[T], &mut [T], &mut [T]);

struct Interp {
    name: &'static str,
    s32: SliceFn<f32>,
    g32: SliceFn<f32>,
    b32: BothFn<f32>,
    s64: SliceFn<f64>,
    g64: SliceFn<f64>,
    bound32: MaxErr,
    bound64: MaxErr,
}

fn interps() -> [Interp; 2] {
    [
        Interp {
            name: "linear",
            s32: |b, x, y| table::Kernels::new(b).unwrap().sigmoid_slice(x, y),
            g32: |b, x, y| table::Kernels::new(b).unwrap().sigmoid_grad_slice(x, y),
            b32: |b, x, y, d| {
                table::Kernels::new(b)
                    .unwrap()
                    .sigmoid_and_grad_slice(x, y, d)
            },
            s64: |b, x, y| table::Kernels::new(b).unwrap().sigmoid_slice(x, y),
            g64: |b, x, y| table::Kernels::new(b).unwrap().sigmoid_grad_slice(x, y),
            bound32: table::MAX_ERR_LINEAR_F32,
            bound64: table::MAX_ERR_LINEAR_F64,
        },
        Interp {
            name: "hermite",
            s32: |b, x, y| hermite::Kernels::new(b).unwrap().sigmoid_slice(x, y),
            g32: |b, x, y| hermite::Kernels::new(b).unwrap().sigmoid_grad_slice(x, y),
            b32: |b, x, y, d| {
                hermite::Kernels::new(b)
                    .unwrap()
                    .sigmoid_and_grad_slice(x, y, d)
            },
            s64: |b, x, y| hermite::Kernels::new(b).unwrap().sigmoid_slice(x, y),
            g64: |b, x, y| hermite::Kernels::new(b).unwrap().sigmoid_grad_slice(x, y),
            bound32: hermite::MAX_ERR_F32,
            bound64: hermite::MAX_ERR_F64,
        },
    ]
}

/// Largest absolute errors seen for one (interpolation, backend), and the gap to the reference.
#[derive(Clone, Copy, Default)]
struct Seen {
    s: (f64, f32),
    g: (f64, f32),
    differ: u64,
    gap: f64,
}

impl Seen {
    fn see(&mut self, ds: f64, dg: f64, x: f32) {
        if ds > self.s.0 {
            self.s = (ds, x);
        }
        if dg > self.g.0 {
            self.g = (dg, x);
        }
    }
    fn merge(self, b: Seen) -> Seen {
        Seen {
            s: if b.s.0 > self.s.0 { b.s } else { self.s },
            g: if b.g.0 > self.g.0 { b.g } else { self.g },
            differ: self.differ + b.differ,
            gap: self.gap.max(b.gap),
        }
    }
}

/// One backend's `(s, s')` for a chunk, from the fused kernel, after its own checks: range,
/// `sigmoid` non-decreasing, and the separate kernels equal to the fused one for every input.
fn run(interp: &Interp, b: Backend, x: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let n = x.len();
    let (mut s, mut g) = (vec![0.0; n], vec![0.0; n]);
    (interp.b32)(b, x, &mut s, &mut g);
    let (mut s1, mut g1) = (vec![0.0; n], vec![0.0; n]);
    (interp.s32)(b, x, &mut s1);
    (interp.g32)(b, x, &mut g1);
    for i in 0..n {
        assert_eq!(
            (s1[i].to_bits(), g1[i].to_bits()),
            (s[i].to_bits(), g[i].to_bits()),
            "{} on {b:?}: fused differs at {}",
            interp.name,
            x[i]
        );
    }
    for i in 0..n {
        assert!(
            (0.0..=1.0).contains(&s[i]) && (0.0..=0.25).contains(&g[i]),
            "{} on {b:?}: range at {}",
            interp.name,
            x[i]
        );
        if i > 0 {
            assert!(
                s[i] >= s[i - 1],
                "{} on {b:?}: sigmoid decreases: s({}) = {} > s({}) = {}",
                interp.name,
                x[i - 1],
                s[i - 1],
                x[i],
                s[i]
            );
        }
    }
    (s, g)
}

/// Every non-NaN f32 in increasing order (NaN: `special_values.rs`). The reference backend (see
/// `common::reference_and_others`) is checked against the f64 formula; every other backend is
/// compared with it bit for bit (FMA backends must be identical; where SSE2 differs its own error
/// is measured and the gap reported and bounded). The comparison runs the fused kernels; the
/// separate ones equal them (see `run`).
///
/// Full run with the portable reference (what CI does):
/// `RUSTFLAGS="-C target-feature=+fma" cargo test --release --test table_error -- --nocapture`
#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_every_f32_within_the_published_error_and_monotone() {
    let sweep = common::Sweep::from_env();
    let total = sweep.count;
    let interps = interps();
    let (reference, others) = common::reference_and_others();
    let backends: Vec<Backend> = std::iter::once(reference).chain(others).collect();
    let t = std::time::Instant::now();
    let per = par_chunks(total, 1 << 13, |start, len| {
        // One element of overlap with the next chunk, for monotonicity across chunks.
        let end = (start + len + 1).min(total);
        let x: Vec<f32> = (start..end).map(|k| sweep.at(k)).collect();
        let (rs, rg): (Vec<f64>, Vec<f64>) = x
            .iter()
            .map(|&v| formula::sigmoid_and_grad(v as f64))
            .unzip();
        let mut seen = vec![Seen::default(); interps.len() * backends.len()];
        for (j, interp) in interps.iter().enumerate() {
            let (s, g) = run(interp, reference, &x);
            let (es, eg): (Vec<f64>, Vec<f64>) = (0..x.len())
                .map(|i| ((s[i] as f64 - rs[i]).abs(), (g[i] as f64 - rg[i]).abs()))
                .unzip();
            let base = j * backends.len();
            for i in 0..x.len() {
                seen[base].see(es[i], eg[i], x[i]);
            }
            for (k, &b) in backends.iter().enumerate().skip(1) {
                let (s2, g2) = run(interp, b, &x);
                let w = &mut seen[base + k];
                for i in 0..x.len() {
                    if (s2[i].to_bits(), g2[i].to_bits()) == (s[i].to_bits(), g[i].to_bits()) {
                        w.see(es[i], eg[i], x[i]);
                        continue;
                    }
                    assert!(
                        b == Backend::Sse2,
                        "{} on {b:?} differs from {reference:?} at {}",
                        interp.name,
                        x[i]
                    );
                    w.see(
                        (s2[i] as f64 - rs[i]).abs(),
                        (g2[i] as f64 - rg[i]).abs(),
                        x[i],
                    );
                    w.differ += 1;
                    w.gap = w
                        .gap
                        .max((s2[i] - s[i]).abs().max((g2[i] - g[i]).abs()) as f64);
                }
            }
        }
        seen
    });
    for (j, interp) in interps.iter().enumerate() {
        for (k, backend) in backends.iter().enumerate() {
            let w = per
                .iter()
                .map(|p| p[j * backends.len() + k])
                .fold(Seen::default(), Seen::merge);
            println!(
                "table {} f32 N={} on {:>9}: sigmoid max abs err {:.4e} (x = {}), grad {:.4e} (x = {}); \
                 differs from {} on {} inputs, by at most {:.2e}",
                interp.name,
                table::ENTRIES_PER_UNIT,
                backend.name(),
                w.s.0,
                w.s.1,
                w.g.0,
                w.g.1,
                reference.name(),
                w.differ,
                w.gap,
            );
            assert!(
                w.s.0 <= interp.bound32.sigmoid,
                "{} sigmoid {:e} > {:e}",
                interp.name,
                w.s.0,
                interp.bound32.sigmoid
            );
            assert!(
                w.g.0 <= interp.bound32.sigmoid_grad,
                "{} grad {:e} > {:e}",
                interp.name,
                w.g.0,
                interp.bound32.sigmoid_grad
            );
            // Two results each within the bound are within twice the bound of each other.
            assert!(
                w.gap <= 2.0 * interp.bound32.sigmoid.max(interp.bound32.sigmoid_grad),
                "{} on {backend:?}: gap {:e}",
                interp.name,
                w.gap
            );
        }
    }
    println!(
        "checked {} on {} backends (reference {}) in {:.1?}",
        sweep.name(),
        backends.len(),
        reference.name(),
        t.elapsed()
    );
}

#[test]
fn backends_agree_with_portable() {
    // FMA backends bit for bit; SSE2 (no FMA) within the rounding of the interpolation, reported.
    let x: Vec<f32> = (0..200_000u32).map(|i| -17.0 + i as f32 * 1.7e-4).collect();
    let xd: Vec<f64> = x.iter().map(|&v| v as f64 * 1.000_000_1).collect();
    for interp in interps() {
        let (mut p, mut q) = (vec![0.0; x.len()], vec![0.0; x.len()]);
        let (mut pd, mut qd) = (vec![0.0; x.len()], vec![0.0; x.len()]);
        (interp.s32)(Backend::Portable, &x, &mut p);
        (interp.s64)(Backend::Portable, &xd, &mut pd);
        for b in Backend::available() {
            (interp.s32)(b, &x, &mut q);
            (interp.s64)(b, &xd, &mut qd);
            if b == Backend::Sse2 {
                let gap32 = p
                    .iter()
                    .zip(&q)
                    .map(|(a, c)| (a - c).abs() as f64)
                    .fold(0.0, f64::max);
                let gap64 = pd
                    .iter()
                    .zip(&qd)
                    .map(|(a, c)| (a - c).abs())
                    .fold(0.0, f64::max);
                println!(
                    "table {} sse2 vs portable: largest difference {gap32:.2e} (f32), {gap64:.2e} (f64)",
                    interp.name
                );
                assert!(
                    gap32 <= 4.0 * f32::EPSILON as f64 && gap64 <= 4.0 * f64::EPSILON,
                    "{} {gap32} {gap64}",
                    interp.name
                );
            } else {
                assert_eq!(p, q, "{} f32 on {b:?}", interp.name);
                assert_eq!(pd, qd, "{} f64 on {b:?}", interp.name);
            }
        }
    }
}

fn to_f64(b: &BigFloat) -> f64 {
    match b.as_raw_parts() {
        None => f64::NAN,
        Some((m, _, _, _, _)) if m.iter().all(|&w| w == 0) => 0.0,
        Some((m, _, s, e, _)) => {
            let v = (m[m.len() - 1] as f64) * 2f64.powi(e - 64);
            if s == astro_float::Sign::Neg { -v } else { v }
        }
    }
}

#[test]
fn f64_sample_within_the_published_error_against_256_bit_reference() {
    use common::reference::{P, RM};
    let mut cc = Consts::new().unwrap();
    let n = if cfg!(debug_assertions) {
        2_000
    } else {
        30_000
    };
    let mut rng = common::Rng(0x7ab1e);
    let mut x: Vec<f64> = (0..n).map(|_| rng.uniform(-17.0, 17.0)).collect();
    x.extend(
        common::f64_sample(n / 10)
            .into_iter()
            .filter(|v| v.abs() < 60.0),
    );
    let refs: Vec<(BigFloat, BigFloat)> = x
        .iter()
        .map(|&v| common::reference::sigmoid_and_grad(v, &mut cc))
        .collect();
    for interp in interps() {
        for b in Backend::available() {
            let (mut s, mut g) = (vec![0.0; x.len()], vec![0.0; x.len()]);
            (interp.s64)(b, &x, &mut s);
            (interp.g64)(b, &x, &mut g);
            let (mut es, mut eg) = (0.0f64, 0.0f64);
            for i in 0..x.len() {
                let ds = to_f64(&BigFloat::from_f64(s[i], P).sub(&refs[i].0, P, RM)).abs();
                let dg = to_f64(&BigFloat::from_f64(g[i], P).sub(&refs[i].1, P, RM)).abs();
                es = es.max(ds);
                eg = eg.max(dg);
            }
            println!(
                "table {} f64 N={} on {:>9}: sigmoid max abs err {:.3e}, grad {:.3e} ({} inputs)",
                interp.name,
                table::ENTRIES_PER_UNIT,
                b.name(),
                es,
                eg,
                x.len()
            );
            assert!(
                es <= interp.bound64.sigmoid,
                "{} f64 sigmoid {es:e}",
                interp.name
            );
            assert!(
                eg <= interp.bound64.sigmoid_grad,
                "{} f64 grad {eg:e}",
                interp.name
            );
        }
    }
}

#[test]
fn entries_are_the_formula_and_sizes_are_published() {
    let n = table::ENTRIES_PER_UNIT as f64;
    assert_eq!(table::ENTRIES, (2.0 * table::RANGE * n) as usize + 2);
    assert_eq!(table::BYTES_F32, table::ENTRIES * 8);
    assert_eq!(table::BYTES_F64, table::ENTRIES * 16);
    let expected_f32_bytes = match table::ENTRIES_PER_UNIT {
        64 => 16_400,
        256 => 65_552,
        1024 => 262_160,
        4096 => 1_048_592,
        other => panic!("unexpected resolution {other}"),
    };
    assert_eq!(table::BYTES_F32, expected_f32_bytes);
    // Each node: the table returns its entry (t = 0), which is the formula rounded once.
    for i in 0..table::ENTRIES - 1 {
        let x = -table::RANGE + i as f64 / n;
        if x <= -table::RANGE {
            continue; // -RANGE itself is served by the exact tail
        }
        let (s, g) = formula::sigmoid_and_grad(x);
        assert_eq!(table::sigmoid(x), s, "s entry {i}");
        assert_eq!(table::sigmoid_grad(x), g, "s' entry {i}");
        assert_eq!(table::sigmoid(x as f32), s as f32, "f32 s entry {i}");
        assert_eq!(
            hermite::sigmoid(x as f32),
            s as f32,
            "hermite f32 s entry {i}"
        );
        assert_eq!(hermite::sigmoid_grad(x), g, "hermite s' entry {i}");
    }
}

#[test]
fn edges_and_tails() {
    for interp_err in [table::MAX_ERR_LINEAR_F64, hermite::MAX_ERR_F64] {
        let r = table::RANGE;
        for edge in [-r, r] {
            let inside = if edge < 0.0 { edge + 1e-9 } else { edge - 1e-9 };
            for (a, b) in [
                (table::sigmoid(inside), table::sigmoid(edge)),
                (hermite::sigmoid(inside), hermite::sigmoid(edge)),
            ] {
                assert!(
                    (a - b).abs() <= interp_err.sigmoid.max(1e-15) * 2.0,
                    "jump at {edge}: {a} {b}"
                );
            }
        }
    }
    // Saturation only where the true value rounds to 1; the exact kernels agree there.
    assert_eq!(exact::sigmoid(17.5f32), 1.0);
    assert_eq!(exact::sigmoid(37.5f64), 1.0);
    assert!(exact::sigmoid(17.3f32) < 1.0 && exact::sigmoid(37.4f64) < 1.0);
    assert_eq!(table::sigmoid(17.4f32), exact::sigmoid(17.4f32));
    assert_eq!(table::sigmoid(20.0f32), 1.0);
    // The tails are the exact kernels.
    assert_eq!(table::sigmoid_grad(-500.0f64), 7.124576406741286e-218);
    assert_eq!(hermite::sigmoid_grad(500.0f64), 7.124576406741286e-218);
    assert_eq!(table::sigmoid(-745.0f64), 5e-324);
    assert!(table::sigmoid(f64::NAN).is_nan() && hermite::sigmoid_grad(f32::NAN).is_nan());
    assert_eq!(table::sigmoid(f64::INFINITY), 1.0);
    assert_eq!(hermite::sigmoid(f32::NEG_INFINITY), 0.0);
    assert_eq!(table::sigmoid_grad(f32::INFINITY), 0.0);
    assert_eq!(table::sigmoid(-0.0f64), 0.5);
}
