//! Helpers for the scoped threads that loading spreads its work over.

use std::thread::ScopedJoinHandle;

/// What a scoped thread returned; a panic in it goes on in this thread, so
/// that a bug shows where it happened rather than as a wrong answer.
pub fn joined<T>(thread: ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
