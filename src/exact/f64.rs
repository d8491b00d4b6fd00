//! Constants of the `f64` exact kernels.
//!
//! `LN2`, `LN2_LO` and `LOG2E` are the correctly rounded values (mpmath, 50 digits). `Q` comes
//! from `python3 scripts/fit_exp_poly.py`: degree 10 on `|r| <= 0.3471`, where
//! `max |r^2 (Q(r) - (exp(r) - 1 - r) / r^2)| = 2^-61.7` with the coefficients as rounded here.

use super::kernel::Consts;

impl Consts for f64 {
    const LOG2E: f64 = f64::from_bits(0x3ff7_1547_652b_82fe); // 1.4426950408889634
    const MAGIC: f64 = 6_755_399_441_055_744.0; // 1.5 * 2^52
    const LN2: f64 = f64::from_bits(0x3fe6_2e42_fefa_39ef); // 0.6931471805599453
    const LN2_LO: f64 = f64::from_bits(0x3c7a_bc9e_3b39_803f); // 2.3190468138462996e-17
    // e^-746 < 2^-1075, half the smallest subnormal: s(-746) rounds to 0.
    const A_MAX: f64 = 746.0;
    // k <= round(746 / ln 2) = 1076; 2^-540 and 2^-(1076 - 540) are both normal.
    const K_E: u32 = 540;
    // round(370 / ln 2) = 534 <= K_E.
    const NO_TAIL: f64 = 370.0;
    const Q: &'static [f64] = &[
        f64::from_bits(0x3fe0_0000_0000_0000), // 0.5
        f64::from_bits(0x3fc5_5555_5555_5557), // 0.1666666666666667
        f64::from_bits(0x3fa5_5555_5555_5556), // 0.04166666666666667
        f64::from_bits(0x3f81_1111_1111_00ac), // 0.008333333333326053
        f64::from_bits(0x3f56_c16c_16c1_62b9), // 0.001388888888888369
        f64::from_bits(0x3f2a_01a0_1ac0_1d24), // 0.00019841269875107384
        f64::from_bits(0x3efa_01a0_1a6e_74b3), // 2.4801587325752518e-05
        f64::from_bits(0x3ec7_1de0_1dfc_c31a), // 2.755725503699239e-06
        f64::from_bits(0x3e92_7e4d_b35b_1922), // 2.7557273383736125e-07
        f64::from_bits(0x3e5a_f4e9_3725_a555), // 2.5105367959357917e-08
        f64::from_bits(0x3e21_f736_461f_d0b2), // 2.0914794765811025e-09
    ];
}
