//! A real HTTP server for the tests that read the web: it listens on
//! 127.0.0.1 (never any other address) on a port the system picks, serves
//! the responses a test gives it by path, and stops when dropped. Each
//! connection is bounded in time: a "hanging" response gives up after a
//! minute, so no test can leave a thread behind for long.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The longest a hanging response holds its connection open.
const HANG_AT_MOST: Duration = Duration::from_mins(1);

/// What the server answers on one path.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A status, headers and a whole body.
    Body {
        /// The HTTP status code.
        status: u16,
        /// Extra headers (`Content-Length` and `Connection` are added).
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// A redirect to another path or address.
    Redirect(String),
    /// Headers and the start of a body, then nothing, never ending.
    Hang,
    /// A body of this many bytes, sent as fast as the client reads.
    Huge(usize),
}

impl Reply {
    /// A 200 with this content type.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self::Body {
            status: 200,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body: body.into(),
        }
    }

    /// A status with a short text body.
    pub fn status(status: u16) -> Self {
        Self::Body {
            status,
            headers: vec![("Content-Type".to_owned(), "text/plain".to_owned())],
            body: format!("status {status}").into_bytes(),
        }
    }
}

/// A server on 127.0.0.1 serving `routes`, counting requests per path.
pub struct Server {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<HashMap<String, usize>>>,
    user_agents: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts serving `routes` (path -> reply); unknown paths get a 404.
    pub fn start(routes: Vec<(&str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let address = listener.local_addr().expect("the bound address");
        let routes: Arc<HashMap<String, Reply>> = Arc::new(
            routes
                .into_iter()
                .map(|(path, reply)| (path.to_owned(), reply))
                .collect(),
        );
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(HashMap::new()));
        let user_agents = Arc::new(Mutex::new(Vec::new()));
        let server = Self {
            address,
            stop: Arc::clone(&stop),
            requests: Arc::clone(&requests),
            user_agents: Arc::clone(&user_agents),
        };
        thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let routes = Arc::clone(&routes);
                        let requests = Arc::clone(&requests);
                        let user_agents = Arc::clone(&user_agents);
                        let stop = Arc::clone(&stop);
                        thread::spawn(move || {
                            let _ = serve(stream, &routes, &requests, &user_agents, &stop);
                        });
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        server
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// How many requests `path` got.
    pub fn requests(&self, path: &str) -> usize {
        self.requests
            .lock()
            .expect("no test thread panicked")
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    /// The User-Agent headers received.
    pub fn user_agents(&self) -> Vec<String> {
        self.user_agents
            .lock()
            .expect("no test thread panicked")
            .clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn serve(
    stream: TcpStream,
    routes: &HashMap<String, Reply>,
    requests: &Mutex<HashMap<String, usize>>,
    user_agents: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("user-agent")
        {
            user_agents
                .lock()
                .expect("no test thread panicked")
                .push(value.trim().to_owned());
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    *requests
        .lock()
        .expect("no test thread panicked")
        .entry(path.clone())
        .or_insert(0) += 1;
    let mut out = stream;
    match routes
        .get(&path)
        .cloned()
        .unwrap_or_else(|| Reply::status(404))
    {
        Reply::Body {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (name, value) in headers {
                let _ = write!(head, "{name}: {value}\r\n");
            }
            let _ = write!(
                head,
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            out.write_all(head.as_bytes())?;
            out.write_all(&body)?;
        }
        Reply::Redirect(to) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            out.write_all(head.as_bytes())?;
        }
        Reply::Hang => {
            out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n<html><body><p>")?;
            out.flush()?;
            let started = Instant::now();
            while started.elapsed() < HANG_AT_MOST && !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(50));
            }
        }
        Reply::Huge(size) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"
            );
            out.write_all(head.as_bytes())?;
            let chunk =
                b"<p>Filler paragraph of a page far too big to be an article.</p>\n".repeat(1024);
            let mut sent = 0;
            while sent < size {
                let n = chunk.len().min(size - sent);
                // The client hangs up at its cap: the write fails and we stop.
                out.write_all(&chunk[..n])?;
                sent += n;
            }
        }
    }
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
