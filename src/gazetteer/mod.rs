//! Offline place lookup.
