//! Links the `newsdex` binary on Linux as a position-dependent executable.
//!
//! A position-independent executable (rustc's default) is relocated by the
//! dynamic loader at every start: the binary holds about 79,000 pointers
//! (vtables, tables of strings in the crates it uses) that are rewritten
//! in place, which copies some 490 pages of 4 KiB. That took 2 of the 4
//! ms of `newsdex --version`, and as much of every query. Linked at a
//! fixed address, the pointers are written by the linker, and the pages
//! are read from the file only when used. The libraries the binary loads
//! (glibc) and its heap and stacks are still placed at random; the
//! binary's own code is not, also in `newsdex serve`, a trade a local
//! tool written in Rust can make (set `NEWSDEX_PIE=1` to build it
//! position-independent again).
//!
//! Only the binary is linked so: tests, the library and the procedural
//! macros the build uses (which must be position-independent) are not.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let pie = std::env::var_os("NEWSDEX_PIE").is_some_and(|value| value == "1");
    let static_c = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|features| features.split(',').any(|feature| feature == "crt-static"));
    if os == "linux" && !pie && !static_c {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=NEWSDEX_PIE");
}
