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
#include <deque>
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

struct KnowledgeBase::Index {
  std::deque<std::string> names;  // matchable surface forms (stable addresses)
  std::unordered_map<uint64_t, std::vector<Candidate>> by_key;
  std::unordered_map<std::string_view, uint32_t> by_id;
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

  for (auto& [name, entry] : matchable) {
    index.names.push_back(std::move(name));
    const std::string_view stored = index.names.back();
    index.by_key[KeyAt(stored, 0)].push_back({stored, entry});
  }
  for (auto& [key, candidates] : index.by_key) {
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.name.size() != b.name.size() ? a.name.size() > b.name.size() : a.name < b.name;
    });
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
    const auto found = index_->by_key.find(KeyAt(text, first.begin));
    size_t next = i + 1;
    if (found != index_->by_key.end()) {
      for (const Candidate& cand : found->second) {
        const size_t end = CompareName(text, first.begin, cand.name);
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
        matches.push_back({first.begin, static_cast<uint32_t>(end), &entries_[cand.entry]});
        next = j + 1;
        break;
      }
    }
    i = next;
  }
  return matches;
}

}  // namespace tg::extract
