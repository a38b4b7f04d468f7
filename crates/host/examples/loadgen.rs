//! A small closed-loop HTTP/1.1 load generator for `scripts/bench/host.sh`.
//!
//! Each connection sends the next unused signed path (so no URL is sent
//! twice), waits for the whole response, records the latency, and repeats
//! until the time is up. Prints one line:
//! `requests <n> rps <r> p50_us <a> p99_us <b> non_2xx <c>`.
//!
//! Usage: loadgen ORIGIN PATHS_FILE CONNECTIONS SECONDS HOST_HEADER

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

fn fail(message: &str) -> ! {
    eprintln!("loadgen: {message}");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 {
        fail("usage: loadgen ORIGIN PATHS_FILE CONNECTIONS SECONDS HOST_HEADER");
    }
    let authority = args[1].trim_start_matches("http://").to_owned();
    let paths: Vec<String> = std::fs::read_to_string(&args[2])
        .unwrap_or_else(|e| fail(&e.to_string()))
        .lines()
        .map(str::to_owned)
        .collect();
    let connections: usize = args[3]
        .parse()
        .unwrap_or_else(|_| fail("CONNECTIONS is a number"));
    let seconds: u64 = args[4]
        .parse()
        .unwrap_or_else(|_| fail("SECONDS is a number"));
    let host = args[5].clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| fail(&e.to_string()));
    let local = tokio::task::LocalSet::new();
    let (latencies, non_2xx, elapsed) = local.block_on(&runtime, async move {
        let next = Rc::new(Cell::new(0usize));
        let latencies = Rc::new(RefCell::new(Vec::with_capacity(paths.len())));
        let non_2xx = Rc::new(Cell::new(0u64));
        let paths = Rc::new(paths);
        let start = Instant::now();
        let deadline = start + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for _ in 0..connections {
            let (next, latencies, non_2xx, paths, authority, host) = (
                next.clone(),
                latencies.clone(),
                non_2xx.clone(),
                paths.clone(),
                authority.clone(),
                host.clone(),
            );
            tasks.push(tokio::task::spawn_local(async move {
                let stream = TcpStream::connect(&authority)
                    .await
                    .unwrap_or_else(|e| fail(&e.to_string()));
                let _ = stream.set_nodelay(true);
                let (read, mut write) = stream.into_split();
                let mut read = BufReader::new(read);
                let mut line = String::new();
                let mut body = Vec::new();
                while Instant::now() < deadline {
                    let index = next.get();
                    let Some(path) = paths.get(index) else {
                        fail("ran out of distinct URLs: generate more")
                    };
                    next.set(index + 1);
                    let sent = Instant::now();
                    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
                    write
                        .write_all(request.as_bytes())
                        .await
                        .unwrap_or_else(|e| fail(&e.to_string()));
                    line.clear();
                    read.read_line(&mut line)
                        .await
                        .unwrap_or_else(|e| fail(&e.to_string()));
                    let status: u16 = line
                        .split(' ')
                        .nth(1)
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    let mut length = 0usize;
                    loop {
                        line.clear();
                        read.read_line(&mut line)
                            .await
                            .unwrap_or_else(|e| fail(&e.to_string()));
                        if line == "\r\n" || line.is_empty() {
                            break;
                        }
                        if let Some((name, value)) = line.split_once(':') {
                            if name.eq_ignore_ascii_case("content-length") {
                                length = value.trim().parse().unwrap_or(0);
                            }
                        }
                    }
                    body.resize(length, 0);
                    read.read_exact(&mut body)
                        .await
                        .unwrap_or_else(|e| fail(&e.to_string()));
                    latencies
                        .borrow_mut()
                        .push(sent.elapsed().as_micros() as u64);
                    if !(200..300).contains(&status) {
                        non_2xx.set(non_2xx.get() + 1);
                    }
                }
            }));
        }
        for task in tasks {
            let _ = task.await;
        }
        let elapsed = start.elapsed().as_secs_f64();
        let latencies = latencies.borrow().clone();
        (latencies, non_2xx.get(), elapsed)
    });
    let mut sorted = latencies;
    sorted.sort_unstable();
    let at = |q: f64| {
        sorted
            .get(((sorted.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or(0)
    };
    println!(
        "requests {} rps {:.0} p50_us {} p99_us {} non_2xx {}",
        sorted.len(),
        sorted.len() as f64 / elapsed,
        at(0.50),
        at(0.99),
        non_2xx
    );
}
