//! `legation export` of pictures and films, drawn off screen (no window,
//! no display) and read back with the `image` crate: the size asked for,
//! one frame per step, frames that change where the data does.

mod run_support;

use std::path::{Path, PathBuf};
use std::process::Output;

use image::{AnimationDecoder as _, RgbaImage};
use run_support::{command, stderr, temp_path};

const STORY: &str = "data/shoigu-pyongyang.json";

/// Runs `legation export -o out extra... STORY` with its caches in the
/// scratch folder.
fn export(out: &Path, extra: &[&str]) -> Output {
    let scratch = temp_path("xdg");
    let runtime = scratch.join("run");
    std::fs::create_dir_all(&runtime).expect("the scratch folder is writable");
    command(["export".as_ref(), "-o".as_ref(), out.as_os_str()])
        .args(extra)
        .arg(STORY)
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .env("XDG_DATA_HOME", scratch.join("data"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .expect("the legation binary runs")
}

fn exported(name: &str, extra: &[&str]) -> PathBuf {
    let out = temp_path(name);
    let output = export(&out, extra);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    out
}

/// How many pixels differ between two pictures of one size, below the
/// caption (the top 70 pixels), where only the map changes.
fn map_pixels_differing(a: &RgbaImage, b: &RgbaImage) -> usize {
    a.enumerate_pixels()
        .filter(|(x, y, pixel)| *y >= 70 && b.get_pixel(*x, *y) != *pixel)
        .count()
}

#[test]
fn a_png_is_the_size_asked_for_and_draws_the_windows_data() {
    let july = exported("july.png", &["--window", "2023-07", "--size", "800x500"]);
    let july = image::open(&july).expect("a PNG").to_rgba8();
    assert_eq!(july.dimensions(), (800, 500));
    // The same view without the delegations (a query no visit passes)
    // differs where their arcs and the legend were.
    let quiet = exported(
        "quiet.png",
        &[
            "--window",
            "2023-07",
            "--size",
            "800x500",
            "--query",
            "kind:parade",
        ],
    );
    let quiet = image::open(&quiet).expect("a PNG").to_rgba8();
    assert!(
        map_pixels_differing(&july, &quiet) > 1000,
        "the query changed nothing on the map"
    );
}

#[test]
fn a_gif_has_a_frame_per_day_that_changes_with_the_data() {
    let gif = exported(
        "play.gif",
        &[
            "--from",
            "2023-07-18",
            "--to",
            "2023-07-31",
            "--step",
            "1d",
            "--fps",
            "4",
            "--size",
            "480x300",
        ],
    );
    let file = std::io::BufReader::new(std::fs::File::open(&gif).expect("the film was written"));
    let decoder = image::codecs::gif::GifDecoder::new(file).expect("a GIF");
    let frames = decoder
        .into_frames()
        .collect_frames()
        .expect("every frame decodes");
    assert_eq!(frames.len(), 14, "one frame a day from 18 to 31 July");
    for frame in &frames {
        assert_eq!(frame.buffer().dimensions(), (480, 300));
        assert_eq!(
            frame.delay().numer_denom_ms(),
            (250, 1),
            "4 frames a second"
        );
    }
    // Every frame says its own day.
    for pair in frames.windows(2) {
        assert_ne!(pair[0].buffer(), pair[1].buffer());
    }
    // 25 July, when both delegations arrive, against 19 July, when
    // neither travels: the map itself differs, not only the caption.
    let (arrivals, before) = (frames[7].buffer(), frames[1].buffer());
    assert!(map_pixels_differing(arrivals, before) > 200);
}

#[test]
fn a_film_or_picture_that_cannot_be_made_says_why_and_leaves_nothing() {
    // No ffmpeg on an empty PATH.
    let empty = temp_path("no-programs");
    std::fs::create_dir_all(&empty).expect("the scratch folder is writable");
    let mp4 = temp_path("play.mp4");
    let output = command(["export", "-o"])
        .arg(&mp4)
        .args(["--size", "200x200", STORY])
        .env("PATH", &empty)
        .env("XDG_CACHE_HOME", temp_path("mp4-cache"))
        .output()
        .expect("the legation binary runs");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("MP4 needs ffmpeg, which is not installed"),
        "{}",
        stderr(&output)
    );
    assert!(!mp4.exists());

    let cases: [(&str, &[&str], &str); 3] = [
        ("map.svg", &[], "SVG is not drawn"),
        (
            "a.gif",
            &["--from", "2023-07-31", "--to", "2023-07-01"],
            "is after --to",
        ),
        (
            "b.png",
            &["--scale", "20"],
            "give a scale between 0.25 and 8",
        ),
    ];
    for (name, extra, message) in cases {
        let out = temp_path(name);
        let output = export(&out, extra);
        assert_ne!(output.status.code(), Some(0), "{name}");
        assert!(
            stderr(&output).contains(message),
            "{name}: {}",
            stderr(&output)
        );
        assert!(!out.exists(), "{name} written");
    }
}

#[test]
fn a_picture_drawn_outside_a_desktop_session_prints_no_false_errors() {
    // Over ssh or in a container there is no XDG_RUNTIME_DIR; the GPU
    // driver's device selection used to print "error: XDG_RUNTIME_DIR is
    // invalid" though the picture was fine.
    let out = temp_path("no-session.png");
    let scratch = temp_path("xdg-no-session");
    let output = command(["export".as_ref(), "-o".as_ref(), out.as_os_str()])
        .args(["--size", "320x200"])
        .arg(STORY)
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .env("XDG_DATA_HOME", scratch.join("data"))
        .env_remove("XDG_RUNTIME_DIR")
        .env_remove("NODEVICE_SELECT")
        .output()
        .expect("the legation binary runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("error"),
        "stderr: {}",
        stderr(&output)
    );
    assert_eq!(image::open(&out).expect("a PNG").width(), 320);
}
