// tiegraph serve: the JSON HTTP API over the database (src/serve, docs/api.md).
#include <pthread.h>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "serve/server.h"
#include "store/postgres_store.h"

namespace tg::cli {
namespace {

struct ServeArgs {
  serve::ServerOptions options;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void RunServe(ServeArgs args, RunState* state) {
  if (args.options.ingest_token.empty()) {
    if (const char* env = std::getenv("TIEGRAPH_INGEST_TOKEN"); env != nullptr) {
      args.options.ingest_token = env;
    }
  }
  // SIGINT and SIGTERM are taken by sigwait below; block them before any
  // server thread starts so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Result<std::unique_ptr<serve::Server>> server = serve::Server::Create(args.options);
  if (!server.has_value()) {
    // A PostgreSQL URI may hold a password: name only a file.
    PrintError((store::IsPostgresUri(args.options.db) ? std::string() : args.options.db + ": ") +
               server.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  const Status started = (*server)->Start();
  if (!started.ok()) {
    PrintError(started.ToString());
    state->exit_code = kExitError;
    return;
  }
  std::cerr << fmt::format("tiegraph: serving {} on http://{}:{}/api/ (ingest {}); Ctrl-C stops\n",
                           store::IsPostgresUri(args.options.db) ? "PostgreSQL" : args.options.db,
                           args.options.host, (*server)->port(),
                           args.options.ingest_token.empty() ? "off" : "on, token required");
  if (!IsLoopback(args.options.host)) {
    std::cerr
        << "tiegraph: note: listening beyond loopback; there is no TLS, put a proxy in front\n";
  }
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  std::cerr << "tiegraph: stopping\n";
  (*server)->Stop();
  state->exit_code = kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<ServeArgs>();
  serve::ServerOptions& o = args->options;
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Answer the JSON HTTP API (documents, entities, events, who-met, timeline, path, ego,\n"
      "top, topics, export; POST /api/documents to ingest when a token is set) until Ctrl-C.\n"
      "Routes: GET /api/openapi.json and docs/api.md.");
  AddDbOption(cmd, &o.db);
  cmd->add_option("--host", o.host, "Address to listen on (loopback by default)")
      ->capture_default_str();
  cmd->add_option("--port", o.port, "Port (0: any free port)")->capture_default_str();
  cmd->add_option(
         "--threads", o.threads,
         "Request threads; each keep-alive connection holds one (0: 4 per core, at least 8)")
      ->capture_default_str();
  cmd->add_option("--ingest-token", o.ingest_token,
                  "Accept POST /api/documents with 'Authorization: Bearer TOKEN' (default: "
                  "$TIEGRAPH_INGEST_TOKEN; unset: ingest off)");
  AddDataDirOption(cmd, &o.data_dir);
  cmd->add_option("--max-body-bytes", o.max_body_bytes, "Larger request bodies get 413")
      ->capture_default_str();
  cmd->add_option("--timeout-ms", o.request_timeout_ms,
                  "Per-request time limit (socket reads and writes, ingest between documents)")
      ->capture_default_str();
  cmd->add_option("--max-page", o.max_page, "Largest 'limit' a list accepts")
      ->capture_default_str();
  cmd->add_option("--cache-bytes", o.cache_bytes,
                  "Keep answers of graph queries that took 2 ms or more, up to this many bytes "
                  "(0: no cache)")
      ->capture_default_str();
  cmd->add_flag("--access-log", o.access_log, "Print one line per request on stderr");
  cmd->callback([args, state]() { RunServe(*args, state); });
}

}  // namespace tg::cli
