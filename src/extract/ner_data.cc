#include "extract/ner_data.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tg::extract {
namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open ", path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Splits `text` into lines without their '\n' (and a trailing '\r').
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(pos));
      return cols;
    }
    cols.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

bool KlueType(std::string_view tag, bool* keep, EntityType* type) {
  if (tag == "PS") *type = EntityType::kPerson;
  else if (tag == "OG") *type = EntityType::kOrg;
  else if (tag == "LC") *type = EntityType::kPlace;
  else if (tag == "DT" || tag == "TI" || tag == "QT") {
    *keep = false;
    return true;
  } else {
    return false;
  }
  *keep = true;
  return true;
}

// Parses "text with <surface:TYPE> tags" into plain text and spans. A '<' that
// does not open a well-formed tag is kept as text.
void ParseKlueInline(std::string_view tagged, NerExample* out) {
  size_t pos = 0;
  while (pos < tagged.size()) {
    const char c = tagged[pos];
    if (c == '<') {
      const size_t close = tagged.find('>', pos + 1);
      const size_t reopen = tagged.find('<', pos + 1);
      // "<<레이:PS>>" (a title in angle brackets): the outer '<' is text.
      if (close != std::string_view::npos && (reopen == std::string_view::npos || reopen > close)) {
        std::string_view inner = tagged.substr(pos + 1, close - pos - 1);
        const size_t colon = inner.rfind(':');
        bool keep = false;
        EntityType type = EntityType::kPerson;
        if (colon != std::string_view::npos && colon > 0 &&
            KlueType(inner.substr(colon + 1), &keep, &type)) {
          const uint32_t begin = out->text.size();
          out->text.append(inner.substr(0, colon));
          if (keep) out->spans.push_back({begin, static_cast<uint32_t>(out->text.size()), type});
          pos = close + 1;
          continue;
        }
      }
    }
    out->text.push_back(c);
    ++pos;
  }
}

// ---- GUM ----

struct GumToken {
  std::string_view form, upos, xpos;
  uint32_t begin = 0, end = 0;
};

struct GumMention {
  size_t first = 0, last = 0;  // token indices, inclusive
  EntityType type = EntityType::kPerson;
  bool has_identity = false;
};

bool IsNameToken(const GumToken& t) {
  return t.upos == "PROPN" || t.xpos == "NNP" || t.xpos == "NNPS";
}

// Tokens allowed inside a multi-word name between name tokens: "University of
// Portsmouth", "Procter & Gamble", "Bailey-Ross", "St. John's", "Louis XIV".
bool IsNameConnector(const GumToken& t) {
  // Not CCONJ: "Jensen Huang and Tim Cook" is a group mention of two names.
  if (t.upos == "ADP" || t.upos == "DET" || t.upos == "NUM") return true;
  return t.form == "-" || t.form == "." || t.form == "&" || t.form == "'s" || t.form == "'";
}

bool IsHonorific(std::string_view s) {
  for (std::string_view h : {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame",
                             "Prof", "Prof.", "Miss"}) {
    if (s == h) return true;
  }
  return false;
}

// Role words that GUM tags PROPN inside person mentions ("NASA Administrator
// Charles Bolden", "President Obama"); the name is what follows the last one.
bool IsRoleWord(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kRoles[] = {
      "president", "vice", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "founder",
      "administrator", "minister", "prime", "secretary", "senator", "sen.", "governor", "gov.",
      "mayor", "director", "chief", "executive", "officer", "judge", "justice", "general", "gen.",
      "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "king",
      "queen", "prince", "princess", "pope", "professor", "coach", "commissioner", "chancellor",
      "premier", "ambassador", "deputy", "speaker", "leader", "bishop", "archbishop", "cardinal",
      "father", "reverend", "rev.", "lord", "lady", "emperor", "empress", "sheikh", "representative",
      "rep.", "congressman", "congresswoman", "councillor", "councilman", "detective", "inspector",
      "sheriff", "attorney", "agent", "saint", "st.", "dean", "chairperson", "manager", "editor"};
  for (const char* r : kRoles) {
    if (lower == r) return true;
  }
  return false;
}

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

// The named-mention rule for GUM. GUM annotates every mention (pronouns and
// common nouns too) and copies an entity's Wikipedia identity onto all of its
// mentions, so identity alone does not make a mention a name. A mention is
// named when, after cutting it at its first ',', '(' ':' or ';' (appositions,
// "City, State") and trimming a leading determiner and trailing punctuation
// or possessive, its first and last tokens are proper-name tokens (UPOS PROPN
// or XPOS NNP/NNPS), every inner token is a name token or a connector (of, &,
// -, ., the, numbers), and name tokens are at least half of it. A mention with
// a Wikipedia identity may also start with a capitalised non-PROPN word
// ("United" tagged VERB/NNP is already covered; this admits e.g. "Great Britain").
bool TrimNamedGumMention(const std::vector<GumToken>& toks, GumMention* m) {
  size_t first = m->first, last = m->last;
  for (size_t i = first + 1; i <= last; ++i) {
    const std::string_view f = toks[i].form;
    if (f == "," || f == "(" || f == ":" || f == ";" || f == "\"") {
      last = i - 1;
      break;
    }
  }
  while (first <= last && (toks[first].upos == "DET" || toks[first].upos == "PUNCT")) ++first;
  while (last > first && (toks[last].upos == "PART" || toks[last].upos == "PUNCT")) --last;
  if (first > last) return false;
  // Honorifics and roles are not part of the name in the evaluation sets
  // ("Mr Osborne" -> "Osborne", "NASA Administrator Charles Bolden" -> "Charles Bolden").
  if (m->type == EntityType::kPerson) {
    for (size_t i = last; i > first; --i) {
      if (IsRoleWord(toks[i - 1].form) || IsHonorific(toks[i - 1].form)) {
        first = i;
        break;
      }
    }
  }
  const bool first_ok =
      IsNameToken(toks[first]) || (m->has_identity && StartsUpper(toks[first].form));
  if (!IsNameToken(toks[last])) return false;
  bool whole = first_ok;
  size_t names = 0;
  for (size_t i = first; i <= last && whole; ++i) {
    if (IsNameToken(toks[i])) {
      ++names;
    } else if (i != first && !IsNameConnector(toks[i])) {
      whole = false;
    }
  }
  if (whole && names * 2 >= last - first + 1) {
    m->first = first;
    m->last = last;
    return true;
  }
  // Otherwise the name is the run of name tokens that ends the mention, after
  // a title or description: "Obama special assistant Kori Schulman", "the
  // city of Paris". Hyphen-joined parts stay together ("Bailey-Ross").
  size_t start = last;
  while (start > first && (IsNameToken(toks[start - 1]) ||
                           (toks[start - 1].form == "-" && start - 1 > first &&
                            IsNameToken(toks[start - 2])))) {
    --start;
  }
  while (start < last && m->type == EntityType::kPerson && IsHonorific(toks[start].form)) ++start;
  m->first = start;
  m->last = last;
  return true;
}

bool GumType(std::string_view type, EntityType* out) {
  if (type == "person") *out = EntityType::kPerson;
  else if (type == "organization") *out = EntityType::kOrg;
  else if (type == "place") *out = EntityType::kPlace;
  else return false;
  return true;
}

struct OpenMention {
  std::string id;
  size_t first = 0;
  std::string type;
  bool has_identity = false;
};

// Parses one MISC "Entity=" value at token `index`: "(12-place-...-Name", "12)", "(4-object-...)".
void ParseEntityField(std::string_view value, size_t index, std::vector<OpenMention>* open,
                      std::vector<GumMention>* closed) {
  auto close = [&](const std::string& id) {
    for (size_t k = open->size(); k-- > 0;) {
      if ((*open)[k].id != id) continue;
      GumMention m;
      m.first = (*open)[k].first;
      m.last = index;
      m.has_identity = (*open)[k].has_identity;
      if (GumType((*open)[k].type, &m.type)) closed->push_back(m);
      open->erase(open->begin() + static_cast<std::ptrdiff_t>(k));
      return;
    }
  };
  size_t pos = 0;
  while (pos < value.size()) {
    if (value[pos] == '(') {
      size_t end = value.find_first_of("()", pos + 1);
      if (end == std::string_view::npos) end = value.size();
      std::string_view fields = value.substr(pos + 1, end - pos - 1);
      // id-type-infstat-salience-centering-minspan-link[-identity]
      std::vector<std::string_view> parts;
      size_t p = 0;
      while (parts.size() < 7) {
        size_t dash = fields.find('-', p);
        if (dash == std::string_view::npos) break;
        parts.push_back(fields.substr(p, dash - p));
        p = dash + 1;
      }
      OpenMention m;
      m.id = parts.empty() ? std::string(fields) : std::string(parts[0]);
      m.type = parts.size() > 1 ? std::string(parts[1]) : "";
      m.has_identity = parts.size() == 7 && p < fields.size();
      m.first = index;
      open->push_back(m);
      if (end < value.size() && value[end] == ')') {
        close(m.id);
        pos = end + 1;
      } else {
        pos = end;
      }
    } else if (value[pos] >= '0' && value[pos] <= '9') {
      size_t end = value.find(')', pos);
      if (end == std::string_view::npos) return;
      close(std::string(value.substr(pos, end - pos)));
      pos = end + 1;
    } else {
      ++pos;
    }
  }
}

void FinishGumSentence(std::vector<GumToken>& toks, std::vector<GumMention>& mentions,
                       NerExample* example, std::vector<NerExample>* out) {
  std::vector<GumMention> named;
  for (GumMention m : mentions) {
    if (TrimNamedGumMention(toks, &m)) named.push_back(m);
  }
  // Outermost first: longer mentions win, then earlier ones.
  std::sort(named.begin(), named.end(), [](const GumMention& a, const GumMention& b) {
    if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
    return a.first < b.first;
  });
  std::vector<bool> used(toks.size(), false);
  for (const GumMention& m : named) {
    bool free = true;
    for (size_t i = m.first; i <= m.last; ++i) free = free && !used[i];
    if (!free) continue;
    for (size_t i = m.first; i <= m.last; ++i) used[i] = true;
    example->spans.push_back({toks[m.first].begin, toks[m.last].end, m.type});
  }
  std::sort(example->spans.begin(), example->spans.end(),
            [](const NerSpan& a, const NerSpan& b) { return a.begin < b.begin; });
  while (!example->text.empty() && example->text.back() == ' ') example->text.pop_back();
  if (!toks.empty()) out->push_back(std::move(*example));
  *example = NerExample();
  toks.clear();
  mentions.clear();
}

}  // namespace

Result<std::vector<NerExample>> ReadKlueNer(const std::string& path) {
  TG_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(path));
  std::vector<NerExample> out;
  size_t line_no = 0;
  for (std::string_view line : Lines(content)) {
    ++line_no;
    if (line.substr(0, 3) != "## ") continue;
    const size_t tab = line.find('\t');
    // The file's separator comments ("## 컬럼명 : CHAR<TAB>NE_TAG") have spaces before the tab.
    if (tab == std::string_view::npos || line.substr(3, tab - 3).find(' ') != std::string_view::npos) {
      continue;
    }
    NerExample example;
    example.id = std::string(line.substr(3, tab - 3));
    ParseKlueInline(line.substr(tab + 1), &example);
    if (example.text.empty()) return Status::Corrupt(path, ":", line_no, ": empty sentence");
    out.push_back(std::move(example));
  }
  if (out.empty()) return Status::Corrupt(path, ": no sentences");
  return out;
}

Result<std::vector<NerExample>> ReadGumDocument(const std::string& path) {
  TG_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(path));
  std::vector<NerExample> out;
  NerExample example;
  std::vector<GumToken> toks;
  std::vector<GumMention> mentions;
  std::vector<OpenMention> open;
  for (std::string_view line : Lines(content)) {
    if (line.empty()) {
      FinishGumSentence(toks, mentions, &example, &out);
      open.clear();
      continue;
    }
    if (line[0] == '#') {
      if (line.substr(0, 12) == "# sent_id = ") example.id = std::string(line.substr(12));
      continue;
    }
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() != 10) return Status::Corrupt(path, ": token line without 10 columns");
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;  // ranges, empty nodes
    GumToken t;
    t.form = cols[1];
    t.upos = cols[3];
    t.xpos = cols[4];
    t.begin = example.text.size();
    example.text.append(t.form);
    t.end = example.text.size();
    const std::string_view misc = cols[9];
    if (misc.find("SpaceAfter=No") == std::string_view::npos) example.text.push_back(' ');
    const size_t e = misc.find("Entity=");
    if (e != std::string_view::npos) {
      size_t end = misc.find('|', e);
      if (end == std::string_view::npos) end = misc.size();
      ParseEntityField(misc.substr(e + 7, end - e - 7), toks.size(), &open, &mentions);
    }
    toks.push_back(t);
  }
  FinishGumSentence(toks, mentions, &example, &out);
  return out;
}

Result<std::vector<std::string>> ReadGumSplit(const std::string& splits_md,
                                              std::string_view split) {
  TG_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(splits_md));
  std::vector<std::string> docs;
  bool in_split = false;
  for (std::string_view line : Lines(content)) {
    if (line.substr(0, 3) == "## ") {
      in_split = line.substr(3) == split;
      continue;
    }
    if (!in_split) continue;
    const size_t star = line.find("* ");
    if (star == std::string_view::npos) continue;
    std::string_view name = line.substr(star + 2);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) docs.emplace_back(name);
  }
  if (docs.empty()) return Status::NotFound(splits_md, ": no split named ", split);
  return docs;
}

Result<std::vector<NerExample>> ReadGum(const std::string& gum_dir, std::string_view split) {
  TG_ASSIGN_OR_RETURN(std::vector<std::string> docs, ReadGumSplit(gum_dir + "/splits.md", split));
  std::vector<NerExample> out;
  for (const std::string& doc : docs) {
    const std::string path = gum_dir + "/dep/" + doc + ".conllu";
    if (!std::filesystem::exists(path)) continue;
    TG_ASSIGN_OR_RETURN(std::vector<NerExample> sentences, ReadGumDocument(path));
    for (NerExample& s : sentences) out.push_back(std::move(s));
  }
  if (out.empty()) return Status::NotFound(gum_dir, ": no documents of split ", split);
  return out;
}

Result<std::vector<NerExample>> ReadIob2(const std::string& path) {
  TG_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(path));
  std::vector<NerExample> out;
  NerExample example;
  std::string header_text;
  struct Tok {
    std::string_view form, tag;
  };
  std::vector<Tok> toks;
  auto finish = [&]() {
    if (toks.empty()) return;
    // Place the tokens in the "# text" line; if one cannot be found there,
    // fall back to joining the tokens with spaces.
    std::vector<std::pair<uint32_t, uint32_t>> offsets;
    size_t cursor = 0;
    bool aligned = !header_text.empty();
    for (const Tok& t : toks) {
      if (!aligned) break;
      size_t at = header_text.find(t.form, cursor);
      if (at == std::string::npos || header_text.find_first_not_of(' ', cursor) != at) {
        aligned = false;
        break;
      }
      offsets.emplace_back(at, at + t.form.size());
      cursor = at + t.form.size();
    }
    if (aligned) {
      example.text = header_text;
    } else {
      offsets.clear();
      example.text.clear();
      for (const Tok& t : toks) {
        if (!example.text.empty()) example.text.push_back(' ');
        offsets.emplace_back(example.text.size(), example.text.size() + t.form.size());
        example.text.append(t.form);
      }
    }
    for (size_t i = 0; i < toks.size(); ++i) {
      const std::string_view tag = toks[i].tag;
      if (tag.size() < 3) continue;
      EntityType type;
      const std::string_view kind = tag.substr(2);
      if (kind == "PER") type = EntityType::kPerson;
      else if (kind == "ORG") type = EntityType::kOrg;
      else if (kind == "LOC") type = EntityType::kPlace;
      else continue;
      const bool extend = tag[0] == 'I' && !example.spans.empty() &&
                          example.spans.back().type == type && i > 0 &&
                          toks[i - 1].tag.size() > 2 && toks[i - 1].tag.substr(2) == kind;
      if (extend) {
        example.spans.back().end = offsets[i].second;
      } else {
        example.spans.push_back({offsets[i].first, offsets[i].second, type});
      }
    }
    out.push_back(std::move(example));
    example = NerExample();
    header_text.clear();
    toks.clear();
  };
  for (std::string_view line : Lines(content)) {
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') {
      if (line.substr(0, 12) == "# sent_id = ") example.id = std::string(line.substr(12));
      if (line.substr(0, 9) == "# text = ") header_text = std::string(line.substr(9));
      continue;
    }
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 3) return Status::Corrupt(path, ": token line without 3 columns");
    toks.push_back({cols[1], cols[2]});
  }
  finish();
  if (out.empty()) return Status::Corrupt(path, ": no sentences");
  return out;
}

std::vector<uint8_t> ProjectSpans(const NerExample& example, const text::Analysis& analysis,
                                  ProjectionStats* stats) {
  const std::vector<text::Token>& tokens = analysis.tokens;
  std::vector<uint8_t> labels(tokens.size(), kLabelO);
  size_t t = 0;
  for (const NerSpan& span : example.spans) {
    if (stats != nullptr) ++stats->spans;
    while (t < tokens.size() && tokens[t].end <= span.begin) ++t;
    bool first = true;
    bool aligned = t < tokens.size() && tokens[t].begin == span.begin;
    size_t k = t;
    for (; k < tokens.size() && tokens[k].begin < span.end; ++k) {
      if (labels[k] != kLabelO) continue;  // overlapping spans: the first keeps the token
      labels[k] = first ? BeginLabel(span.type) : BeginLabel(span.type) + 1;
      first = false;
      if (tokens[k].end > span.end) aligned = false;
      if (tokens[k].end == span.end) break;
    }
    if (k >= tokens.size() || tokens[k].end != span.end) aligned = false;
    if (!aligned && stats != nullptr) ++stats->misaligned;
  }
  return labels;
}

}  // namespace tg::extract
