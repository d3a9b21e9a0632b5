//! `vendor-sandbox [--port N] [--cors] [--public-url URL] [--seed N]`

use std::process::ExitCode;

use vendor_sandbox::{app, server, Config};

const USAGE: &str = "usage: vendor-sandbox [--port N] [--cors] [--public-url URL] [--seed N]

  --port N          port on 127.0.0.1 (default 9870; 0 picks a free one)
  --cors            answer CORS preflights and allow any origin (off, like the real vendors)
  --public-url URL  base the simulated vendors put in absolute links (default http://127.0.0.1:PORT)
  --seed N          generated integrations per vendor besides the documented examples (default 25)";

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", options.port)).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!(
                    "vendor-sandbox: cannot listen on 127.0.0.1:{}: {error}",
                    options.port
                );
                return ExitCode::FAILURE;
            }
        };
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or(options.port);
        let config = Config {
            cors: options.cors,
            public_url: options
                .public_url
                .unwrap_or_else(|| format!("http://127.0.0.1:{port}")),
            seed: options.seed,
        };
        let (router, _) = app(&config);
        println!(
            "vendor-sandbox listening on http://127.0.0.1:{port} (links as {}, CORS {})",
            config.public_url,
            if config.cors { "on" } else { "off" }
        );
        match server::serve(listener, router).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("vendor-sandbox: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

struct Options {
    port: u16,
    cors: bool,
    public_url: Option<String>,
    seed: usize,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Self, String> {
        let mut options = Options {
            port: 9870,
            cors: false,
            public_url: None,
            seed: 25,
        };
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--port" => {
                    options.port = value("--port")?
                        .parse()
                        .map_err(|_| "--port takes a number")?
                }
                "--cors" => options.cors = true,
                "--public-url" => options.public_url = Some(value("--public-url")?),
                "--seed" => {
                    options.seed = value("--seed")?
                        .parse()
                        .map_err(|_| "--seed takes a number")?
                }
                "-h" | "--help" => {
                    return Err("vendor-sandbox: the five vendors' APIs, simulated".into())
                }
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(options)
    }
}
