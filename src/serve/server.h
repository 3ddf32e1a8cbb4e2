#pragma once
// The HTTP API server behind `tiegraph serve`: JSON over HTTP/1.1 on a
// loopback address by default, one thread pool answering reads from
// per-thread database connections and an immutable graph snapshot, and a
// single writer for POST /api/documents (off unless a token is set). Routes
// and responses: docs/api.md; the machine-readable form is served at
// /api/openapi.json. Start/Stop may be called from any thread; a Server is
// used by one owner.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "serve/router.h"

namespace tg::serve {

struct ServerOptions {
  std::string db;                  // SQLite file (must exist unless ingest is on) or PostgreSQL URI
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::port())
  int threads = 0;                 // request threads; 0: two per core, at least 4
  // Ingest: POST /api/documents is refused (403 ingest_disabled) while empty;
  // otherwise requests must carry "Authorization: Bearer <token>".
  std::string ingest_token;
  std::string data_dir;             // extraction models (kb/, models/); empty: the default
  size_t max_body_bytes = 8 << 20;  // larger request bodies get 413
  int request_timeout_ms = 10000;   // per-request time limit (ingest stops between documents,
                                    // searches stop early); socket reads and writes too
  int default_page = 50;            // list pages: default and largest "limit"
  int max_page = 1000;
  int keep_alive_requests = 10000;  // requests per keep-alive connection
  // Whole answers of graph queries are kept per graph snapshot, least
  // recently used dropped first, up to this many bytes of bodies (0: off);
  // only answers that took at least cache_min_ms to compute: cheap ones cost
  // less to recompute than to keep (the heap grows fragmented).
  size_t cache_bytes = 64 << 20;
  int cache_min_ms = 2;
  bool access_log = false;  // one line per request on stderr
};

class Server {
 public:
  // Opens the database (read connections, and the writer and extraction
  // models when ingest is on), loads the resolved graph and builds the
  // routes. Fails with the store's status when the database cannot be
  // opened (kNotFound when it does not exist and ingest is off).
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and starts answering on a background thread; returns
  // once the socket listens. Fails with kUnavailable when it cannot bind.
  Status Start();
  // The bound port (after Start), useful with port 0.
  int port() const;
  // Blocks until Stop() is called (from another thread or a signal handler thread).
  void Wait();
  // Stops accepting, finishes running requests and joins the threads. Idempotent.
  void Stop();

  // The route table (for the OpenAPI consistency test and docs).
  std::vector<RouteSpec> Routes() const;

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tg::serve
