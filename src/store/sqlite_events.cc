#include "store/sqlite_events.h"

#include <iterator>
#include <utility>
#include <vector>

namespace tg::store {
namespace {

using sqlite::Statement;

// The statements of the event tables, by slot (offset from first_slot_).
enum Sql : size_t {
  kTextBytes,
  kDeleteExtraction,
  kInsertExtraction,
  kInsertMeeting,
  kInsertParticipant,
  kInsertTopic,
  kInsertTrip,
  kInsertTripPerson,
  kInsertDestination,
  kGetExtraction,
  kGetText,
  kGetMeetings,
  kGetParticipants,
  kGetTopics,
  kGetTrips,
  kGetTripPeople,
  kGetDestinations,
  kSqlCount,
};

constexpr const char* kSql[] = {
    // Existence and size of the document in one lookup (bytes, not characters).
    "SELECT length(CAST(text AS BLOB)) FROM documents WHERE id = ?1",
    // Cascades to meetings, trips and their people, topics and destinations.
    "DELETE FROM extractions WHERE doc_id = ?1",
    "INSERT INTO extractions (doc_id, meetings, trips, extracted_at) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO meetings (doc_id, idx, date, date_hint, place, place_kb_id, status, "
    "evidence_begin, evidence_end, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "RETURNING id",
    "INSERT INTO meeting_participants (meeting_id, idx, name, kb_id, type, name_en, name_ko, "
    "title, org) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO meeting_topics (meeting_id, idx, topic) VALUES (?1, ?2, ?3)",
    "INSERT INTO trips (doc_id, idx, start_date, end_date, status, evidence_begin, evidence_end, "
    "confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
    "INSERT INTO trip_people (trip_id, idx, name, kb_id, type, name_en, name_ko, title, org, "
    "role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "INSERT INTO trip_destinations (trip_id, idx, name, kb_id) VALUES (?1, ?2, ?3, ?4)",
    "SELECT meetings, trips FROM extractions WHERE doc_id = ?1",
    "SELECT text FROM documents WHERE id = ?1",
    "SELECT id, date, date_hint, place, place_kb_id, status, evidence_begin, evidence_end, "
    "confidence FROM meetings WHERE doc_id = ?1 ORDER BY idx",
    "SELECT name, kb_id, type, name_en, name_ko, title, org FROM meeting_participants "
    "WHERE meeting_id = ?1 ORDER BY idx",
    "SELECT topic FROM meeting_topics WHERE meeting_id = ?1 ORDER BY idx",
    "SELECT id, start_date, end_date, status, evidence_begin, evidence_end, confidence "
    "FROM trips WHERE doc_id = ?1 ORDER BY idx",
    "SELECT name, kb_id, type, name_en, name_ko, title, org, role FROM trip_people "
    "WHERE trip_id = ?1 ORDER BY idx",
    "SELECT name, kb_id FROM trip_destinations WHERE trip_id = ?1 ORDER BY idx",
};
static_assert(std::size(kSql) == kSqlCount);

constexpr const char* kTraveler = "traveler";
constexpr const char* kCompanion = "companion";

// Binds a person to parameters ?3..?9 (name, kb_id, type, name_en, name_ko, title, org).
void BindPerson(Statement& stmt, const EventPerson& p) {
  stmt.BindTextNoCopy(3, p.name);
  stmt.BindTextNoCopy(4, p.kb_id);
  stmt.BindTextNoCopy(5, p.type);
  stmt.BindTextNoCopy(6, p.name_en);
  stmt.BindTextNoCopy(7, p.name_ko);
  stmt.BindTextNoCopy(8, p.title);
  stmt.BindTextNoCopy(9, p.org);
}

// Reads the seven person columns (name .. org) starting at column 0.
EventPerson ReadPerson(const Statement& row) {
  EventPerson p;
  p.name = row.ColumnText(0);
  p.kb_id = row.ColumnText(1);
  p.type = row.ColumnText(2);
  p.name_en = row.ColumnText(3);
  p.name_ko = row.ColumnText(4);
  p.title = row.ColumnText(5);
  p.org = row.ColumnText(6);
  return p;
}

// Runs an INSERT ... RETURNING id and returns the id.
Result<int64_t> InsertReturningId(Statement& stmt) {
  TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status::Internal("INSERT ... RETURNING gave no row");
  const int64_t id = stmt.ColumnInt64(0);
  // Step to the end so the statement completes before the handle resets it.
  TG_ASSIGN_OR_RETURN(bool more, stmt.Step());
  static_cast<void>(more);
  return id;
}

}  // namespace

const size_t SqliteEventTables::kSlots = kSqlCount;

Result<Statement> SqliteEventTables::Stmt(size_t sql) {
  return db_->Cached(first_slot_ + sql, kSql[sql]);
}

Status SqliteEventTables::Write(int64_t doc_id, const StoredEvents& events,
                                const std::string& now) {
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kTextBytes));
    stmt.BindInt64(1, doc_id);
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return Status::NotFound("cannot store events: no document ", doc_id);
    TG_RETURN_IF_ERROR(
        ValidateEvents(events, stmt.ColumnUint64(0))
            .WithPrefix("cannot store events of document " + std::to_string(doc_id)));
  }
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kDeleteExtraction));
    stmt.BindInt64(1, doc_id);
    TG_RETURN_IF_ERROR(stmt.Run());
  }
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertExtraction));
    stmt.BindInt64(1, doc_id);
    stmt.BindInt64(2, static_cast<int64_t>(events.meetings.size()));
    stmt.BindInt64(3, static_cast<int64_t>(events.trips.size()));
    stmt.BindTextNoCopy(4, now);
    TG_RETURN_IF_ERROR(stmt.Run());
  }
  for (size_t i = 0; i < events.meetings.size(); ++i) {
    TG_RETURN_IF_ERROR(WriteMeeting(doc_id, static_cast<int>(i), events.meetings[i]));
  }
  for (size_t i = 0; i < events.trips.size(); ++i) {
    TG_RETURN_IF_ERROR(WriteTrip(doc_id, static_cast<int>(i), events.trips[i]));
  }
  return Status::Ok();
}

Status SqliteEventTables::WriteMeeting(int64_t doc_id, int idx, const StoredMeeting& m) {
  int64_t meeting_id = 0;
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertMeeting));
    stmt.BindInt64(1, doc_id);
    stmt.BindInt64(2, idx);
    stmt.BindTextNoCopy(3, m.date);
    stmt.BindTextNoCopy(4, m.date_hint);
    stmt.BindTextNoCopy(5, m.place.name);
    stmt.BindTextNoCopy(6, m.place.kb_id);
    stmt.BindTextNoCopy(7, m.status);
    stmt.BindInt64(8, m.evidence_begin);
    stmt.BindInt64(9, m.evidence_end);
    stmt.BindDouble(10, m.confidence);
    TG_ASSIGN_OR_RETURN(meeting_id, InsertReturningId(stmt));
  }
  for (size_t i = 0; i < m.participants.size(); ++i) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertParticipant));
    stmt.BindInt64(1, meeting_id);
    stmt.BindInt64(2, static_cast<int64_t>(i));
    BindPerson(stmt, m.participants[i]);
    TG_RETURN_IF_ERROR(stmt.Run());
  }
  for (size_t i = 0; i < m.topics.size(); ++i) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertTopic));
    stmt.BindInt64(1, meeting_id);
    stmt.BindInt64(2, static_cast<int64_t>(i));
    stmt.BindTextNoCopy(3, m.topics[i]);
    TG_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

Status SqliteEventTables::WriteTrip(int64_t doc_id, int idx, const StoredTrip& t) {
  int64_t trip_id = 0;
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertTrip));
    stmt.BindInt64(1, doc_id);
    stmt.BindInt64(2, idx);
    stmt.BindTextNoCopy(3, t.start);
    stmt.BindTextNoCopy(4, t.end);
    stmt.BindTextNoCopy(5, t.status);
    stmt.BindInt64(6, t.evidence_begin);
    stmt.BindInt64(7, t.evidence_end);
    stmt.BindDouble(8, t.confidence);
    TG_ASSIGN_OR_RETURN(trip_id, InsertReturningId(stmt));
  }
  // The traveler is person 0; companions follow in order.
  for (size_t i = 0; i <= t.companions.size(); ++i) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertTripPerson));
    stmt.BindInt64(1, trip_id);
    stmt.BindInt64(2, static_cast<int64_t>(i));
    BindPerson(stmt, i == 0 ? t.traveler : t.companions[i - 1]);
    stmt.BindTextNoCopy(10, i == 0 ? kTraveler : kCompanion);
    TG_RETURN_IF_ERROR(stmt.Run());
  }
  for (size_t i = 0; i < t.destinations.size(); ++i) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kInsertDestination));
    stmt.BindInt64(1, trip_id);
    stmt.BindInt64(2, static_cast<int64_t>(i));
    stmt.BindTextNoCopy(3, t.destinations[i].name);
    stmt.BindTextNoCopy(4, t.destinations[i].kb_id);
    TG_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

Result<std::optional<StoredEvents>> SqliteEventTables::Read(int64_t doc_id) {
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kGetExtraction));
    stmt.BindInt64(1, doc_id);
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return std::optional<StoredEvents>();
  }
  StoredEvents events;
  TG_RETURN_IF_ERROR(ReadMeetings(doc_id, &events));
  TG_RETURN_IF_ERROR(ReadTrips(doc_id, &events));
  if (!events.meetings.empty() || !events.trips.empty()) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kGetText));
    stmt.BindInt64(1, doc_id);
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    FillEvidence(row ? stmt.ColumnText(0) : std::string(), &events);
  }
  return std::optional<StoredEvents>(std::move(events));
}

Status SqliteEventTables::ReadMeetings(int64_t doc_id, StoredEvents* out) {
  TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kGetMeetings));
  stmt.BindInt64(1, doc_id);
  while (true) {
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    const int64_t meeting_id = stmt.ColumnInt64(0);
    StoredMeeting m;
    m.date = stmt.ColumnText(1);
    m.date_hint = stmt.ColumnText(2);
    m.place.name = stmt.ColumnText(3);
    m.place.kb_id = stmt.ColumnText(4);
    m.status = stmt.ColumnText(5);
    m.evidence_begin = static_cast<uint32_t>(stmt.ColumnInt64(6));
    m.evidence_end = static_cast<uint32_t>(stmt.ColumnInt64(7));
    m.confidence = stmt.ColumnDouble(8);
    {
      TG_ASSIGN_OR_RETURN(Statement people, Stmt(kGetParticipants));
      people.BindInt64(1, meeting_id);
      while (true) {
        TG_ASSIGN_OR_RETURN(bool person, people.Step());
        if (!person) break;
        m.participants.push_back(ReadPerson(people));
      }
    }
    {
      TG_ASSIGN_OR_RETURN(Statement topics, Stmt(kGetTopics));
      topics.BindInt64(1, meeting_id);
      while (true) {
        TG_ASSIGN_OR_RETURN(bool topic, topics.Step());
        if (!topic) break;
        m.topics.push_back(topics.ColumnText(0));
      }
    }
    out->meetings.push_back(std::move(m));
  }
  return Status::Ok();
}

Status SqliteEventTables::ReadTrips(int64_t doc_id, StoredEvents* out) {
  TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(kGetTrips));
  stmt.BindInt64(1, doc_id);
  while (true) {
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    const int64_t trip_id = stmt.ColumnInt64(0);
    StoredTrip t;
    t.start = stmt.ColumnText(1);
    t.end = stmt.ColumnText(2);
    t.status = stmt.ColumnText(3);
    t.evidence_begin = static_cast<uint32_t>(stmt.ColumnInt64(4));
    t.evidence_end = static_cast<uint32_t>(stmt.ColumnInt64(5));
    t.confidence = stmt.ColumnDouble(6);
    {
      TG_ASSIGN_OR_RETURN(Statement people, Stmt(kGetTripPeople));
      people.BindInt64(1, trip_id);
      while (true) {
        TG_ASSIGN_OR_RETURN(bool person, people.Step());
        if (!person) break;
        if (people.ColumnText(7) == kTraveler) {
          t.traveler = ReadPerson(people);
        } else {
          t.companions.push_back(ReadPerson(people));
        }
      }
    }
    {
      TG_ASSIGN_OR_RETURN(Statement places, Stmt(kGetDestinations));
      places.BindInt64(1, trip_id);
      while (true) {
        TG_ASSIGN_OR_RETURN(bool place, places.Step());
        if (!place) break;
        t.destinations.push_back({places.ColumnText(0), places.ColumnText(1)});
      }
    }
    out->trips.push_back(std::move(t));
  }
  return Status::Ok();
}

}  // namespace tg::store
