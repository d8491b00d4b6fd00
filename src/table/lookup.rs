//! Where `x` falls in the table: an exact split into cell index and fraction, and the tails.
//!
//! `y = x * N` is exact (N is a power of two), `floor(y)` is exact, and so is `t = y - floor(y)`:
//! no rounding enters the position, unlike `(x + RANGE) * N`, which rounds `x` to the grid of
//! `RANGE` and caps f32 accuracy near 3e-7 whatever the resolution.

use super::data::{ENTRIES, N, RANGE};
use crate::exact::kernel::Consts;

/// What the table kernels need from a precision.
pub trait TableData: Consts + PartialOrd {
    /// `s` at the nodes.
    fn s_table() -> &'static [Self; ENTRIES];
    /// `s'` at the nodes.
    fn g_table() -> &'static [Self; ENTRIES];
    /// From here on `table::sigmoid` returns exactly 1: 17.5 (f32) and 37.5 (f64), just above
    /// where `s(x)` starts to round to 1 (17.33 and 37.43).
    const SATURATE: Self;
    /// Cell and fraction of `y = x * N`: `floor(y)` offset into the table, and `y - floor(y)`.
    fn index(y: Self) -> (usize, Self);
}

/// `x` is inside the table (NaN is not).
#[inline(always)]
pub(crate) fn inside<F: TableData>(x: F) -> bool {
    let r = F::from_f64(RANGE as f64);
    x > -r && x < r
}

/// Cell index `i` (`0 <= i < ENTRIES - 1`) and fraction `t` in `[0, 1]` of `x`, for `x` inside
/// (`t` rounds to 1 only for tiny negative `x`, where the cell's right node is the right value).
#[inline(always)]
pub(crate) fn locate<F: TableData>(x: F) -> (usize, F) {
    F::index(x * F::from_f64(N as f64))
}

macro_rules! table_data {
    ($f:ident, $s:ident, $g:ident, $sat:expr, $i:ty) => {
        impl TableData for $f {
            #[inline(always)]
            fn s_table() -> &'static [$f; ENTRIES] {
                &super::data::$s.0
            }
            #[inline(always)]
            fn g_table() -> &'static [$f; ENTRIES] {
                &super::data::$g.0
            }
            const SATURATE: $f = $sat;
            #[inline(always)]
            fn index(y: $f) -> (usize, $f) {
                // Round to nearest by the magic constant, then step down where that rounded up:
                // floor(y), exactly, and as an integer (|y| < 2^22, so it sits in the low bits).
                const MAGIC: $f = <$f as Consts>::MAGIC;
                let t = y + MAGIC;
                let mut fi = t - MAGIC;
                let mut i = (t.to_bits() as $i).wrapping_sub(MAGIC.to_bits() as $i);
                if fi > y {
                    fi -= 1.0;
                    i = i.wrapping_sub(1);
                }
                // In range by construction for |x| < RANGE; the clamp keeps it so for any input
                // (outside, `i` is meaningless and may wrap: the callers use the tails there).
                let cell = i
                    .wrapping_add((RANGE * N) as $i)
                    .clamp(0, (ENTRIES - 2) as $i) as usize;
                (cell, y - fi)
            }
        }
    };
}
// Saturation: fl(s(x)) = 1 from ln(2^25 - 1) ~ 17.3287 on in f32 and from ln(2^54 - 1) ~ 37.4299
// on in f64; SATURATE sits a little above. tests/table_error.rs checks both sides.
table_data!(f32, S_F32, G_F32, 17.5, i32);
table_data!(f64, S_F64, G_F64, 37.5, i64);

#[cfg(test)]
mod tests {
    use super::*;

    /// Outside the table (and for NaN) `i` is meaningless, but computing it must not overflow:
    /// the fuzz target (debug assertions on) found `i + RANGE * N` overflowing for a huge `x`.
    #[test]
    fn any_input_gives_a_cell_without_overflow() {
        fn check<F: TableData + core::fmt::Debug>(xs: &[F]) {
            for &x in xs {
                let (cell, _) = locate(x);
                assert!(cell < ENTRIES - 1, "{x:?} gave cell {cell}");
            }
        }
        // Every power of two and its neighbours, both signs: y = x N passes 2^22 and beyond.
        for e in -20..128 {
            let p = 2f32.powi(e);
            check(&[
                p,
                -p,
                p * 1.3,
                -p * 1.3,
                f32::from_bits(p.to_bits() - 1),
                -f32::from_bits(p.to_bits() - 1),
            ]);
        }
        for e in -20..1024 {
            let p = 2f64.powi(e);
            check(&[
                p,
                -p,
                p * 1.3,
                -p * 1.3,
                f64::from_bits(p.to_bits() - 1),
                -f64::from_bits(p.to_bits() - 1),
            ]);
        }
        // The fuzz target's input.
        for b in [
            0x00bf_bfbf,
            0x0dff_5b99,
            0x160d_bfbf,
            0x1b00_0000,
            0x1b1b_1b1b,
            0x1b1b_1bc7,
            0xbfbf_bfbf,
            0xbfc7_c7c7,
            0xc71b_1b1b,
            0xc7bf_bfc7,
            0xc7bf_ffbf,
            0xc7c7_c7c7u32,
        ] {
            check(&[f32::from_bits(b)]);
        }
        check(&[
            f32::NAN,
            -f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MAX,
            f32::MIN,
            3e37,
            -3e37,
            0.0,
            -0.0,
        ]);
        check(&[
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            1e300,
            -1e300,
            0.0,
            -0.0,
        ]);
    }
}
