//! The slice API of every kernel family (`exact`, `table`, `table::hermite`): every length
//! 0..=130 at every offset 0..16 elements, on every backend, equals the scalar function element by
//! element and never writes outside its output; mismatched lengths panic naming both lengths.
//! Dense sweeps check the blocks that take a kernel's fast path against the scalar call too.

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

macro_rules! sweep {
    ($($family:ident)::+) => {
fn sweep<T: Float + PartialEq>(conv: impl Fn(f64) -> T + Copy, guard: T) {
    use sigtab::$($family)::+::Kernels;
    let same = |a: T, b: T| a == b || (a != a && b != b);
    for backend in Backend::available() {
        let k = Kernels::new(backend).unwrap();
        // Miri runs the same sweep at reduced size (it interprets every operation): lengths up
        // to 17 still cover a full f32 block of 16 plus a remainder, and two f64 blocks.
        let (max_len, offsets) = if cfg!(miri) { (17, 2) } else { (130, 16) };
        for len in 0..=max_len {
            for off in 0..offsets {
                let x = inputs(len + off + 16, conv);
                let x = &x[off..off + len];
                // Output with guard elements on both sides.
                let mut buf = vec![guard; len + 2 * 16];
                let mut buf2 = vec![guard; len + 2 * 16];
                k.sigmoid_slice(x, &mut buf[off..off + len]);
                for (i, &xi) in x.iter().enumerate() {
                    assert!(
                        same(buf[off + i], k.sigmoid(xi)),
                        "{backend:?} len {len} off {off} i {i}"
                    );
                }
                k.sigmoid_grad_slice(x, &mut buf2[off..off + len]);
                for (i, &xi) in x.iter().enumerate() {
                    assert!(
                        same(buf2[off + i], k.sigmoid_grad(xi)),
                        "{backend:?} grad len {len} i {i}"
                    );
                }
                let (mut y, mut dy) = (vec![guard; len + 32], vec![guard; len + 32]);
                k.sigmoid_and_grad_slice(x, &mut y[off..off + len], &mut dy[off..off + len]);
                for i in 0..len {
                    assert!(same(y[off + i], buf[off + i]) && same(dy[off + i], buf2[off + i]));
                }
                let mut inplace = vec![guard; len + 32];
                inplace[off..off + len].copy_from_slice(x);
                k.sigmoid_in_place(&mut inplace[off..off + len]);
                let mut ginplace = vec![guard; len + 32];
                ginplace[off..off + len].copy_from_slice(x);
                k.sigmoid_grad_in_place(&mut ginplace[off..off + len]);
                for i in 0..len {
                    assert!(
                        same(inplace[off + i], buf[off + i])
                            && same(ginplace[off + i], buf2[off + i])
                    );
                }
                for v in [&buf, &buf2, &y, &dy, &inplace, &ginplace] {
                    assert!(
                        v[..off]
                            .iter()
                            .chain(&v[off + len..])
                            .all(|&g| same(g, guard)),
                        "wrote outside"
                    );
                }
            }
        }
    }
}

/// Blocks of moderate inputs take the kernels' fast paths (a table inside its range, the exact
/// kernels away from the deep tail); blocks that straddle a boundary take the mixed path. Both
/// must equal the scalar call, which takes neither. Dense sweeps over `[-lim, lim]` cross every
/// boundary (the table's range, `NO_TAIL` at 44 in f32 and 370 in f64) many times.
fn fast_blocks<T: Float + PartialEq>(conv: impl Fn(f64) -> T, lim: f64) {
    use sigtab::$($family)::+::Kernels;
    let same = |a: T, b: T| a == b || (a != a && b != b);
    let n = if cfg!(miri) { 64 } else { 20_000 };
    let x: Vec<T> = (0..n)
        .map(|i| conv(lim * (2.0 * i as f64 / (n - 1) as f64 - 1.0)))
        .collect();
    for backend in Backend::available() {
        let k = Kernels::new(backend).unwrap();
        let (mut y, mut g, mut y2, mut g2) = (x.clone(), x.clone(), x.clone(), x.clone());
        k.sigmoid_slice(&x, &mut y);
        k.sigmoid_grad_slice(&x, &mut g);
        k.sigmoid_and_grad_slice(&x, &mut y2, &mut g2);
        for i in 0..n {
            let (s, d) = (k.sigmoid(x[i]), k.sigmoid_grad(x[i]));
            assert!(
                same(y[i], s) && same(g[i], d) && same(y2[i], s) && same(g2[i], d),
                "{backend:?}: slice differs from scalar at {:?}",
                x[i]
            );
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
    };
}

mod exact_kernels {
    use super::*;
    sweep!(exact);
}

mod table_linear {
    use super::*;
    sweep!(table);
}

mod table_hermite {
    use super::*;
    sweep!(table::hermite);
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
