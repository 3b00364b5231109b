//! The basemap: the bundled offline vector world (always there), and
//! OpenStreetMap's raster tiles on top for users who are online, retried
//! with back-off when they do not arrive ([`online`]).

mod online;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Context, Rect, vec2};
use walkers::sources::{Attribution, OpenStreetMap};
use walkers::{HeaderValue, HttpOptions, HttpTiles, MaxParallelDownloads, PmTiles, Style};
use walkers::{Stats, TileId, TilePiece, Tiles};

use self::online::Retrying;

/// OpenStreetMap's tiles, remade by the closure when they stop arriving.
type OnlineTiles = Retrying<HttpTiles, Box<dyn FnMut() -> HttpTiles>>;

/// The offline world, zoom 0 to [`OFFLINE_MAX_ZOOM`], bundled in the binary.
const OFFLINE_BASEMAP: &[u8] = include_bytes!("../../../assets/world-basemap-z0-5.pmtiles");

/// The deepest zoom the bundled basemap has tiles for.
const OFFLINE_MAX_ZOOM: u8 = 5;

/// The attribution line the offline basemap needs.
pub const OFFLINE_ATTRIBUTION: &str = "© GeoNames (CC BY 4.0) · Natural Earth";

/// How OpenStreetMap's tile servers see us (their tile policy asks for an
/// identifying User-Agent).
const USER_AGENT: &str = concat!(
    "Legation/",
    env!("CARGO_PKG_VERSION"),
    " (desktop map of diplomatic visits; offline basemap by default)"
);

/// Which tiles draw over the offline world.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub enum BasemapChoice {
    /// Only the bundled offline basemap.
    #[default]
    Offline,
    /// OpenStreetMap's standard tiles, over the offline basemap.
    OpenStreetMap,
}

/// Whether online tiles are arriving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnlineStatus {
    /// Not asked for.
    Off,
    /// Asked for; none has arrived yet.
    Waiting,
    /// Tiles are arriving.
    Online,
    /// Nothing arrived in time: retrying with back-off while the offline
    /// map stays.
    Offline,
}

/// The tile sources, made when first needed.
pub struct Basemap {
    light: Overzoom<PmTiles>,
    dark: Option<Overzoom<PmTiles>>,
    osm: Option<OnlineTiles>,
    cache_dir: Option<PathBuf>,
    ctx: Context,
    file: PathBuf,
}

impl Basemap {
    /// Writes the bundled basemap where walkers can read it and opens it.
    ///
    /// # Errors
    /// When no folder can take the basemap file.
    pub fn new(ctx: &Context) -> std::io::Result<Self> {
        let cache_dir = directories::ProjectDirs::from("org", "Legation", "legation")
            .map(|dirs| dirs.cache_dir().to_owned());
        let folder = cache_dir.clone().unwrap_or_else(std::env::temp_dir);
        let basemap_file = unpack_basemap(&folder)?;
        Ok(Self {
            light: Overzoom::new(PmTiles::with_style(
                &basemap_file,
                Style::protomaps_basemap_light(),
                ctx.clone(),
            )),
            dark: None,
            osm: None,
            cache_dir,
            ctx: ctx.clone(),
            file: basemap_file,
        })
    }

    /// The tile layers of a frame, bottom first: the offline tiles styled
    /// for a light or dark theme, and the online tiles when `online` (each
    /// starting a new frame's count).
    pub fn layers(
        &mut self,
        dark: bool,
        online: bool,
    ) -> (&mut Overzoom<PmTiles>, Option<&mut OnlineTiles>) {
        if online {
            self.online();
        }
        let offline = if dark {
            self.dark.get_or_insert_with(|| {
                Overzoom::new(PmTiles::with_style(
                    &self.file,
                    Style::protomaps_basemap_dark(),
                    self.ctx.clone(),
                ))
            })
        } else {
            &mut self.light
        };
        offline.new_frame();
        let mut online = self.osm.as_mut().filter(|_| online);
        if let Some(tiles) = online.as_deref_mut() {
            tiles.new_frame(Instant::now());
            if tiles.status() != OnlineStatus::Online {
                // Frames keep coming while tiles are awaited or retried, so
                // that the status and the next attempt do not wait for input.
                self.ctx.request_repaint_after(Duration::from_secs(1));
            }
        }
        (offline, online)
    }

    /// OpenStreetMap's tiles, with the on-disk cache in the platform cache
    /// folder. That cache (walkers' `cacache`) writes each tile to a
    /// temporary file renamed into place and checks its hash on reading, so
    /// a crash costs at most the tile being written.
    fn online(&mut self) -> &mut OnlineTiles {
        self.osm.get_or_insert_with(|| {
            let cache = self.cache_dir.as_ref().map(|dir| dir.join("osm-tiles"));
            let ctx = self.ctx.clone();
            let make = move || {
                let options = HttpOptions {
                    cache: cache.clone(),
                    user_agent: Some(HeaderValue::from_static(USER_AGENT)),
                    // The tile policy allows at most 2 connections per client.
                    max_parallel_downloads:
                        MaxParallelDownloads::value_manually_confirmed_with_provider_limits(2),
                    ..HttpOptions::default()
                };
                HttpTiles::with_options(OpenStreetMap, options, ctx.clone())
            };
            Retrying::new(Box::new(make), Instant::now())
        })
    }

    /// How the online tiles fare (`Off` when they were never asked for).
    pub fn online_status(&self) -> OnlineStatus {
        self.osm
            .as_ref()
            .map_or(OnlineStatus::Off, Retrying::status)
    }

    /// Whether every offline tile asked for has arrived.
    pub fn settled(&self, dark: bool) -> bool {
        let offline = if dark {
            self.dark.as_ref()
        } else {
            Some(&self.light)
        };
        offline.is_some_and(Overzoom::settled)
    }
}

/// Writes the bundled basemap into `folder` unless an identical file is
/// there, atomically, so that a reader never sees half a file.
fn unpack_basemap(folder: &Path) -> std::io::Result<PathBuf> {
    let path = folder.join(format!(
        "world-basemap-z0-5-{}.pmtiles",
        OFFLINE_BASEMAP.len()
    ));
    if std::fs::metadata(&path).is_ok_and(|meta| meta.len() == OFFLINE_BASEMAP.len() as u64) {
        return Ok(path);
    }
    std::fs::create_dir_all(folder)?;
    crate::save::write_atomically(&path, |out| out.write_all(OFFLINE_BASEMAP))?;
    Ok(path)
}

/// Serves the deepest tile a source has, cut to size, for zooms past it, so
/// the map never goes blank when zoomed in further than the data.
pub struct Overzoom<T> {
    inner: T,
    asked: usize,
    served: usize,
}

impl<T: Tiles> Overzoom<T> {
    fn new(inner: T) -> Self {
        Self {
            inner,
            asked: 0,
            served: 0,
        }
    }

    /// Whether nothing is loading and the last frame's tiles were all there.
    fn settled(&self) -> bool {
        self.inner.stats().in_progress == 0 && self.asked > 0 && self.asked == self.served
    }

    /// Starts counting a new frame's tiles.
    fn new_frame(&mut self) {
        self.asked = 0;
        self.served = 0;
    }
}

impl<T: Tiles> Tiles for Overzoom<T> {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.asked += 1;
        let piece = if tile_id.zoom <= OFFLINE_MAX_ZOOM {
            self.inner.at(tile_id)
        } else {
            let shift = u32::from(tile_id.zoom - OFFLINE_MAX_ZOOM);
            let parent = TileId {
                x: tile_id.x >> shift,
                y: tile_id.y >> shift,
                zoom: OFFLINE_MAX_ZOOM,
            };
            let piece = self.inner.at(parent)?;
            let parts = (1u32 << shift) as f32;
            let within = vec2(
                (tile_id.x & ((1 << shift) - 1)) as f32,
                (tile_id.y & ((1 << shift) - 1)) as f32,
            ) / parts;
            let size = piece.uv.size();
            let uv = Rect::from_min_size(piece.uv.min + within * size, size / parts);
            Some(TilePiece::new(piece.tile, uv))
        };
        // Pieces of a coarser tile stand in while the right one loads.
        if piece.is_some() {
            self.served += 1;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: OFFLINE_ATTRIBUTION,
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> Stats {
        self.inner.stats()
    }
}
