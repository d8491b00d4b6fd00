//! Constants of the `f64` exact kernels.
//!
//! `LN2`, `LN2_LO` and `LOG2E` are the correctly rounded values (mpmath, 50 digits). `U`, `T_HI`
//! and `T_LO` come from `python3 scripts/fit_exp_table.py`:
//! `f64: N = 16; U of degree 5 on |r| <= 0.0216708; max |r + r^2 U(r) - expm1(r)| = 4.01e-20 (2^-64.43)`.

use super::kernel::Consts;

impl Consts for f64 {
    const LOG2E: f64 = f64::from_bits(0x3ff7_1547_652b_82fe); // 1.4426950408889634
    const MAGIC: f64 = 6_755_399_441_055_744.0; // 1.5 * 2^52
    const N_LOG2: u32 = 4;
    const MAGIC_Q: f64 = 422_212_465_065_984.0; // 1.5 * 2^48: ulp 1/16
    const LN2: f64 = f64::from_bits(0x3fe6_2e42_fefa_39ef); // 0.6931471805599453
    const LN2_LO: f64 = f64::from_bits(0x3c7a_bc9e_3b39_803f); // 2.3190468138462996e-17
    // e^-746 < 2^-1075, half the smallest subnormal: s(-746) rounds to 0.
    const A_MAX: f64 = 746.0;
    // floor(q) >= floor(-746 / ln 2) = -1077; 2^-540 and 2^-(1077 - 540) are both normal.
    const K_E: u32 = 540;
    // floor(-370 / ln 2 rounded to 1/16) = -534 >= -K_E.
    const NO_TAIL: f64 = 370.0;
    const U: &'static [f64] = &[
        f64::from_bits(0x3fe0000000000001), // 0.50000000000000011
        f64::from_bits(0x3fc5555555555556), // 0.16666666666666669
        f64::from_bits(0x3fa55555554e9136), // 0.041666666663589799
        f64::from_bits(0x3f811111110e0f3c), // 0.0083333333329914591
        f64::from_bits(0x3f56c17ed93aab59), // 0.0013889063601861455
        f64::from_bits(0x3f2a01b0c6de0310), // 0.00019841463966587718
    ];
    crate::exact::kernel::scalar_ops!(f64, u64);
}

/// `2^(j/16)` rounded, `j = 0..16`: the table's high words.
pub(crate) const T_HI: [f64; 16] = [
    f64::from_bits(0x3ff0000000000000), // 1.0
    f64::from_bits(0x3ff0b5586cf9890f), // 1.0442737824274138
    f64::from_bits(0x3ff172b83c7d517b), // 1.0905077326652577
    f64::from_bits(0x3ff2387a6e756238), // 1.1387886347566916
    f64::from_bits(0x3ff306fe0a31b715), // 1.189207115002721
    f64::from_bits(0x3ff3dea64c123422), // 1.241857812073484
    f64::from_bits(0x3ff4bfdad5362a27), // 1.2968395546510096
    f64::from_bits(0x3ff5ab07dd485429), // 1.3542555469368927
    f64::from_bits(0x3ff6a09e667f3bcd), // 1.4142135623730951
    f64::from_bits(0x3ff7a11473eb0187), // 1.4768261459394993
    f64::from_bits(0x3ff8ace5422aa0db), // 1.5422108254079407
    f64::from_bits(0x3ff9c49182a3f090), // 1.6104903319492543
    f64::from_bits(0x3ffae89f995ad3ad), // 1.681792830507429
    f64::from_bits(0x3ffc199bdd85529c), // 1.7562521603732995
    f64::from_bits(0x3ffd5818dcfba487), // 1.8340080864093424
    f64::from_bits(0x3ffea4afa2a490da), // 1.9152065613971474
];

/// `2^(j/16) - T_HI[j]` rounded: the low words.
pub(crate) const T_LO: [f64; 16] = [
    f64::from_bits(0x0000000000000000), // 0.0
    f64::from_bits(0x3c98a62e4adc610b), // 8.5518897055379649e-17
    f64::from_bits(0xbc819041b9d78a76), // -3.0467820798124711e-17
    f64::from_bits(0x3c99b07eb6c70573), // 8.9128126760254078e-17
    f64::from_bits(0x3c86f46ad23182e4), // 3.9820152314656461e-17
    f64::from_bits(0x3c8ada0911f09ebc), // 4.6580275918369368e-17
    f64::from_bits(0x3c7d4397afec42e2), // 2.5382502794888315e-17
    f64::from_bits(0x3c96324c054647ad), // 7.7009483798029895e-17
    f64::from_bits(0xbc9bdd3413b26456), // -9.6672933134529135e-17
    f64::from_bits(0xbc841577ee04992f), // -3.4839945568927958e-17
    f64::from_bits(0x3c96e9f156864b27), // 7.9498348096976209e-17
    f64::from_bits(0x3c7c7c46b071f2be), // 2.4707192569797888e-17
    f64::from_bits(0x3c97a1cd345dcc81), // 8.1990100205814965e-17
    f64::from_bits(0x3c811065895048dd), // 2.9601406954488733e-17
    f64::from_bits(0x3c82ed02d75b3707), // 3.2831072242456272e-17
    f64::from_bits(0xbc9e9c23179c2893), // -1.0619946056195963e-16
];
