#pragma once
// The event tables of the PostgreSQL store (docs/storage.md, "PostgreSQL"):
// one document's meetings and trips, and the extraction records resolution
// starts from. Internal to src/store; PostgresStore owns one per connection
// and runs its writes in the batch transaction. Not thread-safe.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "store/events.h"
#include "store/graph.h"  // ExtractionRecord
#include "store/postgres_db.h"

namespace tg::store {

class PostgresEventTables {
 public:
  // Number of statement slots the tables use.
  static const size_t kSlots;

  // Prepared statements use `db`'s slots [first_slot, first_slot + kSlots).
  // `db` must outlive this.
  PostgresEventTables(pg::Connection* db, size_t first_slot) : db_(db), first_slot_(first_slot) {}

  // Replaces the events of `doc_id` in two statements, inside the caller's
  // transaction. Fails with kNotFound for an unknown document and
  // kInvalidArgument when ValidateEvents rejects `events` or a text could not
  // be stored (NUL, ill-formed UTF-8), changing nothing. A failure of the
  // server after that sets `*aborted`: the caller's transaction is then
  // aborted and must be rolled back.
  Status Write(int64_t doc_id, const StoredEvents& events, bool* aborted);
  // The stored events of `doc_id` with evidence text, or nullopt when none.
  Result<std::optional<StoredEvents>> Read(int64_t doc_id);
  // Store::ListExtractions: every extracted document with id > after_doc_id.
  Result<std::vector<ExtractionRecord>> ReadRecords(int64_t after_doc_id);

 private:
  Result<pg::Rows> Run(size_t sql, const pg::Params& params);
  // Appends a record (without duplicates) for every document with id in
  // (after, last] that has an extraction row, in id order, evidence filled.
  Status ReadRange(int64_t after, int64_t last, std::vector<ExtractionRecord>* out);

  pg::Connection* db_;
  size_t first_slot_;
};

}  // namespace tg::store
