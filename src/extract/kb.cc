// Knowledge base: TSV loading, validation and the name matcher.
//
// Matching does not re-tokenize the names. Every matchable name is indexed
// under its first two code points (packed into one integer, no hashing of
// strings), and at each token start of the text the few candidates that share
// those code points are compared byte for byte, longest first. A space in a
// name matches any run of spaces or tabs in the text. The match must then end
// on a token boundary of the analysis (or before a possessive 's or a Korean
// particle that the tokenizer left attached), so "Samsung" is not found in
// "SamsungPay" and "SK" is not found in "SK하이닉스". This keeps the KB
// independent of how the tokenizer splits a name ("SK하이닉스" is one token,
// "Lee Jae-yong" two), costs one hash probe per token, and allocates only the
// output vector.
#include "extract/kb.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/utf8.h"
#include "text/korean_particles.h"

namespace tg::extract {
namespace {

namespace fs = std::filesystem;

struct Candidate {
  std::string_view name;
  uint32_t entry = 0;
};

// Where the candidates of one key are (see KnowledgeBase::Index).
struct KeyGroup {
  uint64_t key = 0;
  uint32_t first = 0;  // index into Index::candidates
  uint32_t count = 0;  // 0 marks an empty slot
};

size_t GroupSlot(uint64_t key, size_t mask) {
  // Keys are raw bytes, not hashes: the multiply spreads them.
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

// The first two code points of `text` at `pos` as raw bytes packed into an
// integer (at most 8 bytes: two code points of up to four bytes each). Returns
// 0 when fewer than two code points are left.
uint64_t KeyAt(std::string_view text, size_t pos) {
  size_t end = pos;
  for (int cp = 0; cp < 2; ++cp) {
    if (end >= text.size()) return 0;
    NextCodePoint(text, &end);
  }
  uint64_t key = 0;
  for (size_t i = pos; i < end; ++i) key = (key << 8) | static_cast<uint8_t>(text[i]);
  return key | (static_cast<uint64_t>(end - pos) << 60);
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Compares `name` with the text at `pos`; a space in the name matches one or
// more blanks in the text. Returns the end of the match, or 0 when it fails.
size_t CompareName(std::string_view text, size_t pos, std::string_view name) {
  size_t t = pos;
  for (size_t n = 0; n < name.size(); ++n) {
    if (name[n] == ' ') {
      if (t >= text.size() || !IsBlank(text[t])) return 0;
      while (t < text.size() && IsBlank(text[t])) ++t;
      continue;
    }
    if (t >= text.size() || text[t] != name[n]) return 0;
    ++t;
  }
  return t;
}

// Suffixes the tokenizer may leave attached to a name that still end it: the
// English possessive, and Korean honorifics/reference words (씨, 측, 님) that
// may carry a particle of their own.
bool IsNameSuffix(std::string_view rest) {
  if (rest == "'s" || rest == "\xE2\x80\x99s" || rest == "'" || rest == "\xE2\x80\x99") {
    return true;
  }
  if (text::IsKoreanParticle(rest)) return true;
  for (std::string_view honorific : {"씨", "측", "님"}) {
    if (rest.substr(0, honorific.size()) == honorific) {
      std::string_view after = rest.substr(honorific.size());
      if (after.empty() || text::IsKoreanParticle(after)) return true;
    }
  }
  return false;
}

EntityType TypeForFile(const std::string& stem, bool* ok) {
  *ok = true;
  if (stem.rfind("orgs", 0) == 0) return EntityType::kOrg;
  if (stem.rfind("people", 0) == 0) return EntityType::kPerson;
  if (stem.rfind("places", 0) == 0) return EntityType::kPlace;
  *ok = false;
  return EntityType::kOrg;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Where each entry came from, for error messages about cross references.
struct Origin {
  std::string file;
  size_t line = 0;
};

}  // namespace

// Matchable names by key (KeyAt, never 0: names have two code points or
// more): the candidates of all keys in one array, grouped by key, their
// names in one buffer in the same order, and an open-addressing table from
// key to group, at most half full. A probe reads one 16-byte slot where a
// map of vectors read a bucket, a node and a vector; before it, a bitmap of
// 64K bits (8 KB, in L1) turns away most tokens, which start no name.
struct KnowledgeBase::Index {
  std::string name_bytes;             // the names of `candidates`, back to back
  std::vector<Candidate> candidates;  // each group longest name first
  std::vector<KeyGroup> groups;       // size a power of two
  std::vector<uint64_t> key_filter;   // bit FilterBit(key) set for every key of a group
  std::unordered_map<std::string_view, uint32_t> by_id;

  static size_t FilterBit(uint64_t key) { return (key * 0xC2B2AE3D27D4EB4FULL) >> 48; }

  // The candidates whose key is `key` (an empty range when none).
  std::pair<const Candidate*, const Candidate*> Find(uint64_t key) const {
    const size_t bit = FilterBit(key);
    if ((key_filter[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return {nullptr, nullptr};
    const size_t mask = groups.size() - 1;
    for (size_t s = GroupSlot(key, mask);; s = (s + 1) & mask) {
      const KeyGroup& g = groups[s];
      if (g.count == 0) return {nullptr, nullptr};
      if (g.key == key) return {&candidates[g.first], &candidates[g.first] + g.count};
    }
  }
};

KnowledgeBase::KnowledgeBase() : index_(std::make_unique<Index>()) {}
KnowledgeBase::~KnowledgeBase() = default;

std::string KnowledgeBase::DefaultDir() {
  if (const char* env = std::getenv("TIEGRAPH_DATA"); env != nullptr && *env != '\0') {
    return (fs::path(env) / "kb").string();
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path() / ".." / "data" / "kb";
    if (fs::is_directory(beside, ec)) return beside.lexically_normal().string();
  }
  return (fs::path(TG_SOURCE_DATA_DIR) / "kb").string();
}

Result<std::shared_ptr<const KnowledgeBase>> KnowledgeBase::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("knowledge base directory not found: ", dir);
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  }
  if (ec) return Status::IOError("cannot list ", dir, ": ", ec.message());
  std::sort(files.begin(), files.end());

  std::shared_ptr<KnowledgeBase> kb(new KnowledgeBase());  // private constructor
  std::vector<Origin> origins;
  // Surface form -> entry index, to reject a name claimed by two entries.
  std::unordered_map<std::string, uint32_t> owner;
  std::vector<std::pair<std::string, uint32_t>> matchable;  // (name, entry)

  for (const fs::path& path : files) {
    const std::string file = path.filename().string();
    bool known = false;
    const EntityType type = TypeForFile(path.stem().string(), &known);
    if (!known) return Status::Corrupt(file, ": not an orgs*, people* or places* table");
    std::ifstream in(path);
    if (!in) return Status::IOError("cannot read ", path.string());
    std::vector<std::string> header;
    int col_id = -1, col_en = -1, col_ko = -1, col_aliases = -1, col_kind = -1, col_parent = -1,
        col_org = -1, col_title = -1;
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string_view> fields = SplitTabs(line);
      if (header.empty()) {
        for (std::string_view f : fields) header.emplace_back(Trim(f));
        for (size_t c = 0; c < header.size(); ++c) {
          const std::string& h = header[c];
          const int ci = static_cast<int>(c);
          if (h == "id") col_id = ci;
          else if (h == "name_en") col_en = ci;
          else if (h == "name_ko") col_ko = ci;
          else if (h == "aliases") col_aliases = ci;
          else if (h == "kind") col_kind = ci;
          else if (h == "parent") col_parent = ci;
          else if (h == "org") col_org = ci;
          else if (h == "title") col_title = ci;
          else return Status::Corrupt(file, ":", line_no, ": unknown column '", h, "'");
        }
        if (col_id < 0 || col_en < 0 || col_ko < 0) {
          return Status::Corrupt(file, ":", line_no, ": header needs id, name_en and name_ko");
        }
        continue;
      }
      if (fields.size() > header.size()) {
        return Status::Corrupt(file, ":", line_no, ": ", fields.size(), " fields, header has ",
                               header.size());
      }
      auto field = [&](int col) -> std::string_view {
        return col >= 0 && static_cast<size_t>(col) < fields.size() ? Trim(fields[col])
                                                                    : std::string_view();
      };
      KbEntry entry;
      entry.type = type;
      entry.id = std::string(field(col_id));
      if (entry.id.empty()) return Status::Corrupt(file, ":", line_no, ": empty id");
      entry.kind = std::string(field(col_kind));
      entry.parent = std::string(field(col_parent));
      entry.org = std::string(field(col_org));
      entry.title = std::string(field(col_title));
      const auto entry_index = static_cast<uint32_t>(kb->entries_.size());
      // A leading '~' marks a name that is shown but never matched.
      std::vector<std::string_view> names;
      auto add_name = [&](std::string_view raw, std::string* display) -> Status {
        raw = Trim(raw);
        if (raw.empty()) return Status::Ok();
        const bool no_match = raw[0] == '~';
        const std::string_view name = no_match ? raw.substr(1) : raw;
        if (name.empty() || !IsValidUtf8(name)) {
          return Status::Corrupt(file, ":", line_no, ": bad name '", raw, "'");
        }
        if (display != nullptr) {
          *display = std::string(name);
        } else if (std::find(entry.aliases.begin(), entry.aliases.end(), name) ==
                       entry.aliases.end() &&
                   name != entry.name_en && name != entry.name_ko) {
          entry.aliases.emplace_back(name);
        }
        if (no_match || CountCodePoints(name) < 2) return Status::Ok();
        auto [it, inserted] = owner.emplace(std::string(name), entry_index);
        if (!inserted && it->second != entry_index) {
          return Status::Corrupt(file, ":", line_no, ": name '", name, "' already belongs to ",
                                 kb->entries_[it->second].id);
        }
        if (inserted) matchable.emplace_back(std::string(name), entry_index);
        return Status::Ok();
      };
      TG_RETURN_IF_ERROR(add_name(field(col_en), &entry.name_en));
      TG_RETURN_IF_ERROR(add_name(field(col_ko), &entry.name_ko));
      std::string_view aliases = field(col_aliases);
      while (!aliases.empty()) {
        const size_t bar = aliases.find('|');
        TG_RETURN_IF_ERROR(add_name(aliases.substr(0, bar), nullptr));
        aliases = bar == std::string_view::npos ? std::string_view() : aliases.substr(bar + 1);
      }
      if (entry.name_en.empty() && entry.name_ko.empty()) {
        return Status::Corrupt(file, ":", line_no, ": entry '", entry.id, "' has no name");
      }
      kb->entries_.push_back(std::move(entry));
      origins.push_back({file, line_no});
    }
  }

  // Ids and cross references (persons' organisations, parents), once the
  // entries vector no longer moves.
  Index& index = *kb->index_;
  for (uint32_t i = 0; i < kb->entries_.size(); ++i) {
    if (!index.by_id.emplace(kb->entries_[i].id, i).second) {
      return Status::Corrupt(origins[i].file, ":", origins[i].line, ": duplicate id '",
                             kb->entries_[i].id, "'");
    }
  }
  for (uint32_t i = 0; i < kb->entries_.size(); ++i) {
    const KbEntry& e = kb->entries_[i];
    for (const std::string* ref : {&e.org, &e.parent}) {
      if (!ref->empty() && index.by_id.find(*ref) == index.by_id.end()) {
        return Status::Corrupt(origins[i].file, ":", origins[i].line, ": unknown id '", *ref,
                               "'");
      }
    }
  }

  std::vector<std::pair<uint64_t, Candidate>> keyed;
  size_t name_bytes = 0;
  for (const auto& [name, entry] : matchable) {
    keyed.push_back({KeyAt(name, 0), {name, entry}});
    name_bytes += name.size();
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const std::string_view x = a.second.name, y = b.second.name;
    return x.size() != y.size() ? x.size() > y.size() : x < y;
  });
  // Reserved in full first: the views below point into the buffer.
  index.name_bytes.reserve(name_bytes);
  for (auto& [key, cand] : keyed) {
    const size_t at = index.name_bytes.size();
    index.name_bytes += cand.name;
    cand.name = std::string_view(index.name_bytes).substr(at, cand.name.size());
  }
  size_t cap = 16;
  while (cap < keyed.size() * 2) cap <<= 1;
  index.groups.assign(cap, KeyGroup());
  index.key_filter.assign((size_t{1} << 16) / 64, 0);
  for (size_t i = 0; i < keyed.size(); ++i) {
    index.candidates.push_back(keyed[i].second);
    if (i > 0 && keyed[i].first == keyed[i - 1].first) continue;
    const size_t bit = Index::FilterBit(keyed[i].first);
    index.key_filter[bit / 64] |= uint64_t{1} << (bit % 64);
    size_t slot = GroupSlot(keyed[i].first, cap - 1);
    while (index.groups[slot].count != 0) slot = (slot + 1) & (cap - 1);
    KeyGroup& group = index.groups[slot];
    group.key = keyed[i].first;
    group.first = static_cast<uint32_t>(i);
    size_t end = i;
    while (end < keyed.size() && keyed[end].first == keyed[i].first) ++end;
    group.count = static_cast<uint32_t>(end - i);
  }
  return std::shared_ptr<const KnowledgeBase>(std::move(kb));
}

const KbEntry* KnowledgeBase::Find(std::string_view id) const {
  const auto it = index_->by_id.find(id);
  return it == index_->by_id.end() ? nullptr : &entries_[it->second];
}

const std::vector<KbEntry>& KnowledgeBase::entries() const { return entries_; }

std::vector<KbMatch> KnowledgeBase::Match(std::string_view text,
                                          const text::Analysis& analysis) const {
  std::vector<KbMatch> matches;
  const std::vector<text::Token>& tokens = analysis.tokens;
  size_t i = 0;
  while (i < tokens.size()) {
    const text::Token& first = tokens[i];
    if (first.kind == text::TokenKind::kParticle || first.end > text.size()) {
      ++i;
      continue;
    }
    const auto [candidates, candidates_end] = index_->Find(KeyAt(text, first.begin));
    size_t next = i + 1;
    for (const Candidate* cand = candidates; cand != candidates_end; ++cand) {
      const size_t end = CompareName(text, first.begin, cand->name);
      if (end == 0) continue;
      // The token holding the last byte of the match.
      size_t j = i;
      while (j < tokens.size() && tokens[j].end < end) ++j;
      if (j == tokens.size() || tokens[j].begin >= end) continue;
      if (tokens[j].end > end) {
        if (!IsNameSuffix(text.substr(end, tokens[j].end - end))) continue;
      } else if (j + 1 < tokens.size() && tokens[j + 1].begin == end) {
        // A glued continuation ("SK" + "하이닉스") is another word, unless it
        // is a particle ("LG" + "는") or a possessive ("Samsung" + "'s").
        const text::Token& after = tokens[j + 1];
        if ((after.kind == text::TokenKind::kWord || after.kind == text::TokenKind::kNumber) &&
            !IsNameSuffix(after.In(text))) {
          continue;
        }
      }
      matches.push_back({first.begin, static_cast<uint32_t>(end), &entries_[cand->entry]});
      next = j + 1;
      break;
    }
    i = next;
  }
  return matches;
}

}  // namespace tg::extract
