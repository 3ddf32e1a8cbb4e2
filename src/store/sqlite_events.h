#pragma once
// The event tables of the SQLite store (schema version 3, docs/storage.md):
// writes one document's meetings and trips and reads them back. Internal to
// src/store; SqliteStore owns one per connection and brackets writes with its
// batch transaction and a savepoint. Not thread-safe.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "store/events.h"
#include "store/sqlite_db.h"

namespace tg::store {

class SqliteEventTables {
 public:
  // Number of statement slots the tables use.
  static const size_t kSlots;

  // Prepared statements go into `db`'s slots [first_slot, first_slot + kSlots),
  // which the caller must not use for anything else. `db` must outlive this.
  SqliteEventTables(sqlite::Database* db, size_t first_slot) : db_(db), first_slot_(first_slot) {}

  // Replaces the events of `doc_id` with `events`, stamping them `now`.
  // Returns kNotFound when no such document exists and kInvalidArgument when
  // ValidateEvents rejects them, before writing anything. The caller holds a
  // write transaction and undoes a partial write (a savepoint) on failure.
  Status Write(int64_t doc_id, const StoredEvents& events, const std::string& now);

  // The stored events of `doc_id` with evidence text, or nullopt when it has none.
  Result<std::optional<StoredEvents>> Read(int64_t doc_id);

 private:
  Result<sqlite::Statement> Stmt(size_t sql);
  Status WriteMeeting(int64_t doc_id, int idx, const StoredMeeting& meeting);
  Status WriteTrip(int64_t doc_id, int idx, const StoredTrip& trip);
  Status ReadMeetings(int64_t doc_id, StoredEvents* out);
  Status ReadTrips(int64_t doc_id, StoredEvents* out);

  sqlite::Database* db_;
  size_t first_slot_;
};

}  // namespace tg::store
