//! Every one of the 2^32 f32 inputs through the exact kernels, on every backend this CPU runs.
//! Release builds only: `cargo test --release`.
//!
//! The reference backend (portable, when built with FMA in hardware: see
//! `common::reference_and_others`) is checked against the f64 formula (`src/formula.rs`) for every
//! input: both functions within `BOUND` ulps, NaN in gives NaN out, `sigmoid` non-decreasing over
//! the inputs in order. Every other backend is compared with the reference bit for bit for every
//! input: the FMA backends must be identical; SSE2 (exact products by Dekker's method, not FMA)
//! may differ, and where it does its own error is measured, and the largest gap to the reference
//! is reported and bounded. The comparison runs the fused kernel (both functions); on every
//! backend the separate slice kernels and the in-place forms equal it for every input, and the
//! scalar forms equal it on a stride (every 97th input).
//!
//! Full run with the portable reference (what CI does):
//! `RUSTFLAGS="-C target-feature=+fma" cargo test --release --test exhaustive_f32 -- --nocapture`
//!
//! On a slow runner, `SIGTAB_F32_STRIDE=s` takes every `s`-th input instead (CI does so for
//! aarch64 under qemu; see `common::Sweep`).
//!
//! The logistic family (`log_sigmoid`, `softplus`, `logit`, `silu`, `silu_grad`, within 1 ulp, and
//! `binary_cross_entropy_with_logits`, within 2) has its own tests below, against the same f64
//! formulas; see the comment there for which backend runs which inputs.

mod common;

use common::{Worst, formula, par_chunks, ulps_f32};
use sigtab::{Backend, exact::Kernels};

/// The published bound for both exact f32 kernels.
const BOUND: f64 = 1.0;
const CHUNK: u64 = 1 << 13;
/// Every `STRIDE`-th input is also run through the scalar API (and through portable where it is
/// not the reference).
const STRIDE: usize = 97;

#[derive(Clone, Copy, Default, Debug)]
struct Seen {
    s: Worst,
    g: Worst,
    /// Inputs where this backend differs from the reference.
    differ: u64,
    /// The largest such difference, in ulps of the exact value.
    gap: f64,
}

impl Seen {
    fn merge(self, o: Seen) -> Seen {
        Seen {
            s: self.s.merge(o.s),
            g: self.g.merge(o.g),
            differ: self.differ + o.differ,
            gap: self.gap.max(o.gap),
        }
    }
}

/// One backend's results for a chunk, after its internal consistency checks.
struct Run {
    s: Vec<f32>,
    g: Vec<f32>,
}

/// The fused slice kernel over `x`, checked against the other forms: the separate slice kernels
/// and the in-place forms for every input, the scalar forms on every `STRIDE`-th input.
fn run(k: Kernels, x: &[f32]) -> Run {
    let n = x.len();
    let b = k.backend();
    let (mut s, mut g) = (vec![0.0; n], vec![0.0; n]);
    k.sigmoid_and_grad_slice(x, &mut s, &mut g);
    let (mut s1, mut g1) = (vec![0.0; n], vec![0.0; n]);
    k.sigmoid_slice(x, &mut s1);
    k.sigmoid_grad_slice(x, &mut g1);
    let mut inplace = x.to_vec();
    k.sigmoid_in_place(&mut inplace);
    let mut ginplace = x.to_vec();
    k.sigmoid_grad_in_place(&mut ginplace);
    for i in 0..n {
        let xi = x[i];
        assert_eq!(
            s1[i].to_bits(),
            s[i].to_bits(),
            "{b:?}: fused s differs at x = {xi:e}"
        );
        assert_eq!(
            g1[i].to_bits(),
            g[i].to_bits(),
            "{b:?}: fused s' differs at x = {xi:e}"
        );
        assert_eq!(
            inplace[i].to_bits(),
            s[i].to_bits(),
            "{b:?}: in-place differs at x = {xi:e}"
        );
        assert_eq!(
            ginplace[i].to_bits(),
            g[i].to_bits(),
            "{b:?}: grad in-place differs at x = {xi:e}"
        );
    }
    for i in 1..n {
        assert!(
            s[i] >= s[i - 1],
            "{b:?}: s({}) = {} > s({}) = {}",
            x[i - 1],
            s[i - 1],
            x[i],
            s[i]
        );
    }
    for i in (0..n).step_by(STRIDE) {
        let xi = x[i];
        assert_eq!(
            k.sigmoid(xi).to_bits(),
            s[i].to_bits(),
            "{b:?}: scalar s differs at x = {xi:e}"
        );
        assert_eq!(
            k.sigmoid_grad(xi).to_bits(),
            g[i].to_bits(),
            "{b:?}: scalar s' differs at x = {xi:e}"
        );
        let (ss, sg) = k.sigmoid_and_grad(xi);
        assert_eq!(
            (ss.to_bits(), sg.to_bits()),
            (s[i].to_bits(), g[i].to_bits()),
            "{b:?}: scalar fused differs at x = {xi:e}"
        );
    }
    Run { s, g }
}

#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_every_f32_within_one_ulp_and_monotone_on_every_backend() {
    let (reference, others) = common::reference_and_others();
    let sweep = common::Sweep::from_env();
    let total = sweep.count;
    let t = std::time::Instant::now();
    let all = par_chunks(total, CHUNK, |start, len| {
        // Inputs in increasing order, with one element of overlap with the next chunk (for
        // monotonicity across chunks).
        let x: Vec<f32> = (start..(start + len + 1).min(total))
            .map(|k| sweep.at(k))
            .collect();
        let r = run(Kernels::new(reference).unwrap(), &x);
        let mut seen = vec![Seen::default(); 1 + others.len()];
        let (mut es, mut eg) = (vec![0.0; x.len()], vec![0.0; x.len()]);
        for i in 0..x.len() {
            let (ts, tg) = formula::sigmoid_and_grad(x[i] as f64);
            (es[i], eg[i]) = (ulps_f32(r.s[i], ts), ulps_f32(r.g[i], tg));
            seen[0].s.see(es[i], x[i] as f64);
            seen[0].g.see(eg[i], x[i] as f64);
        }
        for (j, &b) in others.iter().enumerate() {
            let o = run(Kernels::new(b).unwrap(), &x);
            let w = &mut seen[j + 1];
            for i in 0..x.len() {
                let same =
                    (o.s[i].to_bits(), o.g[i].to_bits()) == (r.s[i].to_bits(), r.g[i].to_bits());
                if same {
                    w.s.see(es[i], x[i] as f64);
                    w.g.see(eg[i], x[i] as f64);
                    continue;
                }
                assert!(
                    b == Backend::Sse2,
                    "{b:?} differs from {reference:?} at x = {:e}",
                    x[i]
                );
                let (ts, tg) = formula::sigmoid_and_grad(x[i] as f64);
                let (us, ug) = (ulps_f32(o.s[i], ts), ulps_f32(o.g[i], tg));
                w.s.see(us, x[i] as f64);
                w.g.see(ug, x[i] as f64);
                w.differ += 1;
                w.gap = w
                    .gap
                    .max(ulps_f32(o.s[i], r.s[i] as f64))
                    .max(ulps_f32(o.g[i], r.g[i] as f64));
            }
        }
        if reference != Backend::Portable {
            let p = Kernels::new(Backend::Portable).unwrap();
            for i in (0..x.len()).step_by(STRIDE) {
                let (ps, pg) = p.sigmoid_and_grad(x[i]);
                assert_eq!(
                    (ps.to_bits(), pg.to_bits()),
                    (r.s[i].to_bits(), r.g[i].to_bits()),
                    "portable differs from {reference:?} at x = {:e}",
                    x[i]
                );
            }
        }
        seen
    });
    for (j, backend) in std::iter::once(&reference).chain(&others).enumerate() {
        let w = all
            .iter()
            .map(|per| per[j])
            .fold(Seen::default(), Seen::merge);
        println!(
            "exact f32 on {:>9}: sigmoid max {:.4} ulp (x = {:e}), sigmoid_grad max {:.4} ulp (x = {:e}); \
             differs from {} on {} inputs, by at most {:.2} ulp",
            backend.name(),
            w.s.ulps,
            w.s.at,
            w.g.ulps,
            w.g.at,
            reference.name(),
            w.differ,
            w.gap,
        );
        // Two results each within BOUND of the truth are within 2 BOUND of each other.
        assert!(
            w.gap <= 2.0 * BOUND,
            "{backend:?} differs from {reference:?} by {} ulp",
            w.gap
        );
        assert!(w.s.ulps <= BOUND, "{backend:?} sigmoid: {:?}", w.s);
        assert!(w.g.ulps <= BOUND, "{backend:?} sigmoid_grad: {:?}", w.g);
    }
    println!(
        "checked {} on {} backends (reference {}) in {:.1?}",
        sweep.name(),
        1 + others.len(),
        reference.name(),
        t.elapsed()
    );
}

#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_every_nan_gives_nan_on_every_backend() {
    // The NaNs are the bit patterns above +inf, with either sign (every stride-th of them, like
    // the sweep above).
    let nan: Vec<f32> = (0x7f80_0001u32..=0x7fff_ffff)
        .step_by(common::f32_stride() as usize)
        .flat_map(|b| [f32::from_bits(b), f32::from_bits(b | 0x8000_0000)])
        .collect();
    for b in Backend::available() {
        let k = Kernels::new(b).unwrap();
        let (mut s, mut g) = (vec![0.0; nan.len()], vec![0.0; nan.len()]);
        k.sigmoid_and_grad_slice(&nan, &mut s, &mut g);
        assert!(
            s.iter().chain(&g).all(|v| v.is_nan()),
            "{b:?}: NaN in must give NaN out"
        );
        k.sigmoid_slice(&nan, &mut s);
        k.sigmoid_grad_slice(&nan, &mut g);
        assert!(
            s.iter().chain(&g).all(|v| v.is_nan()),
            "{b:?}: NaN in must give NaN out"
        );
    }
}

// The logistic family (issue #14): `log_sigmoid`, `softplus`, `logit`, `silu`, `silu_grad` over
// every f32, and `binary_cross_entropy_with_logits` over every f32 `x` at fixed targets plus a
// seeded sample of `(x, t)` pairs, each against its f64 formula (`src/formula.rs`, within 6 f64
// ulps = 2^-26 f32 ulp of the exact value: `tests/formula_accuracy.rs`).
//
// Which backend runs which inputs: the reference backend (see `common::reference_and_others`) and
// the detected one run every input; each other backend (AVX2 and SSE2 on an AVX-512 machine) runs
// every `OTHERS_EVERY`-th chunk of `CHUNK` consecutive inputs, an eighth of the line in blocks
// long enough for every SIMD path and remainder. An FMA backend must equal the reference bit for
// bit wherever it runs; SSE2 (no FMA) is measured against the formula where it differs. On the
// reference backend, the in-place form equals the slice form for every input and the scalar form
// on every `STRIDE`-th. `SIGTAB_F32_STRIDE` and `SIGTAB_F32_WITHIN` thin the line as for sigmoid.
//
// The loss: every f32 `x` at t = 0, 0.7 and 1 (`LOSS_TARGETS`), every 16th at t = 0.25 and 0.5,
// and 2^28 random pairs.
//
// Cost, estimated before the kernels existed, with the sigmoid kernels standing in for them, in
// an FMA build on an AVX-512 machine: per function and 2^32 inputs about 110 s of CPU (60 s the
// f64 formula, 50 s the kernels on portable, AVX-512 and an eighth of the line on AVX2 and SSE2,
// and the checks of the other forms), so about 55 s on 2 free cores. The five unary functions
// about 4.6 min, the loss about 3 min (3 full sweeps, 2 sixteenths, the pairs): 7.5 to 8 min
// added to the exhaustive tier, more if the new kernels cost more than sigmoid's on the portable
// backend (which runs every input).

/// The published bound of the unary functions, in ulps.
const FAMILY_BOUND: f64 = 1.0;
/// The published bound of the loss, in ulps.
const LOSS_BOUND: f64 = 2.0;
/// The non-reference, non-detected backends run every `OTHERS_EVERY`-th chunk.
const OTHERS_EVERY: u64 = 8;
/// The targets at which the loss is swept over every f32 `x` (0 and 1: one weight vanishes).
const LOSS_TARGETS: [f32; 3] = [0.0, 0.7, 1.0];
/// Targets swept over every `LOSS_THIN`-th f32 `x` only.
const LOSS_TARGETS_THIN: [f32; 2] = [0.25, 0.5];
const LOSS_THIN: u64 = 16;
/// Random `(x, t)` pairs of the loss: `x` any non-NaN f32 (uniform over the bit patterns), `t`
/// uniform in [0, 1] for half of them and uniform over the bit patterns of [0, 1] (tiny targets,
/// every binade) for the other half.
const LOSS_PAIRS: u64 = 1 << 28;

/// `out = f(x, t)` on a backend.
type SliceForm = dyn Fn(Kernels, &[f32], &[f32], &mut [f32]) + Sync;
/// Checks the other forms on a backend against the slice form's `y` for `(x, t)`.
type OtherForms = dyn Fn(Kernels, &[f32], &[f32], &[f32]) + Sync;

/// One function of the family on a backend: the slice form, and the check of the other forms
/// against it (panicking on a difference). Unary functions ignore `t`.
struct Forms {
    name: String,
    bound: f64,
    slice: Box<SliceForm>,
    others: Box<OtherForms>,
    formula: Box<dyn Fn(f64, f64) -> f64 + Sync>,
}

/// Bit for bit, any NaN equal to any NaN: a NaN result's sign and payload are unspecified and
/// may differ between the forms (logit(-inf) is NaN of either sign).
fn same(a: f32, b: f32) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// The unary functions' forms, each checked against its slice form.
macro_rules! unary_forms {
    ($($name:ident $slice:ident $in_place:ident),* $(,)?) => {
        vec![$(Forms {
            name: stringify!($name).to_string(),
            bound: FAMILY_BOUND,
            slice: Box::new(|k: Kernels, x: &[f32], _t: &[f32], y: &mut [f32]| k.$slice(x, y)),
            others: Box::new(|k: Kernels, x: &[f32], _t: &[f32], y: &[f32]| {
                let b = k.backend();
                let mut inplace = x.to_vec();
                k.$in_place(&mut inplace);
                for i in 0..x.len() {
                    assert!(
                        same(inplace[i], y[i]),
                        "{b:?}: {} in place differs at x = {:e}: {:e} vs {:e}",
                        stringify!($name),
                        x[i],
                        inplace[i],
                        y[i]
                    );
                }
                for i in (0..x.len()).step_by(STRIDE) {
                    let v = k.$name(x[i]);
                    assert!(
                        same(v, y[i]),
                        "{b:?}: scalar {} differs at x = {:e}: {:e} vs {:e}",
                        stringify!($name),
                        x[i],
                        v,
                        y[i]
                    );
                }
            }),
            formula: Box::new(|x: f64, _t: f64| formula::$name(x)),
        }),*]
    };
}

fn family_forms() -> Vec<Forms> {
    unary_forms!(
        log_sigmoid log_sigmoid_slice log_sigmoid_in_place,
        softplus softplus_slice softplus_in_place,
        logit logit_slice logit_in_place,
        silu silu_slice silu_in_place,
        silu_grad silu_grad_slice silu_grad_in_place,
    )
}

fn loss_forms(name: String) -> Forms {
    Forms {
        name,
        bound: LOSS_BOUND,
        slice: Box::new(|k: Kernels, x: &[f32], t: &[f32], y: &mut [f32]| {
            k.binary_cross_entropy_with_logits_slice(x, t, y)
        }),
        others: Box::new(|k: Kernels, x: &[f32], t: &[f32], y: &[f32]| {
            let b = k.backend();
            for i in (0..x.len()).step_by(STRIDE) {
                assert_eq!(
                    k.binary_cross_entropy_with_logits(x[i], t[i]).to_bits(),
                    y[i].to_bits(),
                    "{b:?}: scalar loss differs at (x, t) = ({:e}, {:e})",
                    x[i],
                    t[i]
                );
            }
        }),
        formula: Box::new(formula::binary_cross_entropy_with_logits),
    }
}

/// Error of `y` against the formula's `exact`, in f32 ulps: NaN and infinities must match
/// exactly.
fn family_err(y: f32, exact: f64) -> f64 {
    if exact.is_nan() || y.is_nan() {
        return if exact.is_nan() && y.is_nan() {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if exact.is_infinite() || y.is_infinite() {
        return if y as f64 == exact {
            0.0
        } else {
            f64::INFINITY
        };
    }
    ulps_f32(y, exact)
}

/// What one backend did over a sweep: its error, where it differs from the reference and by how
/// much, and how many inputs it ran.
#[derive(Clone, Copy, Default, Debug)]
struct FamilySeen {
    worst: Worst,
    /// `t` at the worst input (the loss).
    t: f32,
    differ: u64,
    gap: f64,
    ran: u64,
}

impl FamilySeen {
    fn see(&mut self, e: f64, x: f32, t: f32) {
        if e > self.worst.ulps || e.is_nan() {
            self.worst = Worst {
                ulps: e,
                at: x as f64,
            };
            self.t = t;
        }
    }
    fn merge(mut self, o: FamilySeen) -> FamilySeen {
        if o.worst.ulps > self.worst.ulps {
            self.worst = o.worst;
            self.t = o.t;
        }
        FamilySeen {
            differ: self.differ + o.differ,
            gap: self.gap.max(o.gap),
            ran: self.ran + o.ran,
            ..self
        }
    }
}

/// Runs `f` over the `total` inputs `inputs(start, len)` gives (`x`, `t`), chunk by chunk on
/// every core, and checks and prints the results per backend.
fn sweep_family(
    f: &Forms,
    total: u64,
    inputs: &(dyn Fn(u64, u64) -> (Vec<f32>, Vec<f32>) + Sync),
    what: &str,
) {
    let (reference, others) = common::reference_and_others();
    let detected = Backend::detect();
    let t0 = std::time::Instant::now();
    let all = par_chunks(total, CHUNK, |start, len| {
        let (x, t) = inputs(start, len);
        let n = x.len();
        let mut seen = vec![FamilySeen::default(); 1 + others.len()];
        let k = Kernels::new(reference).unwrap();
        let mut y = vec![0.0f32; n];
        (f.slice)(k, &x, &t, &mut y);
        (f.others)(k, &x, &t, &y);
        let mut err = vec![0.0; n];
        for i in 0..n {
            err[i] = family_err(y[i], (f.formula)(x[i] as f64, t[i] as f64));
            seen[0].see(err[i], x[i], t[i]);
        }
        seen[0].ran = n as u64;
        for (j, &b) in others.iter().enumerate() {
            if b != detected && !(start / CHUNK).is_multiple_of(OTHERS_EVERY) {
                continue;
            }
            let k = Kernels::new(b).unwrap();
            let mut o = vec![0.0f32; n];
            (f.slice)(k, &x, &t, &mut o);
            (f.others)(k, &x, &t, &o);
            let w = &mut seen[j + 1];
            w.ran += n as u64;
            for i in 0..n {
                if o[i].to_bits() == y[i].to_bits() || (o[i].is_nan() && y[i].is_nan()) {
                    w.see(err[i], x[i], t[i]);
                    continue;
                }
                assert!(
                    b == Backend::Sse2,
                    "{b:?} {} differs from {reference:?} at (x, t) = ({:e}, {:e}): {:e} vs {:e}",
                    f.name,
                    x[i],
                    t[i],
                    o[i],
                    y[i]
                );
                w.see(
                    family_err(o[i], (f.formula)(x[i] as f64, t[i] as f64)),
                    x[i],
                    t[i],
                );
                w.differ += 1;
                w.gap = w.gap.max(family_err(o[i], y[i] as f64));
            }
        }
        seen
    });
    for (j, backend) in std::iter::once(&reference).chain(&others).enumerate() {
        let w = all
            .iter()
            .map(|per| per[j])
            .fold(FamilySeen::default(), FamilySeen::merge);
        println!(
            "exact f32 on {:>9}: {} max {:.4} ulp (x = {:e}, t = {:e}) over {} of {what}; \
             differs from {} on {} inputs, by at most {:.2} ulp",
            backend.name(),
            f.name,
            w.worst.ulps,
            w.worst.at,
            w.t,
            w.ran,
            reference.name(),
            w.differ,
            w.gap,
        );
        assert!(
            w.gap <= 2.0 * f.bound,
            "{backend:?} {} differs from {reference:?} by {} ulp",
            f.name,
            w.gap
        );
        assert!(
            w.worst.ulps <= f.bound,
            "{backend:?} {}: {:?} at t = {:e}",
            f.name,
            w.worst,
            w.t
        );
    }
    println!(
        "{}: checked {what} in {:.1?} (reference {}, every input also on {}, every {}th chunk on \
         the others)",
        f.name,
        t0.elapsed(),
        reference.name(),
        detected.name(),
        OTHERS_EVERY
    );
}

#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_logistic_family_every_f32_within_one_ulp() {
    let sweep = common::Sweep::from_env();
    let inputs = |start: u64, len: u64| {
        let x: Vec<f32> = (start..start + len).map(|k| sweep.at(k)).collect();
        let t = vec![0.0; x.len()];
        (x, t)
    };
    for f in family_forms() {
        sweep_family(&f, sweep.count, &inputs, &sweep.name());
    }
}

#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_loss_every_f32_logit_at_fixed_targets_within_two_ulps() {
    let full = common::Sweep::from_env();
    let thin = common::Sweep {
        stride: full.stride * LOSS_THIN,
        count: full.count.div_ceil(LOSS_THIN),
        ..full
    };
    let plan = LOSS_TARGETS
        .iter()
        .map(|&t| (t, full))
        .chain(LOSS_TARGETS_THIN.iter().map(|&t| (t, thin)));
    for (target, sweep) in plan {
        let inputs = |start: u64, len: u64| {
            let x: Vec<f32> = (start..start + len).map(|k| sweep.at(k)).collect();
            let t = vec![target; x.len()];
            (x, t)
        };
        let f = loss_forms(format!("binary_cross_entropy_with_logits(x, t = {target})"));
        sweep_family(&f, sweep.count, &inputs, &sweep.name());
    }
}

#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_loss_random_pairs_within_two_ulps() {
    // Thinned like the sweeps by SIGTAB_F32_STRIDE.
    let total = LOSS_PAIRS / common::f32_stride();
    let inputs = |start: u64, len: u64| {
        // Seeded by the chunk: the same pairs whatever the thread that runs it.
        let mut rng = common::Rng(0x6c6f_7373 ^ start);
        let (mut x, mut t) = (
            Vec::with_capacity(len as usize),
            Vec::with_capacity(len as usize),
        );
        for k in 0..len {
            let r = rng.next_u64();
            let xi = common::ordered(r % common::ORDERED_F32);
            let ti = if (start + k).is_multiple_of(2) {
                rng.uniform(0.0, 1.0) as f32
            } else {
                f32::from_bits(((r >> 33) % 0x3f80_0001) as u32)
            };
            x.push(xi);
            t.push(ti);
        }
        (x, t)
    };
    let f = loss_forms("binary_cross_entropy_with_logits(x, t), random pairs".to_string());
    sweep_family(&f, total, &inputs, &format!("{total} random (x, t)"));
}

#[test]
#[ignore = "exhaustive, minutes in --release: scripts/test-all.sh runs it with --ignored"]
fn exhaustive_logistic_family_nan_gives_nan_on_every_backend() {
    let nan: Vec<f32> = (0x7f80_0001u32..=0x7fff_ffff)
        .step_by(common::f32_stride() as usize)
        .flat_map(|b| [f32::from_bits(b), f32::from_bits(b | 0x8000_0000)])
        .collect();
    let n = nan.len();
    for b in Backend::available() {
        let k = Kernels::new(b).unwrap();
        let mut y = vec![0.0; n];
        for f in family_forms() {
            (f.slice)(k, &nan, &nan, &mut y);
            assert!(y.iter().all(|v| v.is_nan()), "{b:?} {}: NaN in", f.name);
        }
        // Either input of the loss, with the other at a value where a weight vanishes.
        for (fixed, name) in [(0.0f32, "t = 0"), (1.0, "t = 1"), (0.5, "t = 0.5")] {
            k.binary_cross_entropy_with_logits_slice(&nan, &vec![fixed; n], &mut y);
            assert!(y.iter().all(|v| v.is_nan()), "{b:?} loss(NaN, {name})");
        }
        for fixed in [
            0.0f32,
            -0.0,
            1.0,
            -1.0,
            100.0,
            -100.0,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ] {
            k.binary_cross_entropy_with_logits_slice(&vec![fixed; n], &nan, &mut y);
            assert!(y.iter().all(|v| v.is_nan()), "{b:?} loss({fixed}, NaN)");
        }
    }
}
