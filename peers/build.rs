//! Compiles the C peers: the libmvec loop twice (AVX-512, AVX2+FMA) and, when Debian's
//! `libsleef-dev` is installed, the SLEEF loop twice. Sets `cfg(peers_libmvec)` and
//! `cfg(peers_sleef)` for what was built (x86_64 Linux with glibc only).

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(peers_libmvec)");
    println!("cargo::rustc-check-cfg=cfg(peers_sleef)");
    println!("cargo::rerun-if-changed=c");
    let target = std::env::var("TARGET").unwrap_or_default();
    if !(target.starts_with("x86_64") && target.contains("linux-gnu")) {
        println!("cargo::warning=sigtab-peers: libmvec and SLEEF peers need x86_64 Linux (glibc)");
        return;
    }
    let isas = [
        (
            "avx512",
            &["-mavx512f", "-mfma", "-mprefer-vector-width=512"][..],
        ),
        ("avx2", &["-mavx2", "-mfma"][..]),
    ];
    for (isa, flags) in isas {
        let mut b = cc::Build::new();
        b.file("c/libmvec.c")
            .opt_level(3)
            .flag("-ffast-math")
            .define("PEER(f)", Some(format!("libmvec_##f##_{isa}").as_str()));
        for f in flags {
            b.flag(f);
        }
        b.compile(&format!("peer_libmvec_{isa}"));
    }
    println!("cargo::rustc-link-lib=mvec");
    println!("cargo::rustc-link-lib=m");
    println!("cargo::rustc-cfg=peers_libmvec");

    let sleef_h = Path::new("/usr/include/x86_64-linux-gnu/sleef.h");
    if !sleef_h.exists() && !Path::new("/usr/include/sleef.h").exists() {
        println!(
            "cargo::warning=sigtab-peers: no sleef.h (apt-get install libsleef-dev): SLEEF rows left out"
        );
        return;
    }
    for (isa, flags) in isas {
        let mut b = cc::Build::new();
        b.file("c/sleef.c").opt_level(3);
        if isa == "avx512" {
            b.define("SLEEF_AVX512", None);
        }
        for f in flags {
            b.flag(f);
        }
        b.compile(&format!("peer_sleef_{isa}"));
    }
    println!("cargo::rustc-link-lib=sleef");
    println!("cargo::rustc-cfg=peers_sleef");
}
