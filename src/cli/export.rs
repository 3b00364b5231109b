//! `legation export`: what a query and window select of the files given,
//! written for another tool (GeoJSON, CSV, KML, `legation/1`) or drawn as
//! a picture or film of the map (PNG, GIF, MP4; see [`super::figure`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use legation::export::{Format, Selection, write};
use legation::model::Day;
use legation::save::write_atomically;
use legation::scene::{Step, TimeWindow, WindowSpec};
use legation::workspace::Workspace;

use super::query::compile_and_open;
use super::{Exit, parse_day};

/// Arguments of `legation export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Where to write (`-`: stdout, for the data formats); its extension
    /// gives the format when --format is not given (.geojson, .csv, .kml,
    /// .json, .png, .gif, .mp4).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,

    /// The format: geojson, csv, kml, legation, png, gif or mp4.
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,

    /// Only what this query finds: `to:KP`, `person:Shoigu kind:parade`
    /// (see the README).
    #[arg(long, short, value_name = "QUERY", default_value = "")]
    query: String,

    /// Only records in this window, as in the app: START/END
    /// (`2023-07-18/2023-07-27`), a month or year (`2023-07`), or a length
    /// ending at --date (7d, 2w, 1m, 1y). For a film, a length is each
    /// frame's trail and START/END its span.
    #[arg(long, value_name = "7d|1m|START/END")]
    window: Option<WindowSpec>,

    /// The last day shown (YYYY-MM-DD): a length of --window ends on it;
    /// alone, everything up to it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    date: Option<Day>,

    #[command(flatten)]
    picture: super::figure::PictureArgs,

    /// The files, as the app opens them: datasets, imports, articles.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// What the output is: records for another tool, or a picture of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Output {
    /// GeoJSON, CSV, KML or `legation/1`.
    Records(Format),
    /// A still PNG of the map.
    Png,
    /// A film of the playback.
    Film(Film),
}

/// The films `legation export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Film {
    /// A looping GIF.
    Gif,
    /// An MP4 through ffmpeg.
    Mp4,
}

/// Every name --format takes, for messages.
const FORMAT_NAMES: &str = "geojson, csv, kml, legation, png, gif, mp4";

pub fn run(args: &ExportArgs) -> Exit {
    let output = match output_of(args.format.as_deref(), &args.output) {
        Ok(output) => output,
        Err(message) => {
            eprintln!("legation export: {message}");
            return Exit::Invalid;
        }
    };
    let (compiled, workspace, exit) = match compile_and_open("export", &args.query, &args.files) {
        Ok(opened) => opened,
        Err(exit) => return exit,
    };
    let window = window_of(args.window, args.date, &workspace);
    let written = match output {
        Output::Records(format) => {
            let selection = Selection::new(&workspace, Some(&compiled), window);
            write_records(format, &selection, &args.output)
        }
        Output::Png | Output::Film(_) => super::figure::run(
            output,
            &super::figure::Drawn {
                workspace: &workspace,
                compiled: &compiled,
                query: &args.query,
                window,
                trail: args.window.and_then(|spec| match spec {
                    WindowSpec::Length(count, unit) => Some(Step { count, unit }),
                    WindowSpec::Range(_) => None,
                }),
            },
            &args.picture,
            &args.output,
        ),
    };
    match written {
        Ok(()) => exit,
        Err(message) => {
            eprintln!("legation export: {message}");
            Exit::Unreadable
        }
    }
}

/// Writes the records `selection` keeps to `path` (`-`: stdout).
fn write_records(format: Format, selection: &Selection<'_>, path: &Path) -> Result<(), String> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        match write(format, selection, &mut out).and_then(|()| out.flush()) {
            // The reader had enough (`| head`): a normal end, as for `cat`.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            written => {
                written.map_err(|error| format!("cannot write to standard output: {error}"))?;
            }
        }
    } else {
        write_atomically(path, |out| write(format, selection, out)).map_err(|error| {
            format!(
                "cannot write {}: {error}; check the folder exists and is writable",
                path.display()
            )
        })?;
    }
    let (visits, events) = selection.counts();
    eprintln!(
        "wrote {visits} visits and {events} events to {}",
        path.display()
    );
    Ok(())
}

/// The days `--window` and `--date` select, as the app reads them: a
/// length ends on --date or on the data's last day; --date alone keeps
/// everything up to it. `None` keeps every day.
fn window_of(
    spec: Option<WindowSpec>,
    date: Option<Day>,
    workspace: &Workspace,
) -> Option<TimeWindow> {
    let extent = || workspace.extent();
    match (spec, date) {
        (Some(WindowSpec::Range(window)), _) => Some(window),
        (Some(spec), Some(date)) => Some(spec.ending_at(date)),
        (Some(spec), None) => extent().map(|extent| spec.ending_at(extent.end)),
        (None, Some(date)) => Some(TimeWindow::new(
            extent().map_or(date, |extent| extent.start.min(date)),
            date,
        )),
        (None, None) => None,
    }
}

/// The output asked for by --format, or the one `path`'s extension
/// implies.
pub(super) fn output_of(format: Option<&str>, path: &Path) -> Result<Output, String> {
    let named = |name: &str| -> Option<Output> {
        match name.to_lowercase().as_str() {
            "png" => Some(Output::Png),
            "gif" => Some(Output::Film(Film::Gif)),
            "mp4" => Some(Output::Film(Film::Mp4)),
            other => Format::named(other).map(Output::Records),
        }
    };
    let svg = "SVG is not drawn: the basemap draws through the graphics device, not as \
               shapes; write a PNG at print size instead (--size 4000x2500 --scale 2.5)";
    if let Some(name) = format {
        if name.eq_ignore_ascii_case("svg") {
            return Err(svg.to_owned());
        }
        return named(name)
            .ok_or_else(|| format!("unknown --format `{name}`: use one of {FORMAT_NAMES}"));
    }
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or_default();
    if extension.eq_ignore_ascii_case("svg") {
        return Err(svg.to_owned());
    }
    named(extension)
        .filter(|output| matches!(output, Output::Png | Output::Film(_)))
        .or_else(|| Format::of_path(path).map(Output::Records))
        .ok_or_else(|| {
            format!(
                "cannot tell the format of `{}`: give --format ({FORMAT_NAMES}) or end the \
                 name with .geojson, .csv, .kml, .json, .png, .gif or .mp4",
                path.display()
            )
        })
}
