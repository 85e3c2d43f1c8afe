//! Test and benchmark support for the `xbzrle` workspace (unpublished): what the tests,
//! the criterion benches, the fuzz targets and the CLI's benchmark share, kept out of
//! the library's public API.
//!
//! * [`scenario`]: the benchmark patterns of the 2011 XBZRLE benchmark, as reproducible
//!   old/new memory regions;
//! * [`model`]: the byte-at-a-time reference model of the encoding and decoding rules.
//! * [`qemu_stream`]: a writer of small QEMU migration streams.
//! * [`parallel_bench`]: the workloads of the parallel-migration benchmarks.
//! * [`payload`]: a model of the parallel chunk payload receiver.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod model;
pub mod parallel_bench;
pub mod payload;
pub mod qemu_stream;
pub mod scenario;
