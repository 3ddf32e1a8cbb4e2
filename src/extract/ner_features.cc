#include "extract/ner_features.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>

#include "core/check.h"
#include "core/hash.h"
#include "core/utf8.h"
#include "extract/ner_labels.h"
#include "extract/patterns.h"

namespace tg::extract {
namespace {

// Template ids: each feature id mixes its template with a 64-bit value, so
// two templates never share an id except by hash collision.
enum Template : uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kLowerPrev,
  kLowerNext,
  kLowerPrev2,
  kLowerNext2,
  kBigramPrev,
  kBigramNext,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kShape,
  kShapePrev,
  kShapeNext,
  kShapePrevCur,
  kShapeCurNext,
  kKindScript,
  kSyllables,
  kFirstSyllableCount,
  kSurnameKo,
  kNextParticle,
  kFormNextParticle,
  kSpacing,
  kTitleHere,
  kTitlePrev,
  kTitleNext,
  kTitleNext2,
  kGazHere,
  kGazPrev,
  kGazNext,
  kKbHere,
  kKbPrev,
  kKbNext,
  kSentenceStartShape,
  kLowerPrevShape,
  kSuffix2Next,
  kPrevSuffix2,
  kParentLower,
  kParentPiece,
  kParentFirst,
  kCapitalCommon,
  kPieceLeft,
  kPieceRight,
  kPieceRest,
  kPieceBefore,
  kPiecePos,
  kTrigram,
  kHonorificPrev,
  kPieceGaz,
  kWordPrev,
  kWordNext,
  kRunLast,
  kRunFirst,
  kRunPos,
  kRunOrgWord,
  kSyllableBigram,
  kWordParticle,
  kPrevWordParticle,
  kKoreanFullName,
};

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

inline uint32_t Fid(uint32_t tmpl, uint64_t value) {
  return static_cast<uint32_t>(Mix(value + 0x9E3779B97F4A7C15ULL * tmpl));
}

inline uint64_t Pair(uint64_t a, uint64_t b) { return Mix(a ^ ((b << 23) | (b >> 41))) ^ b; }

// Byte length of the UTF-8 sequence led by `c`.
inline size_t LeadLength(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// The feature ids of one token, gathered in a fixed array and appended to
// the sequence at once: a vector push_back per id (about 30 a token) cost
// about as much as computing them. A token has at most about 150 features:
// 55 templates plus the gazetteer and KB bits of itself and its neighbours.
class TokenIds {
 public:
  void push_back(uint32_t id) {
    TG_CHECK(size_ < kCapacity);
    ids_[size_++] = id;
  }
  // Appends the ids to `out` and starts the next token.
  void MoveTo(std::vector<uint32_t>* out) {
    out->insert(out->end(), ids_, ids_ + size_);
    size_ = 0;
  }

 private:
  static constexpr size_t kCapacity = 256;
  uint32_t ids_[kCapacity];
  size_t size_ = 0;
};

constexpr uint64_t kBos = 0x1234567887654321ULL;
constexpr uint64_t kEos = 0x8765432112345678ULL;
constexpr size_t kMaxAffix = 4;

struct TokInfo {
  uint64_t form = 0;
  uint64_t lower = 0;
  uint64_t shape = 0;
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[kMaxAffix] = {0, 0, 0, 0};
  uint32_t code_points = 0;
  bool hangul = false;
  bool particle = false;
};

void Describe(std::string_view word, const text::Token& token, TokInfo* info) {
  char lower_buf[64];
  char shape_buf[24];
  size_t shape_len = 0;
  char last_shape = 0;
  int run = 0;
  bool folded = false;  // whether lower-casing changed a byte
  std::string lower_long;
  const bool long_word = word.size() > sizeof(lower_buf);
  if (long_word) lower_long.assign(word);
  // Code point starts for prefixes and suffixes.
  uint32_t starts[kMaxAffix + 1];
  uint32_t ends_ring[kMaxAffix];  // starts of the last kMaxAffix code points
  uint32_t cps = 0;
  size_t pos = 0;
  while (pos < word.size()) {
    const unsigned char c = static_cast<unsigned char>(word[pos]);
    size_t len = std::min(LeadLength(c), word.size() - pos);
    if (cps <= kMaxAffix) starts[cps] = pos;
    ends_ring[cps % kMaxAffix] = pos;
    char cls;
    if (c < 0x80) {
      const char lc = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      if (long_word) lower_long[pos] = lc;
      else lower_buf[pos] = lc;
      folded |= lc != static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') cls = 'X';
      else if (c >= 'a' && c <= 'z') cls = 'x';
      else if (c >= '0' && c <= '9') cls = 'd';
      else cls = static_cast<char>(c);
    } else {
      if (!long_word) std::memcpy(lower_buf + pos, word.data() + pos, len);
      size_t p = pos;
      const char32_t cp = NextCodePoint(word, &p);
      if (cp >= 0xAC00 && cp <= 0xD7A3) cls = 'K';
      else if (cp >= 0x4E00 && cp <= 0x9FFF) cls = 'H';
      else cls = 'o';
    }
    if (cls == last_shape) {
      ++run;
    } else {
      run = 1;
      last_shape = cls;
    }
    if (run <= 2 && shape_len < sizeof(shape_buf)) shape_buf[shape_len++] = cls;
    pos += len;
    ++cps;
  }
  const std::string_view lower =
      long_word ? std::string_view(lower_long) : std::string_view(lower_buf, word.size());
  info->form = Hash64(word);
  // Most words (all Hangul ones) are lower case already: one hash for both.
  info->lower = folded ? Hash64(lower) : info->form;
  info->shape = Hash64(std::string_view(shape_buf, shape_len));
  info->code_points = cps;
  for (uint32_t k = 0; k < 3; ++k) {
    info->prefix[k] = (k + 1 < cps) ? Hash64(lower.substr(0, starts[k + 1])) : 0;
  }
  for (uint32_t k = 0; k < kMaxAffix; ++k) {
    if (k + 1 > cps) {
      info->suffix[k] = 0;
      continue;
    }
    const uint32_t start = ends_ring[(cps - 1 - k) % kMaxAffix];
    info->suffix[k] = (k + 1 < cps) ? Hash64(lower.substr(start)) : 0;
  }
  info->hangul = token.script == text::Script::kHangul;
  info->particle = token.kind == text::TokenKind::kParticle;
}

bool IsCapitalised(std::string_view text, const text::Token& tok) {
  return tok.script == text::Script::kLatin && text[tok.begin] >= 'A' && text[tok.begin] <= 'Z';
}

// Words that may sit inside a capitalised name between capitalised words:
// "Bank of Korea", "Procter & Gamble", "King's College".
bool IsRunConnector(std::string_view word) {
  for (std::string_view c : {"of", "the", "for", "de", "&", "'s", "\u2019s", "und", "du"}) {
    if (word == c) return true;
  }
  return false;
}

// Per token of [first, last), the last token (absolute index) of the
// capitalised run it belongs to, or UINT32_MAX. A run is a maximal sequence of
// capitalised Latin words, joined across at most two connectors. A hyphen
// does not join ("Kestrel-Daehyeon" is two names as often as one), and with
// `skip_first` the sentence's first word stays out ("Shares of Acme Robotics").
void FindCapitalRuns(std::string_view text, const std::vector<text::Token>& tokens,
                     uint32_t first, uint32_t last, bool skip_first,
                     std::vector<uint32_t>* run_end) {
  run_end->assign(last - first, UINT32_MAX);
  uint32_t i = skip_first ? first + 1 : first;
  while (i < last) {
    if (!IsCapitalised(text, tokens[i])) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (true) {
      if (j + 1 < last && IsCapitalised(text, tokens[j + 1])) {
        ++j;
        continue;
      }
      uint32_t k = j + 1;
      while (k < last && k < j + 3 && IsRunConnector(tokens[k].In(text))) ++k;
      if (k > j + 1 && k < last && IsCapitalised(text, tokens[k])) {
        j = k;
        continue;
      }
      break;
    }
    for (uint32_t k = i; k <= j; ++k) (*run_end)[k - first] = j;
    i = j + 1;
  }
}

}  // namespace

bool IsHonorific(std::string_view word) {
  if (word.size() < 2 || word.size() > 5) return false;
  for (std::string_view h : {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.",
                             "Miss", "Sir", "Dame"}) {
    if (word == h) return true;
  }
  return false;
}

void AnnotateTokens(std::string_view text, const text::Analysis& analysis,
                    const NerGazetteer* gazetteer, const KnowledgeBase* kb,
                    TokenAnnotations* ann) {
  AnnotateTokensWithMatches(text, analysis, gazetteer,
                            kb != nullptr ? kb->Match(text, analysis) : std::vector<KbMatch>(),
                            ann);
}

void AnnotateTokensWithMatches(std::string_view text, const text::Analysis& analysis,
                               const NerGazetteer* gazetteer,
                               const std::vector<KbMatch>& kb_matches, TokenAnnotations* ann) {
  const std::vector<text::Token>& tokens = analysis.tokens;
  const size_t n = tokens.size();
  if (gazetteer != nullptr) {
    gazetteer->MatchTokens(text, analysis, &ann->gaz_bits);
  } else {
    ann->gaz_bits.assign(n, 0);
  }
  ann->kb_bits.assign(n, 0);
  size_t t = 0;
  for (const KbMatch& m : kb_matches) {
    if (m.entry == nullptr || !IsNerType(m.entry->type)) continue;
    while (t < n && tokens[t].begin < m.begin) ++t;
    size_t e = t;
    while (e < n && tokens[e].end <= m.end) ++e;
    if (e == t) continue;
    const int type = static_cast<int>(m.entry->type);
    if (e - t == 1) {
      ann->kb_bits[t] |= 1u << (4 * type + 3);
      continue;
    }
    ann->kb_bits[t] |= 1u << (4 * type);
    for (size_t k = t + 1; k + 1 < e; ++k) ann->kb_bits[k] |= 1u << (4 * type + 1);
    ann->kb_bits[e - 1] |= 1u << (4 * type + 2);
  }
  ann->title.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (tokens[i].kind != text::TokenKind::kWord || ann->title[i] != 0) continue;
    const size_t len = MatchTitle(text, tokens[i].begin);
    if (len == 0) continue;
    // 1 on the first token of the title, 2 on the rest ("Executive Chairman").
    ann->title[i] = 1;
    for (size_t k = i + 1; k < n && tokens[k].end <= tokens[i].begin + len; ++k) ann->title[k] = 2;
  }
}

void ExtractFeatures(std::string_view text, const text::Analysis& original,
                     const TaggerTokens& refined, uint32_t first, uint32_t last,
                     const TokenAnnotations& ann, const NerGazetteer* gazetteer, FeatureSeq* out) {
  const std::vector<text::Token>& tokens = refined.analysis.tokens;
  const uint32_t n = last - first;
  // Token descriptions with two sentinels on each side.
  thread_local std::vector<TokInfo> infos;
  infos.assign(n + 4, TokInfo());
  for (int k : {0, 1}) {
    infos[k].form = infos[k].lower = infos[k].shape = kBos + k;
    infos[n + 2 + k].form = infos[n + 2 + k].lower = infos[n + 2 + k].shape = kEos + k;
  }
  for (uint32_t i = 0; i < n; ++i) {
    const text::Token& tok = tokens[first + i];
    Describe(tok.In(text), tok, &infos[i + 2]);
  }
  if (out->offsets.empty()) out->offsets.push_back(out->ids.size());
  TokenIds ids;
  auto bits_features = [&](uint32_t tmpl, uint32_t bits) {
    while (bits != 0) {
      const int b = __builtin_ctz(bits);
      ids.push_back(Fid(tmpl, static_cast<uint64_t>(b)));
      bits &= bits - 1;
    }
  };
  thread_local std::vector<uint32_t> run_end;
  if (ann.capital_runs) {
    // A capitalised sentence opener that is a common lower-case word is no name.
    const bool skip_first = gazetteer != nullptr && n > 0 && IsCapitalised(text, tokens[first]) &&
                            gazetteer->IsCommonWord(infos[2].lower);
    FindCapitalRuns(text, tokens, first, last, skip_first, &run_end);
  } else {
    run_end.assign(n, UINT32_MAX);
  }
  constexpr uint32_t kOrgWordBit = 1u << (4 * static_cast<int>(GazCategory::kOrgWord) + 3);
  uint32_t run_start = 0;
  TokInfo parent_info;
  uint32_t described_parent = UINT32_MAX;
  uint32_t described_syllables = UINT32_MAX;
  thread_local std::vector<uint32_t> syllable_ids;
  syllable_ids.clear();
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t t = first + i;
    const text::Token& tok = tokens[t];
    const uint32_t pt = refined.parent[t];
    const text::Token& ptok = original.tokens[pt];
    const uint8_t piece = refined.piece[t];
    const TokInfo& cur = infos[i + 2];
    const TokInfo& prev = infos[i + 1];
    const TokInfo& prev2 = infos[i];
    const TokInfo& next = infos[i + 3];
    const TokInfo& next2 = infos[i + 4];
    const TokInfo* word = &cur;
    if (piece != 0) {
      if (described_parent != pt) {
        Describe(ptok.In(text), ptok, &parent_info);
        described_parent = pt;
      }
      word = &parent_info;
      ids.push_back(Fid(kParentLower, Pair(parent_info.lower, piece)));
      if (cur.hangul) {
        // Where the syllable sits in its word, and the word around it: the
        // part up to it, from it, after it ("한국|영화", "왕정|감독").
        const uint32_t from_start = tok.begin - ptok.begin;
        const uint32_t to_end = ptok.end - tok.end;
        ids.push_back(Fid(kPiecePos, std::min<uint32_t>(from_start / 3, 4) * 8 +
                                         std::min<uint32_t>(to_end / 3, 4)));
        ids.push_back(Fid(kPieceLeft, Hash64(text.substr(ptok.begin, tok.end - ptok.begin))));
        ids.push_back(Fid(kPieceRight, Hash64(text.substr(tok.begin, ptok.end - tok.begin))));
        if (to_end > 0) ids.push_back(Fid(kPieceRest, Hash64(text.substr(tok.end, to_end))));
        if (gazetteer != nullptr && piece != 2) {
          // The word up to this piece is a listed name (한국|영화, 서울|시내).
          uint32_t bits = gazetteer->WordCategories(text.substr(ptok.begin, tok.end - ptok.begin));
          while (bits != 0) {
            const int b = __builtin_ctz(bits);
            ids.push_back(Fid(kPieceGaz, b * 8 + piece));
            bits &= bits - 1;
          }
        }
        if (from_start > 0) {
          ids.push_back(Fid(kPieceBefore, Hash64(text.substr(ptok.begin, from_start))));
        }
      }
      ids.push_back(Fid(kParentPiece, piece * 8 + std::min<uint32_t>(parent_info.code_points, 6)));
      if (parent_info.prefix[0] != 0) {
        ids.push_back(Fid(kParentFirst, Pair(parent_info.prefix[0], piece)));
      }
    }
    ids.push_back(Fid(kBias, 0));
    ids.push_back(Fid(kForm, cur.form));
    ids.push_back(Fid(kLower, cur.lower));
    ids.push_back(Fid(kLowerPrev, prev.lower));
    ids.push_back(Fid(kLowerNext, next.lower));
    ids.push_back(Fid(kLowerPrev2, prev2.lower));
    ids.push_back(Fid(kLowerNext2, next2.lower));
    ids.push_back(Fid(kBigramPrev, Pair(prev.lower, cur.lower)));
    ids.push_back(Fid(kBigramNext, Pair(cur.lower, next.lower)));
    // Piece trigrams pay in Korean (dev F1 +1.1); in English they overfit GUM.
    if (cur.hangul) ids.push_back(Fid(kTrigram, Pair(Pair(prev.lower, cur.lower), next.lower)));
    for (int k = 0; k < 3; ++k) {
      if (cur.prefix[k] != 0) ids.push_back(Fid(kPrefix1 + k, cur.prefix[k]));
    }
    for (int k = 0; k < 4; ++k) {
      if (cur.suffix[k] != 0) ids.push_back(Fid(kSuffix1 + k, cur.suffix[k]));
    }
    ids.push_back(Fid(kShape, cur.shape));
    ids.push_back(Fid(kShapePrev, prev.shape));
    ids.push_back(Fid(kShapeNext, next.shape));
    ids.push_back(Fid(kShapePrevCur, Pair(prev.shape, cur.shape)));
    ids.push_back(Fid(kShapeCurNext, Pair(cur.shape, next.shape)));
    ids.push_back(Fid(kLowerPrevShape, Pair(prev.lower, cur.shape)));
    if (next.suffix[1] != 0) ids.push_back(Fid(kSuffix2Next, next.suffix[1]));
    if (prev.suffix[1] != 0) ids.push_back(Fid(kPrevSuffix2, prev.suffix[1]));
    ids.push_back(Fid(kKindScript, static_cast<uint64_t>(tok.kind) * 16 +
                                       static_cast<uint64_t>(tok.script)));
    if (i == 0) ids.push_back(Fid(kSentenceStartShape, cur.shape));
    if (gazetteer != nullptr && tok.script == text::Script::kLatin) {
      const char c0 = text[tok.begin];
      if (c0 >= 'A' && c0 <= 'Z') {
        const bool common = gazetteer->IsCommonWord(cur.lower);
        ids.push_back(Fid(kCapitalCommon, (common ? 2 : 0) + (i == 0 ? 1 : 0)));
        ids.push_back(Fid(kCapitalCommon, Pair(prev.lower, common ? 2 : 0)));
      }
    }
    // Spacing: is the token glued to the one before, and to the one after?
    const bool next_space = (t + 1 < tokens.size()) ? tokens[t + 1].space_before : true;
    ids.push_back(Fid(kSpacing, (tok.space_before ? 2 : 0) + (next_space ? 1 : 0)));
    if (cur.hangul) {
      const uint64_t count = std::min<uint32_t>(cur.code_points, 6);
      ids.push_back(Fid(kSyllables, count));
      if (cur.suffix[0] == 0 && cur.code_points >= 1) {
        // One-syllable word: its form is its first syllable.
        ids.push_back(Fid(kFirstSyllableCount, Pair(cur.lower, count)));
      } else if (cur.prefix[0] != 0) {
        ids.push_back(Fid(kFirstSyllableCount, Pair(cur.prefix[0], count)));
      }
      if (ann.hangul_words && gazetteer != nullptr && ptok.size() == 9 &&
          gazetteer->KoreanSurnameLength(ptok.In(text)) == 1) {
        // A one-syllable surname and a listed two-syllable given name (하|지원).
        const uint8_t given = gazetteer->WordCategories(text.substr(ptok.begin + 3, 6));
        const bool listed = (given & (1u << static_cast<int>(GazCategory::kGivenName))) != 0;
        ids.push_back(Fid(kKoreanFullName, piece * 2 + (listed ? 1 : 0)));
      }
      if (gazetteer != nullptr && (piece == 0 || piece == 1)) {
        const int surname = gazetteer->KoreanSurnameLength(ptok.In(text));
        const uint64_t word_count = std::min<uint32_t>(word->code_points, 6);
        if (surname > 0) ids.push_back(Fid(kSurnameKo, surname * 8 + word_count));
      }
    }
    if (i > 0 && IsHonorific(tokens[t - 1].In(text))) ids.push_back(Fid(kHonorificPrev, 1));
    if (cur.hangul && ann.hangul_words) {
      if (described_syllables != pt) {
        // The first eight syllable bigrams of the whole word, as a bag, on
        // each of its pieces: unseen names are most of the misses, and
        // transliterated ones share syllable pairs (스트, 레이, 이터) more
        // than prefixes or suffixes. Hangul syllables are 3 bytes in UTF-8;
        // the bag ends at the first other character.
        described_syllables = pt;
        syllable_ids.clear();
        const std::string_view w = ptok.In(text);
        for (size_t b = 0; b + 6 <= w.size() && syllable_ids.size() < 8; b += 3) {
          const unsigned char c0 = static_cast<unsigned char>(w[b]);
          const unsigned char c1 = static_cast<unsigned char>(w[b + 3]);
          if ((c0 & 0xF0) != 0xE0 || (c1 & 0xF0) != 0xE0) break;
          syllable_ids.push_back(Fid(kSyllableBigram, Hash64(w.substr(b, 6))));
        }
      }
      for (uint32_t id : syllable_ids) ids.push_back(id);
    }
    if (cur.hangul) {
      // The whole words around this token's word, past particles: the
      // refined window (+-2 pieces) often ends inside the same word.
      uint32_t p = pt;
      while (p > 0 && original.tokens[p - 1].kind == text::TokenKind::kParticle) --p;
      if (p > 0) ids.push_back(Fid(kWordPrev, Hash64(original.tokens[p - 1].In(text))));
      uint32_t q = pt + 1;
      while (q < original.tokens.size() && original.tokens[q].kind == text::TokenKind::kParticle) ++q;
      if (q < original.tokens.size()) {
        ids.push_back(Fid(kWordNext, Hash64(original.tokens[q].In(text))));
      }
      // The particles after this word and after the word before, on every
      // piece: the window of a word's first pieces does not reach them
      // (서울|시|청에서: 에서 says PLACE to 서울 too).
      if (ann.hangul_words && pt + 1 < original.tokens.size() &&
          original.tokens[pt + 1].kind == text::TokenKind::kParticle) {
        ids.push_back(Fid(kWordParticle, Pair(Hash64(original.tokens[pt + 1].In(text)), piece)));
      }
      if (ann.hangul_words && pt > 0 &&
          original.tokens[pt - 1].kind == text::TokenKind::kParticle) {
        ids.push_back(Fid(kPrevWordParticle, Hash64(original.tokens[pt - 1].In(text))));
      }
    }
    if (next.particle) {
      ids.push_back(Fid(kNextParticle, next.lower));
      ids.push_back(Fid(kFormNextParticle, Pair(cur.lower, 1)));
    }
    const uint32_t pprev = i > 0 ? refined.parent[t - 1] : UINT32_MAX;
    const uint32_t pnext = i + 1 < n ? refined.parent[t + 1] : UINT32_MAX;
    if (ann.title[pt]) ids.push_back(Fid(kTitleHere, ann.title[pt]));
    if (pprev != UINT32_MAX && pprev != pt && ann.title[pprev]) ids.push_back(Fid(kTitlePrev, 1));
    if (pnext != UINT32_MAX && pnext != pt && ann.title[pnext]) ids.push_back(Fid(kTitleNext, 1));
    if (pt + 2 < original.tokens.size() && ann.title[pt + 2]) ids.push_back(Fid(kTitleNext2, 1));
    bits_features(kGazHere, ann.gaz_bits[pt] * 1u);
    if (pprev != UINT32_MAX && pprev != pt) bits_features(kGazPrev, ann.gaz_bits[pprev]);
    if (pnext != UINT32_MAX && pnext != pt) bits_features(kGazNext, ann.gaz_bits[pnext]);
    bits_features(kKbHere, ann.kb_bits[pt]);
    if (pprev != UINT32_MAX && pprev != pt) bits_features(kKbPrev, ann.kb_bits[pprev]);
    if (pnext != UINT32_MAX && pnext != pt) bits_features(kKbNext, ann.kb_bits[pnext]);
    if (run_end[i] != UINT32_MAX) {
      // A capitalised run ("National Library of the Netherlands"): its last
      // word (the head of most names), its first word, the token's place in
      // it, and whether an organisation word follows within it.
      if (i == 0 || run_end[i - 1] != run_end[i]) run_start = i;
      const uint32_t end = run_end[i] - first;
      const uint32_t len = std::min<uint32_t>(end - run_start + 1, 5);
      const uint32_t pos = len == 1 ? 0 : i == run_start ? 1 : i == end ? 3 : 2;
      ids.push_back(Fid(kRunPos, len * 4 + pos));
      if (len > 1) {
        ids.push_back(Fid(kRunLast, Pair(infos[end + 2].lower, pos)));
        if (i != run_start) ids.push_back(Fid(kRunFirst, infos[run_start + 2].lower));
        for (uint32_t k = i; k <= end; ++k) {
          if (ann.gaz_bits[refined.parent[first + k]] & kOrgWordBit) {
            ids.push_back(Fid(kRunOrgWord, k == i ? 1 : 2));
            break;
          }
        }
      }
    }
    ids.MoveTo(&out->ids);
    out->offsets.push_back(out->ids.size());
  }
}

}  // namespace tg::extract
