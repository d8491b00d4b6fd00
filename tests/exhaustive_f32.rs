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
