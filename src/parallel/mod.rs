//! Parallel RAM migration (feature `std`): XBZRLE over any number of connections, through
//! one [`SharedCache`](crate::cache::SharedCache), on the engine's own threads and
//! sockets.
//!
//! The core API spawns no thread and owns no socket:
//!
//! * on the source, [`Round::encode`]`(&mem, &ranges, &mut writer)` turns one chunk of
//!   page ranges into a payload on any `io::Write`; any number of worker threads call it
//!   at once, each for the chunks it takes, each on its own connection;
//! * on the destination, [`Applier::apply`]`(&mem, &ranges, &mut reader)` reads the
//!   payload back for the same ranges and writes guest memory.
//!
//! The range table is the engine's (it sends it already), so a payload carries no
//! addresses: one record per page in the table's order, each a tag byte (unchanged,
//! zero, raw, XBZRLE + length). The receiver never takes an address from the stream.
//! Every byte is documented in `docs/parallel-migration.md` (in the repository).
//!
//! Guest memory is reached through [`GuestRead`] and [`GuestWrite`]: [`OwnedMemory`]
//! (safe), [`RawRegion`] (memory the engine maps; `unsafe` constructor), and with the
//! `vm-memory` feature vm-memory's `GuestMemory` (`VmMemory`). The sender copies every
//! page into a private scratch page before the zero check or an encoder kernel sees it;
//! the receiver writes only the literal runs of a validated delta.
//!
//! Helpers: [`ranges_from_bitmap`] (KVM / vm-memory dirty bitmaps), [`normalize`],
//! [`split_chunks`]. For engines without a protocol of their own, [`stream`] is a
//! complete standalone stream and runs N connections on scoped threads.
//!
//! # Example: two worker threads, one shared cache, a queue of chunks
//! ```
//! use std::sync::Mutex;
//! use xbzrle::cache::SharedCache;
//! use xbzrle::parallel::*;
//!
//! const PS: usize = 4096;
//! let src = OwnedMemory::new(0, 256 * PS);
//! let dst = OwnedMemory::new(0, 256 * PS);
//! let cache = SharedCache::new(256 * PS, PS)?;
//! let applier = Applier::new(PS)?;
//!
//! for round in 0..3u8 {
//!     let kind = if round == 0 { RoundKind::Bulk } else { RoundKind::Delta };
//!     src.write_from(17 + u64::from(round) * 400, &[round + 1; 300])?; // the guest runs
//!     let dirty = [MemoryRange::new(0, 256 * PS as u64)]; // everything, for brevity
//!     let queue = Mutex::new(split_chunks(&dirty, PS, 32 * PS as u64));
//!     let r = Round::new(&cache, kind);
//!     std::thread::scope(|s| {
//!         for _ in 0..2 {
//!             s.spawn(|| loop {
//!                 let Some(chunk) = queue.lock().unwrap().pop() else { break };
//!                 let mut wire = Vec::new(); // this worker's connection
//!                 r.encode(&src, &chunk, &mut wire).unwrap();
//!                 applier.apply(&dst, &chunk, &mut &wire[..]).unwrap();
//!             });
//!         }
//!     });
//!     assert_eq!(src.to_vec(), dst.to_vec());
//! }
//! assert!(cache.counters().pages > 0); // XBZRLE pages in the delta rounds
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod guest;
mod range;
mod round;
pub mod stream;
#[cfg(feature = "vm-memory")]
mod vm;

pub use guest::{GuestRead, GuestWrite, MemoryError, OwnedMemory, RawRegion, RegionError};
pub use range::{
    check_ranges, normalize, ranges_from_bitmap, split_chunks, MemoryRange, RangeError,
    MAX_CHUNK_RANGES,
};
pub use round::{
    Applier, ApplyError, ApplyErrorKind, ChunkStats, Round, RoundKind, SendError, PAYLOAD_END,
    PAYLOAD_MAGIC, PAYLOAD_VERSION, TAG_RAW, TAG_UNCHANGED, TAG_XBZRLE, TAG_ZERO,
};
#[cfg(feature = "vm-memory")]
pub use vm::VmMemory;
