//! Fuzzes the slice API of every kernel family on every backend with arbitrary lengths, offsets
//! and bit patterns. Asserts: each backend agrees with the portable reference (bit for bit where
//! both have FMA, within the error bound otherwise); outputs are in range; NaN in gives NaN out;
//! the scalar call equals the slice element; nothing outside the output slice is written.
//!
//! `cargo +nightly fuzz run slices` (from the repository root).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigtab::{Backend, exact, table};

const GUARD: u64 = 0x7ff8_dead_beef_0001;

macro_rules! check {
    ($t:ty, $bits:ty, $data:expr, $off:expr, $family:ident $(:: $rest:ident)*, $tol:expr) => {{
        let size = std::mem::size_of::<$t>();
        let x: Vec<$t> = $data.chunks_exact(size).map(|c| <$t>::from_bits(<$bits>::from_le_bytes(c.try_into().unwrap()))).collect();
        let n = x.len();
        let reference = sigtab::$family$(::$rest)*::Kernels::new(Backend::Portable).unwrap();
        let (mut rs, mut rg) = (vec![0.0 as $t; n], vec![0.0 as $t; n]);
        reference.sigmoid_and_grad_slice(&x, &mut rs, &mut rg);
        for backend in Backend::available() {
            let k = sigtab::$family$(::$rest)*::Kernels::new(backend).unwrap();
            let guard = <$t>::from_bits(GUARD as $bits);
            let mut s = vec![guard; $off + n + 3];
            let mut g = vec![guard; $off + n + 3];
            k.sigmoid_slice(&x, &mut s[$off..$off + n]);
            k.sigmoid_grad_slice(&x, &mut g[$off..$off + n]);
            for v in [&s, &g] {
                assert!(v[..$off].iter().chain(&v[$off + n..]).all(|w| w.to_bits() == guard.to_bits()), "wrote outside");
            }
            let fma = backend != Backend::Sse2;
            for i in 0..n {
                let (si, gi) = (s[$off + i], g[$off + i]);
                if x[i].is_nan() {
                    assert!(si.is_nan() && gi.is_nan());
                    continue;
                }
                assert!((0.0..=1.0).contains(&si) && (0.0..=0.25).contains(&gi), "range at {}", x[i]);
                assert_eq!(si.to_bits(), k.sigmoid(x[i]).to_bits());
                if fma {
                    assert_eq!((si.to_bits(), gi.to_bits()), (rs[i].to_bits(), rg[i].to_bits()), "{backend:?} at {}", x[i]);
                } else {
                    let tol: f64 = $tol;
                    assert!(((si - rs[i]) as f64).abs() <= tol, "{backend:?} s at {}", x[i]);
                    assert!(((gi - rg[i]) as f64).abs() <= tol, "{backend:?} s' at {}", x[i]);
                }
            }
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (head, rest) = data.split_at(2);
    let off = (head[1] % 16) as usize;
    // Two ulps of 1 bound the difference of two results each within 1 ulp of the truth.
    let e32 = 2.0 * f32::EPSILON as f64;
    let e64 = 2.0 * f64::EPSILON;
    match head[0] % 6 {
        0 => check!(f32, u32, rest, off, exact, e32),
        1 => check!(f64, u64, rest, off, exact, e64),
        2 => check!(f32, u32, rest, off, table, 2.0 * table::MAX_ERR_LINEAR_F32.sigmoid.max(e32)),
        3 => check!(f64, u64, rest, off, table, 2.0 * table::MAX_ERR_LINEAR_F64.sigmoid.max(e64)),
        4 => check!(f32, u32, rest, off, table::hermite, 2.0 * table::hermite::MAX_ERR_F32.sigmoid.max(e32)),
        _ => check!(f64, u64, rest, off, table::hermite, 2.0 * table::hermite::MAX_ERR_F64.sigmoid.max(e64)),
    }
    let _ = exact::sigmoid(0.0f32);
});
