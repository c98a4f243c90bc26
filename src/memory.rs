//! Which allocator the process uses, and how it hands freed memory back to
//! the system (binary only: a library leaves its host's allocator alone).
//!
//! Rust's allocations go to mimalloc: enrichment allocates about 280
//! small blocks per article (strings of names, vectors of tokens), and
//! glibc's malloc and free took about 14 % of the instructions of
//! `extract`; with mimalloc, `extract --threads 1` of 2,000 Reuters
//! articles takes 985.6M → 897.9M instructions and `ingest` 1,835M →
//! 1,712M, for more memory at the peak of an ingest (160,000 articles:
//! 213 → 290–305 MB; 800,000: 446 → 501 MB, under the 600 MB target).
//!
//! The C code linked in (zstd's buffers) still allocates through glibc,
//! whose mapping threshold the rest of this module fixes. Before mimalloc
//! the indexing heap came from glibc too, which is where the figures
//! below were measured: glibc's malloc serves a block of 128 KiB or more from a mapping of its
//! own, returned to the system when freed, but raises that threshold to
//! the size of each such block freed (up to 32 MiB): after the first
//! segment is written, the indexing heap's pages and the merges' buffers
//! come from the heap arenas and stay in the process once freed. An ingest
//! of 160,000 articles then held 93 MB of freed memory through its final
//! merge; with the threshold fixed, 25 MB (peak RSS 198 -> 128 MB).

/// The allocator of every Rust allocation in the binary: mimalloc, a small
/// allocator kept up by Microsoft Research and widely used from Rust, with
/// thread-local free lists that make the many small, short-lived blocks of
/// enrichment cheap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The size from which a block is mapped on its own: glibc's default,
/// kept from moving.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD_BYTES: libc::c_int = 128 * 1024;

/// Fixes glibc's mapping threshold so that large freed blocks (now those
/// of the C code only) go back to the system at once. An ingest calls it
/// before any thread starts; a query does not, as the blocks it frees are better reused than mapped
/// again (a four-facet query at 800,000 articles took 13.6 → 17 ms best of
/// 15 with the threshold fixed). Elsewhere than glibc it does nothing.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn return_large_blocks_to_the_system() {
    // SAFETY: `mallopt` only sets a parameter of the allocator, and is
    // called before any other thread exists; a refusal (return value 0)
    // leaves glibc's default behaviour, which is correct, only larger.
    #[allow(unsafe_code)]
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
    }
}

/// Does nothing where the allocator is not glibc's.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn return_large_blocks_to_the_system() {}
