//! Online tiles that can fail: no network, a server that hangs, or one that
//! answers garbage. walkers' `HttpTiles` sets no timeout, never retries a
//! tile that failed (it stays empty in its memory cache), and a hanging
//! server holds its download slots for good. None of that blocks the UI
//! (downloads run on walkers' own thread), but the map would never recover.
//!
//! [`Retrying`] watches whether tiles arrive. When none has for
//! [`STALL_AFTER`] while some were asked for, it drops the source (cancelling
//! what hangs, forgetting what failed), asks nothing for a back-off that
//! doubles with each failure from [`FIRST_BACKOFF`] up to [`MAX_BACKOFF`],
//! then makes a fresh one. The offline basemap underneath stays throughout.

use std::time::{Duration, Instant};

use walkers::sources::Attribution;
use walkers::{Stats, TileId, TilePiece, Tiles};

use super::OnlineStatus;

/// How long asked-for tiles may fail to arrive before the source counts as
/// failed.
pub const STALL_AFTER: Duration = Duration::from_secs(20);

/// The wait before the first retry.
pub const FIRST_BACKOFF: Duration = Duration::from_secs(5);

/// The longest wait between retries.
pub const MAX_BACKOFF: Duration = Duration::from_mins(5);

/// A tile source made by `make`, remade with back-off when it stops
/// delivering.
pub struct Retrying<T, F> {
    make: F,
    inner: Option<T>,
    /// Failures in a row; 0 once a tile arrives.
    failures: u32,
    /// When the current source last delivered a tile, or was made.
    last_progress: Instant,
    /// When to make a new source, while there is none.
    retry_at: Option<Instant>,
    ever_served: bool,
    asked: usize,
    served: usize,
    attribution: Attribution,
    tile_size: u32,
}

impl<T: Tiles + Send + 'static, F: FnMut() -> T> Retrying<T, F> {
    /// A source made by `make` now, and remade as needed.
    pub fn new(mut make: F, now: Instant) -> Self {
        let inner = make();
        Self {
            attribution: inner.attribution(),
            tile_size: inner.tile_size(),
            make,
            inner: Some(inner),
            failures: 0,
            last_progress: now,
            retry_at: None,
            ever_served: false,
            asked: 0,
            served: 0,
        }
    }

    /// Closes the last frame's count at `now`: gives up on a source that
    /// stalled, or makes a new one once its back-off is over.
    pub fn new_frame(&mut self, now: Instant) {
        if self.served > 0 {
            self.last_progress = now;
            self.failures = 0;
        } else if self.inner.is_some()
            && self.asked > 0
            && now.duration_since(self.last_progress) >= STALL_AFTER
        {
            self.failures = self.failures.saturating_add(1);
            self.retry_at = Some(now + self.backoff());
            if let Some(stalled) = self.inner.take() {
                // Dropping stops walkers' download thread; done aside so
                // that a slow shutdown can never hold up a frame.
                let _ = std::thread::Builder::new()
                    .name("legation-drop-tiles".to_owned())
                    .spawn(move || drop(stalled));
            }
        }
        if self.inner.is_none() && self.retry_at.is_some_and(|at| now >= at) {
            self.inner = Some((self.make)());
            self.retry_at = None;
            self.last_progress = now;
        }
        self.asked = 0;
        self.served = 0;
    }

    /// The wait after the current run of failures.
    pub fn backoff(&self) -> Duration {
        let doublings = self.failures.saturating_sub(1).min(16);
        FIRST_BACKOFF
            .saturating_mul(1 << doublings)
            .min(MAX_BACKOFF)
    }

    /// Whether tiles arrive.
    pub fn status(&self) -> OnlineStatus {
        if self.failures > 0 {
            OnlineStatus::Offline
        } else if self.ever_served {
            OnlineStatus::Online
        } else {
            OnlineStatus::Waiting
        }
    }
}

impl<T: Tiles + Send + 'static, F: FnMut() -> T> Tiles for Retrying<T, F> {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.asked += 1;
        // While backing off nothing is asked of the network.
        let piece = self.inner.as_mut()?.at(tile_id);
        if piece.is_some() {
            self.served += 1;
            self.ever_served = true;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        self.attribution.clone()
    }

    fn tile_size(&self) -> u32 {
        self.tile_size
    }

    fn stats(&self) -> Stats {
        self.inner
            .as_ref()
            .map_or_else(Stats::default, Tiles::stats)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read as _, Write as _};
    use std::net::{TcpListener, TcpStream};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use walkers::sources::TileSource;
    use walkers::{HttpOptions, HttpTiles};

    use super::*;

    /// Tiles from a server on this machine, never the real OpenStreetMap.
    struct Local(u16);

    impl TileSource for Local {
        fn tile_url(&self, tile: TileId) -> String {
            format!(
                "http://127.0.0.1:{}/{}/{}/{}.png",
                self.0, tile.zoom, tile.x, tile.y
            )
        }

        fn attribution(&self) -> Attribution {
            Attribution {
                text: "test",
                url: "http://127.0.0.1/",
                logo_light: None,
                logo_dark: None,
            }
        }
    }

    /// A server on 127.0.0.1 that counts connections and answers each with
    /// `answer` (`None`: reads the request and never answers).
    fn server(answer: Option<&'static [u8]>) -> (u16, Arc<AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&connections);
        std::thread::spawn(move || {
            let mut held: Vec<TcpStream> = Vec::new();
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                counted.fetch_add(1, Ordering::SeqCst);
                let mut request = [0; 1024];
                let _ = stream.read(&mut request);
                match answer {
                    Some(bytes) => {
                        let _ = stream.write_all(bytes);
                    }
                    None => held.push(stream),
                }
            }
        });
        (port, connections)
    }

    fn tiles(port: u16) -> impl FnMut() -> HttpTiles {
        let ctx = egui::Context::default();
        move || HttpTiles::with_options(Local(port), HttpOptions::default(), ctx.clone())
    }

    const TILE: TileId = TileId {
        x: 1,
        y: 1,
        zoom: 2,
    };

    /// Asks for a tile each (real) few milliseconds until `connections`
    /// exceeds `seen`, for at most ten seconds.
    fn ask_until_connected<T: Tiles + Send + 'static, F: FnMut() -> T>(
        tiles: &mut Retrying<T, F>,
        connections: &AtomicUsize,
        seen: usize,
        now: Instant,
    ) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while connections.load(Ordering::SeqCst) <= seen {
            assert!(
                Instant::now() < deadline,
                "no request reached the local server"
            );
            assert!(tiles.at(TILE).is_none());
            tiles.new_frame(now);
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The cycle every failing server goes through: asked, given up on
    /// after the stall time, left alone for the back-off, then asked again,
    /// with a longer back-off after each failure.
    fn fails_and_backs_off(answer: Option<&'static [u8]>) {
        let (port, connections) = server(answer);
        let start = Instant::now();
        let mut online = Retrying::new(tiles(port), start);
        assert_eq!(online.status(), OnlineStatus::Waiting);
        ask_until_connected(&mut online, &connections, 0, start);

        // Nothing arrived within the stall time: the source is dropped.
        let stalled = start + STALL_AFTER;
        assert!(online.at(TILE).is_none());
        online.new_frame(stalled);
        assert_eq!(online.status(), OnlineStatus::Offline);
        assert!(online.inner.is_none(), "backing off");
        assert_eq!(online.backoff(), FIRST_BACKOFF);

        // While it backs off, no request leaves.
        let before = connections.load(Ordering::SeqCst);
        for _ in 0..20 {
            assert!(online.at(TILE).is_none());
            online.new_frame(stalled + FIRST_BACKOFF / 2);
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(connections.load(Ordering::SeqCst), before);

        // Then it tries again, and fails again: twice the wait.
        let retried = stalled + FIRST_BACKOFF;
        online.new_frame(retried);
        assert!(online.inner.is_some(), "trying again");
        ask_until_connected(&mut online, &connections, before, retried);
        assert!(online.at(TILE).is_none());
        online.new_frame(retried + STALL_AFTER);
        assert!(online.inner.is_none(), "backing off");
        assert_eq!(online.backoff(), FIRST_BACKOFF * 2);
    }

    #[test]
    fn a_server_that_hangs_is_given_up_on_and_retried_with_backoff() {
        fails_and_backs_off(None);
    }

    #[test]
    fn a_server_that_answers_garbage_is_given_up_on_and_retried_with_backoff() {
        fails_and_backs_off(Some(
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 9\r\n\r\nnot a png",
        ));
    }

    #[test]
    fn a_closed_port_is_given_up_on_and_retried_with_backoff() {
        // Bound then dropped: nothing listens, connections are refused.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let start = Instant::now();
        let mut online = Retrying::new(tiles(port), start);
        assert!(online.at(TILE).is_none());
        online.new_frame(start + STALL_AFTER);
        assert_eq!(online.status(), OnlineStatus::Offline);
        assert!(online.inner.is_none(), "backing off");
    }

    #[test]
    fn the_backoff_doubles_up_to_its_limit() {
        let (port, _) = server(None);
        let mut online = Retrying::new(tiles(port), Instant::now());
        let mut now = Instant::now();
        let mut waits = Vec::new();
        for _ in 0..10 {
            assert!(online.at(TILE).is_none());
            now += STALL_AFTER;
            online.new_frame(now);
            waits.push(online.backoff().as_secs());
            now += online.backoff();
            online.new_frame(now);
        }
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
    }
}
