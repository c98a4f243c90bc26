//! Which allocator the process uses, and how it hands freed memory back to
//! the system (binary only: a library leaves its host's allocator alone).
//!
//! Rust's allocations go to mimalloc: enrichment allocates about 280
//! small blocks per article (strings of names, vectors of tokens), and
//! glibc's malloc and free took about 14 % of the instructions of
//! `extract`; with mimalloc, `extract --threads 1` of 2,000 Reuters
//! articles takes 985.6M → 883.8M instructions and `ingest` 1,835M →
//! 1,668M, for more memory at the peak of an ingest (160,000 articles:
//! 214 → 289 MB; 800,000: 446 → about 500 MB, under the 600 MB target).
//!
//! `ingest` and `extract` turn transparent huge pages off for their
//! process ([`without_huge_pages`]): with them, each part of an arena
//! mimalloc purged came back as a whole 2 MB page the kernel zeroed, 85
//! ms of system time in `extract --threads 1` of the 16,000 Reuters
//! articles (16 ms without) and 20 to 60 MB more at the peak of an
//! ingest. A query keeps them: `--collapse oil` at 800,000 articles took
//! 23 ms with them and 37 ms without, its threads faulting in small
//! pages one by one.
//!
//! The C code linked in (zstd's buffers) still allocates through glibc,
//! whose mapping threshold the rest of this module fixes. Before mimalloc
//! the indexing heap came from glibc too, which is where the figures
//! below were measured: glibc's malloc serves a block of 128 KiB or more
//! from a mapping of its own, returned to the system when freed, but
//! raises that threshold to the size of each such block freed (up to 32
//! MiB): after the first segment is written, the indexing heap's pages
//! and the merges' buffers come from the heap arenas and stay in the
//! process once freed. An ingest of 160,000 articles then held 93 MB of
//! freed memory through its final merge; with the threshold fixed, 25 MB
//! (peak RSS 198 -> 128 MB).

/// The allocator of every Rust allocation in the binary.
#[global_allocator]
static ALLOCATOR: Mimalloc = Mimalloc;

/// mimalloc (a small allocator kept up by Microsoft Research and widely
/// used from Rust, through the `libmimalloc-sys` bindings), with
/// thread-local free lists that make the many small, short-lived blocks of
/// enrichment cheap.
///
/// A block whose alignment mimalloc's plain `mi_malloc` guarantees (16
/// bytes, or the size when smaller, as for C's `malloc`) is asked of it,
/// as Rust's own allocator asks glibc: the `mimalloc` crate asks every
/// block of `mi_malloc_aligned`, which in mimalloc 3 serves a block of
/// more than 1 KiB whose size is no power of two by over-allocating, some
/// 150 instructions more per block (343,000 blocks in an ingest of 2,000
/// articles).
struct Mimalloc;

/// The alignment of every block `mi_malloc` returns of this size or more
/// (`MI_MAX_ALIGN_SIZE`); a smaller block is aligned to its size rounded
/// up to 8 bytes.
const PLAIN_ALIGNMENT: usize = 16;

/// Whether `mi_malloc` aligns a block of this size as the layout asks.
fn is_plainly_aligned(alignment: usize, size: usize) -> bool {
    alignment <= PLAIN_ALIGNMENT && alignment <= size
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free`
// takes blocks of the plain and the aligned calls alike, and `mi_realloc`
// keeps the plain alignment, which `is_plainly_aligned` checks against
// the new size); a null pointer reports a failed allocation, as
// `GlobalAlloc` wants.
#[allow(unsafe_code)]
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: mimalloc allocates any size; the alignment is a power of
        // two, as a `Layout` guarantees.
        unsafe {
            match is_plainly_aligned(layout.align(), layout.size()) {
                true => libmimalloc_sys::mi_malloc(layout.size()).cast(),
                false => libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast(),
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            match is_plainly_aligned(layout.align(), layout.size()) {
                true => libmimalloc_sys::mi_zalloc(layout.size()).cast(),
                false => libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast(),
            }
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: the caller gives back a block this allocator returned.
        unsafe { libmimalloc_sys::mi_free(block.cast()) }
    }

    unsafe fn realloc(
        &self,
        block: *mut u8,
        layout: std::alloc::Layout,
        new_size: usize,
    ) -> *mut u8 {
        // SAFETY: the caller gives a block this allocator returned with
        // this layout; the new block keeps the alignment (see `alloc`).
        unsafe {
            match is_plainly_aligned(layout.align(), new_size) {
                true => libmimalloc_sys::mi_realloc(block.cast(), new_size).cast(),
                false => {
                    libmimalloc_sys::mi_realloc_aligned(block.cast(), new_size, layout.align())
                        .cast()
                }
            }
        }
    }
}

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

/// Turns transparent huge pages off for the whole process (the kernel
/// checks at each page fault, so the arenas mimalloc has already asked
/// huge pages for get small ones from then on). For the commands that
/// enrich, whose allocator frees and reuses memory all along.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn without_huge_pages() {
    // SAFETY: `PR_SET_THP_DISABLE` only sets a flag of the process; a
    // refusal (an old kernel) leaves huge pages on, which is correct,
    // only slower.
    // The kernel reads the four arguments as `unsigned long`.
    let (disable, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
    #[allow(unsafe_code)]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, disable, unused, unused, unused);
    }
}

/// Does nothing elsewhere than Linux with glibc (the only target whose
/// `libc` the binary links for it).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn without_huge_pages() {}
