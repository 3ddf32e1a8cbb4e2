#include "store/postgres_events.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/utf8.h"

namespace tg::store {
namespace {

using pg::Params;
using pg::Rows;

// The statements of the event tables, by slot (offset from first_slot_).
// A document's events are written in two round trips however many there are.
enum Sql : size_t {
  kCheckAndDelete,
  kInsertAll,
  kExtractedIds,
  kGetTexts,
  kGetMeetings,
  kGetParticipants,
  kGetTopics,
  kGetTrips,
  kGetTripPeople,
  kGetDestinations,
  kDuplicates,
  kSqlCount,
};

// Reads are over a range of document ids ($1 < doc_id <= $2).
#define TG_RANGE " WHERE doc_id > $1 AND doc_id <= $2 "

constexpr const char* kSql[] = {
    // The document's size, and its old events deleted (cascading to every
    // child row) only when the new spans fit in it ($2: the largest end).
    "WITH doc AS (SELECT octet_length(text) AS bytes FROM documents WHERE id = $1), "
    "gone AS (DELETE FROM extractions WHERE doc_id = $1 AND (SELECT bytes FROM doc) >= $2 "
    "RETURNING doc_id) SELECT bytes, (SELECT count(*) FROM gone) FROM doc",
    // Every new row in one statement (the foreign keys are checked at its
    // end); child rows come from unnest() over one array per column.
    "WITH x AS (INSERT INTO extractions (doc_id, meetings, trips, extracted_at) VALUES ($1, $2, "
    "$3, " TG_PG_NOW_UTC ") "
    "RETURNING doc_id), "
    "m AS (INSERT INTO meetings (doc_id, idx, date, date_hint, place, place_kb_id, status, "
    "evidence_begin, evidence_end, confidence) SELECT x.doc_id, t.n - 1, t.a, t.b, t.c, t.d, t.e, "
    "t.f, t.g, t.h FROM x, unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
    "$9::bigint[], $10::bigint[], $11::float8[]) WITH ORDINALITY AS t(a, b, c, d, e, f, g, h, n)), "
    "mp AS (INSERT INTO meeting_participants (doc_id, meeting_idx, idx, name, kb_id, type, "
    "name_en, name_ko, title, org) SELECT x.doc_id, t.* FROM x, unnest($12::int[], $13::int[], "
    "$14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[]) "
    "AS t), "
    "mt AS (INSERT INTO meeting_topics (doc_id, meeting_idx, idx, topic) SELECT x.doc_id, t.* "
    "FROM x, unnest($21::int[], $22::int[], $23::text[]) AS t), "
    "tr AS (INSERT INTO trips (doc_id, idx, start_date, end_date, status, evidence_begin, "
    "evidence_end, confidence) SELECT x.doc_id, t.n - 1, t.a, t.b, t.c, t.d, t.e, t.f FROM x, "
    "unnest($24::text[], $25::text[], $26::text[], $27::bigint[], $28::bigint[], $29::float8[]) "
    "WITH ORDINALITY AS t(a, b, c, d, e, f, n)), "
    "tp AS (INSERT INTO trip_people (doc_id, trip_idx, idx, role, name, kb_id, type, name_en, "
    "name_ko, title, org) SELECT x.doc_id, t.* FROM x, unnest($30::int[], $31::int[], "
    "$32::text[], $33::text[], $34::text[], $35::text[], $36::text[], $37::text[], $38::text[], "
    "$39::text[]) AS t) "
    "INSERT INTO trip_destinations (doc_id, trip_idx, idx, name, kb_id) SELECT x.doc_id, t.* "
    "FROM x, unnest($40::int[], $41::int[], $42::text[], $43::text[]) AS t",
    "SELECT doc_id FROM extractions WHERE doc_id > $1 ORDER BY doc_id",
    "SELECT x.doc_id, d.text, d.ext_id, d.lang, d.published, d.outlet FROM extractions x "
    "JOIN documents d ON d.id = x.doc_id WHERE x.doc_id > $1 AND x.doc_id <= $2 "
    "ORDER BY x.doc_id",
    "SELECT doc_id, idx, date, date_hint, place, place_kb_id, status, evidence_begin, "
    "evidence_end, confidence FROM meetings" TG_RANGE "ORDER BY doc_id, idx",
    "SELECT doc_id, meeting_idx, name, kb_id, type, name_en, name_ko, title, org "
    "FROM meeting_participants" TG_RANGE "ORDER BY doc_id, meeting_idx, idx",
    "SELECT doc_id, meeting_idx, topic FROM meeting_topics" TG_RANGE
    "ORDER BY doc_id, meeting_idx, idx",
    "SELECT doc_id, idx, start_date, end_date, status, evidence_begin, evidence_end, confidence "
    "FROM trips" TG_RANGE "ORDER BY doc_id, idx",
    "SELECT doc_id, trip_idx, name, kb_id, type, name_en, name_ko, title, org, role "
    "FROM trip_people" TG_RANGE "ORDER BY doc_id, trip_idx, idx",
    "SELECT doc_id, trip_idx, name, kb_id FROM trip_destinations" TG_RANGE
    "ORDER BY doc_id, trip_idx, idx",
    "SELECT dup_group, ext_id FROM documents WHERE dup_group <> id AND dup_group > $1 "
    "ORDER BY id",
};
static_assert(std::size(kSql) == kSqlCount);

#undef TG_RANGE

constexpr const char* kTraveler = "traveler";
constexpr const char* kCompanion = "companion";

// Extraction ranges are read this many documents at a time, so listing a
// whole corpus holds only that many texts in memory at once.
constexpr size_t kChunk = 512;

// Columns of people: one array per field, appended to in order.
struct PeopleColumns {
  std::vector<int64_t> parent, idx;
  std::vector<std::string> name, kb_id, type, name_en, name_ko, title, org;

  void Add(int64_t parent_idx, int64_t i, const EventPerson& p) {
    parent.push_back(parent_idx);
    idx.push_back(i);
    name.push_back(p.name);
    kb_id.push_back(p.kb_id);
    type.push_back(p.type);
    name_en.push_back(p.name_en);
    name_ko.push_back(p.name_ko);
    title.push_back(p.title);
    org.push_back(p.org);
  }
  void Bind(Params* params) const {
    params->Int64Array(parent).Int64Array(idx).TextArray(name).TextArray(kb_id).TextArray(type);
    params->TextArray(name_en).TextArray(name_ko).TextArray(title).TextArray(org);
  }
};

// Reads the seven person columns (name .. org) starting at `column`.
EventPerson ReadPerson(const Rows& rows, size_t row, int column) {
  EventPerson p;
  p.name = rows.Text(row, column);
  p.kb_id = rows.Text(row, column + 1);
  p.type = rows.Text(row, column + 2);
  p.name_en = rows.Text(row, column + 3);
  p.name_ko = rows.Text(row, column + 4);
  p.title = rows.Text(row, column + 5);
  p.org = rows.Text(row, column + 6);
  return p;
}

// The i-th element of `list`, or null when a hand-edited database has a
// child row without its parent.
template <typename T>
T* At(std::vector<T>& list, int64_t i) {
  return i >= 0 && i < static_cast<int64_t>(list.size()) ? &list[static_cast<size_t>(i)] : nullptr;
}

}  // namespace

const size_t PostgresEventTables::kSlots = kSqlCount;

Result<Rows> PostgresEventTables::Run(size_t sql, const Params& params) {
  return db_->Run(first_slot_ + sql, kSql[sql], params);
}

namespace {

// Every text of `events` PostgreSQL can store (no NUL, well-formed UTF-8).
bool Storable(const StoredEvents& events) {
  auto ok = [](const std::string& s) { return s.find('\0') == std::string::npos && IsValidUtf8(s); };
  auto person_ok = [&](const EventPerson& p) {
    return ok(p.name) && ok(p.kb_id) && ok(p.type) && ok(p.name_en) && ok(p.name_ko) &&
           ok(p.title) && ok(p.org);
  };
  for (const StoredMeeting& m : events.meetings) {
    if (!ok(m.date) || !ok(m.date_hint) || !ok(m.place.name) || !ok(m.place.kb_id)) return false;
    for (const EventPerson& p : m.participants) {
      if (!person_ok(p)) return false;
    }
    for (const std::string& t : m.topics) {
      if (!ok(t)) return false;
    }
  }
  for (const StoredTrip& t : events.trips) {
    if (!ok(t.start) || !ok(t.end) || !person_ok(t.traveler)) return false;
    for (const EventPerson& p : t.companions) {
      if (!person_ok(p)) return false;
    }
    for (const EventPlace& d : t.destinations) {
      if (!ok(d.name) || !ok(d.kb_id)) return false;
    }
  }
  return true;
}

// The meeting and trip columns as arrays, $4 .. $43 of kInsertAll.
void BindEvents(const StoredEvents& events, Params* p) {
  std::vector<std::string> date, hint, place, place_kb, status, topic;
  std::vector<int64_t> begin, end, topic_meeting, topic_idx;
  std::vector<double> confidence;
  PeopleColumns participants;
  for (size_t i = 0; i < events.meetings.size(); ++i) {
    const StoredMeeting& m = events.meetings[i];
    date.push_back(m.date);
    hint.push_back(m.date_hint);
    place.push_back(m.place.name);
    place_kb.push_back(m.place.kb_id);
    status.push_back(m.status);
    begin.push_back(m.evidence_begin);
    end.push_back(m.evidence_end);
    confidence.push_back(m.confidence);
    for (size_t j = 0; j < m.participants.size(); ++j) {
      participants.Add(static_cast<int64_t>(i), static_cast<int64_t>(j), m.participants[j]);
    }
    for (size_t j = 0; j < m.topics.size(); ++j) {
      topic_meeting.push_back(static_cast<int64_t>(i));
      topic_idx.push_back(static_cast<int64_t>(j));
      topic.push_back(m.topics[j]);
    }
  }
  p->TextArray(date).TextArray(hint).TextArray(place).TextArray(place_kb).TextArray(status);
  p->Int64Array(begin).Int64Array(end).DoubleArray(confidence);
  participants.Bind(p);
  p->Int64Array(topic_meeting).Int64Array(topic_idx).TextArray(topic);

  std::vector<std::string> start, finish, trip_status, roles, dest, dest_kb;
  std::vector<int64_t> trip_begin, trip_end, dest_trip, dest_idx;
  std::vector<double> trip_confidence;
  PeopleColumns people;
  for (size_t i = 0; i < events.trips.size(); ++i) {
    const StoredTrip& t = events.trips[i];
    start.push_back(t.start);
    finish.push_back(t.end);
    trip_status.push_back(t.status);
    trip_begin.push_back(t.evidence_begin);
    trip_end.push_back(t.evidence_end);
    trip_confidence.push_back(t.confidence);
    // The traveler is person 0; companions follow in order.
    for (size_t j = 0; j <= t.companions.size(); ++j) {
      people.Add(static_cast<int64_t>(i), static_cast<int64_t>(j),
                 j == 0 ? t.traveler : t.companions[j - 1]);
      roles.emplace_back(j == 0 ? kTraveler : kCompanion);
    }
    for (size_t j = 0; j < t.destinations.size(); ++j) {
      dest_trip.push_back(static_cast<int64_t>(i));
      dest_idx.push_back(static_cast<int64_t>(j));
      dest.push_back(t.destinations[j].name);
      dest_kb.push_back(t.destinations[j].kb_id);
    }
  }
  p->TextArray(start).TextArray(finish).TextArray(trip_status);
  p->Int64Array(trip_begin).Int64Array(trip_end).DoubleArray(trip_confidence);
  p->Int64Array(people.parent).Int64Array(people.idx).TextArray(roles);
  p->TextArray(people.name).TextArray(people.kb_id).TextArray(people.type);
  p->TextArray(people.name_en).TextArray(people.name_ko).TextArray(people.title);
  p->TextArray(people.org);
  p->Int64Array(dest_trip).Int64Array(dest_idx).TextArray(dest).TextArray(dest_kb);
}

}  // namespace

Status PostgresEventTables::Write(int64_t doc_id, const StoredEvents& events, bool* aborted) {
  *aborted = false;
  const std::string what = "cannot store events of document " + std::to_string(doc_id);
  // Statuses and span order first: they need no text, and must hold before
  // the old events are deleted.
  TG_RETURN_IF_ERROR(ValidateEvents(events, UINT64_MAX).WithPrefix(what));
  if (!Storable(events)) {
    return Status::InvalidArgument(what, ": PostgreSQL text cannot hold NUL bytes or "
                                         "ill-formed UTF-8");
  }
  uint32_t last_end = 0;
  for (const StoredMeeting& m : events.meetings) last_end = std::max(last_end, m.evidence_end);
  for (const StoredTrip& t : events.trips) last_end = std::max(last_end, t.evidence_end);
  Params check;
  check.Int64(doc_id).Int64(last_end);
  Result<Rows> checked = Run(kCheckAndDelete, check);
  if (!checked.has_value()) {
    *aborted = true;
    return checked.error().WithPrefix(what);
  }
  if (checked->empty()) return Status::NotFound("cannot store events: no document ", doc_id);
  // Spans past the text: nothing was deleted.
  TG_RETURN_IF_ERROR(ValidateEvents(events, checked->Uint64(0, 0)).WithPrefix(what));
  Params p;
  p.Int64(doc_id);
  p.Int64(static_cast<int64_t>(events.meetings.size()));
  p.Int64(static_cast<int64_t>(events.trips.size()));
  BindEvents(events, &p);
  Result<Rows> written = Run(kInsertAll, p);
  if (!written.has_value()) {
    *aborted = true;
    return written.error().WithPrefix(what);
  }
  return Status::Ok();
}

Status PostgresEventTables::ReadRange(int64_t after, int64_t last,
                                      std::vector<ExtractionRecord>* out) {
  Params range;
  range.Int64(after).Int64(last);
  TG_ASSIGN_OR_RETURN(Rows docs, Run(kGetTexts, range));
  std::unordered_map<int64_t, size_t> slot;  // doc id -> index in *out
  const size_t first = out->size();
  for (size_t r = 0; r < docs.size(); ++r) {
    slot[docs.Int64(r, 0)] = out->size();
    ExtractionRecord record;
    record.doc_id = docs.Int64(r, 0);
    record.ext_id = docs.Text(r, 2);
    record.lang = docs.Text(r, 3);
    record.published = docs.Text(r, 4);
    record.outlet = docs.Text(r, 5);
    out->push_back(std::move(record));
  }
  auto of = [&](int64_t doc_id) -> StoredEvents* {
    auto it = slot.find(doc_id);
    return it == slot.end() ? nullptr : &(*out)[it->second].events;
  };
  TG_ASSIGN_OR_RETURN(Rows meetings, Run(kGetMeetings, range));
  for (size_t r = 0; r < meetings.size(); ++r) {
    StoredEvents* e = of(meetings.Int64(r, 0));
    if (e == nullptr) continue;
    StoredMeeting m;
    m.date = meetings.Text(r, 2);
    m.date_hint = meetings.Text(r, 3);
    m.place.name = meetings.Text(r, 4);
    m.place.kb_id = meetings.Text(r, 5);
    m.status = meetings.Text(r, 6);
    m.evidence_begin = static_cast<uint32_t>(meetings.Int64(r, 7));
    m.evidence_end = static_cast<uint32_t>(meetings.Int64(r, 8));
    m.confidence = meetings.Double(r, 9);
    e->meetings.push_back(std::move(m));
  }
  TG_ASSIGN_OR_RETURN(Rows participants, Run(kGetParticipants, range));
  for (size_t r = 0; r < participants.size(); ++r) {
    StoredEvents* e = of(participants.Int64(r, 0));
    StoredMeeting* m = e == nullptr ? nullptr : At(e->meetings, participants.Int64(r, 1));
    if (m != nullptr) m->participants.push_back(ReadPerson(participants, r, 2));
  }
  TG_ASSIGN_OR_RETURN(Rows topics, Run(kGetTopics, range));
  for (size_t r = 0; r < topics.size(); ++r) {
    StoredEvents* e = of(topics.Int64(r, 0));
    StoredMeeting* m = e == nullptr ? nullptr : At(e->meetings, topics.Int64(r, 1));
    if (m != nullptr) m->topics.push_back(topics.Text(r, 2));
  }
  TG_ASSIGN_OR_RETURN(Rows trips, Run(kGetTrips, range));
  for (size_t r = 0; r < trips.size(); ++r) {
    StoredEvents* e = of(trips.Int64(r, 0));
    if (e == nullptr) continue;
    StoredTrip t;
    t.start = trips.Text(r, 2);
    t.end = trips.Text(r, 3);
    t.status = trips.Text(r, 4);
    t.evidence_begin = static_cast<uint32_t>(trips.Int64(r, 5));
    t.evidence_end = static_cast<uint32_t>(trips.Int64(r, 6));
    t.confidence = trips.Double(r, 7);
    e->trips.push_back(std::move(t));
  }
  TG_ASSIGN_OR_RETURN(Rows people, Run(kGetTripPeople, range));
  for (size_t r = 0; r < people.size(); ++r) {
    StoredEvents* e = of(people.Int64(r, 0));
    StoredTrip* t = e == nullptr ? nullptr : At(e->trips, people.Int64(r, 1));
    if (t == nullptr) continue;
    if (people.View(r, 9) == kTraveler) {
      t->traveler = ReadPerson(people, r, 2);
    } else {
      t->companions.push_back(ReadPerson(people, r, 2));
    }
  }
  TG_ASSIGN_OR_RETURN(Rows places, Run(kGetDestinations, range));
  for (size_t r = 0; r < places.size(); ++r) {
    StoredEvents* e = of(places.Int64(r, 0));
    StoredTrip* t = e == nullptr ? nullptr : At(e->trips, places.Int64(r, 1));
    if (t != nullptr) t->destinations.push_back({places.Text(r, 2), places.Text(r, 3)});
  }
  for (size_t r = 0; r < docs.size(); ++r) FillEvidence(docs.View(r, 1), &(*out)[first + r].events);
  return Status::Ok();
}

Result<std::optional<StoredEvents>> PostgresEventTables::Read(int64_t doc_id) {
  std::vector<ExtractionRecord> records;
  TG_RETURN_IF_ERROR(ReadRange(doc_id - 1, doc_id, &records));
  if (records.empty()) return std::optional<StoredEvents>();
  return std::optional<StoredEvents>(std::move(records[0].events));
}

Result<std::vector<ExtractionRecord>> PostgresEventTables::ReadRecords(int64_t after_doc_id) {
  Params after;
  after.Int64(after_doc_id);
  TG_ASSIGN_OR_RETURN(Rows extracted, Run(kExtractedIds, after));
  std::vector<ExtractionRecord> out;
  out.reserve(extracted.size());
  for (size_t begin = 0; begin < extracted.size(); begin += kChunk) {
    const size_t end = std::min(extracted.size(), begin + kChunk);
    const int64_t from = begin == 0 ? after_doc_id : extracted.Int64(begin - 1, 0);
    TG_RETURN_IF_ERROR(ReadRange(from, extracted.Int64(end - 1, 0), &out));
  }
  // Duplicates point at their group's leader, the document that was extracted.
  TG_ASSIGN_OR_RETURN(Rows duplicates, Run(kDuplicates, after));
  std::unordered_map<int64_t, ExtractionRecord*> by_id;
  for (ExtractionRecord& record : out) by_id[record.doc_id] = &record;
  for (size_t r = 0; r < duplicates.size(); ++r) {
    auto it = by_id.find(duplicates.Int64(r, 0));
    if (it != by_id.end()) it->second->duplicate_ext_ids.push_back(duplicates.Text(r, 1));
  }
  return out;
}

}  // namespace tg::store
