#include "serve/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "pipeline/resolve.h"
#include "resolve/resolve.h"
#include "serve/context.h"
#include "serve/ingester.h"
#include "serve/response_cache.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace tg::serve {

namespace {

// Read connections share the machine with the other workers: a smaller page
// cache than the writer's default keeps N of them modest.
constexpr int kReaderCacheKib = 16 << 10;

// Opens `db`, a SQLite file or a PostgreSQL URI, as `tiegraph --db` does.
Result<std::unique_ptr<store::Store>> OpenDb(const std::string& db, bool read_only) {
  if (store::IsPostgresUri(db)) {
    TG_ASSIGN_OR_RETURN(store::PostgresOptions options, store::PostgresOptionsFromUri(db));
    options.read_only = read_only;
    return store::OpenPostgresStore(options);
  }
  store::SqliteOptions options;
  options.path = db;
  options.read_only = read_only;
  if (read_only) options.cache_kib = kReaderCacheKib;
  return store::OpenSqliteStore(options);
}

// Re-resolution for POST /api/documents: the pipeline's resolution step
// (as after `tiegraph ingest`) over a resolver loaded once, then the stored
// graph read back for indexing.
Result<ResolveFn> MakeResolveFn(const std::string& data_dir) {
  TG_ASSIGN_OR_RETURN(resolve::Resolver loaded, resolve::Resolver::Load(data_dir));
  auto resolver = std::make_shared<const resolve::Resolver>(std::move(loaded));
  return ResolveFn([resolver](store::Store* store) -> Result<store::Graph> {
    TG_ASSIGN_OR_RETURN(pipeline::ResolveSummary summary, pipeline::ResolveStore(store, *resolver));
    (void)summary;
    return store->GetGraph();
  });
}

// The request as handlers see it. The path is split on the raw target, so an
// escaped '/' (%2F) stays inside its segment (external ids may be URLs).
HttpRequest ToRequest(const httplib::Request& req) {
  HttpRequest request;
  request.method = req.method;
  request.path = req.path;
  const std::string_view target = req.target;
  const size_t question = target.find('?');
  for (const std::string& segment : SplitPath(target.substr(0, question))) {
    request.segments.push_back(DecodePercent(segment, /*plus_is_space=*/false));
  }
  // Parameters come from the query string only: httplib also merges a
  // form-encoded body into req.params, which is not a query.
  if (question != std::string_view::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(std::string(target.substr(question + 1)), params);
    for (const auto& [name, value] : params) request.query.emplace(name, value);
  }
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers[lower] = value;
  }
  request.body = req.body;
  return request;
}

void WriteResponse(const HttpResponse& response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers) res.set_header(name, value);
  res.set_content(response.body, response.content_type);
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<StorePool> readers;
  GraphState graph;
  std::unique_ptr<Ingester> ingester;
  std::unique_ptr<ResponseCache> cache;
  ServeContext context;
  Router router;
  httplib::Server http;
  std::thread listener;
  int port = 0;
  std::mutex mu;
  std::condition_variable stopped_cv;
  bool started = false;
  bool stopped = false;

  void Handle(const httplib::Request& req, httplib::Response& res);
  void Configure();
};

void Server::Impl::Handle(const httplib::Request& req, httplib::Response& res) {
  const Clock::time_point start = Clock::now();
  HttpRequest request = ToRequest(req);
  request.deadline = start + std::chrono::milliseconds(options.request_timeout_ms);
  HttpResponse response;
  // Handlers return statuses, but a library call that throws (a JSON
  // conversion, an allocation) must not take the connection down.
  try {
    const Router::Match match = router.Find(&request, &response);
    if (match.handler == nullptr) {
      // `response` holds the routing error.
    } else if (cache != nullptr && match.spec->graph_only && match.spec->method == "GET") {
      // The version first: an answer computed on a newer snapshot under an
      // older key is still one snapshot's answer.
      const std::string key = std::to_string(graph.Current()->version) + " " + req.target;
      if (std::shared_ptr<const HttpResponse> hit = cache->Find(key)) {
        response = *hit;
      } else {
        const Clock::time_point computed = Clock::now();
        response = (*match.handler)(request);
        if (response.status == 200 &&
            Clock::now() - computed >= std::chrono::milliseconds(options.cache_min_ms)) {
          cache->Put(key, std::make_shared<HttpResponse>(response));
        }
      }
    } else {
      response = (*match.handler)(request);
    }
  } catch (const std::exception& e) {
    response = ErrorResponse(500, kInternal, std::string("internal error: ") + e.what());
  }
  ++context.requests;
  if (response.status >= 500) {
    ++context.server_errors;
  } else if (response.status >= 400) {
    ++context.client_errors;
  }
  WriteResponse(response, res);
}

void Server::Impl::Configure() {
  auto handle = [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); };
  // Every method goes to the router, which answers 404 and 405 itself.
  http.Get(".*", handle);
  http.Post(".*", handle);
  http.Put(".*", handle);
  http.Patch(".*", handle);
  http.Delete(".*", handle);
  http.Options(".*", handle);
  // Errors the library answers before routing (413 body too large, 400
  // malformed request, 414 URI too long) get the API's JSON form too.
  httplib::Server::HandlerWithResponse on_error = [this](const httplib::Request&,
                                                         httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string_view code = kBadParameter;
    std::string message = std::string(ReasonPhrase(res.status));
    if (res.status == 413) {
      code = kPayloadTooLarge;
      message = "request body larger than " + std::to_string(options.max_body_bytes) + " bytes";
    } else if (res.status == 404) {
      code = kNotFound;
    } else if (res.status >= 500) {
      code = kInternal;
    }
    ++context.requests;
    ++(res.status >= 500 ? context.server_errors : context.client_errors);
    WriteResponse(ErrorResponse(res.status, code, message), res);
    return httplib::Server::HandlerResponse::Handled;
  };
  http.set_error_handler(std::move(on_error));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        WriteResponse(ErrorResponse(500, kInternal, "internal error"), res);
      });
  if (options.access_log) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.target.c_str(), res.status,
                   res.body.size());
    });
  }
  const int threads = options.threads;
  // httplib's API takes ownership of a raw TaskQueue pointer.
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(options.max_body_bytes);
  // Sockets get the same limit, but at least a second: a handler's limit
  // may be short, a slow client's packets still need time to arrive.
  const auto timeout = std::chrono::milliseconds(std::max(options.request_timeout_ms, 1000));
  http.set_read_timeout(timeout);
  http.set_write_timeout(timeout);
  http.set_keep_alive_max_count(static_cast<size_t>(options.keep_alive_requests));
  http.set_tcp_nodelay(true);
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.threads <= 0) {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    impl->options.threads = std::max(8, 4 * cores);
  }
  impl->options.max_page = std::max(1, impl->options.max_page);
  impl->options.default_page = std::clamp(impl->options.default_page, 1, impl->options.max_page);
  const ServerOptions& opts = impl->options;

  if (!opts.ingest_token.empty()) {
    // The writer creates the database when missing, so it comes first.
    TG_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> writer, OpenDb(opts.db, false));
    IngesterOptions ingester_options;
    ingester_options.data_dir = opts.data_dir;
    ingester_options.body.max_document_bytes = opts.max_body_bytes;
    TG_ASSIGN_OR_RETURN(ResolveFn resolve, MakeResolveFn(opts.data_dir));
    TG_ASSIGN_OR_RETURN(impl->ingester, Ingester::Create(ingester_options, std::move(writer),
                                                         &impl->graph, std::move(resolve)));
  } else if (!store::IsPostgresUri(opts.db)) {
    std::error_code ec;
    if (!std::filesystem::exists(opts.db, ec)) {
      return Status::NotFound("no database ", opts.db,
                              " (ingest documents first, or start with an ingest token)");
    }
  }
  const std::string db = opts.db;
  impl->readers = std::make_unique<StorePool>([db]() { return OpenDb(db, /*read_only=*/true); },
                                              static_cast<size_t>(opts.threads));
  {
    TG_ASSIGN_OR_RETURN(StorePool::Lease store, impl->readers->Acquire());
    TG_RETURN_IF_ERROR(impl->graph.Reload(store.get()));
  }

  impl->context.options = opts;
  impl->context.readers = impl->readers.get();
  impl->context.graph = &impl->graph;
  impl->context.ingester = impl->ingester.get();
  if (opts.cache_bytes > 0) {
    // One answer may take at most an eighth of the cache (exports can be large).
    impl->cache = std::make_unique<ResponseCache>(opts.cache_bytes, opts.cache_bytes / 8);
    impl->context.cache = impl->cache.get();
  }
  AddServiceRoutes(&impl->context, &impl->router);
  AddDocumentRoutes(&impl->context, &impl->router);
  AddIngestRoutes(&impl->context, &impl->router);
  AddEntityRoutes(&impl->context, &impl->router);
  AddEventRoutes(&impl->context, &impl->router);
  AddGraphRoutes(&impl->context, &impl->router);
  impl->Configure();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Status Server::Start() {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mu);
  if (impl.started) return Status::Ok();
  if (impl.options.port == 0) {
    impl.port = impl.http.bind_to_any_port(impl.options.host);
  } else {
    impl.port =
        impl.http.bind_to_port(impl.options.host, impl.options.port) ? impl.options.port : -1;
  }
  if (impl.port <= 0) {
    return Status::Unavailable("cannot listen on ", impl.options.host, ":", impl.options.port);
  }
  auto listening_done = std::make_shared<std::atomic<bool>>(false);
  impl.listener = std::thread([&impl, listening_done] {
    impl.http.listen_after_bind();
    *listening_done = true;
  });
  // The socket already listens (connections queue); wait for the accept loop
  // so that a Stop() right after Start() finds it running.
  while (!impl.http.is_running() && !*listening_done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!impl.http.is_running()) {
    impl.listener.join();
    return Status::Unavailable("the server stopped at once on ", impl.options.host, ":", impl.port);
  }
  impl.started = true;
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

void Server::Wait() {
  std::unique_lock<std::mutex> lock(impl_->mu);
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped || !impl_->started; });
}

void Server::Stop() {
  Impl& impl = *impl_;
  std::unique_lock<std::mutex> lock(impl.mu);
  if (!impl.started || impl.stopped) return;
  impl.http.stop();
  std::thread listener = std::move(impl.listener);
  lock.unlock();
  if (listener.joinable()) listener.join();
  lock.lock();
  impl.stopped = true;
  impl.stopped_cv.notify_all();
}

std::vector<RouteSpec> Server::Routes() const { return impl_->router.Routes(); }

}  // namespace tg::serve
